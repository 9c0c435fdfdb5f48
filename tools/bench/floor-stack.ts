// The floor of `make bench`: a one-Pass EXPRESS state machine behind the same kind of API
// integration as POST /tickets (REST API -> StartSyncExecution, request and response
// templates). Whatever a ticket request costs above it is the workflow's own.
import { createHash } from 'node:crypto';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';

export const FLOOR_STACK = 'ticket-bench-floor';
const STAGE = 'bench';

const REQUEST_TEMPLATE = `{"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": "\${Machine}"}`;
const RESPONSE_TEMPLATE = `#if($input.path('$.status') == "SUCCEEDED")$input.path('$.output')#else#set($context.responseOverride.status = 500){"error": "FloorFailed"}#end`;

export const floorTemplate = {
  Resources: {
    MachineRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'states.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
      },
    },
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineType: 'EXPRESS',
        RoleArn: { 'Fn::GetAtt': ['MachineRole', 'Arn'] },
        DefinitionString: JSON.stringify({
          StartAt: 'Floor',
          States: { Floor: { Type: 'Pass', Result: { floor: true }, End: true } },
        }),
      },
    },
    ApiRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
          ],
        },
        Policies: [
          {
            PolicyName: 'start-floor',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'states:StartSyncExecution', Resource: { Ref: 'Machine' } },
              ],
            },
          },
        ],
      },
    },
    Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: FLOOR_STACK } },
    FloorResource: {
      Type: 'AWS::ApiGateway::Resource',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ParentId: { 'Fn::GetAtt': ['Api', 'RootResourceId'] },
        PathPart: 'floor',
      },
    },
    FloorMethod: {
      Type: 'AWS::ApiGateway::Method',
      Properties: {
        RestApiId: { Ref: 'Api' },
        ResourceId: { Ref: 'FloorResource' },
        HttpMethod: 'POST',
        AuthorizationType: 'NONE',
        Integration: {
          Type: 'AWS',
          IntegrationHttpMethod: 'POST',
          Uri: {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
            'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartSyncExecution',
          },
          Credentials: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
          PassthroughBehavior: 'NEVER',
          RequestTemplates: { 'application/json': { 'Fn::Sub': REQUEST_TEMPLATE } },
          IntegrationResponses: [
            {
              StatusCode: '200',
              SelectionPattern: '',
              ResponseTemplates: { 'application/json': RESPONSE_TEMPLATE },
            },
          ],
        },
        MethodResponses: [{ StatusCode: '200' }, { StatusCode: '500' }],
      },
    },
    Deployment: {
      Type: 'AWS::ApiGateway::Deployment',
      DependsOn: ['FloorMethod'],
      Properties: { RestApiId: { Ref: 'Api' }, StageName: STAGE },
    },
  },
  Outputs: { ApiId: { Value: { Ref: 'Api' } } },
};

const cfn = new CloudFormationClient({});
const VERSION_TAG = 'template-sha';

/** The floor's URL; creates the stack, or replaces it when this template changed. */
export async function ensureFloor(endpoint: string): Promise<string> {
  const body = JSON.stringify(floorTemplate);
  const sha = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const existing = await cfn
    .send(new DescribeStacksCommand({ StackName: FLOOR_STACK }))
    .then((r) => r.Stacks?.[0])
    .catch(() => undefined);
  let stack = existing;
  const current = existing?.StackStatus === 'CREATE_COMPLETE' && existing.Tags?.some((t) => t.Value === sha);
  if (!current) {
    if (existing) {
      await cfn.send(new DeleteStackCommand({ StackName: FLOOR_STACK }));
      await waitUntilStackDeleteComplete(
        { client: cfn, maxWaitTime: 120, minDelay: 1 },
        { StackName: FLOOR_STACK },
      );
    }
    await cfn.send(
      new CreateStackCommand({
        StackName: FLOOR_STACK,
        TemplateBody: body,
        Capabilities: ['CAPABILITY_IAM'],
        Tags: [{ Key: VERSION_TAG, Value: sha }],
      }),
    );
    await waitUntilStackCreateComplete(
      { client: cfn, maxWaitTime: 120, minDelay: 1 },
      { StackName: FLOOR_STACK },
    );
    stack = (await cfn.send(new DescribeStacksCommand({ StackName: FLOOR_STACK }))).Stacks?.[0];
  }
  const apiId = stack?.Outputs?.find((o) => o.OutputKey === 'ApiId')?.OutputValue;
  if (!apiId) throw new Error(`${FLOOR_STACK} has no ApiId output`);
  return `${endpoint}/_aws/execute-api/${apiId}/${STAGE}/floor`;
}
