import { codeBlock, inlineCode, kb, mdTable, ms, rate, ratio } from '../../../tools/shared/markdown';

describe('mdTable', () => {
  it('pads columns as biome formats markdown, aligning right-hand columns right', () => {
    expect(mdTable(['Name', 'ms'], [['generate', '1.00']], ['left', 'right'])).toBe(
      ['| Name     |   ms |', '| -------- | ---: |', '| generate | 1.00 |'].join('\n'),
    );
  });

  it('keeps every column at least 3 wide', () => {
    expect(mdTable(['a', 'b'], [['x', '1']], ['left', 'right'])).toBe(
      ['| a   |   b |', '| --- | --: |', '| x   |   1 |'].join('\n'),
    );
  });

  it('escapes pipes, flattens newlines and fills missing cells', () => {
    expect(mdTable(['a', 'b'], [['x|y\nz']], ['left', 'left']).split('\n')[2]).toBe('| x\\|y z |     |');
  });
});

describe('inlineCode and codeBlock', () => {
  it('fences with one more backtick than the text holds', () => {
    expect(inlineCode('make bench')).toBe('`make bench`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`x')).toBe('`` `x ``');
  });

  it('wraps a block in a shell fence by default', () => {
    expect(codeBlock('ls')).toBe('```sh\nls\n```');
  });
});

describe('number formats', () => {
  it('gives milliseconds a precision that suits their size', () => {
    expect([ms(0.2468), ms(12.345), ms(1234.5)]).toEqual(['0.25', '12.3', '1235']);
  });

  it('formats KiB, ratios and rates', () => {
    expect(kb(1536)).toBe('1.5');
    expect(ratio(2.84)).toBe('2.8x');
    expect([rate(1.114), rate(3486.2)]).toEqual(['1.11', '3486']);
  });
});
