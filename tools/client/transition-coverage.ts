import { localStackEndpoint } from '../../localstack/stack-info';

/** What the extension's coverage recorder counted for one state machine (recorder.py `MachineCoverage`). */
export type RecordedMachine = {
  arn: string;
  name: string;
  states: Record<string, number>;
  edges: { id: string; source: string; kind: string; index?: number; target: string; count: number }[];
};
export type RecordedCoverage = { enabled: boolean; machines: RecordedMachine[]; dropped: number };

const coverageUrl = () => `${localStackEndpoint()}/_ticket_orchestrator/coverage`;

async function call(method: 'GET' | 'DELETE'): Promise<RecordedCoverage> {
  const res = await fetch(coverageUrl(), { method }).catch((err: Error) => {
    throw new Error(`no coverage recorder at ${coverageUrl()} (${err.message}): run \`make local-up\``);
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${coverageUrl()} answered ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as RecordedCoverage;
}

/** The states and edges every execution since the last clear took, per state machine. */
export const readCoverage = () => call('GET');
/** Starts the count again (the integration suite's global setup). */
export const clearCoverage = () => call('DELETE');
