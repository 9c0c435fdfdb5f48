import type { Summary } from './stats';

/** Everything docs/benchmarks.md shows; gathered by main.ts, rendered by render.ts. */
export type BenchReport = {
  environment: Environment;
  bundles: BundleSection;
  throughput: ThroughputSection;
  http: HttpSection;
};

export type Environment = {
  date: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  /** null when LocalStack did not answer. */
  localstack: { version: string; mode: string } | null;
  packages: Record<string, string>;
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
};

export type Skipped = { status: 'skipped'; reason: string };

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
};

export type HttpFigure = {
  connections: number;
  amount: number;
  durationS: number;
  requestsPerSec: number;
  latencyMs: Summary;
  non2xx: number;
  errors: number;
  timeouts: number;
  command: string;
};

export type HttpSection = Skipped | { status: 'ok'; url: string; figures: HttpFigure[] };
