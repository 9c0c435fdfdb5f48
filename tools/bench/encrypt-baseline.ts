import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { Skipped } from '../shared/report-types';
import { handlerBuild } from '../watch/handler-build';
import { bundledVariants, measureVariants } from './import-time';
import type { EncryptBeforeAfter, ImportFigure } from './report-types';

/**
 * The "before" of the Encryption SDK change: the last commit whose handlers/ hand-rolled the
 * envelope (KMS GenerateDataKey per ticket + AES-256-GCM, a JSON format of our own).
 */
export const HAND_ROLLED_REV = 'def0263747dfaa27769f7d77d654a0285d338d4b';

export type Baseline = { rev: string; jsFile: string; jsBytes: number };

/**
 * Bundles that commit's handlers/encrypt-ticket.ts with today's esbuild options from
 * serverless.yml (and today's node_modules: its dependencies are still pinned the same), so
 * its size and cold import sit beside the current bundle's. Throws when git cannot show it.
 */
export function buildHandRolledEncrypt(root: string, outDir: string): Baseline {
  // Inside the repo (.local is ignored), so its imports resolve from the repo's node_modules.
  const sources = join(root, '.local', 'bench-baseline');
  rmSync(sources, { recursive: true, force: true });
  mkdirSync(sources, { recursive: true });
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', HAND_ROLLED_REV, 'handlers'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  execFileSync('tar', ['-x', '-C', sources], { input: tar });
  const { outdir: _outdir, outbase: _outbase, ...options } = handlerBuild().options;
  const jsFile = join(outDir, 'encryptTicket', 'before', 'handlers', 'encrypt-ticket.js');
  buildSync({
    ...options,
    absWorkingDir: root,
    entryPoints: [join(sources, 'handlers', 'encrypt-ticket.ts')],
    outfile: jsFile,
  });
  return { rev: HAND_ROLLED_REV, jsFile, jsBytes: statSync(jsFile).size };
}

/** Size and cold import of encryptTicket, before and after; skipped when the old code cannot be built. */
export function encryptBeforeAfter(
  root: string,
  outDir: string,
  after: { jsFile: string; jsBytes: number },
  runs: number,
): EncryptBeforeAfter | Skipped {
  let before: Baseline;
  try {
    before = buildHandRolledEncrypt(root, outDir);
  } catch (error) {
    return {
      status: 'skipped',
      reason: `the hand-rolled handler could not be built: ${(error as Error).message}`,
    };
  }
  const variants = [
    { name: 'before: hand-rolled envelope', file: before.jsFile, jsBytes: before.jsBytes },
    { name: 'after: AWS Encryption SDK', file: after.jsFile, jsBytes: after.jsBytes },
  ];
  const imports = measureVariants(bundledVariants(variants), root, runs);
  return {
    status: 'ok',
    rev: before.rev,
    rows: variants.map((v, i) => ({
      variant: v.name,
      jsBytes: v.jsBytes,
      imports: imports[i] as ImportFigure,
    })),
  };
}
