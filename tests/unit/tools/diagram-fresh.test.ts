import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The renderer is ESM-only WebAssembly, so the check runs as its CLI does in `make diagram-check`.
const ROOT = join(__dirname, '..', '..', '..');

it('the committed docs/ticket-workflow.svg matches a fresh render of the ASL (run `make diagram`)', () => {
  expect(() =>
    execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/diagram/main.ts', '--check'], {
      cwd: ROOT,
      stdio: 'pipe',
    }),
  ).not.toThrow();
}, 60_000);
