import { GenerationDetails } from '../../../handlers/tickets/schemas';
import { codeBlock, inlineCode, kb, mdTable, ms, rate, ratio } from '../../../tools/bench/markdown';
import { commandLine, shellQuote } from '../../../tools/bench/shell';
import { generateRequest, generationDetails, startsAt } from '../../../tools/bench/ticket-input';

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

describe('shell commands', () => {
  it('quotes only the words that need it', () => {
    expect(shellQuote('content-type=application/json')).toBe('content-type=application/json');
    expect(shellQuote('{"a":1}')).toBe(`'{"a":1}'`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('puts environment assignments before the command', () => {
    expect(commandLine(['node', '-e', 'require("x")'], { A: '1', B: 'two words' })).toBe(
      `A=1 B='two words' node -e 'require("x")'`,
    );
  });
});

describe('ticket input', () => {
  const now = new Date('2027-01-01T12:00:00.123Z');

  it('starts the event 30 days ahead, in whole seconds', () => {
    expect(startsAt(now)).toBe('2027-01-31T12:00:00Z');
  });

  it('gives the generator details its schema accepts', () => {
    expect(GenerationDetails.safeParse(generationDetails(now)).success).toBe(true);
  });

  it('makes a Generate request body', () => {
    expect(generateRequest(now)).toEqual({
      action: 'Generate',
      customer: { name: 'Ada', email: 'ada@example.com' },
      event: { id: 'concert-42', name: 'Show', startsAt: '2027-01-31T12:00:00Z', seat: 'B-12' },
    });
  });
});
