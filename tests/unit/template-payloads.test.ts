import { packageTemplate, resourcesOfType } from '../support/package-template';

/**
 * The Lambda task payloads in the definition `sls package` compiles: each carries the
 * execution's name, so the handlers' log lines name the execution (and so the API request id).
 */
jest.setTimeout(120_000);

type State = {
  Type?: string;
  Resource?: string;
  Parameters?: { Payload?: unknown };
  Branches?: Definition[];
};
type Definition = { States: Record<string, State> };

/** Every lambda:invoke Task state, by name, wherever it is nested. */
function lambdaTasks(definition: Definition): [string, State][] {
  return Object.entries(definition.States).flatMap(([name, state]) => [
    ...(state.Type === 'Task' && state.Resource === 'arn:aws:states:::lambda:invoke'
      ? [[name, state] as [string, State]]
      : []),
    ...(state.Branches ?? []).flatMap(lambdaTasks),
  ]);
}

describe('packaged definition: Lambda task payloads', () => {
  let tasks: [string, State][];
  beforeAll(() => {
    const t = packageTemplate('dev');
    const machine = resourcesOfType(t, 'AWS::StepFunctions::StateMachine')[0]?.[1].Properties ?? {};
    // serverless-step-functions compiles the definition to {"Fn::Sub": [json, variables]}.
    const [json] = (machine.DefinitionString as { 'Fn::Sub': [string, unknown] })['Fn::Sub'];
    tasks = lambdaTasks(JSON.parse(json) as Definition);
  });

  it('has the two Lambda tasks', () => {
    expect(tasks.map(([name]) => name).sort()).toEqual(['EncryptTicket', 'GenerateTicket']);
  });

  it.each([
    ['GenerateTicket', 'details.$', '$.details'],
    ['EncryptTicket', 'ticket.$', '$.ticket.plaintext'],
  ])('%s passes $$.Execution.Name beside its input', (name, key, path) => {
    const payload = tasks.find(([n]) => n === name)?.[1].Parameters?.Payload;
    expect(payload).toEqual({ 'executionName.$': '$$.Execution.Name', [key]: path });
  });
});
