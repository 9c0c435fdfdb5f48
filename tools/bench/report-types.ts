import type { DataKeyCacheBounds } from '../../handlers/tickets/data-key-cache';
import type { Census } from '../shared/emulator';
import type { Environment, Skipped } from '../shared/report-types';
import type { Summary } from '../shared/stats';

/** Everything docs/benchmarks.md shows; gathered by main.ts, rendered by render.ts. */
export type BenchReport = {
  environment: Environment;
  bundles: BundleSection;
  throughput: ThroughputSection;
  http: HttpSection;
  elements: ElementSection;
};

export type ImportFigure = { variant: string; command: string; ms: Summary };

export type BundleFigure = {
  fn: string;
  jsName: string;
  zipBytes: number;
  jsBytes: number;
  /** The bundled import first: the baseline for the ratios. */
  imports: ImportFigure[];
};

export type BundleSection = {
  /** How the zips came to be: reused or packaged by this run, and why. */
  packaging: string;
  packageCommand: string;
  runs: number;
  figures: BundleFigure[];
  /** encryptTicket before (hand-rolled envelope, built from git) and after the Encryption SDK. */
  encryptBeforeAfter?: EncryptBeforeAfter | Skipped;
};

export type EncryptBeforeAfter = {
  status: 'ok';
  rev: string;
  /** Before first, then after; the same import probe, taking turns. */
  rows: { variant: string; jsBytes: number; imports: ImportFigure }[];
};

export type ThroughputFigure = {
  label: string;
  tickets: number;
  warmup: number;
  elapsedMs: number;
  perTicketMs: Summary;
};

export type ThroughputSection = {
  command: string;
  localstackKms: ThroughputFigure | Skipped;
  cpuOnly: ThroughputFigure;
  /** KMS requests per batch of tickets, data-key cache on (serverless.yml's bounds) and off. */
  dataKeys?: DataKeyFigure[];
};

export type DataKeyFigure = {
  label: string;
  bounds: DataKeyCacheBounds;
  tickets: number;
  /** GenerateDataKey requests sent for those tickets. */
  requests: number;
  sealMs: Summary;
};

export type HttpFigure = {
  connections: number;
  amount: number;
  durationS: number;
  requestsPerSec: number;
  latencyMs: Summary;
  /** Socket errors and timeouts; a wrong status fails the bench instead. */
  errors: number;
  /** LocalStack's own CPU ms per request (mode H), null when its pid is not known. */
  cpuMsPerRequest: number | null;
  /** How much LocalStack's resident memory grew over the run, in MB per 1,000 requests (mode H). */
  rssMbPerThousand: number | null;
  command: string;
};

/**
 * `patched`/`unpatched`: the extension's speed patches on or off; `as running` without the switch;
 * `without <patch>`: every standard patch but that one, so its share is measured on its own.
 */
/** `with <patch>` / `without <patch>`: a pair measured in turns, PAIR_ROUNDS times, every other patch on. */
export type Variant = 'patched' | 'unpatched' | 'as running' | `with ${string}` | `without ${string}`;

/**
 * The newest patches, each measured by a variant with every other patch on: what it alone adds. (The older
 * ones' pairs are in docs/localstack-speed-patches.md, from the benches that added them.)
 */
export const LEAVE_ONE_OUT = [
  'lambda-log-batch',
  'lambda-metric-batch',
  'lambda-shared-timers',
  'botocore-user-agent-cache',
  'apigateway-schema-cache',
  'sfn-inline-programs',
  'sfn-task-thread-pool',
  'python-gc-freeze',
] as const;

/** `round`: which of a pair's alternations (1..PAIR_ROUNDS) a `with`/`without` run was; absent otherwise. */
export type HttpRun = HttpFigure & { target: string; variant: Variant; round?: number };

/** How many times each pair alternates (with, without, with, ...): the pair is compared by its medians. */
export const PAIR_ROUNDS = 3;

/** The first call after the Lambda environments were recycled, then the next (warm) one. */
export type ColdCall = { variant: Variant; coldMs: number; warmMs: number };

export type HotReloadFigure = { rounds: number; editMs: Summary; revertMs: Summary; buildMs: Summary };

export type HttpSection =
  | Skipped
  | {
      status: 'ok';
      /** `freshBodies`: every request sends its own body (a fresh event, since a seat is sold once). */
      targets: { name: string; url: string; body: string; status: number; freshBodies: boolean }[];
      /** Why there is no unpatched variant, when there is none. */
      switchNote: string | null;
      cold: ColdCall[];
      runs: HttpRun[];
      /** What the emulator kept of an untimed run of Generates, or null without the extension's census. */
      memory: MemoryCensus | null;
      hotReload: HotReloadFigure | Skipped;
    };

/** The extension's memory census (`/_ticket_orchestrator/memory-census`) around one run of `requests` Generates. */
export type CensusRun = Census & { requests: number; rssMbGrowth: number | null };

/**
 * Two censuses, a short run then a long one. What the long run keeps beyond the short one is what the
 * emulator keeps per request; the rest of a run's kept memory replaces what bounded stores held before it.
 */
export type MemoryCensus = { short: CensusRun; long: CensusRun };

/** What a state of the ticket workflow is priced as (tools/bench/element-costs.ts `elementKind`). */
export type ElementKind =
  | 'Pass, Choice, Succeed or Fail'
  | 'Parallel'
  | 'S3 task'
  | 'SNS task'
  | 'Lambda task'
  | 'other';

/** Each element machine's p50, the ticket machine's p50 for Generate, and what one Generate entered. */
export type ElementSection =
  | Skipped
  | {
      status: 'ok';
      rounds: number;
      callsPerRound: number;
      machines: { machine: string; p50Ms: number }[];
      generateP50Ms: number;
      /** States one Generate entered, by kind; empty when the coverage recorder was off. */
      path: { kind: ElementKind; count: number }[];
    };
