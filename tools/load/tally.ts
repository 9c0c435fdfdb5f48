import { perSecond, type Summary, summarize } from '../shared/stats';
import type { Outcome } from './post-ticket';

/** How an outcome is counted: `201`, `409 SeatTaken`, or `no answer (why)`. */
export function statusKey(outcome: Outcome): string {
  if (outcome.status === null) return `no answer (${outcome.error ?? 'unknown'})`;
  return outcome.error ? `${outcome.status} ${outcome.error}` : String(outcome.status);
}

/** Status counts, most frequent first (then by name), so tables read the same every run. */
export function statusCounts(outcomes: readonly Outcome[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(statusKey(o), (counts.get(statusKey(o)) ?? 0) + 1);
  return [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
}

/** `201 × 10, 409 SeatTaken × 190`. */
export const formatCounts = (counts: readonly [string, number][]) =>
  counts.map(([key, n]) => `${key} × ${n}`).join(', ') || 'none';

export type Timing = { answered: number; perSecond: number; latencyMs: Summary | null };

/** The round-trip latency of the answered requests, or null when none answered. */
export function latencyOf(outcomes: readonly Outcome[]): Summary | null {
  const samples = outcomes.flatMap((o) =>
    o.sentAt !== undefined && o.answeredAt !== undefined && o.status !== null
      ? [o.answeredAt - o.sentAt]
      : [],
  );
  return samples.length > 0 ? summarize(samples) : null;
}

/** Answered requests per second of the check's wall time, and their round-trip latency. */
export function timing(outcomes: readonly Outcome[], elapsedMs: number): Timing {
  const latencyMs = latencyOf(outcomes);
  const answered = latencyMs?.n ?? 0;
  return { answered, perSecond: elapsedMs > 0 ? perSecond(answered, elapsedMs) : 0, latencyMs };
}
