import { codeBlock, inlineCode, kb, mdTable, ms, rate, ratio } from './markdown';
import type {
  BenchReport,
  BundleSection,
  Environment,
  HttpFigure,
  HttpSection,
  Skipped,
  ThroughputFigure,
  ThroughputSection,
} from './report-types';

export const BENCH_COMMAND = 'make bench';
export const BENCH_ENTRY = 'npx tsx tools/bench/main.ts';

const GIB = 1024 ** 3;
const skipped = (s: Skipped, what = 'Skipped') => `> **${what}:** ${s.reason}`;

function environment(env: Environment): string {
  const localstack = env.localstack
    ? `${env.localstack.version} (mode ${env.localstack.mode})`
    : 'not running';
  const rows = [
    ['Date', env.date],
    ['CPU', env.cpu],
    ['Cores (logical)', String(env.cores)],
    ['Memory', `${(env.memoryBytes / GIB).toFixed(1)} GiB`],
    ['OS', env.os],
    ['Node', env.node],
    ['LocalStack', localstack],
    ...Object.entries(env.packages).map(([name, version]) => [name, version]),
  ];
  return ['## Machine and versions', mdTable(['Item', 'Value'], rows, ['left', 'left'])].join('\n\n');
}

function bundles(section: BundleSection): string {
  const sizes = section.figures.map((f) => [f.fn, f.jsName, kb(f.zipBytes), kb(f.jsBytes)]);
  const imports = section.figures.flatMap((f) => {
    const baseline = f.imports[0]?.ms.median ?? Number.NaN;
    return f.imports.map((i) => [
      f.fn,
      i.variant,
      ms(i.ms.median),
      ms(i.ms.min),
      ms(i.ms.max),
      ratio(i.ms.median / baseline),
    ]);
  });
  const commands = section.figures.flatMap((f) =>
    f.imports.flatMap((i) => [`# ${f.fn}: ${i.variant}`, i.command]),
  );
  return [
    '## 1. Handler bundles: size and cold import',
    `${section.packaging} Sizes are read from each zip's central directory (the same numbers as ${inlineCode('unzip -lv .serverless/<function>.zip')}); the zip also holds the source map. KB = 1024 bytes.`,
    codeBlock(section.packageCommand),
    mdTable(['Function', 'bundled file', 'zip KB', '.js KB'], sizes, ['left', 'left', 'right', 'right']),
    `Cold import: the time to ${inlineCode('require()')} the handler, measured inside a fresh ${inlineCode('node')} process with ${inlineCode('process.hrtime')}, so Node's own start-up is excluded. Each row is ${section.runs} processes; the variants take turns, after one discarded warm-up each (it fills the OS file cache and tsx's transform cache). The extracted and built files stay in the temp directory, so the commands below can be rerun.`,
    mdTable(['Function', 'Variant', 'median ms', 'min ms', 'max ms', 'vs bundled'], imports, [
      'left',
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
    [
      `- **bundled**: the minified ${inlineCode('.js')} from the zip, what Lambda loads.`,
      `- **unbundled JS**: the same source compiled by esbuild without its dependencies (${inlineCode('packages: external')}), which then load file by file from node_modules: what an unbundled deploy would load.`,
      `- **unbundled TS through tsx**: the source as ${inlineCode('npx tsx')} loads it; on top of the file-by-file loading it pays for tsx's loader hooks.`,
    ].join('\n'),
    codeBlock(commands.join('\n')),
  ].join('\n\n');
}

function throughputRow(f: ThroughputFigure): string[] {
  return [
    f.label,
    String(f.tickets),
    rate((f.tickets * 1000) / f.elapsedMs),
    ms(f.perTicketMs.median),
    ms(f.perTicketMs.p95),
  ];
}

function throughput(section: ThroughputSection): string {
  const figures = [section.localstackKms, section.cpuOnly].filter(
    (f): f is ThroughputFigure => !('status' in f),
  );
  const header = ['Variant', 'tickets', 'tickets/s', 'per ticket ms, median', 'p95 ms'];
  const kms = section.localstackKms;
  return [
    '## 2. In-process throughput: generate + encrypt per ticket',
    `Both handlers are called in one process, one ticket at a time: ${inlineCode('generate-ticket')}'s handler, then ${inlineCode('encrypt-ticket')}'s handler on its output (input validation, ticket issue, KMS data key, AES-256-GCM seal). Logging is silenced (${inlineCode('POWERTOOLS_LOG_LEVEL=SILENT')}) and a warm-up batch is discarded first. The CPU-only row stubs the KMS client's ${inlineCode('send()')} with aws-sdk-client-mock, answering GenerateDataKey with a local random key, so it shows our own CPU cost without the SDK's request pipeline or the network.`,
    codeBlock(section.command),
    'status' in kms ? skipped(kms, 'LocalStack KMS row skipped') : '',
    mdTable(header, figures.map(throughputRow), ['left', 'right', 'right', 'right', 'right']),
    figures.map((f) => `- ${f.label}: ${f.warmup} warm-up tickets discarded.`).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** Said only when the figures show it: more connections queued instead of adding throughput. */
export function scalingNote(figures: readonly HttpFigure[]): string {
  const first = figures[0];
  const last = figures[figures.length - 1];
  if (!first || !last || first === last) return '';
  const gain = last.requestsPerSec / first.requestsPerSec;
  if (gain >= 1.5) return '';
  const wait = last.latencyMs.median / first.latencyMs.median;
  return `From ${first.connections} to ${last.connections} connections, requests/s changed ${ratio(gain)} while median latency grew ${ratio(wait)}: throughput did not scale, so the extra connections mostly waited in line.`;
}

function http(section: HttpSection): string {
  const title = '## 3. HTTP round trip through LocalStack: POST /tickets Generate';
  if (section.status === 'skipped') return [title, skipped(section)].join('\n\n');
  const header = [
    'Connections',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'non-2xx',
    'errors',
  ];
  const rows = section.figures.map((f) => [
    String(f.connections),
    String(f.latencyMs.n),
    rate(f.requestsPerSec),
    ms(f.latencyMs.median),
    ms(f.latencyMs.p95),
    ms(f.latencyMs.p99),
    ms(f.latencyMs.max),
    String(f.non2xx),
    String(f.errors),
  ]);
  return [
    title,
    `Target: ${inlineCode(section.url)}. Load from autocannon's programmatic API with the options below (shown as the equivalent CLI), each run bounded by a request count; one probe request checked for 201 and an envelope first. Latency percentiles come from autocannon's per-response timings; req/s is 2xx responses over autocannon's run duration. Any non-2xx, error or timeout fails the bench. With so few requests, p99 is close to the maximum.`,
    mdTable(header, rows, ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right']),
    scalingNote(section.figures),
    codeBlock(section.figures.map((f) => f.command).join('\n')),
    'In mode H the Lambda tasks are answered by the Step Functions mock config while API Gateway, Step Functions, S3 and SNS are LocalStack emulations, so these figures describe the local emulator on this machine, not AWS latency.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The whole of docs/benchmarks.md. */
export function renderReport(report: BenchReport): string {
  return `${[
    '# Benchmarks',
    `Generated by ${inlineCode(BENCH_COMMAND)} (${inlineCode(BENCH_ENTRY)}); rerun it to refresh, do not edit by hand. One run on one machine: compare ratios and orders of magnitude, not absolute numbers across machines.`,
    environment(report.environment),
    bundles(report.bundles),
    throughput(report.throughput),
    http(report.http),
  ].join('\n\n')}\n`;
}
