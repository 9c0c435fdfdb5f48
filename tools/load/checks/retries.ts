import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckRun, LoadContext } from '../check-types';
import { expectAnswer, inFlightPair, replayViolations, ticketOf } from '../expectations';
import { PLAN } from '../plan';
import { runPool } from '../pool';
import { notSent, type Outcome, postTicket } from '../post-ticket';
import { latencyOf } from '../tally';
import { eventPrefix, generateBody } from '../ticket-requests';

const { firstCalls, concurrency, inFlightPairs, pairConcurrency, retryDelayMs, deadlineS } = PLAN.retries;

type Call = { body: string; key: string; label: string };
type Pair = { first: Outcome; retry: Outcome; later: Outcome; retriedInFlight: boolean };

/**
 * Idempotency-Key retries. 100 first calls, then a retry of each with its key and body once it
 * has answered: the same ticket id and envelope, and nothing published again (the audit counts
 * the queue). Then 40 pairs whose retry is sent while the first call runs: 409
 * RequestInProgress or the same ticket; a third call after both answered gets the ticket.
 */
export async function retries(ctx: LoadContext): Promise<CheckRun> {
  const prefix = eventPrefix(ctx.run, 'retry');
  const call = (name: string, i: number): Call => ({
    body: generateBody({ eventId: `${prefix}${name}${i}`, seat: 'K-1' }, ctx.now),
    key: randomUUID(),
    label: `${name === 'a' ? 'call' : 'pair'} ${i} (${prefix}${name}${i})`,
  });
  const send = (c: Call) => postTicket(ctx.apiUrl, c.body, { key: c.key, timeoutMs: ctx.timeoutMs });
  const started = performance.now();
  const deadline = started + deadlineS * 1000;

  const calls = Array.from({ length: firstCalls }, (_, i) => call('a', i));
  const firsts = await runPool(firstCalls, concurrency, deadline, (i) => send(calls[i] as Call), notSent);
  const replays = await runPool(firstCalls, concurrency, deadline, (i) => send(calls[i] as Call), notSent);

  const pairCalls = Array.from({ length: inFlightPairs }, (_, i) => call('b', i));
  const pairs = await runPool(
    inFlightPairs,
    pairConcurrency,
    deadline,
    (i) => racePair(pairCalls[i] as Call, send),
    (): Pair => ({ first: notSent(), retry: notSent(), later: notSent(), retriedInFlight: false }),
  );
  const elapsedMs = performance.now() - started;

  const violations = calls.flatMap((c, i) => {
    const first = firsts[i] as Outcome;
    return [...expectAnswer(c.label, first, 201), ...replayViolations(c.label, first, replays[i] as Outcome)];
  });
  const pairTickets = pairs.flatMap((p, i) => {
    const { label } = pairCalls[i] as Call;
    const { ticket, violations: pairViolations } = inFlightPair(label, p.first, p.retry);
    violations.push(...pairViolations);
    const issued = ticketOf(p.first) ? p.first : p.retry;
    violations.push(...replayViolations(`${label}, after both answered`, issued, p.later));
    return ticket ? [ticket.ticketId] : [];
  });
  const inFlight = pairs.filter((p) => p.retriedInFlight);
  if (inFlight.length === 0) violations.push('no retry was sent while its first call was still running');
  const busy = inFlight.filter(
    (p) => p.retry.error === 'RequestInProgress' || p.first.error === 'RequestInProgress',
  );
  const replayP50 = latencyOf(replays)?.median;

  return {
    name: 'Retries',
    what:
      `${firstCalls} Generate with an Idempotency-Key, ${concurrency} concurrent, then a retry of each with its key and body; ` +
      `${inFlightPairs} more keys whose retry follows the first call after ${retryDelayMs} ms (${pairConcurrency} pairs at a time), ` +
      'and a third call once both answered.',
    outcomes: [...firsts, ...replays, ...pairs.flatMap((p) => [p.first, p.retry, p.later])],
    elapsedMs,
    tickets: [...firsts.flatMap((o) => ticketOf(o)?.ticketId ?? []), ...pairTickets],
    eventPrefix: prefix,
    violations,
    notes: [
      `Replays answered in ${replayP50 === undefined ? '-' : replayP50.toFixed(0)} ms (p50).`,
      `${inFlight.length} of ${inFlightPairs} retries were sent while the first call was running; ` +
        `${busy.length} of those pairs answered one call with 409 RequestInProgress, the rest with the same ticket twice.`,
    ],
  };
}

/** A first call, its retry after a short delay (noting whether the first is still running), then a third. */
async function racePair(call: Call, send: (c: Call) => Promise<Outcome>): Promise<Pair> {
  let answered = false;
  const pending = send(call).then((o) => {
    answered = true;
    return o;
  });
  await sleep(retryDelayMs);
  const retriedInFlight = !answered;
  const retry = await send(call);
  const first = await pending;
  return { first, retry, later: await send(call), retriedInFlight };
}
