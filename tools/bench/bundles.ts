import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listZip, readEntry } from './zip';

export const FUNCTIONS = ['generateTicket', 'encryptTicket'] as const;
export const PACKAGE_COMMAND = 'npx sls package --stage dev';

export type Artifact = {
  fn: string;
  zipBytes: number;
  /** The bundled handler inside the zip, e.g. handlers/generate-ticket.js. */
  jsName: string;
  jsBytes: number;
  /** Where the bundled handler was extracted to. */
  jsFile: string;
  /** The TypeScript it was bundled from, relative to the repo root. */
  sourceFile: string;
  /** The same source built without its dependencies (unbundled-build.ts). */
  unbundledFile: string;
};

const zipPath = (root: string, fn: string) => join(root, '.serverless', `${fn}.zip`);

function newestMtimeMs(paths: string[]): number {
  return Math.max(...paths.map((p) => statSync(p).mtimeMs));
}

/** Every file esbuild reads from: the handler sources and the esbuild options in serverless.yml. */
function sources(root: string): string[] {
  const handlers = join(root, 'handlers');
  const files = readdirSync(handlers, { recursive: true, encoding: 'utf8' }).map((f) => join(handlers, f));
  return [...files.filter((f) => statSync(f).isFile()), join(root, 'serverless.yml')];
}

/** Why the zips must be rebuilt, or null when they are newer than everything they come from. */
function staleReason(root: string): string | null {
  const missing = FUNCTIONS.filter((fn) => !existsSync(zipPath(root, fn)));
  if (missing.length) return `${missing.map((fn) => `.serverless/${fn}.zip`).join(' and ')} did not exist`;
  const oldestZip = Math.min(...FUNCTIONS.map((fn) => statSync(zipPath(root, fn)).mtimeMs));
  return newestMtimeMs(sources(root)) > oldestZip ? 'the zips were older than handlers/ sources' : null;
}

/** Runs `sls package` when needed and says which happened, for the report. */
export function ensurePackaged(root: string): string {
  const reason = staleReason(root);
  if (!reason) return 'Reused the existing .serverless zips (newer than handlers/ and serverless.yml).';
  console.log(`bench: ${reason}; running ${PACKAGE_COMMAND} ...`);
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'sls'), ['package', '--stage', 'dev'], {
      cwd: root,
      stdio: 'pipe',
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`${PACKAGE_COMMAND} failed:\n${stdout}${stderr}`);
  }
  return `Packaged by this run because ${reason}.`;
}

/** Reads each zip once (a concurrent `sls package` may replace it) and extracts its handler .js. */
export function extractArtifacts(root: string, outDir: string): Artifact[] {
  rmSync(outDir, { recursive: true, force: true });
  return FUNCTIONS.map((fn) => {
    const zip = readFileSync(zipPath(root, fn));
    const scripts = listZip(zip).filter((e) => e.name.endsWith('.js'));
    const [js] = scripts;
    if (!js || scripts.length !== 1) {
      throw new Error(`.serverless/${fn}.zip: expected one bundled .js, found ${scripts.length}`);
    }
    const jsFile = join(outDir, fn, 'bundled', js.name);
    mkdirSync(dirname(jsFile), { recursive: true });
    writeFileSync(jsFile, readEntry(zip, js));
    return {
      fn,
      zipBytes: zip.length,
      jsName: js.name,
      jsBytes: js.size,
      jsFile,
      sourceFile: `./${js.name.replace(/\.js$/, '.ts')}`,
      unbundledFile: join(outDir, fn, 'unbundled', js.name),
    };
  });
}
