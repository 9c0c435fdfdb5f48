/**
 * Mode H turns the template `sls package --stage local` compiled into one LocalStack can
 * deploy without Docker. Everything but the Lambda functions deploys as compiled: API
 * Gateway with the same templates, the state machine, KMS, S3, SNS, IAM, logs. What changes:
 *  - the functions (and their versions) are left out: LocalStack cannot create them
 *    without Docker, and one failing function fails the whole stack;
 *  - references to them become their ARNs, which the state machine already uses verbatim;
 *  - the request template appends `#<TestCase>` to the state machine ARN, taken from the
 *    X-Sfn-Mock-Test-Case header (default HappyPath), so SFN_MOCK_CONFIG serves the
 *    Lambda task states. Production templates never carry this.
 */
export const MOCK_TEST_CASE_HEADER = 'X-Sfn-Mock-Test-Case';
export const DEFAULT_TEST_CASE = 'HappyPath';

type Resource = { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] };
export type Template = { Resources: Record<string, Resource>; Outputs?: Record<string, unknown> };

const LEFT_OUT = new Set(['AWS::Lambda::Function', 'AWS::Lambda::Version', 'AWS::Lambda::Permission']);
const ARN_MARKER = '"stateMachineArn": "$stateMachineArn"';
const TEST_CASE_VTL = [
  `#set($testCase = $input.params('${MOCK_TEST_CASE_HEADER}'))`,
  `#if("$!testCase" == "")#set($testCase = "${DEFAULT_TEST_CASE}")#end`,
  '',
].join('\n');

const arnOf = (name: string) =>
  `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${name}`;
const functionArn = (name: string) => ({ 'Fn::Sub': arnOf(name) });

function rewrite(node: unknown, arns: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, arns));
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const getAtt = o['Fn::GetAtt'];
  if (Array.isArray(getAtt) && arns.has(String(getAtt[0])))
    return functionArn(arns.get(String(getAtt[0])) ?? '');
  if (typeof o['Fn::Sub'] === 'string') {
    let sub = o['Fn::Sub'];
    for (const [logicalId, name] of arns) {
      sub = sub.replaceAll(`\${${logicalId}.Arn}`, arnOf(name));
    }
    return { 'Fn::Sub': sub };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, rewrite(v, arns)]));
}

/** Logical ids a Ref or Fn::GetAtt names, anywhere below node. */
function referencedIds(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(referencedIds);
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own =
    typeof o.Ref === 'string' ? [o.Ref] : Array.isArray(o['Fn::GetAtt']) ? [String(o['Fn::GetAtt'][0])] : [];
  return [...own, ...Object.values(o).flatMap(referencedIds)];
}

/** Every request template of POST /tickets (JSON, and the form one the plugin adds). */
function addTestCaseSuffix(template: Template): void {
  const method = Object.values(template.Resources).find((r) => r.Type === 'AWS::ApiGateway::Method');
  const integration = method?.Properties?.Integration as
    | { RequestTemplates?: Record<string, unknown> }
    | undefined;
  for (const [contentType, requestTemplate] of Object.entries(integration?.RequestTemplates ?? {})) {
    const parts = (requestTemplate as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1];
    const vtlIndex = parts?.findIndex((p) => typeof p === 'string' && p.includes(ARN_MARKER)) ?? -1;
    if (!parts || vtlIndex < 0) {
      throw new Error(
        `The ${contentType} request template no longer contains ${ARN_MARKER}; update host-template.ts`,
      );
    }
    const vtl = parts[vtlIndex] as string;
    parts[vtlIndex] =
      TEST_CASE_VTL + vtl.replace(ARN_MARKER, '"stateMachineArn": "$stateMachineArn#$testCase"');
  }
}

/**
 * The framework names the API deployment by timestamp, so every package differs. A stable
 * id makes an unchanged service package to an identical template, which deploy.ts skips.
 */
function stableDeploymentId(template: Template): Template {
  const ids = Object.keys(template.Resources).filter((id) => /^ApiGatewayDeployment\d+$/.test(id));
  let text = JSON.stringify(template);
  for (const id of ids) text = text.replaceAll(`"${id}"`, '"ApiGatewayDeployment"');
  return JSON.parse(text) as Template;
}

export function toHostTemplate(compiled: Template): Template {
  const template = structuredClone(compiled);
  const arns = new Map<string, string>();
  for (const [id, r] of Object.entries(template.Resources)) {
    if (!LEFT_OUT.has(r.Type)) continue;
    if (r.Type === 'AWS::Lambda::Function') arns.set(id, String(r.Properties?.FunctionName));
    delete template.Resources[id];
  }
  const removed = (id: string) => !(id in template.Resources);
  for (const r of Object.values(template.Resources)) {
    if (r.DependsOn) r.DependsOn = [r.DependsOn].flat().filter((d) => !removed(d));
  }
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    if (referencedIds(output).some(removed)) delete template.Outputs?.[key];
  }
  template.Resources = rewrite(template.Resources, arns) as Template['Resources'];
  addTestCaseSuffix(template);
  return stableDeploymentId(template);
}
