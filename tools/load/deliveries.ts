import { SealedTicket } from '../../handlers/tickets/schemas';

/**
 * Every message the run's subscriber queue received, counted by ticket id. The first envelope
 * of each id is kept: one no request was answered with is opened to see whose it is.
 */
export class QueueLedger {
  readonly counts = new Map<string, number>();
  readonly envelopes = new Map<string, SealedTicket>();
  readonly malformed: string[] = [];

  record(body: unknown): void {
    const parsed = SealedTicket.safeParse(body);
    if (!parsed.success) {
      this.malformed.push(JSON.stringify(body).slice(0, 120));
      return;
    }
    const { ticketId } = parsed.data;
    this.counts.set(ticketId, (this.counts.get(ticketId) ?? 0) + 1);
    if (!this.envelopes.has(ticketId)) this.envelopes.set(ticketId, parsed.data);
  }

  hasAll(ticketIds: readonly string[]): boolean {
    return ticketIds.every((id) => this.counts.has(id));
  }
}

/** What the bucket holds under tickets/<id>.json: its versions, and whether the newest is live. */
export type StoredTicket = { versions: number; live: boolean; lastModified: Date | undefined };

export type Delivery = { once: number; duplicates: number; misses: number; violations: string[] };

/**
 * Each ticket id on the queue exactly once (at least once when `atLeastOnce`): extra copies are
 * duplicates, absent ones misses.
 */
export function queueDelivery(
  ticketIds: readonly string[],
  counts: ReadonlyMap<string, number>,
  atLeastOnce = false,
): Delivery {
  return tally(ticketIds, atLeastOnce, (id) => {
    const n = counts.get(id) ?? 0;
    if (n === 0) return { extra: 0, miss: `ticket ${id} never reached the subscriber queue` };
    if (n > 1)
      return { extra: n - 1, miss: null, line: `ticket ${id} reached the subscriber queue ${n} times` };
    return { extra: 0, miss: null };
  });
}

/** Each ticket stored once (or more when `atLeastOnce`): tickets/<id>.json, still there (not withdrawn). */
export function storeDelivery(
  ticketIds: readonly string[],
  stored: ReadonlyMap<string, StoredTicket>,
  atLeastOnce = false,
): Delivery {
  return tally(ticketIds, atLeastOnce, (id) => {
    const s = stored.get(id);
    if (!s || s.versions === 0)
      return { extra: 0, miss: `ticket ${id} is not stored (no tickets/${id}.json)` };
    if (!s.live) return { extra: 0, miss: `ticket ${id} was stored and then withdrawn (a delete marker)` };
    if (s.versions > 1)
      return { extra: s.versions - 1, miss: null, line: `ticket ${id} was stored ${s.versions} times` };
    return { extra: 0, miss: null };
  });
}

type Verdict = { extra: number; miss: string | null; line?: string };

function tally(ticketIds: readonly string[], atLeastOnce: boolean, judge: (id: string) => Verdict): Delivery {
  const result: Delivery = { once: 0, duplicates: 0, misses: 0, violations: [] };
  for (const id of new Set(ticketIds)) {
    const { extra, miss, line } = judge(id);
    if (miss) {
      result.misses += 1;
      result.violations.push(miss);
    } else if (extra > 0) {
      result.duplicates += extra;
      if (!atLeastOnce) result.violations.push(line ?? `ticket ${id}: ${extra} extra`);
    } else {
      result.once += 1;
    }
  }
  return result;
}

/**
 * Tickets on the queue, or stored since the run began, that no request got in a 201: the
 * candidates for "stored or published for a request that failed".
 */
export function strayTicketIds(
  answered: ReadonlySet<string>,
  counts: ReadonlyMap<string, number>,
  stored: ReadonlyMap<string, StoredTicket>,
  since: Date,
): { published: string[]; stored: string[] } {
  const published = [...counts.keys()].filter((id) => !answered.has(id));
  const storedStrays = [...stored]
    .filter(
      ([id, s]) => !answered.has(id) && s.live && s.lastModified !== undefined && s.lastModified >= since,
    )
    .map(([id]) => id);
  return { published, stored: storedStrays };
}

/** The check an event belongs to, by the prefix of its id; null for another client's event. */
export function ownerOf(eventId: string, prefixes: ReadonlyMap<string, string>): string | null {
  for (const [prefix, check] of prefixes) if (eventId.startsWith(prefix)) return check;
  return null;
}
