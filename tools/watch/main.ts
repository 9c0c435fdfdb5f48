// make watch: rebuilds the handlers for the local stage on every save. The `local` stage's
// functions run from there (serverless-localstack's mountCode), and LocalStack's executor
// restarts a function whose code changed, so the next request runs the edit.
import { relative } from 'node:path';
import { handlerBuild, watchHandlers } from './handler-build';

async function main(): Promise<void> {
  const build = handlerBuild();
  const { entries, buildDir } = build;
  console.log(`watch: ${entries.join(', ')} -> ${relative(process.cwd(), buildDir)} (Ctrl-C to stop)`);
  const watcher = await watchHandlers(build, ({ errors, ms }) => {
    const time = new Date().toISOString().slice(11, 19);
    if (errors.length === 0) {
      console.log(`watch: ${time} built in ${ms.toFixed(0)} ms; the next request runs it`);
      return;
    }
    for (const e of errors) {
      const at = e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ` : '';
      console.error(`watch: ${time} ${at}${e.text} (the previous build keeps serving)`);
    }
  });
  const stop = () => void watcher.dispose().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(`watch: FAILED: ${err.message}`);
  process.exit(1);
});
