import {
  dependsOn,
  FUNCTION_IDS,
  packageTemplate,
  propertiesOf as props,
  ROLE_IDS,
  resourcesOfType,
  type Template,
} from '../support/package-template';
import { fixedItemIds, ticketProject } from './tools/asl-fixtures';

/** The hardening's options, all switched from their defaults in one packaged template. */
jest.setTimeout(120_000);

const OPTIONS = {
  apiAuth: 'apiKey',
  tracing: 'on',
  setApiGatewayAccountRole: 'false',
  encryptTicketConcurrency: '7',
};

describe('packaged template with apiAuth=apiKey, tracing=on, setApiGatewayAccountRole=false', () => {
  let t: Template;
  beforeAll(() => {
    t = packageTemplate(
      'dev',
      Object.entries(OPTIONS).map(([name, value]) => `${name}=${value}`),
    );
  });

  it('requires an API key instead of a signature', () => {
    expect(props(t, 'ApiGatewayMethodTicketsPost')).toMatchObject({
      AuthorizationType: 'NONE',
      ApiKeyRequired: true,
    });
    expect(t.Resources.TicketCallerPolicy).toBeUndefined();
    expect(t.Outputs?.TicketApiKeyId?.Value).toEqual({ Ref: 'TicketApiKey' });
  });

  it("binds the key to a usage plan with rate, burst and a daily quota on this API's stage", () => {
    expect(props(t, 'TicketUsagePlan')).toMatchObject({
      ApiStages: [{ ApiId: { Ref: 'ApiGatewayRestApi' }, Stage: { Ref: 'ApiGatewayStage' } }],
      Throttle: { RateLimit: 10, BurstLimit: 20 },
      Quota: { Limit: 100000, Period: 'DAY' },
    });
    expect(props(t, 'TicketUsagePlanKey')).toEqual({
      KeyId: { Ref: 'TicketApiKey' },
      KeyType: 'API_KEY',
      UsagePlanId: { Ref: 'TicketUsagePlan' },
    });
  });

  it('traces the stage, the state machine and both functions, whose roles may send segments', () => {
    expect(props(t, 'ApiGatewayStage').TracingEnabled).toBe(true);
    const [, machine] = resourcesOfType(t, 'AWS::StepFunctions::StateMachine')[0] ?? [];
    expect(machine?.Properties?.TracingConfiguration).toEqual({ Enabled: true });
    for (const fn of FUNCTION_IDS) expect(props(t, fn).TracingConfig).toEqual({ Mode: 'Active' });
    for (const role of ROLE_IDS) {
      expect(JSON.stringify(props(t, role).ManagedPolicyArns)).toContain('policy/AWSXRayDaemonWriteAccess');
    }
  });

  it("keeps the account's API Gateway logging role as it is", () => {
    expect(resourcesOfType(t, 'AWS::ApiGateway::Account')).toHaveLength(0);
    expect(dependsOn(t, 'ApiGatewayStage')).toEqual([]);
  });

  it('takes reserved concurrency from its param', () => {
    expect(props(t, 'EncryptTicketLambdaFunction').ReservedConcurrentExecutions).toBe(7);
  });

  it('has the monthly-priced resources `make cost` counts with the same params', () => {
    expect(fixedItemIds(ticketProject(OPTIONS).resources)).toEqual(fixedItemIds(t.Resources));
  });
});
