import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * The handler as an unbundled deploy would run it: our TypeScript compiled to one CommonJS
 * file, every dependency left to require() from node_modules file by file.
 */
export function buildUnbundled(root: string, sourceFile: string, outFile: string): void {
  buildSync({
    absWorkingDir: root,
    entryPoints: [join(root, sourceFile)],
    outfile: outFile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
}
