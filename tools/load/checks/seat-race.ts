import type { CheckRun, LoadContext } from '../check-types';
import { raceViolations, ticketOf } from '../expectations';
import { PLAN } from '../plan';
import { postGenerates } from '../post-ticket';
import { eventPrefix, type SeatRef, seatLabel } from '../ticket-requests';

const { requests, seats, concurrency, deadlineS } = PLAN.race;

/**
 * 200 Generates racing for 10 seats of one event, 20 at a time. Sent seat by seat, so the 20
 * racers for a seat are in flight together: exactly one 201 per seat, 409 SeatTaken for the rest.
 */
export async function seatRace(ctx: LoadContext): Promise<CheckRun> {
  const prefix = eventPrefix(ctx.run, 'race');
  const perSeat = requests / seats;
  const seatOf = (i: number): SeatRef => ({ eventId: `${prefix}0`, seat: `R-${Math.floor(i / perSeat)}` });
  const { outcomes, elapsedMs } = await postGenerates(
    ctx,
    { count: requests, concurrency, deadlineS },
    seatOf,
  );
  return {
    name: 'Seat race',
    what: `${requests} Generate, ${concurrency} concurrent, ${perSeat} racing for each of ${seats} seats of one event, no Idempotency-Key: exactly ${seats} × 201 and ${requests - seats} × 409 SeatTaken.`,
    outcomes,
    elapsedMs,
    tickets: outcomes.flatMap((o) => ticketOf(o)?.ticketId ?? []),
    eventPrefix: prefix,
    violations: raceViolations(outcomes, (i) => seatLabel(seatOf(i))),
    notes: [],
  };
}
