import type { CheckRun, LoadContext } from '../check-types';
import { expectAnswer, repeatedTicketIds, ticketOf } from '../expectations';
import { PLAN } from '../plan';
import { postGenerates } from '../post-ticket';
import { eventPrefix, type SeatRef, seatLabel } from '../ticket-requests';

const { requests, concurrency, events, deadlineS } = PLAN.distinctSeats;

/** 1,000 Generates for 1,000 different seats (10 events of 100 seats), 20 at a time: all 201. */
export async function distinctSeats(ctx: LoadContext): Promise<CheckRun> {
  const prefix = eventPrefix(ctx.run, 'seats');
  const seatOf = (i: number): SeatRef => ({
    eventId: `${prefix}${i % events}`,
    seat: `S-${Math.floor(i / events)}`,
  });
  const { outcomes, elapsedMs } = await postGenerates(
    ctx,
    { count: requests, concurrency, deadlineS },
    seatOf,
  );
  const violations = [
    ...outcomes.flatMap((o, i) => expectAnswer(`request ${i} (${seatLabel(seatOf(i))})`, o, 201)),
    ...repeatedTicketIds(outcomes),
  ];
  return {
    name: 'Distinct seats',
    what: `${requests} Generate, ${concurrency} concurrent, each for its own seat (${events} events × ${requests / events} seats), no Idempotency-Key: each must answer 201.`,
    outcomes,
    elapsedMs,
    tickets: outcomes.flatMap((o) => ticketOf(o)?.ticketId ?? []),
    eventPrefix: prefix,
    violations,
    notes: [],
  };
}
