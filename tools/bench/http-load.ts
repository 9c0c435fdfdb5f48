import autocannon from 'autocannon';
import { type SignedRequest, sendSigned, signRequest } from '../client/signed-fetch';
import { cpuMs, rssMb } from '../shared/emulator';
import { perSecond, summarize } from '../shared/stats';
import type { HttpFigure } from './report-types';
import { commandLine } from './shell';

export type LoadPlan = { connections: number; amount: number };
/**
 * One kind of request: where it goes, what it sends, and the status every answer must have.
 * `fresh`, when set, makes each request's body (`body` is then one example of them).
 */
export type Target = { name: string; url: string; body: string; status: number; fresh?: () => string };

// Unpatched, LocalStack runs executions one after another: at 20 connections a request queues for ~20 of them.
const TIMEOUT_S = 120;
const HEADERS = { 'content-type': 'application/json' };

const sign = (target: Target) =>
  signRequest(target.url, target.fresh?.() ?? target.body, { headers: HEADERS });

/** One request, SigV4-signed, timed from when it is sent; a clear message beats a table of failures. */
export async function timedCall(target: Target): Promise<{ ms: number; body: string }> {
  const request = await sign(target);
  const started = performance.now();
  const res = await sendSigned(request);
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== target.status) {
    throw new Error(
      `${target.name}: POST ${target.url} answered ${res.status}, expected ${target.status}: ${body}`,
    );
  }
  return { ms, body };
}

/** What the bench runs, as a command; the SigV4 headers differ per request, so a comment names them. */
export function autocannonCommand(target: Target, plan: LoadPlan): string {
  const command = commandLine([
    'npx',
    'autocannon',
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    target.body,
    '-c',
    String(plan.connections),
    '-a',
    String(plan.amount),
    '-t',
    String(TIMEOUT_S),
    target.url,
  ]);
  return `${command}  # + SigV4 headers (authorization, x-amz-date, x-amz-content-sha256) signed per request`;
}

/**
 * The run's requests, each with its own body (when the target makes them fresh) and signature.
 * autocannon's setupRequest is synchronous and signing is not, so they are all signed before the
 * run starts (far inside SigV4's five minutes) and handed out in order, one per request.
 */
async function signedRequests(target: Target, amount: number): Promise<SignedRequest[]> {
  return Promise.all(Array.from({ length: amount }, () => sign(target)));
}

function run(
  target: Target,
  signed: SignedRequest[],
  plan: LoadPlan,
  latencies: number[],
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    let next = 0;
    // autocannon asks once per request sent (amount in all); a resent one would reuse a body
    // and fail the run loudly, which is what any wrong status does.
    const setupRequest = (req: autocannon.Request) => {
      const { headers, body } = signed[next++ % signed.length] as SignedRequest;
      return { ...req, headers, body };
    };
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: HEADERS,
        body: target.body,
        requests: [{ setupRequest }],
        ...plan,
        timeout: TIMEOUT_S,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * Runs one load and fails loudly unless every request got the target's status. With the
 * emulator's pid, also LocalStack's own CPU time per request and how much its memory grew.
 */
export async function load(target: Target, plan: LoadPlan, pid: number | null): Promise<HttpFigure> {
  const latencies: number[] = [];
  const signed = await signedRequests(target, plan.amount);
  const cpuBefore = pid === null ? 0 : cpuMs(pid);
  const rssBefore = pid === null ? 0 : rssMb(pid);
  const result = await run(target, signed, plan, latencies);
  const cpuUsed = pid === null ? null : cpuMs(pid) - cpuBefore;
  const rssGrown = pid === null ? null : rssMb(pid) - rssBefore;
  const statuses = Object.keys(result.statusCodeStats ?? {});
  const failed = result.errors + result.timeouts + result.mismatches;
  if (failed > 0 || latencies.length !== plan.amount || statuses.some((s) => s !== String(target.status))) {
    throw new Error(
      `${target.name} at ${plan.connections} connection(s): ${latencies.length}/${plan.amount} answered; ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, status codes ${JSON.stringify(result.statusCodeStats ?? {})} ` +
        `(expected only ${target.status})`,
    );
  }
  return {
    connections: plan.connections,
    amount: plan.amount,
    durationS: result.duration,
    requestsPerSec: perSecond(latencies.length, result.duration * 1000),
    latencyMs: summarize(latencies),
    errors: result.errors + result.timeouts,
    cpuMsPerRequest: cpuUsed === null ? null : cpuUsed / plan.amount,
    rssMbPerThousand: rssGrown === null ? null : (rssGrown * 1000) / plan.amount,
    command: autocannonCommand(target, plan),
  };
}
