import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

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

export const resourcesOfType = (t: Template, type: string) =>
  Object.entries(t.Resources).filter(([, r]) => r.Type === type);
