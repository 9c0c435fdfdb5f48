import {
  DEFAULT_TEST_CASE,
  MOCK_TEST_CASE_HEADER,
  toHostTemplate,
} from '../../../localstack/host-mode/host-template';
import { packageTemplate, resourcesOfType, type Template } from '../../support/package-template';

jest.setTimeout(120_000);

describe('mode H template (the packaged local stage, made deployable without Docker)', () => {
  let compiled: Template;
  let host: Template;
  beforeAll(() => {
    compiled = packageTemplate('local');
    host = toHostTemplate(compiled as never) as Template;
  });

  it('leaves out the Lambda functions and versions, and nothing else', () => {
    const types = (t: Template) => Object.values(t.Resources).map((r) => r.Type);
    expect(types(host)).not.toContain('AWS::Lambda::Function');
    expect(types(host)).not.toContain('AWS::Lambda::Version');
    const kept = Object.keys(compiled.Resources)
      .filter((id) => !/^AWS::Lambda::(Function|Version)$/.test(compiled.Resources[id]?.Type ?? ''))
      .map((id) => id.replace(/^ApiGatewayDeployment\d+$/, 'ApiGatewayDeployment'));
    expect(Object.keys(host.Resources).sort()).toEqual(kept.sort());
  });

  it('names the API deployment stably, so an unchanged service deploys an identical template', () => {
    expect(host.Resources.ApiGatewayDeployment?.Type).toBe('AWS::ApiGateway::Deployment');
    expect(JSON.stringify(toHostTemplate(packageTemplate('local') as never))).toBe(JSON.stringify(host));
  });

  it('keeps no reference to a resource it left out', () => {
    const text = JSON.stringify(host);
    for (const id of Object.keys(compiled.Resources).filter((i) => !(i in host.Resources))) {
      expect(text).not.toContain(`"${id}"`);
      expect(text).not.toContain(`\${${id}.`);
    }
  });

  it('deploys the same definition, with the function references turned into their ARNs', () => {
    type Sub = { 'Fn::Sub': [string, Record<string, unknown>] };
    const definition = (t: Template) => {
      const [, machine] = resourcesOfType(t, 'AWS::StepFunctions::StateMachine')[0] ?? [];
      const sub = machine?.Properties?.DefinitionString as Sub | undefined;
      if (!sub) throw new Error('the template has no state machine definition');
      return sub['Fn::Sub'];
    };
    const [hostText, hostSubs] = definition(host);
    expect(hostText).toBe(definition(compiled)[0]);
    const arns = Object.values(hostSubs).map((v) => JSON.stringify(v));
    for (const fn of ['generateTicket', 'encryptTicket']) {
      expect(arns).toContainEqual(expect.stringContaining(`:function:ticket-orchestrator-local-${fn}`));
    }
  });

  it('selects the mock test case from a header in the request template', () => {
    const vtl = JSON.stringify(host.Resources.ApiGatewayMethodTicketsPost?.Properties?.Integration);
    expect(vtl).toContain(`$input.params('${MOCK_TEST_CASE_HEADER}')`);
    expect(vtl).toContain(`#set($testCase = \\"${DEFAULT_TEST_CASE}\\")`);
    expect(vtl).toContain('$stateMachineArn#$testCase');
  });

  it('does not touch the compiled template it was given', () => {
    expect(JSON.stringify(compiled)).not.toContain(MOCK_TEST_CASE_HEADER);
  });
});
