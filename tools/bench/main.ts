import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { DataKeyCacheBounds } from '../../handlers/tickets/data-key-cache';
import { useLocalStackEnv } from '../../localstack/local-env';
import { readStackInfo, type StackInfo } from '../../localstack/stack-info';
import { reportFile } from '../shared/emulator';
import { describeEnvironment, localstackVersion } from '../shared/environment';
import { ensurePackaged, extractArtifacts, PACKAGE_COMMAND } from './bundles';
import { elementSection } from './element-costs';
import { encryptBeforeAfter } from './encrypt-baseline';
import { httpSection } from './http-section';
import { measureImports } from './import-time';
import { BENCH_ENTRY, renderReport } from './render';
import type { BundleSection, ElementSection, HttpSection, ThroughputSection } from './report-types';
import {
  cacheEnvironment,
  cpuOnly,
  dataKeySection,
  deployedCacheBounds,
  loadHandlers,
  withLocalStackKms,
} from './throughput';
import { buildUnbundled } from './unbundled-build';

const ROOT = join(__dirname, '..', '..');
const OUT = reportFile(ROOT, 'benchmarks');
// A fixed place, so the import commands printed in the report can be rerun as they are.
const EXTRACT_DIR = join(tmpdir(), 'ticket-bench');

// Sized so the whole bench stays near three minutes on a 2-core machine.
const IMPORT_RUNS = 15;
const KMS_TICKETS = 200;
const CPU_TICKETS = 2000;
const DATA_KEY_TICKETS = 1000;
const UP_FIRST = 'LocalStack is not up with the `local` stage deployed: run `make local-up` first.';

const say = (message: string) => console.log(`bench: ${message}`);

/** The bench only ever talks to LocalStack, with the same variables the integration suite uses. */
function setEnvironment(cacheBounds: DataKeyCacheBounds): void {
  useLocalStackEnv();
  // Thousands of tickets would otherwise log thousands of lines.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  // encrypt-ticket's data-key cache, as serverless.yml deploys it.
  Object.assign(process.env, cacheEnvironment(cacheBounds));
}

async function readStack(): Promise<StackInfo | null> {
  try {
    return await readStackInfo();
  } catch (error) {
    say((error as Error).message);
    return null;
  }
}

function bundleSection(): BundleSection {
  const packaging = ensurePackaged(ROOT);
  const artifacts = extractArtifacts(ROOT, EXTRACT_DIR);
  const figures = artifacts.map((artifact) => {
    buildUnbundled(ROOT, artifact.sourceFile, artifact.unbundledFile);
    say(`import time of ${artifact.fn}, ${IMPORT_RUNS} fresh processes per variant ...`);
    const { fn, jsName, zipBytes, jsBytes } = artifact;
    return { fn, jsName, zipBytes, jsBytes, imports: measureImports(artifact, ROOT, IMPORT_RUNS) };
  });
  const encrypt = artifacts.find((a) => a.fn === 'encryptTicket');
  say('encryptTicket before and after the Encryption SDK ...');
  const encryptBeforeAfterFigure = encrypt && encryptBeforeAfter(ROOT, EXTRACT_DIR, encrypt, IMPORT_RUNS);
  return {
    packaging,
    packageCommand: PACKAGE_COMMAND,
    runs: IMPORT_RUNS,
    figures,
    ...(encryptBeforeAfterFigure ? { encryptBeforeAfter: encryptBeforeAfterFigure } : {}),
  };
}

async function throughputSection(
  stack: StackInfo | null,
  cacheBounds: DataKeyCacheBounds,
): Promise<ThroughputSection> {
  process.env.TICKET_KEY_ID = stack?.keyArn ?? 'bench-cpu-only-key';
  const handlers = await loadHandlers();
  try {
    say(stack ? `${KMS_TICKETS} tickets with LocalStack KMS ...` : 'LocalStack KMS skipped');
    const localstackKms = stack
      ? await withLocalStackKms(handlers, KMS_TICKETS)
      : ({ status: 'skipped', reason: UP_FIRST } as const);
    say(`${CPU_TICKETS} tickets with KMS stubbed ...`);
    const command = `${BENCH_ENTRY}   # in-process: tools/bench/throughput.ts calls the handlers`;
    const cpu = await cpuOnly(handlers, CPU_TICKETS);
    say(`KMS requests per ${DATA_KEY_TICKETS} tickets, data-key cache on and off ...`);
    const dataKeys = await dataKeySection(handlers.kms, cacheBounds, DATA_KEY_TICKETS);
    return { command, localstackKms, cpuOnly: cpu, dataKeys };
  } finally {
    // Its keep-alive sockets would hold the process open.
    handlers.kms.destroy();
  }
}

async function http(stack: StackInfo | null): Promise<HttpSection> {
  if (!stack) return { status: 'skipped', reason: UP_FIRST };
  return httpSection(stack, process.env.AWS_ENDPOINT_URL ?? '', ROOT);
}

async function elements(stack: StackInfo | null): Promise<ElementSection> {
  return stack ? elementSection(stack) : { status: 'skipped', reason: UP_FIRST };
}

async function main(): Promise<void> {
  const started = performance.now();
  const cacheBounds = deployedCacheBounds(ROOT);
  setEnvironment(cacheBounds);
  const localstack = await localstackVersion(process.env.AWS_ENDPOINT_URL ?? '');
  const stack = localstack ? await readStack() : null;
  if (!stack) say(`${UP_FIRST} The KMS and HTTP figures are skipped.`);
  const environment = describeEnvironment(ROOT, localstack);
  const bundles = bundleSection();
  const throughput = await throughputSection(stack, cacheBounds);
  const httpFigures = await http(stack);
  const elementFigures = await elements(stack);
  writeFileSync(
    OUT,
    renderReport({ environment, bundles, throughput, http: httpFigures, elements: elementFigures }),
  );
  say(`wrote ${relative(ROOT, OUT)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(`bench: FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
