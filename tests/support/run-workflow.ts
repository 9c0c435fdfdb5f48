import { StateMachine } from 'aws-local-stepfunctions';
import { type Bindings, resolvedDefinition } from './workflow';

// aws-local-stepfunctions targets Node 22; Node 20 lacks Promise.withResolvers.
if (!('withResolvers' in Promise)) {
  Object.assign(Promise, {
    withResolvers<T>() {
      let resolve!: (v: T) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

export const LOCAL_BINDINGS: Bindings = {
  functions: {
    generateTicket: 'arn:aws:lambda:us-east-1:000000000000:function:ticket-orchestrator-test-generateTicket',
    encryptTicket: 'arn:aws:lambda:us-east-1:000000000000:function:ticket-orchestrator-test-encryptTicket',
  },
  refs: {
    TicketBucket: 'ticket-bucket',
    TicketTopic: 'arn:aws:sns:us-east-1:000000000000:ticket-orchestrator-test-tickets',
  },
};

type TaskHandler = (input: never) => unknown;

/** A handler as a `lambda:invoke` task sees it: the Payload in, `{Payload}` out. */
export const asLambdaTask =
  (handler: (event: unknown) => Promise<unknown>) => async (input: { Payload: unknown }) => ({
    Payload: await handler(input.Payload),
  });
/** How a run ended, the states it entered, and the execution name it ran under ($$.Execution.Name). */
export type ExecutionResult = { entered: string[]; executionName: string } & (
  | { status: 'SUCCEEDED'; output: unknown }
  | { status: 'FAILED'; error: string; cause: unknown }
);

/** The execution input the request template makes of a body and an Idempotency-Key header (base64). */
export const executionInput = (request: unknown, idempotencyKey = '') => ({
  request,
  idempotencyKey: Buffer.from(idempotencyKey, 'utf8').toString('base64'),
});

const NO_WAIT = Object.fromEntries(
  [
    'GenerateTicket',
    'EncryptTicket',
    'StoreTicket',
    'PublishTicket',
    'CompleteIdempotencyKey',
    'WithdrawTicket',
    'ReleaseSeat',
    'ReleaseIdempotencyKey',
    'ReadIdempotencyRecord',
    'ReadSeatClaim',
  ].map((state) => [state, 0]),
);
// The claims' own retries (Wait states), which the runner would otherwise sleep through.
const NO_PAUSE = { ReclaimKeyShortly: 0, ReclaimSeatShortly: 0 };

/**
 * Runs statemachines/ticket.asl.yml in process, each Task state served by a local function
 * (keyed by state name) that receives the input after Parameters, as the AWS service would.
 * `request` is the POST body; the execution input wraps it as the request template does.
 */
export async function runWorkflow(
  request: unknown,
  tasks: Record<string, TaskHandler>,
  opts: { idempotencyKey?: string; bindings?: Bindings } = {},
): Promise<ExecutionResult> {
  const input = executionInput(request, opts.idempotencyKey);
  const bindings = opts.bindings ?? LOCAL_BINDINGS;
  const machine = new StateMachine(resolvedDefinition(bindings) as never, {
    validationOptions: { checkArn: false },
  });
  // The runner sets Execution.StartTime and Input only; a name stands in for the API request id
  // that names real executions.
  const executionName = `req-${crypto.randomUUID()}`;
  const execution = machine.run(input as never, {
    context: { Execution: { Name: executionName } },
    overrides: {
      taskResourceLocalHandlers: tasks as never,
      retryIntervalOverrides: NO_WAIT,
      waitTimeOverrides: NO_PAUSE,
    },
  });
  const entered: string[] = [];
  const collect = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') entered.push(event.state.name);
    }
  })();
  try {
    const output = await execution.result;
    await collect;
    return { status: 'SUCCEEDED', output, entered, executionName };
  } catch (err) {
    await collect.catch(() => undefined);
    // ExecutionError wraps the error that ended the run (a Fail state's, or States.*).
    const failure = ((err as { cause?: unknown }).cause ?? err) as { name: string; message: string };
    return { status: 'FAILED', error: failure.name, cause: failure.message, entered, executionName };
  }
}
