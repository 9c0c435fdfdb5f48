// Section 6 of `make bench`: what each kind of workflow element costs on the emulator's Step Functions,
// and which elements one Generate goes through. StartSyncExecution straight to each machine (no API
// Gateway), one call at a time, the machines taking turns.
import { SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { functionName, type StackInfo } from '../../localstack/stack-info';
import { parseDefinition, type State, statesByName, TICKET_ASL } from '../asl/definition';
import { readYaml } from '../asl/read-yaml';
import { taskTarget } from '../asl/task-target';
import { readCoverage } from '../client/transition-coverage';
import { summarize } from '../shared/stats';
import { freshGenerateBodies, generationDetails } from '../shared/ticket-input';
import { ELEMENT_MACHINES, type ElementMachine, ensureElements } from './element-stack';
import type { ElementKind, ElementSection } from './report-types';

const ROUNDS = 3;
const CALLS_PER_ROUND = 40;
const say = (message: string) => console.log(`bench: ${message}`);

/** The kind of element a state of the ticket workflow is, priced by one of the element machines. */
export function elementKind(state: State): ElementKind {
  if (state.Type === 'Parallel') return 'Parallel';
  if (state.Type === 'Wait' || state.Type === 'Map') return 'other';
  if (state.Type !== 'Task') return 'Pass, Choice, Succeed or Fail';
  const target = taskTarget(state);
  if (target.kind === 'lambda') return 'Lambda task';
  if (target.kind === 'service' && target.service === 's3') return 'S3 task';
  if (target.kind === 'service' && target.service === 'sns' && target.action === 'publish') return 'SNS task';
  return 'other';
}

async function timedExecution(sfn: SFNClient, stateMachineArn: string, input: string): Promise<number> {
  const started = performance.now();
  const run = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input }));
  const ms = performance.now() - started;
  if (run.status !== 'SUCCEEDED') {
    throw new Error(`${stateMachineArn} ended ${run.status}: ${run.error ?? ''} ${run.cause ?? ''}`);
  }
  return ms;
}

/** Which states one Generate entered, by kind: the recorder's counts for the ticket machine, before and after. */
async function generatePath(
  sfn: SFNClient,
  stack: StackInfo,
  input: string,
): Promise<Map<ElementKind, number>> {
  const states = statesByName(parseDefinition(readYaml(TICKET_ASL)));
  // Without the extension's recorder (mode D, or LocalStack not started by `make local-up`): no path.
  const entered = async () =>
    (await readCoverage().catch(() => null))?.machines.find((m) => m.arn === stack.stateMachineArn)?.states ??
    {};
  const before = await entered();
  await timedExecution(sfn, stack.stateMachineArn, input);
  const after = await entered();
  const path = new Map<ElementKind, number>();
  for (const [name, count] of Object.entries(after)) {
    const state = states.get(name);
    const times = count - (before[name] ?? 0);
    if (!state || times <= 0) continue;
    const kind = elementKind(state);
    path.set(kind, (path.get(kind) ?? 0) + times);
  }
  return path;
}

export async function elementSection(stack: StackInfo): Promise<ElementSection> {
  say('deploying the element machines (one EXPRESS machine per kind of element) ...');
  const machines = await ensureElements(stack, functionName('generateTicket'));
  const sfn = new SFNClient({ disableHostPrefix: true }); // LocalStack has no sync-<host> name
  const details = JSON.stringify({ details: generationDetails(new Date()) });
  const fresh = freshGenerateBodies(new Date());
  const generateInput = () => JSON.stringify({ request: JSON.parse(fresh()), idempotencyKey: '' });
  const samples = new Map<ElementMachine | 'Generate', number[]>();
  try {
    const path = await generatePath(sfn, stack, generateInput());
    type Run = [ElementMachine | 'Generate', () => Promise<number>];
    const runs: Run[] = [
      ...ELEMENT_MACHINES.map((m): Run => [m, () => timedExecution(sfn, machines[m], details)]),
      ['Generate', () => timedExecution(sfn, stack.stateMachineArn, generateInput())],
    ];
    for (const [, run] of runs) await run(); // warm
    for (let round = 1; round <= ROUNDS; round += 1) {
      say(`element costs: round ${round} of ${ROUNDS}, ${CALLS_PER_ROUND} executions per machine ...`);
      for (const [name, run] of runs) {
        const list = samples.get(name) ?? [];
        for (let i = 0; i < CALLS_PER_ROUND; i += 1) list.push(await run());
        samples.set(name, list);
      }
    }
    const p50 = (name: ElementMachine | 'Generate') => summarize(samples.get(name) ?? []).median;
    return {
      status: 'ok',
      rounds: ROUNDS,
      callsPerRound: CALLS_PER_ROUND,
      machines: ELEMENT_MACHINES.map((m) => ({ machine: m, p50Ms: p50(m) })),
      generateP50Ms: p50('Generate'),
      path: [...path].map(([kind, count]) => ({ kind, count })),
    };
  } finally {
    sfn.destroy();
  }
}
