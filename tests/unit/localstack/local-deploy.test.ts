import { CloudFormationClient, GetTemplateCommand } from '@aws-sdk/client-cloudformation';
import { mockClient } from 'aws-sdk-client-mock';
import { comparable, deployedTemplate } from '../../../localstack/deploy';
import { readYaml } from '../../../tools/asl/read-yaml';
import { handlerBuild } from '../../../tools/watch/handler-build';

describe('local deploy: skipping an unchanged stack', () => {
  const template = (deployment: string, handler: string) =>
    JSON.stringify({
      Resources: {
        [deployment]: { Type: 'AWS::ApiGateway::Deployment' },
        Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: handler } },
      },
    });

  it('sees the same service in a new package and in the deployed template', () => {
    const packaged = template('ApiGatewayDeployment1764000000001', 'handlers/generate-ticket.handler');
    // What LocalStack holds after serverless-localstack deployed it: another timestamp, the build prefix.
    const deployed = template(
      'ApiGatewayDeployment1764000000999',
      '.esbuild/.build/handlers/generate-ticket.handler',
    );
    expect(comparable(JSON.stringify(JSON.parse(deployed), null, 2))).toBe(comparable(packaged));
  });

  it('sees a real change', () => {
    const before = template('ApiGatewayDeployment1', 'handlers/generate-ticket.handler');
    expect(comparable(before)).not.toBe(comparable(before.replace('generate-ticket', 'encrypt-ticket')));
  });
});

describe('local deploy: reading the deployed template', () => {
  const cfn = mockClient(CloudFormationClient);
  afterEach(() => cfn.reset());
  afterAll(() => cfn.restore());
  const error = (name: string, message: string) => Object.assign(new Error(message), { name });

  it('answers the template of a deployed stack', async () => {
    cfn.on(GetTemplateCommand, { StackName: 'ticket-orchestrator-local' }).resolves({ TemplateBody: '{}' });
    await expect(deployedTemplate('ticket-orchestrator-local')).resolves.toBe('{}');
  });

  it('answers undefined only when the stack does not exist', async () => {
    cfn
      .on(GetTemplateCommand)
      .rejects(error('ValidationError', 'Stack with id ticket-orchestrator-local does not exist'));
    await expect(deployedTemplate('ticket-orchestrator-local')).resolves.toBeUndefined();
  });

  it.each([
    ['a transient error', error('ThrottlingException', 'Rate exceeded')],
    ['another validation error', error('ValidationError', 'StackName is a required parameter.')],
    ['no answer at all', error('Error', 'connect ECONNREFUSED 127.0.0.1:4566')],
  ])('throws on %s, so an existing stack is never deployed over', async (_, err) => {
    cfn.on(GetTemplateCommand).rejects(err);
    await expect(deployedTemplate('ticket-orchestrator-local')).rejects.toBe(err);
  });
});

describe('local stage build folder', () => {
  type Config = { custom: { localstack: { lambda: { mountCode: string } } } };

  it('is where serverless-localstack points the handlers: <mountCode>/.esbuild/.build', () => {
    const { custom } = readYaml('serverless.yml') as Config;
    expect(handlerBuild().buildDir).toBe(
      `${process.cwd()}/${custom.localstack.lambda.mountCode}/.esbuild/.build`,
    );
  });

  it('builds each function handler with the esbuild options of serverless.yml', () => {
    const { entries, options } = handlerBuild();
    expect(entries).toEqual(['handlers/generate-ticket.ts', 'handlers/encrypt-ticket.ts']);
    expect(options).toMatchObject({ bundle: true, minify: true, platform: 'node', target: 'node22' });
  });
});
