import { codeBlock, inlineCode, mdTable, ms, rate, ratio, skipped } from '../shared/markdown';
import type { Skipped } from '../shared/report-types';
import { summarize } from '../shared/stats';
import {
  type HotReloadFigure,
  type HttpRun,
  type HttpSection,
  LEAVE_ONE_OUT,
  type MemoryCensus,
  PAIR_ROUNDS,
  type Variant,
} from './report-types';

const cpu = (value: number | null) => (value === null ? 'n/a' : ms(value));

function runsTable(runs: readonly HttpRun[]): string {
  const header = [
    'Target',
    'Patches',
    'Conn.',
    'requests',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'LocalStack CPU ms/req',
    'RSS growth MB/1000 req',
  ];
  const rows = runs.map((r) => [
    r.target,
    r.round ? `${r.variant} (round ${r.round})` : r.variant,
    String(r.connections),
    String(r.latencyMs.n),
    rate(r.requestsPerSec),
    ms(r.latencyMs.median),
    ms(r.latencyMs.p95),
    ms(r.latencyMs.p99),
    String(r.errors),
    cpu(r.cpuMsPerRequest),
    r.rssMbPerThousand === null ? 'n/a' : r.rssMbPerThousand.toFixed(1),
  ]);
  return mdTable(header, rows, ['left', 'left', ...Array<'right'>(9).fill('right')]);
}

const find = (runs: readonly HttpRun[], target: string, variant: Variant, connections: number) =>
  runs.find((r) => r.target === target && r.variant === variant && r.connections === connections);

/** The median p50 and req/s of the runs matching, and how many there were; null when none. */
function medians(runs: readonly HttpRun[]): { p50: number; rps: number; n: number } | null {
  if (runs.length === 0) return null;
  return {
    p50: summarize(runs.map((r) => r.latencyMs.median)).median,
    rps: summarize(runs.map((r) => r.requestsPerSec)).median,
    n: runs.length,
  };
}

const everyPatch = (variant: Variant) => variant === 'patched' || variant.startsWith('with ');

/** The figures the speed work is judged by, as ratios beside their absolute values. */
export function speedRatios(runs: readonly HttpRun[], generate: string, floor: string): string[][] {
  const rows: string[][] = [];
  const slow = find(runs, generate, 'unpatched', 1);
  const fast = find(runs, generate, 'patched', 1);
  const floor1 = find(runs, floor, 'patched', 1);
  if (slow && fast) {
    const x = slow.latencyMs.median / fast.latencyMs.median;
    rows.push([
      `${generate} p50 at 1 connection, unpatched / patched`,
      `${ms(slow.latencyMs.median)} / ${ms(fast.latencyMs.median)} ms`,
      ratio(x),
    ]);
  }
  if (fast && floor1) {
    const x = fast.latencyMs.median / floor1.latencyMs.median;
    rows.push([
      `${generate} p50 / floor p50, both patched, 1 connection`,
      `${ms(fast.latencyMs.median)} / ${ms(floor1.latencyMs.median)} ms`,
      ratio(x),
    ]);
  }
  const fast20 = find(runs, generate, 'patched', 20);
  const of = (connections: number, pick: (variant: Variant) => boolean) =>
    medians(runs.filter((r) => r.target === generate && r.connections === connections && pick(r.variant)));
  const every1 = of(1, everyPatch);
  const every20 = of(20, everyPatch);
  if (every1 && every1.n > 1 && floor1) {
    rows.push([
      `${generate} p50 / floor p50, the median of ${every1.n} every-patch runs`,
      `${ms(every1.p50)} / ${ms(floor1.latencyMs.median)} ms`,
      ratio(every1.p50 / floor1.latencyMs.median),
    ]);
  }
  if (every20 && every20.n > 1) {
    rows.push([
      `${generate} req/s at 20 connections, the median of ${every20.n} every-patch runs`,
      rate(every20.rps),
      '',
    ]);
  }
  for (const patch of LEAVE_ONE_OUT) {
    const pair = (connections: number) =>
      ([`with ${patch}`, `without ${patch}`] as const).map((v) =>
        of(connections, (variant) => variant === v),
      );
    const [with1, without1] = pair(1);
    const [with20, without20] = pair(20);
    const rounds = (n: number) => (n > 1 ? `, medians of ${n} rounds` : '');
    if (without1 && with1) {
      rows.push([
        `${generate} p50 at 1 connection, without / with ${patch}${rounds(with1.n)}`,
        `${ms(without1.p50)} / ${ms(with1.p50)} ms`,
        ratio(without1.p50 / with1.p50),
      ]);
    }
    if (without20 && with20) {
      rows.push([
        `${generate} req/s at 20 connections, with / without ${patch}${rounds(with20.n)}`,
        `${rate(with20.rps)} / ${rate(without20.rps)}`,
        ratio(with20.rps / without20.rps),
      ]);
    }
  }
  const slow20 = find(runs, generate, 'unpatched', 20);
  if (slow20 && fast20) {
    const x = fast20.requestsPerSec / slow20.requestsPerSec;
    rows.push([
      `${generate} req/s at 20 connections, patched / unpatched`,
      `${rate(fast20.requestsPerSec)} / ${rate(slow20.requestsPerSec)}`,
      ratio(x),
    ]);
  }
  return rows;
}

function hotReload(figure: HotReloadFigure | Skipped): string {
  const title = '## 4. Hot reload: from saving a handler to the first response that shows it';
  if ('status' in figure) return [title, skipped(figure)].join('\n\n');
  const row = (label: string, s: HotReloadFigure['editMs']) => [label, ms(s.median), ms(s.min), ms(s.max)];
  return [
    title,
    `The bench runs the same watch build as ${inlineCode('make watch')}, saves ${inlineCode('handlers/generate-ticket.ts')} with one added line (the issued ticket gets a verification code chosen by the bench), and sends Generate requests through the deployed stage until a ticket, opened with LocalStack KMS, carries that code. Then it restores the file and times the same way until the code is gone. ${figure.rounds} rounds; no redeploy in between.`,
    mdTable(
      ['Step', 'median ms', 'min ms', 'max ms'],
      [
        row('save -> first response with the edit', figure.editMs),
        row('restore -> first response without it', figure.revertMs),
        row('esbuild rebuild (part of the above)', figure.buildMs),
      ],
      ['left', 'right', 'right', 'right'],
    ),
  ].join('\n\n');
}

const MB = (kb: number) => (kb / 1024).toFixed(2);
const CENSUS_ROWS = 12;

/**
 * What the emulator keeps per 1,000 more Generates: the difference between a short and a long census,
 * in total and by the line that allocated it (lines outside a run's reported top count as nothing).
 */
export function memoryCensus({ short, long }: MemoryCensus): string {
  const more = long.requests - short.requests;
  const perThousandMore = (shortKb: number, longKb: number) => ((longKb - shortKb) * 1000) / more;
  const growthKb = perThousandMore(short.keptKb, long.keptKb);
  const replacedKb = short.keptKb - (growthKb * short.requests) / 1000;
  const shortSites = new Map(short.sites.map((site) => [site.where, site.kb]));
  const sites = long.sites
    .map((site) => ({ ...site, shortKb: shortSites.get(site.where) ?? 0 }))
    .map((site) => ({ ...site, growthKb: perThousandMore(site.shortKb, site.kb) }))
    .sort((a, b) => b.growthKb - a.growthKb)
    .slice(0, CENSUS_ROWS);
  const rss =
    long.rssMbGrowth === null
      ? ''
      : ` Its resident memory grew ${((long.rssMbGrowth * 1000) / long.requests).toFixed(1)} MB per 1,000 over the long run.`;
  const intro = `**What the emulator keeps.** Two runs of Generates at 20 connections (untimed), each with the emulator's Python allocations traced (${inlineCode('tracemalloc')}, through ${inlineCode('/_ticket_orchestrator/memory-census')}): what is still allocated at the end of a run, of what the run allocated, is ${MB(short.keptKb)} MB after ${short.requests} Generates and ${MB(long.keptKb)} MB after ${long.requests}.`;
  const grewKb = sites.reduce((sum, site) => sum + Math.max(0, site.growthKb), 0);
  const totals =
    growthKb >= 0
      ? `The difference, **${MB(growthKb)} MB per 1,000 more Generates**, is what the emulator keeps per request. The rest, about ${MB(replacedKb)} MB whatever the run's length, replaced what bounded stores held before the run (the 100 executions ${inlineCode('sfn-sync-execution-bound')} keeps, each Lambda environment's last 500 output lines).`
      : `The long run kept less than the short one: some of what the short run kept was freed during the long one (something the short run filled and the long one emptied or replaced), so the totals say nothing per request in this run. Of the lines below, those that grew keep together **${MB(grewKb)} MB per 1,000 more Generates**.`;
  return [
    `${intro} ${totals}${rss} The lines that keep the most per 1,000 more Generates:`,
    mdTable(
      [
        'Allocated at',
        `MB after ${short.requests}`,
        `MB after ${long.requests}`,
        'MB per 1,000 more',
        'blocks (long run)',
      ],
      sites.map((s) => [inlineCode(s.where), MB(s.shortKb), MB(s.kb), MB(s.growthKb), String(s.blocks)]),
      ['left', 'right', 'right', 'right', 'right'],
    ),
  ].join('\n\n');
}

export function renderHttp(section: HttpSection): string {
  const title = '## 3. HTTP round trip through LocalStack: POST /tickets and the floor';
  if (section.status === 'skipped') return [title, skipped(section)].join('\n\n');
  const [generate, , floor] = section.targets;
  const ratios = generate && floor ? speedRatios(section.runs, generate.name, floor.name) : [];
  const commands = [...new Set(section.runs.map((r) => r.command))];
  return [
    title,
    `Every request goes through LocalStack's API Gateway to ${inlineCode('StartSyncExecution')} of an EXPRESS state machine; the Lambdas are the deployed bundles (mode H: the project's extension runs them as local ${inlineCode('node')} processes). The floor is a one-Pass EXPRESS machine behind the same kind of integration (${inlineCode('tools/bench/floor-stack.ts')}): what a request costs above it is the workflow's own. **Patches** are the extension's Step Functions speed patches, switched off and on at run time on the same LocalStack (${inlineCode('/_ticket_orchestrator/speed-patches')}); **without <patch>** is every patch but that one, for the newest ones (${LEAVE_ONE_OUT.map(inlineCode).join(', ')}), measured in turns with **with <patch>** (every patch, the same load; Generate only, ${PAIR_ROUNDS} rounds each, compared by their medians) so that the pair shares the emulator's drift and each patch's share shows on its own; each variant starts with a cold Generate (the first round of a pair's). Load from autocannon, bounded by request count; any wrong status, error or timeout fails the bench. **LocalStack CPU ms/req** is the emulator process's user+system time over the run (from ${inlineCode('/proc')}), divided by the requests; the Lambda processes are not in it. **RSS growth** is how much the emulator's resident memory (VmRSS) grew over the run, per 1,000 requests: what it keeps per request (stored objects, logs, executions) plus allocator noise, so only the Generate rows of the long runs say much.`,
    section.switchNote ?? '',
    mdTable(
      ['Target', 'body', 'expected status'],
      section.targets.map((t) => [
        t.name,
        `${inlineCode(t.body.length > 80 ? `${t.body.slice(0, 77)}...` : t.body)}${t.freshBodies ? ' (each request a new event id)' : ''}`,
        String(t.status),
      ]),
      ['left', 'left', 'right'],
    ),
    ratios.length ? mdTable(['Comparison', 'absolute', 'ratio'], ratios, ['left', 'right', 'right']) : '',
    runsTable(section.runs),
    '**Cold and warm.** The first Generate after the Lambda environments were recycled (their bundles touched, so the executor starts new node processes), then the next one:',
    mdTable(
      ['Patches', 'cold Generate ms', 'next (warm) ms'],
      section.cold.map((c) => [c.variant, ms(c.coldMs), ms(c.warmMs)]),
      ['left', 'right', 'right'],
    ),
    codeBlock(commands.join('\n')),
    section.memory ? memoryCensus(section.memory) : '',
    'These figures describe the local emulator on this machine, not AWS latency.',
    hotReload(section.hotReload),
  ]
    .filter(Boolean)
    .join('\n\n');
}
