import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourcesOfType as stackResourcesOfType } from '../../tools/cost/stack-resources';

export type Template = {
  Resources: Record<
    string,
    { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }
  >;
  Outputs?: Record<string, { Value: unknown }>;
};

const ROOT = join(__dirname, '..', '..');

/** Runs `sls package` offline into a scratch folder and returns the compiled template. */
export function packageTemplate(stage: string, params: string[] = []): Template {
  const out = mkdtempSync(join(tmpdir(), 'ticket-package-'));
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'sls'),
    ['package', '--stage', stage, '--package', out, ...params.map((p) => `--param=${p}`)],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' } },
  );
  return JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
}

export const resourcesOfType = (t: Template, type: string) => stackResourcesOfType(t.Resources, type);

/** One resource's Properties; a missing resource fails the test with its id. */
export function propertiesOf(t: Template, id: string): Record<string, unknown> {
  const resource = t.Resources[id];
  if (!resource) throw new Error(`no resource ${id}`);
  return resource.Properties ?? {};
}

export const dependsOn = (t: Template, id: string) => [t.Resources[id]?.DependsOn ?? []].flat();

export const FUNCTION_IDS = ['GenerateTicketLambdaFunction', 'EncryptTicketLambdaFunction'];
export const ROLE_IDS = ['GenerateTicketRole', 'EncryptTicketRole', 'TicketStateMachineRole'];
