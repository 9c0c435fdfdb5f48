import { spawnSync } from 'node:child_process';
import type { Artifact } from './bundles';
import { commandLine } from './shell';
import { type Summary, summarize } from './stats';

/** What a handler needs to load at all (encrypt-ticket validates its config on import). */
export const IMPORT_ENV = {
  TICKET_KEY_ID: 'dummy',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Runs in each fresh process: times require() alone, so Node's start-up is not counted. */
export const probeScript = (file: string) =>
  `const t0=process.hrtime.bigint();require(${JSON.stringify(file)});` +
  'process.stdout.write(String(Number(process.hrtime.bigint()-t0)/1e6))';

const bundledArgs = (a: Artifact) => ['-e', probeScript(a.jsFile)];
// Relative to the repo root (the child's cwd), as `npx tsx` would load the handler.
const unbundledArgs = (a: Artifact) => ['--import', 'tsx', '-e', probeScript(a.sourceFile)];

export const bundledCommand = (a: Artifact) => commandLine(['node', ...bundledArgs(a)], IMPORT_ENV);
export const unbundledCommand = (a: Artifact) => commandLine(['node', ...unbundledArgs(a)], IMPORT_ENV);

function timeRequire(args: string[], cwd: string): number {
  const env: NodeJS.ProcessEnv = { ...process.env, ...IMPORT_ENV };
  // Nothing may preload into the child: it must start as plain `node`.
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  const value = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(value)) {
    throw new Error(`import probe failed (exit ${child.status}): node ${args.join(' ')}\n${child.stderr}`);
  }
  return value;
}

export type ImportTimes = { bundledMs: Summary; unbundledMs: Summary };

/**
 * `runs` fresh processes per variant, alternating so drift (thermal, other load) hits both
 * alike, after one discarded warm-up each for the file cache and tsx's transform cache.
 */
export function measureImports(artifact: Artifact, root: string, runs: number): ImportTimes {
  const bundled: number[] = [];
  const unbundled: number[] = [];
  timeRequire(bundledArgs(artifact), root);
  timeRequire(unbundledArgs(artifact), root);
  for (let i = 0; i < runs; i++) {
    bundled.push(timeRequire(bundledArgs(artifact), root));
    unbundled.push(timeRequire(unbundledArgs(artifact), root));
  }
  return { bundledMs: summarize(bundled), unbundledMs: summarize(unbundled) };
}
