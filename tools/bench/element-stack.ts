// The element machines of `make bench`: one EXPRESS state machine per kind of workflow element, each
// the one-Pass floor's machine with that element instead of (or beside) its Pass.
import type { StackInfo } from '../../localstack/stack-info';
import { assumedBy, ensureStack } from './fixture-stack';

export const ELEMENTS_STACK = 'ticket-bench-elements';

/** Each element's machine; `one Pass` is the base every other is compared with. */
export const ELEMENT_MACHINES = [
  'one Pass',
  'eleven Pass',
  'Parallel of two Pass',
  'S3 PutObject task',
  'SNS Publish task',
  'Lambda task',
] as const;
export type ElementMachine = (typeof ELEMENT_MACHINES)[number];

type Definition = { StartAt: string; States: Record<string, object> };

const passes = (n: number): Definition => ({
  StartAt: 'P1',
  States: Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `P${i + 1}`,
      i + 1 < n ? { Type: 'Pass', Next: `P${i + 2}` } : { Type: 'Pass', End: true },
    ]),
  ),
});

const oneTask = (Resource: string, Parameters: object): Definition => ({
  StartAt: 'T',
  States: { T: { Type: 'Task', Resource, Parameters, ResultPath: null, End: true } },
});

/** `${Topic}` is the stack's own topic (Fn::Sub); the bucket and function are the deployed stage's. */
function definitions(bucket: string, functionArn: string): Record<ElementMachine, Definition> {
  return {
    'one Pass': passes(1),
    'eleven Pass': passes(11),
    'Parallel of two Pass': {
      StartAt: 'Par',
      States: { Par: { Type: 'Parallel', Branches: [passes(1), passes(1)], ResultPath: null, End: true } },
    },
    // One key, overwritten: the bench leaves one object behind, not one per call.
    'S3 PutObject task': oneTask('arn:aws:states:::aws-sdk:s3:putObject', {
      Bucket: bucket,
      Key: 'bench/element-cost.json',
      'Body.$': '$.details',
    }),
    // Its own topic, with no subscriber: nothing the stage's subscribers would receive.
    'SNS Publish task': oneTask('arn:aws:states:::sns:publish', {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub syntax, not a JS template
      TopicArn: '${Topic}',
      'Message.$': '$.details',
    }),
    // What GenerateTicket sends, as the workflow sends it.
    'Lambda task': oneTask('arn:aws:states:::lambda:invoke', {
      FunctionName: functionArn,
      Payload: { 'executionName.$': '$$.Execution.Name', 'details.$': '$.details' },
    }),
  };
}

export function elementsTemplate(bucket: string, functionArn: string): object {
  const machines = Object.entries(definitions(bucket, functionArn)).map(([element, definition], i) => [
    `Machine${i}`,
    {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineName: `ticket-bench-${element.toLowerCase().replaceAll(' ', '-')}`,
        StateMachineType: 'EXPRESS',
        RoleArn: { 'Fn::GetAtt': ['MachineRole', 'Arn'] },
        DefinitionString: { 'Fn::Sub': JSON.stringify(definition) },
      },
    },
  ]);
  return {
    Resources: {
      Topic: { Type: 'AWS::SNS::Topic' },
      MachineRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: assumedBy('states.amazonaws.com'),
          Policies: [
            {
              PolicyName: 'elements',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${bucket}/bench/*` },
                  { Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: 'Topic' } },
                  { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: functionArn },
                ],
              },
            },
          ],
        },
      },
      ...Object.fromEntries(machines),
    },
    Outputs: Object.fromEntries(machines.map(([key]) => [key, { Value: { Ref: key } }])),
  };
}

/** The generateTicket function's ARN, in the state machine's region and account. */
export function generateFunctionArn(stack: StackInfo, functionName: string): string {
  const [, partition, , region, account] = stack.stateMachineArn.split(':');
  return `arn:${partition}:lambda:${region}:${account}:function:${functionName}`;
}

/** Each element's state machine ARN; deploys the stack when it is missing or its template changed. */
export async function ensureElements(
  stack: StackInfo,
  functionName: string,
): Promise<Record<ElementMachine, string>> {
  const template = elementsTemplate(stack.bucketName, generateFunctionArn(stack, functionName));
  const outputs = await ensureStack(ELEMENTS_STACK, template);
  const arns = ELEMENT_MACHINES.map((element, i) => {
    const arn = outputs[`Machine${i}`];
    if (!arn) throw new Error(`${ELEMENTS_STACK} has no output Machine${i} (${element})`);
    return [element, arn];
  });
  return Object.fromEntries(arns) as Record<ElementMachine, string>;
}
