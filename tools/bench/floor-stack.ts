// The floor of `make bench`: a one-Pass EXPRESS state machine behind the same kind of API
// integration as POST /tickets (REST API -> StartSyncExecution, request and response
// templates). Whatever a ticket request costs above it is the workflow's own.
import { assumedBy, ensureStack } from './fixture-stack';

export const FLOOR_STACK = 'ticket-bench-floor';
const STAGE = 'bench';

const REQUEST_TEMPLATE = `{"input": "$util.escapeJavaScript($input.json('$'))", "stateMachineArn": "\${Machine}"}`;
const RESPONSE_TEMPLATE = `#if($input.path('$.status') == "SUCCEEDED")$input.path('$.output')#else#set($context.responseOverride.status = 500){"error": "FloorFailed"}#end`;

export const floorTemplate = {
  Resources: {
    MachineRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: assumedBy('states.amazonaws.com'),
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
        AssumeRolePolicyDocument: assumedBy('apigateway.amazonaws.com'),
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

/** The floor's URL; creates the stack, or replaces it when this template changed. */
export async function ensureFloor(endpoint: string): Promise<string> {
  const { ApiId: apiId } = await ensureStack(FLOOR_STACK, floorTemplate);
  if (!apiId) throw new Error(`${FLOOR_STACK} has no ApiId output`);
  return `${endpoint}/_aws/execute-api/${apiId}/${STAGE}/floor`;
}
