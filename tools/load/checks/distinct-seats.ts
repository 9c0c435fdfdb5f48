import { clearFaults, injectFaults, listFaults } from '../../client/fault-injection';
import { backgroundFaults, injectedByKind } from '../background-faults';
import type { CheckRun, LoadContext } from '../check-types';
import { expectAnswer, repeatedTicketIds, ticketOf } from '../expectations';
import { PLAN } from '../plan';
import type { Outcome } from '../post-ticket';
import { postGenerates } from '../post-ticket';
import { expectHeld, seatClaimKey } from '../ticket-bucket';
import { eventPrefix, type SeatRef, seatLabel } from '../ticket-requests';

/** What a Generate may answer when a fault outlasts the workflow's retries (README, "Faults"). */
const FAULT_ANSWERS = ['TicketGenerationFailed', 'TicketNotIssued'];

type Plan = { requests: number; concurrency: number; events: number; deadlineS: number };

/**
 * 1,000 Generates for 1,000 different seats (10 events of 100 seats), 20 at a time, while faults
 * are injected at a low probability on every service the workflow calls. Each answers 201, or 502
 * when a fault outlasted the retries; then, with the faults cleared: every sold seat is held,
 * every failed one is not, and each failed request sent again gets 201. Tickets may reach the
 * queue or the store more than once (a lost answer is retried): at least once is the rule here.
 */
export async function distinctSeats(ctx: LoadContext, plan: Plan = PLAN.distinctSeats): Promise<CheckRun> {
  const { requests, concurrency, events, deadlineS } = plan;
  const prefix = eventPrefix(ctx.run, 'seats');
  const seatOf = (i: number): SeatRef => ({
    eventId: `${prefix}${i % events}`,
    seat: `S-${Math.floor(i / events)}`,
  });
  const faults = backgroundFaults(ctx);
  if ((await listFaults()).length > 0) {
    throw new Error(
      'fault rules are already set on LocalStack: clear them first (make local-up restarts it)',
    );
  }
  await injectFaults(faults.map((f) => f.rule));
  let sent: { outcomes: Outcome[]; elapsedMs: number };
  let injected: [string, number][];
  try {
    sent = await postGenerates(ctx, { count: requests, concurrency, deadlineS }, seatOf);
  } finally {
    injected = injectedByKind(faults, await clearFaults());
  }
  const { outcomes, elapsedMs } = sent;
  const failed = [...outcomes.keys()].filter((i) => outcomes[i]?.status !== 201);
  const label = (i: number) => `request ${i} (${seatLabel(seatOf(i))})`;
  const violations = outcomes.flatMap((o, i) =>
    o.status === 502 && FAULT_ANSWERS.includes(o.error ?? '') ? [] : expectAnswer(label(i), o, 201),
  );
  // With the faults cleared: a seat is held if and only if its request got a ticket.
  for (const [i, o] of outcomes.entries()) {
    const { eventId, seat } = seatOf(i);
    const held = o.status === 201;
    const when = held ? 'after its 201' : `after its ${o.status ?? 'missing answer'}`;
    violations.push(
      ...(await expectHeld(ctx.bucket, {
        label: label(i),
        what: 'the seat claim',
        objectKey: seatClaimKey(eventId, seat),
        held,
        when,
      })),
    );
  }
  // ... and a failed request sent again succeeds once.
  const again = await postGenerates(ctx, { count: failed.length, concurrency, deadlineS }, (n) =>
    seatOf(failed[n] ?? 0),
  );
  violations.push(
    ...again.outcomes.flatMap((o, n) => expectAnswer(`${label(failed[n] ?? 0)} sent again`, o, 201)),
  );
  const answered = [...outcomes, ...again.outcomes];
  violations.push(...repeatedTicketIds(answered));
  const total = injected.reduce((n, [, count]) => n + count, 0);
  return {
    name: 'Distinct seats under faults',
    what:
      `${requests} Generate, ${concurrency} concurrent, each for its own seat (${events} events × ${requests / events} seats), no Idempotency-Key, ` +
      `with faults at 0.3–20 % on every service (below): each answers 201, or 502 ${FAULT_ANSWERS.join('/')} when a fault outlasted the retries; ` +
      'then, faults cleared, a seat is held if and only if its request got a ticket, and each failed request sent again gets 201.',
    outcomes: answered,
    elapsedMs: elapsedMs + again.elapsedMs,
    tickets: answered.flatMap((o) => ticketOf(o)?.ticketId ?? []),
    eventPrefix: prefix,
    violations,
    notes: [`${failed.length} requests failed under the faults and were sent again.`],
    atLeastOnce: true,
    faultsInjected: { total, byKind: injected },
  };
}
