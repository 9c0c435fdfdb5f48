import { generateRequest, startsAt } from '../shared/ticket-input';

const DAY_MS = 86_400_000;

/** Where one Generate goes: an event of this run and a seat of it. */
export type SeatRef = { eventId: string; seat: string };

/**
 * Event ids of one run: `load-<run>-<check>-<n>`. Each check has its own prefix, so a stray
 * ticket (stored or published though no request got it in a 201) can be traced to its check.
 */
export function eventPrefix(run: string, check: string): string {
  return `load-${run}-${check}-`;
}

/** A run id: base 36 of the start time, short enough for event ids (at most 64 characters). */
export const runId = (now: Date) => now.getTime().toString(36);

/** The POST /tickets Generate body for a seat; `past` makes an event that has already started. */
export function generateBody(ref: SeatRef, now: Date, when: 'future' | 'past' = 'future'): string {
  const request = generateRequest(now);
  const start = when === 'future' ? startsAt(now) : startsAt(new Date(now.getTime() - 31 * DAY_MS));
  return JSON.stringify({
    ...request,
    event: { ...request.event, id: ref.eventId, seat: ref.seat, startsAt: start },
  });
}

export const seatLabel = (ref: SeatRef) => `${ref.eventId} seat ${ref.seat}`;
