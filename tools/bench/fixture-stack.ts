// A CloudFormation stack the bench deploys for itself on LocalStack, kept while its template is unchanged.
import { createHash } from 'node:crypto';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStacksCommand,
  waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';

const cfn = new CloudFormationClient({});
const VERSION_TAG = 'template-sha';
const WAIT = { client: cfn, maxWaitTime: 120, minDelay: 1 };

/** The stack's outputs; creates the stack, or replaces it when the template changed. */
export async function ensureStack(name: string, template: object): Promise<Record<string, string>> {
  const body = JSON.stringify(template);
  const sha = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const describe = () =>
    cfn
      .send(new DescribeStacksCommand({ StackName: name }))
      .then((r) => r.Stacks?.[0])
      .catch(() => undefined);
  let stack = await describe();
  const current = stack?.StackStatus === 'CREATE_COMPLETE' && stack.Tags?.some((t) => t.Value === sha);
  if (!current) {
    if (stack) {
      await cfn.send(new DeleteStackCommand({ StackName: name }));
      await waitUntilStackDeleteComplete(WAIT, { StackName: name });
    }
    await cfn.send(
      new CreateStackCommand({
        StackName: name,
        TemplateBody: body,
        Capabilities: ['CAPABILITY_IAM'],
        Tags: [{ Key: VERSION_TAG, Value: sha }],
      }),
    );
    await waitUntilStackCreateComplete(WAIT, { StackName: name });
    stack = await describe();
  }
  return Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

/** An IAM role's trust policy: `service` (e.g. `states.amazonaws.com`) may assume it. */
export const assumedBy = (service: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
});
