/** Quotes a word for a POSIX shell only when it needs it, so printed commands stay readable. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A copy-pasteable command line: `A=1 B=2 cmd arg 'arg two'`. */
export function commandLine(argv: readonly string[], env: Record<string, string> = {}): string {
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
  return [...assignments, ...argv.map(shellQuote)].join(' ');
}
