import { commandLine, shellQuote } from '../../../tools/bench/shell';

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
