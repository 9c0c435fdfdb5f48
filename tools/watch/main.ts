// make watch: rebuilds the handlers into .esbuild/.build on every save. The `local` stage's
// functions run from there (serverless-localstack's mountCode), and LocalStack's executor
// restarts a function whose code changed, so the next request runs the edit.
import { relative } from 'node:path';
import { BUILD_DIR, handlerBuild, watchHandlers } from './handler-build';

async function main(): Promise<void> {
  const { entries } = handlerBuild();
  console.log(`watch: ${entries.join(', ')} -> ${relative(process.cwd(), BUILD_DIR)} (Ctrl-C to stop)`);
  const context = await watchHandlers((result, ms) => {
    const time = new Date().toISOString().slice(11, 19);
    if (result.errors.length === 0) {
      console.log(`watch: ${time} built in ${ms.toFixed(0)} ms; the next request runs it`);
      return;
    }
    for (const e of result.errors) {
      const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
      console.error(`watch: ${time} ${at}${e.text} (the previous build keeps serving)`);
    }
  });
  const stop = () => void context.dispose().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`watch: FAILED: ${err.message}`);
  process.exit(1);
});
