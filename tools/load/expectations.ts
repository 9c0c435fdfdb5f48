import { SealedTicket } from '../../handlers/tickets/schemas';
import type { Outcome } from './post-ticket';
import { statusKey } from './tally';

/**
 * The rules each check holds the answers to. Every function returns violations, one line
 * each, saying what went wrong and for which request.
 */

/** The sealed ticket a 201 carries, or null. */
export function ticketOf(outcome: Outcome): SealedTicket | null {
  if (outcome.status !== 201) return null;
  const parsed = SealedTicket.safeParse(outcome.body);
  return parsed.success ? parsed.data : null;
}

/** A 201 with a sealed ticket in it, or the given error with the given status. */
export function expectAnswer(label: string, outcome: Outcome, status: number, error?: string): string[] {
  if (status === 201 && outcome.status === 201 && !ticketOf(outcome)) {
    return [`${label}: 201 without a sealed ticket: ${JSON.stringify(outcome.body).slice(0, 120)}`];
  }
  if (outcome.status === status && outcome.error === error) return [];
  return [`${label}: ${statusKey(outcome)}, expected ${error ? `${status} ${error}` : status}`];
}

/** Two 201s must never carry the same ticket id (that would be one ticket for two requests). */
export function repeatedTicketIds(outcomes: readonly Outcome[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const o of outcomes) {
    const id = ticketOf(o)?.ticketId;
    if (id && seen.has(id)) repeated.add(id);
    if (id) seen.add(id);
  }
  return [...repeated].map((id) => `ticket ${id} was answered to more than one request`);
}

/**
 * A race for seats: each seat sold exactly once (one 201), every other racer told 409 SeatTaken.
 * `seatOf(i)` names the seat outcome i raced for.
 */
export function raceViolations(outcomes: readonly Outcome[], seatOf: (index: number) => string): string[] {
  const winners = new Map<string, number>();
  const violations: string[] = [];
  outcomes.forEach((o, i) => {
    const seat = seatOf(i);
    winners.set(seat, (winners.get(seat) ?? 0) + (o.status === 201 ? 1 : 0));
    if (o.status !== 201) violations.push(...expectAnswer(`request ${i} (${seat})`, o, 409, 'SeatTaken'));
    else if (!ticketOf(o)) violations.push(...expectAnswer(`request ${i} (${seat})`, o, 201));
  });
  for (const [seat, n] of winners) {
    if (n !== 1)
      violations.push(`${seat}: ${n} × 201, expected exactly 1 (${n > 1 ? 'sold twice' : 'never sold'})`);
  }
  return violations;
}

/** A retry with the first call's key and body: 201 with the very same ticket id and envelope. */
export function replayViolations(label: string, first: Outcome, retry: Outcome): string[] {
  const ticket = ticketOf(first);
  if (!ticket) return []; // the first call's own violation says why
  const again = ticketOf(retry);
  if (!again) return [`${label}: the retry answered ${statusKey(retry)}, expected 201 with the first ticket`];
  if (again.ticketId !== ticket.ticketId) {
    return [`${label}: the retry got ticket ${again.ticketId}, the first call ${ticket.ticketId}`];
  }
  if (again.encryptedTicket !== ticket.encryptedTicket) {
    return [`${label}: the retry got ticket ${ticket.ticketId} with another envelope`];
  }
  return [];
}

/**
 * A first call and a retry with its key sent while it ran: one of them issues the ticket (201),
 * the other answers 409 RequestInProgress or 201 with the same ticket. Returns the ticket too.
 */
export function inFlightPair(
  label: string,
  first: Outcome,
  retry: Outcome,
): { ticket: SealedTicket | null; violations: string[] } {
  const violations: string[] = [];
  const tickets = [first, retry].map(ticketOf);
  const [a, b] = tickets;
  for (const [who, o] of [['first call', first] as const, ['retry', retry] as const]) {
    if (!ticketOf(o) && !(o.status === 409 && o.error === 'RequestInProgress')) {
      violations.push(`${label}: the ${who} answered ${statusKey(o)}, expected 201 or 409 RequestInProgress`);
    }
  }
  if (!a && !b && violations.length === 0) violations.push(`${label}: neither call issued a ticket`);
  if (a && b && (a.ticketId !== b.ticketId || a.encryptedTicket !== b.encryptedTicket)) {
    violations.push(`${label}: two different tickets for one key (${a.ticketId}, ${b.ticketId})`);
  }
  return { ticket: a ?? b ?? null, violations };
}
