import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnTemplate } from './from-template';

const ROOT = join(__dirname, '..', '..');

/** `sls package` offline into a scratch folder; the compiled template. */
export function packageStage(stage: string): CfnTemplate {
  const out = mkdtempSync(join(tmpdir(), 'ticket-openapi-'));
  try {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'sls'), ['package', '--stage', stage, '--package', out], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    });
    return JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
