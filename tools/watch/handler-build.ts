import { join } from 'node:path';
import * as esbuild from 'esbuild';
import * as z from 'zod';
import { readYaml } from '../asl/read-yaml';

const ROOT = join(__dirname, '..', '..');
/** Where serverless-esbuild writes, and where the `local` stage's functions run from (mountCode). */
export const BUILD_DIR = join(ROOT, '.esbuild', '.build');

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
  functions: z.record(z.string(), z.looseObject({ handler: z.string() })),
  custom: z.looseObject({ esbuild: z.looseObject(EsbuildOptions.shape) }),
});

export type HandlerBuild = { options: esbuild.BuildOptions; entries: string[] };

/** Each function's TypeScript entry and the options serverless-esbuild builds it with. */
export function handlerBuild(file = join(ROOT, 'serverless.yml')): HandlerBuild {
  const config = ServerlessConfig.parse(readYaml(file));
  const entries = Object.values(config.functions).map((fn) => `${fn.handler.replace(/\.[^.]+$/, '')}.ts`);
  const options = EsbuildOptions.parse(config.custom.esbuild);
  return {
    options: { ...options, outbase: '.', outdir: BUILD_DIR, absWorkingDir: ROOT, logLevel: 'silent' },
    entries,
  };
}

/** Rebuilds the handlers on every save until disposed; onBuild hears of each build. */
export async function watchHandlers(
  onBuild: (result: esbuild.BuildResult, ms: number) => void,
): Promise<esbuild.BuildContext> {
  const { options, entries } = handlerBuild();
  let started = performance.now();
  const context = await esbuild.context({
    ...options,
    entryPoints: entries,
    plugins: [
      {
        name: 'report',
        setup(build) {
          build.onStart(() => {
            started = performance.now();
          });
          build.onEnd((result) => onBuild(result, performance.now() - started));
        },
      },
    ],
  });
  await context.watch();
  return context;
}
