import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

export const STAGE = 'local';
export const stackName = (stage: string) => `ticket-orchestrator-${stage}`;
export const STACK_NAME = stackName(STAGE);
/** A function's deployed name, as the Serverless Framework names it: `<service>-<stage>-<function>`. */
export const functionName = (fn: 'generateTicket' | 'encryptTicket', stage = STAGE) =>
  `${stackName(stage)}-${fn}`;

/**
 * LocalStack's address: the SDK's own AWS_ENDPOINT_URL, which every client here reads by
 * itself. Set by localstack/common.sh (make targets) and localstack/local-env.ts (suite, bench).
 */
export function localStackEndpoint(): string {
  const endpoint = process.env.AWS_ENDPOINT_URL;
  if (!endpoint)
    throw new Error('AWS_ENDPOINT_URL is not set: run this through make (e.g. `make local-up`).');
  return endpoint;
}

export type StackInfo = {
  apiId: string;
  apiUrl: string;
  stateMachineArn: string;
  bucketName: string;
  topicArn: string;
  keyArn: string;
  alarmTopicArn: string;
  /** Only with apiAuth=apiKey (the key's id; its value is read with GetApiKey). */
  apiKeyId?: string;
};

/**
 * Where a deployed stage (`local` unless told) lives, read from its CloudFormation outputs in LocalStack.
 * LocalStack serves every REST API under /_aws/execute-api/{apiId}/{stage}/.
 */
export async function readStackInfo(stage = STAGE, cfn = new CloudFormationClient({})): Promise<StackInfo> {
  const endpoint = localStackEndpoint();
  const stack = stackName(stage);
  let outputs: Record<string, string>;
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
    outputs = Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
    );
  } catch (err) {
    throw new Error(
      `Stack ${stack} is not deployed at ${endpoint} (${(err as Error).message}). Run \`make local-up\` first.`,
    );
  }
  const need = (key: string) => {
    const value = outputs[key];
    if (!value) throw new Error(`Stack ${stack} has no output ${key}; redeploy with \`make local-up\`.`);
    return value;
  };
  const apiId = need('TicketApiId');
  return {
    apiId,
    apiUrl: `${endpoint}/_aws/execute-api/${apiId}/${stage}/tickets`,
    stateMachineArn: need('TicketStateMachineArn'),
    bucketName: need('TicketBucketName'),
    topicArn: need('TicketTopicArn'),
    keyArn: need('TicketKeyArn'),
    alarmTopicArn: need('AlarmTopicArn'),
    ...(outputs.TicketApiKeyId ? { apiKeyId: outputs.TicketApiKeyId } : {}),
  };
}
