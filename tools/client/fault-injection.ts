import { localStackEndpoint } from '../../localstack/stack-info';

/**
 * A rule of the extension's fault injection (docs/local-emulation.md, "Fault injection"): the shape
 * of LocalStack's Chaos API plus `resource`, `count`, `latencyMs`, `after` and Lambda function faults.
 */
export type FaultRule = {
  service: string;
  operation?: string;
  region?: string;
  probability?: number;
  error?: { statusCode: number; code: string };
  resource?: string;
  count?: number;
  skip?: number;
  latencyMs?: number;
  after?: boolean;
  functionError?: 'throw' | 'timeout' | 'crash';
  coldStartMs?: number;
};
export type InjectedRule = FaultRule & { injected: number };

const faultsUrl = () => `${localStackEndpoint()}/_ticket_orchestrator/chaos/faults`;

async function call(method: 'GET' | 'POST' | 'DELETE', rules?: FaultRule[]): Promise<InjectedRule[]> {
  const res = await fetch(faultsUrl(), {
    method,
    ...(rules ? { body: JSON.stringify(rules), headers: { 'Content-Type': 'application/json' } } : {}),
  }).catch((err: Error) => {
    throw new Error(`no fault injection at ${faultsUrl()} (${err.message}): run \`make local-up\``);
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${faultsUrl()} answered ${res.status}: ${text}`);
  return JSON.parse(text) as InjectedRule[];
}

/** Adds rules; faults apply from the next matching call. */
export const injectFaults = (rules: FaultRule[]) => call('POST', rules);
/** The rules in force, each with how often it was injected. */
export const listFaults = () => call('GET');
/** Clears every rule and answers what they had injected, until then. */
export async function clearFaults(): Promise<InjectedRule[]> {
  const listed = await listFaults();
  await call('DELETE');
  return listed;
}
