import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';

export const STAGE = 'local';
export const STACK_NAME = `ticket-orchestrator-${STAGE}`;
export const ENDPOINT = process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566';

export type StackInfo = {
  apiId: string;
  apiUrl: string;
  stateMachineArn: string;
  bucketName: string;
  topicArn: string;
  keyArn: string;
};

/**
 * Where the deployed `local` stage lives, read from its CloudFormation outputs in LocalStack.
 * LocalStack serves every REST API under /_aws/execute-api/{apiId}/{stage}/.
 */
export async function readStackInfo(
  cfn = new CloudFormationClient({ endpoint: ENDPOINT }),
): Promise<StackInfo> {
  let outputs: Record<string, string>;
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: STACK_NAME }));
    outputs = Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']),
    );
  } catch (err) {
    throw new Error(
      `Stack ${STACK_NAME} is not deployed at ${ENDPOINT} (${(err as Error).message}). Run \`make local-up\` first.`,
    );
  }
  const need = (key: string) => {
    const value = outputs[key];
    if (!value) throw new Error(`Stack ${STACK_NAME} has no output ${key}; redeploy with \`make local-up\`.`);
    return value;
  };
  const apiId = need('TicketApiId');
  return {
    apiId,
    apiUrl: `${ENDPOINT}/_aws/execute-api/${apiId}/${STAGE}/tickets`,
    stateMachineArn: need('TicketStateMachineArn'),
    bucketName: need('TicketBucketName'),
    topicArn: need('TicketTopicArn'),
    keyArn: need('TicketKeyArn'),
  };
}
