import { codeBlock, inlineCode, kb, mdTable, ms, rate, ratio, skipped } from '../shared/markdown';
import type { Environment, Skipped } from '../shared/report-types';
import { renderElements } from './render-elements';
import { renderHttp } from './render-http';
import type {
  BenchReport,
  BundleSection,
  DataKeyFigure,
  EncryptBeforeAfter,
  ThroughputFigure,
  ThroughputSection,
} from './report-types';

export const BENCH_COMMAND = 'make bench';
export const BENCH_ENTRY = 'npx tsx tools/bench/main.ts';

const GIB = 1024 ** 3;

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
    ['Emulator', localstack],
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
    encryptBeforeAfter(section.encryptBeforeAfter),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function encryptBeforeAfter(figure: EncryptBeforeAfter | Skipped | undefined): string {
  if (!figure) return '';
  if (figure.status === 'skipped') return skipped(figure, 'encryptTicket before and after skipped');
  const baseline = figure.rows[0]?.imports.ms.median ?? Number.NaN;
  const rows = figure.rows.map((r) => [
    r.variant,
    kb(r.jsBytes),
    ms(r.imports.ms.median),
    ms(r.imports.ms.min),
    ms(r.imports.ms.max),
    ratio(r.imports.ms.median / baseline),
  ]);
  const header = ['encryptTicket', '.js KB', 'import median ms', 'min ms', 'max ms', 'vs before'];
  return [
    '### encryptTicket before and after the AWS Encryption SDK',
    `Before: ${inlineCode('handlers/')} at ${inlineCode(figure.rev.slice(0, 12))} (KMS GenerateDataKey per ticket + AES-256-GCM by hand), bundled by this run with the same esbuild options. After: the bundle in the zip above. The same import probe, taking turns.`,
    mdTable(header, rows, ['left', 'right', 'right', 'right', 'right', 'right']),
    codeBlock(figure.rows.flatMap((r) => [`# ${r.variant}`, r.imports.command]).join('\n')),
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
    `Both handlers are called in one process, one ticket at a time: ${inlineCode('generate-ticket')}'s handler, then ${inlineCode('encrypt-ticket')}'s handler on its output (input validation, ticket issue, an AWS Encryption SDK message signed with ECDSA P-384, its data key cached within ${inlineCode('serverless.yml')}'s bounds). Logging is silenced (${inlineCode('POWERTOOLS_LOG_LEVEL=SILENT')}) and a warm-up batch is discarded first. The CPU-only row stubs the KMS client's ${inlineCode('send()')} with aws-sdk-client-mock, answering GenerateDataKey with a local random key, so it shows our own CPU cost without the SDK's request pipeline or the network.`,
    codeBlock(section.command),
    'status' in kms ? skipped(kms, 'LocalStack KMS row skipped') : '',
    mdTable(header, figures.map(throughputRow), ['left', 'right', 'right', 'right', 'right']),
    figures.map((f) => `- ${f.label}: ${f.warmup} warm-up tickets discarded.`).join('\n'),
    dataKeys(section.dataKeys),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function dataKeys(figures: DataKeyFigure[] | undefined): string {
  if (!figures?.length) return '';
  const rows = figures.map((f) => [
    f.label,
    `${f.bounds.maxAgeSeconds} s, ${f.bounds.maxTickets} tickets, ${f.bounds.maxBytes} B`,
    String(f.tickets),
    String(f.requests),
    ms(f.sealMs.median),
    ms(f.sealMs.p95),
  ]);
  const header = ['Data-key cache', 'bounds', 'tickets', 'KMS GenerateDataKey', 'seal ms, median', 'p95 ms'];
  return [
    `KMS requests: the same seal (${inlineCode('handlers/tickets/seal-ticket.ts')}) for a batch of tickets in one warm environment, one after another, with the data-key cache at ${inlineCode('serverless.yml')}'s bounds and off (0), KMS stubbed and its requests counted.`,
    mdTable(header, rows, ['left', 'left', 'right', 'right', 'right', 'right']),
  ].join('\n\n');
}

/** The whole of docs/benchmarks.md. */
export function renderReport(report: BenchReport): string {
  return `${[
    '# Benchmarks',
    `Generated by ${inlineCode(BENCH_COMMAND)} (${inlineCode(BENCH_ENTRY)}); rerun it to refresh, do not edit by hand. One run on one machine: compare ratios and orders of magnitude, not absolute numbers across machines.`,
    environment(report.environment),
    bundles(report.bundles),
    throughput(report.throughput),
    renderHttp(report.http),
    '## 5. Under load, with faults',
    `Seat claims, Idempotency-Key retries and compensation under load (1,000 distinct seats at 20 concurrent, a race for 10 seats, retries, injected faults), with 0 violations required: ${inlineCode('make load')} writes its figures to [load.md](load.md).`,
    renderElements(report.elements),
  ].join('\n\n')}\n`;
}
