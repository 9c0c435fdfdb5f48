import { sendSigned, signRequest } from '../client/signed-fetch';
import type { LoadContext } from './check-types';
import { runPool } from './pool';
import { generateBody, type SeatRef } from './ticket-requests';

/** One request as the tool saw it. */
export type Outcome = {
  /** null when no HTTP answer came: not sent before the deadline, timed out, or a network error. */
  status: number | null;
  /** The answer's `error` field, or why there was no answer. */
  error?: string;
  body?: unknown;
  /** performance.now() when it was sent and answered; absent when it was not sent. */
  sentAt?: number;
  answeredAt?: number;
};

export const notSent = (): Outcome => ({ status: null, error: 'not sent before the deadline' });

/**
 * POST /tickets with a JSON body (and an Idempotency-Key when given), SigV4-signed, never
 * throwing; timed from when the signed request is sent.
 */
export async function postTicket(
  url: string,
  body: string,
  opts: { key?: string; timeoutMs: number },
): Promise<Outcome> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.key) headers['idempotency-key'] = opts.key;
  let sentAt: number | undefined;
  try {
    const request = await signRequest(url, body, { headers });
    sentAt = performance.now();
    const res = await sendSigned(request, AbortSignal.timeout(opts.timeoutMs));
    const text = await res.text();
    const answeredAt = performance.now();
    const parsed = parseJson(text);
    if (parsed === undefined) {
      return {
        status: res.status,
        error: `a body that is not JSON: ${text.slice(0, 120)}`,
        sentAt,
        answeredAt,
      };
    }
    const error = res.ok ? undefined : errorName(parsed);
    return { status: res.status, body: parsed, sentAt, answeredAt, ...(error ? { error } : {}) };
  } catch (err) {
    if (sentAt === undefined) return { status: null, error: `not signed: ${String(err)}` };
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const error = timedOut ? `no answer within ${opts.timeoutMs / 1000} s` : `network error: ${String(err)}`;
    return { status: null, error, sentAt };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorName(body: unknown): string | undefined {
  const error = (body as { error?: unknown } | null)?.error;
  return typeof error === 'string' ? error : undefined;
}

/**
 * `count` Generates without an Idempotency-Key, `concurrency` at a time, each for the seat
 * `seatOf(i)`, until all answered or the deadline passed; with the wall time they took.
 */
export async function postGenerates(
  ctx: LoadContext,
  plan: { count: number; concurrency: number; deadlineS: number },
  seatOf: (i: number) => SeatRef,
): Promise<{ outcomes: Outcome[]; elapsedMs: number }> {
  const started = performance.now();
  const outcomes = await runPool(
    plan.count,
    plan.concurrency,
    started + plan.deadlineS * 1000,
    (i) => postTicket(ctx.apiUrl, generateBody(seatOf(i), ctx.now), { timeoutMs: ctx.timeoutMs }),
    notSent,
  );
  return { outcomes, elapsedMs: performance.now() - started };
}
