import autocannon from 'autocannon';
import type { HttpFigure } from './report-types';
import { commandLine } from './shell';
import { perSecond, summarize } from './stats';

export type LoadPlan = { connections: number; amount: number };

// LocalStack runs executions one after another, so at 20 connections a request queues for ~20 of them.
const TIMEOUT_S = 120;
const HEADERS = { 'content-type': 'application/json' };

/** One request before the load: a clear message beats a table of failures. */
export async function probe(url: string, body: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: HEADERS, body });
  const text = await res.text();
  if (res.status !== 201 || !text.includes('"encryptedTicket"')) {
    throw new Error(`probe POST ${url} answered ${res.status}, expected 201 with an envelope: ${text}`);
  }
}

export function autocannonCommand(url: string, body: string, plan: LoadPlan): string {
  return commandLine([
    'npx',
    'autocannon',
    '-m',
    'POST',
    '-H',
    'content-type=application/json',
    '-b',
    body,
    '-c',
    String(plan.connections),
    '-a',
    String(plan.amount),
    '-t',
    String(TIMEOUT_S),
    url,
  ]);
}

function run(url: string, body: string, plan: LoadPlan, latencies: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method: 'POST', headers: HEADERS, body, ...plan, timeout: TIMEOUT_S },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/** Runs one load and fails loudly unless every request answered 201. */
export async function load(url: string, body: string, plan: LoadPlan): Promise<HttpFigure> {
  const latencies: number[] = [];
  const result = await run(url, body, plan, latencies);
  const statuses = Object.keys(result.statusCodeStats ?? {});
  const failed = result.non2xx + result.errors + result.timeouts + result.mismatches;
  if (failed > 0 || result['2xx'] !== plan.amount || statuses.some((s) => s !== '201')) {
    throw new Error(
      `HTTP load at ${plan.connections} connection(s): ${result['2xx']}/${plan.amount} answered 2xx; ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, ` +
        `status codes ${JSON.stringify(result.statusCodeStats ?? {})}`,
    );
  }
  return {
    connections: plan.connections,
    amount: plan.amount,
    durationS: result.duration,
    requestsPerSec: perSecond(result['2xx'], result.duration * 1000),
    latencyMs: summarize(latencies),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    command: autocannonCommand(url, body, plan),
  };
}
