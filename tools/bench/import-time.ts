import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { summarize } from '../shared/stats';
import type { Artifact } from './bundles';
import type { ImportFigure } from './report-types';
import { commandLine } from './shell';

/** What a handler needs to load at all (encrypt-ticket validates its config on import). */
export const IMPORT_ENV = {
  TICKET_KEY_ID: 'dummy',
  TICKET_DATA_KEY_MAX_AGE_SECONDS: '300',
  TICKET_DATA_KEY_MAX_TICKETS: '1000',
  TICKET_DATA_KEY_MAX_BYTES: '1048576',
  AWS_REGION: 'us-east-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Runs in each fresh process: times require() alone, so Node's start-up is not counted. */
export const probeScript = (file: string) =>
  `const t0=process.hrtime.bigint();require(${JSON.stringify(file)});` +
  'process.stdout.write(String(Number(process.hrtime.bigint()-t0)/1e6))';

type Variant = { name: string; args: string[]; env: Record<string, string> };

/** Bundled first: it is the baseline the others are compared with. */
export function variants(artifact: Artifact, root: string): Variant[] {
  return [
    { name: 'bundled (from the zip)', args: ['-e', probeScript(artifact.jsFile)], env: IMPORT_ENV },
    {
      name: 'unbundled JS, deps from node_modules',
      args: ['-e', probeScript(artifact.unbundledFile)],
      // The build sits outside the repo, so point Node at the repo's node_modules.
      env: { ...IMPORT_ENV, NODE_PATH: join(root, 'node_modules') },
    },
    {
      name: 'unbundled TS through tsx',
      // Relative to the repo root (the child's cwd), as `npx tsx` would load it.
      args: ['--import', 'tsx', '-e', probeScript(artifact.sourceFile)],
      env: IMPORT_ENV,
    },
  ];
}

/** Bundled files only, e.g. a handler before and after a change, taking turns the same way. */
export function bundledVariants(files: { name: string; file: string }[]): Variant[] {
  return files.map(({ name, file }) => ({ name, args: ['-e', probeScript(file)], env: IMPORT_ENV }));
}

function timeRequire(variant: Variant, cwd: string): number {
  const env: NodeJS.ProcessEnv = { ...process.env, ...variant.env };
  // Nothing may preload into the child: it must start as plain `node`.
  delete env.NODE_OPTIONS;
  const child = spawnSync(process.execPath, variant.args, { cwd, env, encoding: 'utf8' });
  const value = Number(child.stdout.trim());
  if (child.status !== 0 || !Number.isFinite(value)) {
    throw new Error(`import probe failed (exit ${child.status}): ${variant.name}\n${child.stderr}`);
  }
  return value;
}

/** A handler's three variants (bundled, unbundled JS, TS through tsx). */
export function measureImports(artifact: Artifact, root: string, runs: number): ImportFigure[] {
  return measureVariants(variants(artifact, root), root, runs);
}

/**
 * `runs` fresh processes per variant, taking turns so drift (thermal, other load) hits all
 * alike, after one discarded warm-up each for the file cache and tsx's transform cache.
 */
export function measureVariants(chosen: Variant[], root: string, runs: number): ImportFigure[] {
  const measured = chosen.map((variant) => ({ variant, samples: [] as number[] }));
  for (const { variant } of measured) timeRequire(variant, root);
  for (let i = 0; i < runs; i++) {
    for (const { variant, samples } of measured) samples.push(timeRequire(variant, root));
  }
  return measured.map(({ variant, samples }) => ({
    variant: variant.name,
    command: commandLine(['node', ...variant.args], variant.env),
    ms: summarize(samples),
  }));
}
