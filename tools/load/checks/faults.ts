import { randomUUID } from 'node:crypto';
import type { CheckRun, LoadContext } from '../check-types';
import { expectAnswer, ticketOf } from '../expectations';
import { PLAN } from '../plan';
import { runPool } from '../pool';
import { notSent, type Outcome, postTicket } from '../post-ticket';
import { expectHeld, keyRecordKey, seatClaimKey } from '../ticket-bucket';
import { eventPrefix, generateBody, type SeatRef, seatLabel } from '../ticket-requests';

const { pairs, concurrency, deadlineS } = PLAN.faults;

type Attempt = { failed: Outcome; retried: Outcome; violations: string[] };

/**
 * A failure injected after the seat claim: a Generate for an event that has already started
 * claims the seat (and its key), then GenerateTicket refuses it. It must answer 422
 * EventAlreadyStarted with the claim and the key released; then the same seat, with the same
 * key and a future start, must get 201. (That nothing was stored or published for the failed
 * one is the audit's part: a stray ticket of these events is a violation.)
 */
export async function faults(ctx: LoadContext): Promise<CheckRun> {
  const prefix = eventPrefix(ctx.run, 'fault');
  const started = performance.now();
  const attempts = await runPool(
    pairs,
    concurrency,
    started + deadlineS * 1000,
    (i) => failThenRetry(ctx, { eventId: `${prefix}${i}`, seat: 'F-1' }),
    (): Attempt => ({ failed: notSent(), retried: notSent(), violations: [] }),
  );
  return {
    name: 'Faults',
    what:
      `${pairs} Generate for events that have already started (${concurrency} at a time), each with an Idempotency-Key: ` +
      '422 EventAlreadyStarted after claiming the seat, the claim and key released; then the same event, seat and key with a future start: 201.',
    outcomes: attempts.flatMap((a) => [a.failed, a.retried]),
    elapsedMs: performance.now() - started,
    tickets: attempts.flatMap((a) => ticketOf(a.retried)?.ticketId ?? []),
    eventPrefix: prefix,
    violations: attempts.flatMap((a, i) => [
      ...expectAnswer(`failed Generate ${i} (${prefix}${i})`, a.failed, 422, 'EventAlreadyStarted'),
      ...expectAnswer(`retried Generate ${i} (${prefix}${i})`, a.retried, 201),
      ...a.violations,
    ]),
    notes: [],
  };
}

async function failThenRetry(ctx: LoadContext, ref: SeatRef): Promise<Attempt> {
  const key = randomUUID();
  const send = (when: 'future' | 'past') =>
    postTicket(ctx.apiUrl, generateBody(ref, ctx.now, when), { key, timeoutMs: ctx.timeoutMs });
  const label = seatLabel(ref);
  const seat = seatClaimKey(ref.eventId, ref.seat);
  const record = keyRecordKey(key);
  const look = (what: string, objectKey: string, held: boolean, when: string) =>
    expectHeld(ctx.bucket, { label, what, objectKey, held, when });
  const failed = await send('past');
  const violations = [
    ...(await look('the seat claim', seat, false, 'after the failure')),
    ...(await look('the Idempotency-Key record', record, false, 'after the failure')),
  ];
  const retried = await send('future');
  // Both are there once a ticket is issued: proof that the looks above were in the right place.
  if (retried.status === 201) {
    violations.push(...(await look(`the seat claim (${seat})`, seat, true, 'after the 201')));
    violations.push(...(await look(`the key record (${record})`, record, true, 'after the 201')));
  }
  return { failed, retried, violations };
}
