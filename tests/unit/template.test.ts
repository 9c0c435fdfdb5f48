import { WORKFLOW_ERRORS } from '../../handlers/lib/errors';
import { packageTemplate, resourcesOfType, type Template } from '../support/package-template';
import { SEED_STATES } from '../support/seed-states';
import { loadAsl } from '../support/workflow';
import { fixedItemIds, ticketProject } from './tools/asl-fixtures';

/** Assertions on what `sls package` compiles: the CloudFormation a deploy would send. */
jest.setTimeout(120_000);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type Policy = { PolicyDocument: { Statement: Statement[] } };

function iamStatements(t: Template): Statement[] {
  return resourcesOfType(t, 'AWS::IAM::Role').flatMap(([, r]) =>
    ((r.Properties?.Policies as Policy[]) ?? []).flatMap((p) => p.PolicyDocument.Statement),
  );
}

function stateNames(node: unknown): string[] {
  if (node === null || typeof node !== 'object') return [];
  const o = node as { States?: Record<string, unknown> };
  return Object.entries(o.States ?? {}).flatMap(([name, state]) => [
    name,
    ...((state as { Branches?: unknown[] }).Branches ?? []).flatMap(stateNames),
  ]);
}

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

describe('packaged template (EXPRESS, the default)', () => {
  let t: Template;
  beforeAll(() => {
    t = packageTemplate('dev');
  });

  const machine = () => resourcesOfType(t, 'AWS::StepFunctions::StateMachine')[0]?.[1].Properties ?? {};
  const method = () =>
    t.Resources.ApiGatewayMethodTicketsPost?.Properties as {
      Integration: {
        Uri: unknown;
        RequestTemplates: Record<string, unknown>;
        IntegrationResponses: { StatusCode: number; ResponseTemplates: Record<string, string> }[];
      };
      RequestValidatorId?: unknown;
      RequestModels?: Record<string, unknown>;
    };

  it('deploys one EXPRESS state machine, logging errors without execution data', () => {
    expect(resourcesOfType(t, 'AWS::StepFunctions::StateMachine')).toHaveLength(1);
    expect(machine().StateMachineType).toBe('EXPRESS');
    expect(machine().LoggingConfiguration).toMatchObject({ Level: 'ERROR', IncludeExecutionData: false });
  });

  it('compiles a definition with every state of the ASL file', () => {
    const compiled = JSON.stringify(machine().DefinitionString);
    for (const name of stateNames(loadAsl())) expect(compiled).toContain(`\\"${name}\\"`);
    expect(stateNames(loadAsl())).toEqual(expect.arrayContaining(SEED_STATES));
  });

  const lambdaTasksOf = () => {
    // serverless-step-functions compiles the definition to {"Fn::Sub": [json, variables]}.
    const [json] = (machine().DefinitionString as { 'Fn::Sub': [string, unknown] })['Fn::Sub'];
    return lambdaTasks(JSON.parse(json) as Definition);
  };

  it('has the monthly-priced resources `make cost` counts from serverless.yml', () => {
    expect(fixedItemIds(ticketProject().resources)).toEqual(fixedItemIds(t.Resources));
  });

  it('has the two Lambda tasks', () => {
    expect(
      lambdaTasksOf()
        .map(([name]) => name)
        .sort(),
    ).toEqual(['EncryptTicket', 'GenerateTicket']);
  });

  // The execution's name (the API request id) reaches each handler, which logs it on every line.
  it.each([
    ['GenerateTicket', 'details.$', '$.details'],
    ['EncryptTicket', 'ticket.$', '$.ticket.plaintext'],
  ])('%s passes $$.Execution.Name beside its input', (name, key, path) => {
    const payload = lambdaTasksOf().find(([n]) => n === name)?.[1].Parameters?.Payload;
    expect(payload).toEqual({ 'executionName.$': '$$.Execution.Name', [key]: path });
  });

  it('integrates POST /tickets with states:action/StartSyncExecution', () => {
    expect(JSON.stringify(method().Integration.Uri)).toContain(':states:action/StartSyncExecution');
    const template = JSON.stringify(method().Integration.RequestTemplates['application/json']);
    expect(template).toContain('"Ref":"TicketStateMachine"');
    expect(template).toContain('$input.json(');
  });

  it('validates the body with the request model before any execution', () => {
    expect(method().RequestValidatorId).toBeDefined();
    expect(Object.keys(method().RequestModels ?? {})).toContain('application/json');
    const [, validator] = resourcesOfType(t, 'AWS::ApiGateway::RequestValidator')[0] ?? [];
    expect(validator?.Properties?.ValidateRequestBody).toBe(true);
  });

  it('maps the execution status and error names in the 200 response template', () => {
    const ok = method().Integration.IntegrationResponses.find((r) => r.StatusCode === 200);
    const vtl = ok?.ResponseTemplates['application/json'] ?? '';
    expect(vtl).toContain(`$input.path('$.status')`);
    expect(vtl).toContain('"SUCCEEDED"');
    expect(vtl).toMatch(/responseOverride\.status = 201/);
    for (const [error, status] of Object.entries(WORKFLOW_ERRORS)) {
      expect(vtl).toMatch(new RegExp(`"${error}"\\)\\s*#set\\(\\$code = ${status}\\)`));
    }
    // Anything not SUCCEEDED falls to the #else branch, which never leaves the status at 200.
    expect(vtl).toMatch(/#else\s+#set\(\$code = 500\)/);
  });

  it('shapes API Gateway refusals as {error, message}', () => {
    const types = resourcesOfType(t, 'AWS::ApiGateway::GatewayResponse').map(
      ([, r]) => r.Properties?.ResponseType,
    );
    expect(types).toEqual(expect.arrayContaining(['BAD_REQUEST_BODY', 'UNSUPPORTED_MEDIA_TYPE']));
  });

  it('grants no IAM statement on Resource "*" for states, sns, s3 or kms', () => {
    const statements = iamStatements(t);
    expect(statements.length).toBeGreaterThan(0);
    for (const s of statements) {
      const actions = [s.Action].flat();
      const sensitive = actions.some((a) => /^(states|sns|s3|kms|lambda):/.test(a));
      if (sensitive) expect(JSON.stringify(s.Resource)).not.toContain('"*"');
    }
  });

  it('lets the state machine list the bucket unconditionally, so a missing ticket is NoSuchKey (404), not AccessDenied', () => {
    const list = iamStatements(t).find((st) => [st.Action].flat().includes('s3:ListBucket'));
    expect(list).toEqual({
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: { 'Fn::GetAtt': ['TicketBucket', 'Arn'] },
    });
  });

  it('refuses every form-urlencoded body and maps that content type with the JSON template', () => {
    const models = method().RequestModels ?? {};
    const formModel = t.Resources[(models['application/x-www-form-urlencoded'] as { Ref: string }).Ref];
    // Only an empty object: a form body is never JSON, so the validator refuses it (and tools can read it).
    expect(formModel?.Properties?.Schema).toMatchObject({
      type: 'object',
      maxProperties: 0,
      additionalProperties: false,
    });
    const templates = method().Integration.RequestTemplates;
    expect(templates['application/x-www-form-urlencoded']).toEqual(templates['application/json']);
  });

  it('lets API Gateway start only this state machine', () => {
    const role = t.Resources.ApiGatewayStartSyncRole?.Properties as { Policies: Policy[] };
    expect(role.Policies.flatMap((p) => p.PolicyDocument.Statement)).toEqual([
      { Effect: 'Allow', Action: 'states:StartSyncExecution', Resource: { Ref: 'TicketStateMachine' } },
    ]);
  });

  it('keeps the ticket bucket private and encrypted', () => {
    const bucket = t.Resources.TicketBucket?.Properties ?? {};
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(JSON.stringify(bucket.BucketEncryption)).toContain('SSEAlgorithm');
  });

  it('runs both functions on nodejs22.x', () => {
    const runtimes = resourcesOfType(t, 'AWS::Lambda::Function').map(([, r]) => r.Properties?.Runtime);
    expect(runtimes).toEqual(['nodejs22.x', 'nodejs22.x']);
  });

  it("deploys the functions' zips from the deployment bucket (hot-reload code is for the local stage only)", () => {
    for (const [, fn] of resourcesOfType(t, 'AWS::Lambda::Function')) {
      const code = fn.Properties?.Code as { S3Bucket: unknown; S3Key: string };
      expect(code.S3Bucket).toEqual({ Ref: 'ServerlessDeploymentBucket' });
      expect(code.S3Key).toMatch(/\.zip$/);
      expect(fn.Properties?.Handler).toMatch(/^handlers\/[a-z-]+\.handler$/);
    }
  });
});

describe('packaged template with stateMachineType=STANDARD', () => {
  it('deploys the same definition as STANDARD, without the synchronous API', () => {
    const t = packageTemplate('dev', ['stateMachineType=STANDARD']);
    const [, machine] = resourcesOfType(t, 'AWS::StepFunctions::StateMachine')[0] ?? [];
    expect(machine?.Properties?.StateMachineType).toBe('STANDARD');
    expect(resourcesOfType(t, 'AWS::ApiGateway::RestApi')).toHaveLength(0);
  });
});
