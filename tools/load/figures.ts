import { ms, rate } from '../shared/markdown';
import type { CheckReport, RunReport } from './check-types';
import { formatCounts, statusCounts, timing } from './tally';

export const FIGURE_HEADER = [
  'Check',
  'Requests',
  'Statuses',
  'req/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'Duplicates',
  'Misses',
  'Violations',
] as const;
export const FIGURE_ALIGN = [
  'left',
  'right',
  'left',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
  'right',
] as const;

/** Every violation of a check: its answers, then the queue, the bucket and stray tickets. */
export function checkViolations(check: CheckReport): string[] {
  return [...check.violations, ...check.queue.violations, ...check.store.violations, ...check.strays];
}

export function totalViolations(report: RunReport): number {
  return report.runViolations.length + report.checks.reduce((n, c) => n + checkViolations(c).length, 0);
}

/** One row per check. Duplicates and misses add up the queue's and the bucket's. */
export function figureRow(check: CheckReport): string[] {
  const t = timing(check.outcomes, check.elapsedMs);
  const latency = (p: 'median' | 'p95' | 'p99') => (t.latencyMs ? ms(t.latencyMs[p]) : '-');
  return [
    check.name,
    String(check.outcomes.length),
    formatCounts(statusCounts(check.outcomes)),
    rate(t.perSecond),
    latency('median'),
    latency('p95'),
    latency('p99'),
    String(check.queue.duplicates + check.store.duplicates),
    String(check.queue.misses + check.store.misses),
    String(checkViolations(check).length),
  ];
}

/** Where each check's tickets ended up, in a sentence. */
export function deliveryLine(check: CheckReport): string {
  const { queue, store } = check;
  return (
    `${check.tickets.length} tickets issued. Queue: ${queue.once} once, ${queue.duplicates} duplicate deliveries, ${queue.misses} missing. ` +
    `S3: ${store.once} stored once, ${store.duplicates} extra versions, ${store.misses} missing. ` +
    `Kept for a failed request: ${check.strays.length}.`
  );
}

/**
 * The violation lines to show: at most `limit` per check (every one is counted, but a thousand
 * lines of the same failure hide the first one).
 */
export function violationLines(report: RunReport, limit: number): string[] {
  const lines: string[] = [];
  const add = (name: string, all: readonly string[]) => {
    lines.push(...all.slice(0, limit).map((v) => `${name}: ${v}`));
    if (all.length > limit) lines.push(`${name}: ... and ${all.length - limit} more`);
  };
  for (const check of report.checks) add(check.name, checkViolations(check));
  add('Run', report.runViolations);
  return lines;
}
