// The deploy of `make local-up`, the same in both modes: `sls deploy --stage local`
// (serverless-localstack), Lambdas included.
//
// LocalStack 4.14.0 cannot update this stack in place: an update that changes the API method
// loses its integration responses (every call then answers 500), and one that replaces the
// timestamped API deployment drops the stage (404). So an unchanged stack is left alone (the
// functions still get the fresh build: they run the esbuild output in place), and a changed
// one is removed and deployed anew.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CloudFormationClient,
  DeleteStackCommand,
  GetTemplateCommand,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';
import { STAGE, stackName } from './stack-info';

const ROOT = join(__dirname, '..');
const PACKAGED = join(ROOT, '.serverless', 'cloudformation-template-update-stack.json');
const cfn = new CloudFormationClient({});

function sls(...args: string[]): void {
  console.log(`==> sls ${args.join(' ')}`);
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'sls'), args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`sls ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
}

/**
 * The template as text, with what differs between two deploys of the same service made
 * equal: the framework's timestamped API deployment id, and the `.esbuild/.build/` that
 * serverless-localstack prefixes to each handler at deploy time (after `sls package`).
 */
export function comparable(templateText: string): string {
  return JSON.stringify(JSON.parse(templateText))
    .replace(/"ApiGatewayDeployment\d+"/g, '"ApiGatewayDeployment"')
    .replaceAll('"Handler":".esbuild/.build/', '"Handler":"');
}

/**
 * The deployed template, or undefined when there is no such stack. Any other error is thrown: a
 * transient one must not be taken for "no stack" and lead to deploying over the existing one.
 */
export async function deployedTemplate(stack: string): Promise<string | undefined> {
  try {
    const { TemplateBody } = await cfn.send(new GetTemplateCommand({ StackName: stack }));
    return TemplateBody;
  } catch (err) {
    // CloudFormation (and LocalStack) answer ValidationError "Stack with id … does not exist".
    if (err instanceof Error && err.name === 'ValidationError' && / does not exist/.test(err.message)) {
      return undefined;
    }
    throw err;
  }
}

/**
 * Deploys `stage` to LocalStack with the given serverless params (`name=value`), unless the
 * same template is deployed already. The integration suite deploys a variant this way.
 */
export async function deployStage(stage: string, params: string[] = []): Promise<void> {
  const stack = stackName(stage);
  const options = ['--stage', stage, ...params.map((p) => `--param=${p}`)];
  const deployed = await deployedTemplate(stack);
  if (deployed) {
    sls('package', ...options);
    if (comparable(deployed) === comparable(readFileSync(PACKAGED, 'utf8'))) {
      console.log('==> stack unchanged: not redeployed (the functions run the build just made)');
      return;
    }
    // DeleteStack, not `sls remove`: that also asks ECR, which LocalStack community lacks.
    console.log('==> template changed: deleting the stack first (LocalStack cannot update its API in place)');
    await cfn.send(new DeleteStackCommand({ StackName: stack }));
    await waitUntilStackDeleteComplete({ client: cfn, maxWaitTime: 180, minDelay: 1 }, { StackName: stack });
  }
  // Not `--package .serverless`: serverless-localstack then fails ("Specify exactly one of
  // 'TemplateBody' or 'TemplateUrl'"), so deploy packages again.
  sls('deploy', ...options);
}

if (require.main === module) {
  deployStage(STAGE).catch((err: Error) => {
    console.error(`ERROR: ${err.message}`);
    process.exit(1);
  });
}
