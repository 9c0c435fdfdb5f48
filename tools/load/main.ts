// `make load`: the seat, retry and fault rules of issue 9 under load, against `make local-up`.
// Prints a figures table and writes docs/load.md; exits 1 on any violation.
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { useLocalStackEnv } from '../../localstack/local-env';
import { localStackEndpoint, readStackInfo, type StackInfo } from '../../localstack/stack-info';
import { subscribeInbox } from '../../localstack/ticket-inbox';
import { reportFile, speedPatches } from '../shared/emulator';
import { describeEnvironment, localstackVersion } from '../shared/environment';
import { audit } from './audit';
import type { CheckRun, LoadContext } from './check-types';
import { distinctSeats } from './checks/distinct-seats';
import { faults } from './checks/faults';
import { retries } from './checks/retries';
import { seatRace } from './checks/seat-race';
import { loadContext } from './context';
import { QueueLedger } from './deliveries';
import { totalViolations } from './figures';
import { drainInbox } from './inbox-drain';
import { endpointVariables, LOOPBACK, nonLocalEndpoints } from './local-only';
import { PLAN } from './plan';
import { renderConsole, renderMarkdown } from './render';
import { formatCounts, statusCounts } from './tally';

const ROOT = join(__dirname, '..', '..');
const OUT = reportFile(ROOT, 'load');
const COMMAND = 'make load   # source localstack/common.sh && npx --no-install tsx tools/load/main.ts';
const CHECKS: ((ctx: LoadContext) => Promise<CheckRun>)[] = [distinctSeats, seatRace, retries, faults];

const say = (message: string) => console.log(`load: ${message}`);
const seconds = (fromMs: number) => ((performance.now() - fromMs) / 1000).toFixed(0);

/** The deployed stack, on LocalStack at 127.0.0.1 only; anything else stops the run before a request. */
async function localStack(): Promise<{ stack: StackInfo; version: string }> {
  const endpoint = localStackEndpoint();
  const version = await localstackVersion(endpoint);
  if (!version) throw new Error(`LocalStack does not answer at ${endpoint}: run \`make local-up\` first.`);
  const stack = await readStackInfo();
  const problems = nonLocalEndpoints({ ...endpointVariables(process.env), 'the API URL': stack.apiUrl });
  if (problems.length > 0) throw new Error(`sends only to ${LOOPBACK}: ${problems.join('; ')}`);
  return { stack, version };
}

async function main(): Promise<void> {
  const started = performance.now();
  useLocalStackEnv();
  const { stack, version } = await localStack();
  const patches = await speedPatches(localStackEndpoint());
  const now = new Date();
  // S3 keeps seconds: a little slack, so a ticket stored in the first second is not missed.
  const since = new Date(now.getTime() - 5000);
  const ctx = loadContext(stack, now, PLAN.requestTimeoutS * 1000);
  const inbox = await subscribeInbox(stack.topicArn);
  const ledger = new QueueLedger();
  try {
    const runs: CheckRun[] = [];
    for (const check of CHECKS) {
      const run = await check(ctx);
      say(
        `${run.name}: ${formatCounts(statusCounts(run.outcomes))} in ${(run.elapsedMs / 1000).toFixed(0)} s`,
      );
      const arrived = await drainInbox(inbox, ledger, {
        done: () => ledger.hasAll(run.tickets),
        deadline: performance.now() + PLAN.drainS * 1000,
        quietPolls: 1,
      });
      if (!arrived) say(`${run.name}: not every ticket reached the queue within ${PLAN.drainS} s`);
      runs.push(run);
    }
    say(`audit: the queue until ${PLAN.quietPolls} empty polls in a row, then the bucket ...`);
    await drainInbox(inbox, ledger, {
      done: () => true,
      deadline: performance.now() + PLAN.drainS * 1000,
      quietPolls: PLAN.quietPolls,
    });
    const audited = await audit(runs, ledger, {
      bucket: stack.bucketName,
      keyArn: stack.keyArn,
      since,
      deadline: performance.now() + PLAN.auditS * 1000,
    });
    const report = {
      environment: describeEnvironment(ROOT, version),
      speedPatches: patches ? (patches.enabled ? 'on' : 'off') : 'absent',
      command: COMMAND,
      elapsedS: (performance.now() - started) / 1000,
      ...audited,
    };
    console.log(`\n${renderConsole(report)}`);
    writeFileSync(OUT, renderMarkdown(report));
    say(`wrote ${relative(ROOT, OUT)}`);
    process.exitCode = totalViolations(report) > 0 ? 1 : 0;
  } finally {
    await inbox.close().catch((err: Error) => say(`could not delete the inbox queue: ${err.message}`));
  }
  say(`done in ${seconds(started)} s`);
}

main().catch((error: unknown) => {
  console.error(`load: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
