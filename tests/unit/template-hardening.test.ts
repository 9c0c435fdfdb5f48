import {
  dependsOn,
  FUNCTION_IDS,
  packageTemplate,
  propertiesOf as props,
  ROLE_IDS,
  resourcesOfType,
  type Template,
} from '../support/package-template';

/** What the hardening compiles to by default: caller auth, throttling, encryption at rest, alarms, logs. */
jest.setTimeout(120_000);

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const statements = (t: Template, role: string) =>
  (props(t, role).Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );

describe('packaged template, defaults (apiAuth=iam, tracing off)', () => {
  let t: Template;
  beforeAll(() => {
    t = packageTemplate('dev');
  });

  it('authorizes POST /tickets with AWS_IAM, without an API key', () => {
    expect(props(t, 'ApiGatewayMethodTicketsPost')).toMatchObject({
      HttpMethod: 'POST',
      AuthorizationType: 'AWS_IAM',
      ApiKeyRequired: false,
    });
    expect(resourcesOfType(t, 'AWS::ApiGateway::ApiKey')).toHaveLength(0);
  });

  it('answers refused callers (403) and throttled ones (429) in the {error, message} shape', () => {
    const responses = resourcesOfType(t, 'AWS::ApiGateway::GatewayResponse').map(
      ([, r]) => r.Properties ?? {},
    );
    const shaped = (type: string) => responses.find((r) => r.ResponseType === type);
    for (const type of [
      'ACCESS_DENIED',
      'MISSING_AUTHENTICATION_TOKEN',
      'INVALID_SIGNATURE',
      'EXPIRED_TOKEN',
    ]) {
      expect(shaped(type)).toMatchObject({
        StatusCode: '403',
        ResponseTemplates: { 'application/json': expect.stringContaining('"error": "Forbidden"') },
      });
    }
    expect(shaped('INVALID_API_KEY')?.StatusCode).toBe('403');
    for (const type of ['THROTTLED', 'QUOTA_EXCEEDED']) {
      expect(shaped(type)).toMatchObject({
        StatusCode: '429',
        ResponseTemplates: { 'application/json': expect.stringContaining('"error": "TooManyRequests"') },
      });
    }
  });

  it('outputs a caller policy that allows execute-api:Invoke on this one method and nothing else', () => {
    const policy = props(t, 'TicketCallerPolicy').PolicyDocument as { Statement: Statement[] };
    expect(policy.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: {
          'Fn::Sub':
            // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax
            'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${ApiGatewayRestApi}/dev/POST/tickets',
        },
      },
    ]);
    expect(t.Outputs?.TicketCallerPolicyArn?.Value).toEqual({ Ref: 'TicketCallerPolicy' });
  });

  it('throttles the whole stage, and never logs request bodies', () => {
    expect(props(t, 'ApiGatewayStage').MethodSettings).toEqual([
      {
        ResourcePath: '/*',
        HttpMethod: '*',
        ThrottlingRateLimit: 50,
        ThrottlingBurstLimit: 100,
        LoggingLevel: 'ERROR',
        DataTraceEnabled: false,
        MetricsEnabled: false,
      },
    ]);
  });

  it("serves the stage from serverless-step-functions' one deployment (plugins/api-stage.js)", () => {
    const [[deploymentId, deployment] = []] = resourcesOfType(t, 'AWS::ApiGateway::Deployment');
    expect(props(t, 'ApiGatewayStage').DeploymentId).toEqual({ Ref: deploymentId });
    expect(deployment?.Properties?.StageName).toBeUndefined();
    expect(props(t, 'ApiGatewayStage').StageName).toBe('dev');
    expect(dependsOn(t, 'ApiGatewayStage')).toEqual(['ApiGatewayAccount']);
  });

  it('writes one JSON access-log line per request, keyed by the request id (= the execution name)', () => {
    const setting = props(t, 'ApiGatewayStage').AccessLogSetting as {
      DestinationArn: unknown;
      Format: string;
    };
    expect(setting.DestinationArn).toEqual({ 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] });
    // As API Gateway fills it in: every variable is quoted, so any value (or "-" for none) is a string.
    const line = setting.Format.replace(/\$context\.[a-zA-Z.]+/g, '-');
    const entry = JSON.parse(line) as Record<string, string>;
    expect(Object.keys(entry)).toEqual(
      expect.arrayContaining(['requestId', 'status', 'httpMethod', 'resourcePath', 'userArn', 'error']),
    );
    expect(setting.Format).toContain('"requestId":"$context.requestId"');
    expect(setting.Format).not.toMatch(/:\s*\$context/); // an unquoted variable breaks the JSON when empty
    expect(props(t, 'ApiAccessLogGroup').RetentionInDays).toBe(14);
  });

  it('reserves concurrency for each function', () => {
    for (const fn of FUNCTION_IDS) expect(props(t, fn).ReservedConcurrentExecutions).toBe(25);
  });

  it('encrypts both topics with the message key, which the state machine may use only through SNS', () => {
    for (const topic of ['TicketTopic', 'AlarmTopic']) {
      expect(props(t, topic).KmsMasterKeyId).toEqual({ Ref: 'MessageKey' });
    }
    const kms = statements(t, 'TicketStateMachineRole').filter((s) =>
      [s.Action].flat()[0]?.startsWith('kms:'),
    );
    expect(kms).toEqual([
      {
        Effect: 'Allow',
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': ['MessageKey', 'Arn'] },
        Condition: {
          // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's Fn::Sub syntax
          StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'sns.${AWS::Region}.amazonaws.com' } },
        },
      },
    ]);
    expect(props(t, 'MessageKey').EnableKeyRotation).toBe(true);
  });

  it('lets CloudWatch alarms of this account, and no other service, use the message key', () => {
    const policy = props(t, 'MessageKey').KeyPolicy as { Statement: (Statement & { Principal: unknown })[] };
    const services = policy.Statement.filter((s) => JSON.stringify(s.Principal).includes('Service'));
    expect(services).toEqual([
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      }),
    ]);
  });

  it('alarms on API 5xx, failed and timed-out executions, and Lambda errors and throttles, to the alarm topic', () => {
    const alarms = resourcesOfType(t, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties ?? {});
    const watched = alarms.map((a) => {
      const [dimension] = a.Dimensions as { Name: string; Value: unknown }[];
      return `${a.Namespace} ${a.MetricName} ${JSON.stringify(dimension?.Value)} >= ${a.Threshold}`;
    });
    expect(watched.sort()).toEqual(
      [
        'AWS/ApiGateway 5XXError "dev-ticket-orchestrator" >= 1',
        'AWS/States ExecutionsFailed {"Ref":"TicketStateMachine"} >= 50',
        'AWS/States ExecutionsTimedOut {"Ref":"TicketStateMachine"} >= 1',
        'AWS/Lambda Errors {"Ref":"GenerateTicketLambdaFunction"} >= 50',
        'AWS/Lambda Errors {"Ref":"EncryptTicketLambdaFunction"} >= 1',
        'AWS/Lambda Throttles {"Ref":"GenerateTicketLambdaFunction"} >= 1',
        'AWS/Lambda Throttles {"Ref":"EncryptTicketLambdaFunction"} >= 1',
      ].sort(),
    );
    for (const a of alarms) {
      expect(a).toMatchObject({ AlarmActions: [{ Ref: 'AlarmTopic' }], OKActions: [{ Ref: 'AlarmTopic' }] });
    }
    expect(t.Outputs?.AlarmTopicArn?.Value).toEqual({ Ref: 'AlarmTopic' });
  });

  it('keeps the deployment bucket private, versioned and encrypted', () => {
    expect(props(t, 'ServerlessDeploymentBucket')).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
  });

  it('leaves tracing off everywhere', () => {
    expect(props(t, 'ApiGatewayStage').TracingEnabled).toBe(false);
    for (const fn of FUNCTION_IDS) expect(props(t, fn).TracingConfig).toEqual({ Mode: 'PassThrough' });
    for (const role of ROLE_IDS) expect(props(t, role).ManagedPolicyArns).toEqual([]);
  });
});
