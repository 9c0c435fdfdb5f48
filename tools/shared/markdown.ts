import type { Skipped } from './report-types';

export type Align = 'left' | 'right';

/** A cell must not break the table: pipes are escaped, newlines flattened. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/**
 * GitHub-flavoured markdown table, padded the way biome formats markdown (columns at least
 * 3 wide, right-aligned cells padded on the left), so `make lint` accepts the generated file.
 */
export function mdTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string {
  const body = rows.map((r) => header.map((_, c) => cell(r[c] ?? '')));
  const head = header.map(cell);
  const widths = head.map((h, c) => Math.max(3, h.length, ...body.map((r) => (r[c] ?? '').length)));
  const right = (c: number) => align[c] === 'right';
  const line = (cells: readonly string[]) =>
    `| ${cells.map((text, c) => (right(c) ? text.padStart(widths[c] ?? 0) : text.padEnd(widths[c] ?? 0))).join(' | ')} |`;
  const rule = widths.map((w, c) => (right(c) ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(head), `| ${rule.join(' | ')} |`, ...body.map(line)].join('\n');
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

/** Milliseconds with precision that suits the magnitude: 0.12, 12.3, 1234. */
export function ms(value: number): string {
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export const ratio = (value: number) => `${value.toFixed(1)}x`;

export const rate = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** A figure left out, and why, as a quote. */
export const skipped = (s: Skipped, what = 'Skipped') => `> **${what}:** ${s.reason}`;
