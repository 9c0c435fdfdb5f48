// Mode H deploy: the packaged template minus the Lambdas, into LocalStack's CloudFormation,
// then the SFN mock file built from the real handlers' outputs. Run by `make local-up`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient,
  CreateStackCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
} from '@aws-sdk/client-cloudformation';
import { localStackEndpoint, readStackInfo, STACK_NAME } from '../stack-info';
import { type Template, toHostTemplate } from './host-template';
import { buildMockConfig, type HandlerSamples } from './mock-config';

const ROOT = join(__dirname, '..', '..');
const COMPILED = join(ROOT, '.serverless', 'cloudformation-template-update-stack.json');
const MOCK_CONFIG = join(ROOT, '.local', 'localstack', 'sfn-mock-config.json');
const cfn = new CloudFormationClient({});

async function stackStatus(): Promise<string | undefined> {
  try {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: STACK_NAME }));
    return Stacks?.[0]?.StackStatus;
  } catch {
    return undefined;
  }
}

async function failureReasons(): Promise<string> {
  const { StackEvents = [] } = await cfn.send(new DescribeStackEventsCommand({ StackName: STACK_NAME }));
  return StackEvents.filter((e) => e.ResourceStatus?.endsWith('FAILED'))
    .map((e) => `  ${e.LogicalResourceId} ${e.ResourceStatus}: ${e.ResourceStatusReason}`)
    .join('\n');
}

async function waitFor(done: string): Promise<void> {
  for (let waited = 0; waited < 180; waited += 1) {
    const now = (await stackStatus()) ?? 'DELETE_COMPLETE';
    if (now === done) return;
    if (now.endsWith('FAILED') || now.includes('ROLLBACK')) {
      throw new Error(`Stack ${STACK_NAME} ended ${now}:\n${await failureReasons()}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`Stack ${STACK_NAME} did not reach ${done} within 180 s`);
}

/**
 * Creates the stack, leaves it alone when the template is unchanged, and otherwise replaces
 * it: LocalStack 4.13.1 loses a method's integration responses when a stack update changes
 * it (the API then answers 500 "No match for output mapping"), so an update is not safe.
 */
async function deployStack(template: Template): Promise<void> {
  const body = JSON.stringify(template);
  const status = await stackStatus();
  if (status?.endsWith('FAILED') || status?.includes('ROLLBACK')) {
    throw new Error(
      `Stack ${STACK_NAME} is ${status}. Run \`make local-down && make local-up\` for a fresh emulator.`,
    );
  }
  if (status) {
    const { TemplateBody } = await cfn.send(new GetTemplateCommand({ StackName: STACK_NAME }));
    if (TemplateBody && JSON.stringify(JSON.parse(TemplateBody)) === body) {
      console.log('==> stack unchanged');
      return;
    }
    console.log('==> template changed: replacing the stack (LocalStack cannot update API methods in place)');
    await cfn.send(new DeleteStackCommand({ StackName: STACK_NAME }));
    await waitFor('DELETE_COMPLETE');
  }
  await cfn.send(
    new CreateStackCommand({ StackName: STACK_NAME, TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] }),
  );
  await waitFor('CREATE_COMPLETE');
}

/** Runs the real handlers once: the same code the Lambdas run, with LocalStack KMS. */
async function handlerSamples(keyArn: string): Promise<HandlerSamples> {
  process.env.TICKET_KEY_ID = keyArn;
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const { handler: generate } = await import('../../handlers/generate-ticket');
  const { handler: encrypt } = await import('../../handlers/encrypt-ticket');
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const details = (startsAt: string) => ({
    customer: { name: 'Local Sample', email: 'sample@example.com' },
    event: { id: 'local-sample', name: 'Mode H sample event', startsAt, seat: 'A-1' },
  });
  const ticket = await generate(details(inAMonth));
  const sealed = await encrypt(ticket);
  const generationError = await generate(details('2000-01-01T00:00:00Z')).then(
    () => {
      throw new Error('generate-ticket accepted an event in the past');
    },
    (e: Error) => ({ name: e.name, message: e.message }),
  );
  return { ticket, sealed, generationError };
}

async function main(): Promise<void> {
  const template = toHostTemplate(JSON.parse(readFileSync(COMPILED, 'utf8')) as Template);
  const started = Date.now();
  console.log(
    `==> deploying ${STACK_NAME} to ${localStackEndpoint()} (CloudFormation, without the Lambda functions)`,
  );
  await deployStack(template);
  console.log(`==> stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const info = await readStackInfo(cfn);
  const stateMachineName = info.stateMachineArn.split(':').pop() ?? '';
  const config = buildMockConfig(stateMachineName, await handlerSamples(info.keyArn));
  writeFileSync(MOCK_CONFIG, `${JSON.stringify(config, null, 2)}\n`);
  console.log(`==> wrote ${MOCK_CONFIG} from the real handlers' output`);
}

main().catch((err: Error) => {
  console.error(`ERROR: ${err.message}`);
  process.exit(1);
});
