export type Align = 'left' | 'right';

/** A cell must not break the table: pipes are escaped, newlines flattened. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** GitHub-flavoured markdown table; alignment goes in the separator row. */
export function mdTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, c) => (align[c] === 'right' ? '---:' : '---'));
  return [line(header), line(rule), ...rows.map((r) => line(header.map((_, c) => r[c] ?? '')))].join('\n');
}

/** Inline code that survives backticks inside the text (CommonMark: a longer fence). */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function codeBlock(text: string, lang = 'sh'): string {
  return `\`\`\`${lang}\n${text}\n\`\`\``;
}

/** Milliseconds with precision that suits the magnitude: 0.123, 12.3, 1234. */
export function ms(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export const ratio = (value: number) => `${value.toFixed(1)}x`;

export const rate = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));
