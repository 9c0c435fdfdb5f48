import { watch } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import * as z from 'zod';
import { readYaml } from '../asl/read-yaml';

const ROOT = join(__dirname, '..', '..');

// The esbuild options of custom.esbuild in serverless.yml (the plugin's own keys left out),
// so a watch build is byte for byte what `sls package` builds.
const EsbuildOptions = z.object({
  bundle: z.boolean(),
  minify: z.boolean(),
  sourcemap: z.boolean(),
  treeShaking: z.boolean(),
  target: z.string(),
  platform: z.enum(['node']),
  mainFields: z.array(z.string()),
});
const ServerlessConfig = z.looseObject({
  params: z.looseObject({ local: z.looseObject({ esbuildWorkFolder: z.string() }) }),
  functions: z.record(z.string(), z.looseObject({ handler: z.string() })),
  custom: z.looseObject({ esbuild: z.looseObject(EsbuildOptions.shape) }),
});

export type HandlerBuild = {
  options: esbuild.BuildOptions;
  /** The handlers' TypeScript files, relative to the repo root. */
  entries: string[];
  /** Where `sls package --stage local` writes them, and where the local functions run from. */
  buildDir: string;
};

/** Each function's entry, and the options and folder serverless-esbuild builds the local stage with. */
export function handlerBuild(file = join(ROOT, 'serverless.yml')): HandlerBuild {
  const config = ServerlessConfig.parse(readYaml(file));
  const entries = Object.values(config.functions).map((fn) => `${fn.handler.replace(/\.[^.]+$/, '')}.ts`);
  const options = EsbuildOptions.parse(config.custom.esbuild);
  // serverless-esbuild's build folder inside its work folder.
  const buildDir = join(ROOT, config.params.local.esbuildWorkFolder, '.build');
  return {
    options: { ...options, outbase: '.', outdir: buildDir, absWorkingDir: ROOT, logLevel: 'silent' },
    entries,
    buildDir,
  };
}

export type Watch = { dispose(): Promise<void> };
export type BuildReport = { errors: esbuild.Message[]; ms: number };

const SETTLE_MS = 10; // an editor's save is often several file events

/**
 * Builds the handlers now and again on every save under handlers/, until disposed. A save
 * is seen through fs.watch at once (esbuild's own watch mode polls, adding up to a few
 * hundred ms); builds never overlap, and a save during a build gets one more build.
 */
export async function watchHandlers(
  { options, entries }: HandlerBuild,
  onBuild: (report: BuildReport) => void,
): Promise<Watch> {
  const context = await esbuild.context({ ...options, entryPoints: entries });
  let building: Promise<void> | null = null;
  let again = false;
  const build = async (): Promise<void> => {
    const started = performance.now();
    const errors = await context.rebuild().then(
      () => [],
      (failure: esbuild.BuildFailure) => failure.errors ?? [{ text: String(failure) } as esbuild.Message],
    );
    onBuild({ errors, ms: performance.now() - started });
    if (again) {
      again = false;
      await build();
    }
  };
  const schedule = () => {
    if (building) {
      again = true;
      return;
    }
    building = new Promise((resolve) => setTimeout(resolve, SETTLE_MS)).then(build).finally(() => {
      building = null;
    });
  };
  const watcher = watch(join(ROOT, 'handlers'), { recursive: true }, schedule);
  await build();
  return {
    async dispose() {
      watcher.close();
      await building;
      await context.dispose();
    },
  };
}
