import type { State } from './definition';

/** What a Task state calls: a Lambda function (by its serverless.yml name) or a service action. */
export type TaskTarget =
  | { kind: 'lambda'; functionName: string }
  | { kind: 'service'; service: string; action: string }
  | { kind: 'other'; resource: string };

const INTEGRATION = 'arn:aws:states:::';
const LAMBDA_ARN = /^arn:aws[\w-]*:lambda:[^:]*:[^:]*:function:([^:]+)/;

// `Fn::GetAtt: [fn, Arn]` and `Ref: fn` name the function by its serverless.yml key.
function cfnName(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const o = value as Record<string, unknown>;
  const getAtt = o['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return typeof o.Ref === 'string' ? o.Ref : undefined;
}

function functionName(value: unknown): string {
  if (typeof value === 'string') return LAMBDA_ARN.exec(value)?.[1] ?? value;
  return cfnName(value) ?? '(dynamic)';
}

function inputs(state: State): Record<string, unknown> {
  const input = state.Parameters ?? state.Arguments;
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
}

export function taskTarget(state: State): TaskTarget {
  const resource = state.Resource;
  if (typeof resource !== 'string') {
    const name = cfnName(resource);
    return name
      ? { kind: 'lambda', functionName: name }
      : { kind: 'other', resource: JSON.stringify(resource) };
  }
  const direct = LAMBDA_ARN.exec(resource);
  if (direct?.[1]) return { kind: 'lambda', functionName: direct[1] };
  if (!resource.startsWith(INTEGRATION)) return { kind: 'other', resource };
  // `lambda:invoke.waitForTaskToken`, `aws-sdk:s3:putObject`, `sns:publish`, `ecs:runTask.sync`
  const parts = resource
    .slice(INTEGRATION.length)
    .replace(/^aws-sdk:/, '')
    .split(':');
  const service = parts[0] ?? '';
  const action = (parts[1] ?? '').split('.')[0] ?? '';
  if (service === 'lambda' && action === 'invoke') {
    const args = inputs(state);
    const name = args.FunctionName === undefined ? '(dynamic)' : functionName(args.FunctionName);
    return { kind: 'lambda', functionName: name };
  }
  return { kind: 'service', service, action };
}

const SERVICE_NAMES: Record<string, string> = {
  s3: 'S3',
  sns: 'SNS',
  sqs: 'SQS',
  kms: 'KMS',
  dynamodb: 'DynamoDB',
  events: 'EventBridge',
  states: 'Step Functions',
  ecs: 'ECS',
  glue: 'Glue',
  bedrock: 'Bedrock',
};

/** `Lambda: generateTicket`, `S3 putObject`, `SNS publish`. */
export function targetLabel(target: TaskTarget): string {
  if (target.kind === 'lambda') return `Lambda: ${target.functionName}`;
  if (target.kind === 'other') return target.resource;
  return `${SERVICE_NAMES[target.service] ?? target.service} ${target.action}`;
}
