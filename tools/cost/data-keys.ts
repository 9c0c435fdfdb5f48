import type { DataKeyCacheBounds } from '../../handlers/tickets/data-key-cache';
import type { ServiceCall, Usage } from './usage';

export type ReuseLimit = 'caching off' | 'max age' | 'max tickets' | 'max bytes';

export interface DataKeyReuse {
  /** As serverless.yml sets it (0 in any bound: off); null when it sets none: a data key per ticket. */
  cache: DataKeyCacheBounds | null;
  warmTicketsPerMinute: number;
  ticketBytes: number;
  /** Tickets one data key seals, on average, under these assumptions (at least 1). */
  ticketsPerDataKey: number;
  limitedBy: ReuseLimit;
}

/**
 * How many tickets share a data key: a warm encryptTicket environment seals
 * `warmTicketsPerMinute` tickets, and a data key serves until the first bound is reached.
 * A cold start begins a new key, which the average absorbs (an environment that lives
 * shorter than the max age is the same as a lower rate).
 */
export function dataKeyReuse(
  cache: DataKeyCacheBounds | null,
  warmTicketsPerMinute: number,
  ticketBytes: number,
): DataKeyReuse {
  const base = { cache, warmTicketsPerMinute, ticketBytes };
  if (!cache || cache.maxAgeSeconds === 0 || cache.maxTickets === 0 || cache.maxBytes === 0) {
    return { ...base, ticketsPerDataKey: 1, limitedBy: 'caching off' };
  }
  const limits: [ReuseLimit, number][] = [
    ['max age', Math.floor((warmTicketsPerMinute * cache.maxAgeSeconds) / 60)],
    ['max tickets', cache.maxTickets],
    ['max bytes', Math.floor(cache.maxBytes / ticketBytes)],
  ];
  const [limitedBy, tickets] = limits.reduce((min, l) => (l[1] < min[1] ? l : min));
  return { ...base, ticketsPerDataKey: Math.max(1, tickets), limitedBy };
}

const isDataKeyCall = (c: ServiceCall) => c.service === 'kms' && c.action === 'GenerateDataKey';

/** The calls made inside each Lambda, with GenerateDataKey spread over the tickets a data key seals. */
export function withDataKeyReuse(
  callsInsideLambda: Record<string, ServiceCall[]>,
  reuse: DataKeyReuse,
): Record<string, ServiceCall[]> {
  return Object.fromEntries(
    Object.entries(callsInsideLambda).map(([fn, calls]) => [
      fn,
      calls.map((c) => (isDataKeyCall(c) ? { ...c, count: c.count / reuse.ticketsPerDataKey } : c)),
    ]),
  );
}

/**
 * Whether reuse changes what a path uses: a key seals more than one ticket, and the path asks
 * for one inside a Lambda (`via`; withDataKeyReuse spreads only those).
 */
export const reuseChangesUsage = (usage: Usage, reuse: DataKeyReuse) =>
  reuse.ticketsPerDataKey > 1 && usage.calls.some((c) => isDataKeyCall(c) && c.via !== undefined);

/** `2x`, or `1/300x` for a call spread over many executions. */
export function countText(count: number): string {
  if (count >= 1 || count <= 0) return `${Number(count.toFixed(4))}x`;
  return `1/${Number((1 / count).toFixed(1))}x`;
}
