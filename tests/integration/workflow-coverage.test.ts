import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// Runs last (run-coverage-gate-last.js) over what this run's executions took (global-setup.ts cleared
// the recorder). It is `make coverage` itself, run as its CLI (the SVG renderer is ESM-only
// WebAssembly): it writes docs/workflow-coverage.md/.svg and exits 1 on an edge neither taken nor
// excluded, on a stale exclusion, or on an edge the definition does not have.
it('takes every edge of statemachines/ticket.asl.yml, but those excluded with a reason', () => {
  const run = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), ['tools/coverage/main.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const output = `${run.stdout}${run.stderr}`.trim();
  console.log(output);
  expect({ exitCode: run.status, output: output.split('\n') }).toEqual({
    exitCode: 0,
    output: expect.any(Array),
  });
}, 60_000);
