import { countText, type DataKeyReuse } from './data-keys';
import { formatFixedMonthly } from './format-fixed-monthly';
import type { CostReport, PathCost } from './report';
import { formatTable } from './table';
import type { ServiceCall } from './usage';

const MILLION = 1e6;

function perMillion(usd: number): string {
  return (usd * MILLION).toFixed(2);
}

function perRequest(usd: number): string {
  return usd.toFixed(8);
}

// `*` marks a call a Lambda function makes itself; the breakdown names the function.
function callText(c: ServiceCall): string {
  const n = c.count === 1 ? '' : `${countText(c.count)} `;
  return `${n}${c.service}:${c.action}${c.via ? '*' : ''}`;
}

function lambdaText(p: PathCost): string {
  return p.usage.lambdas
    .map((l) => (l.invocations === 1 ? '' : `${l.invocations}x `) + l.functionName)
    .join(', ');
}

function pathsTable(r: CostReport): string {
  const rows = r.paths.map((p) => [
    p.name,
    String(p.usage.transitions),
    lambdaText(p) || '-',
    p.usage.calls.map(callText).join(', ') || '-',
    perMillion(p.stepFunctions.STANDARD),
    perMillion(p.stepFunctions.EXPRESS),
  ]);
  const header = [
    'Path',
    'Transitions',
    'Lambda',
    'Other calls (* inside Lambda)',
    '$ STANDARD',
    '$ EXPRESS',
  ];
  return formatTable(header, rows, ['left', 'right', 'left', 'left', 'right', 'right']);
}

function breakdown(p: PathCost, r: CostReport): string {
  const cost = p.endToEnd[r.projectType];
  const rows = cost.items.map((i) => [
    i.service,
    i.item,
    perMillion(i.perExecution),
    perRequest(i.perExecution),
  ]);
  rows.push(['Total', '', perMillion(cost.total), perRequest(cost.total)]);
  const table = formatTable(['Service', 'Item', '$ per 1M', '$ per request'], rows, [
    'left',
    'left',
    'right',
    'right',
  ]);
  const unpriced = cost.unpriced.length ? `\nNo price for: ${cost.unpriced.join(', ')} (left out)` : '';
  return `${p.name}, end to end (this project, ${r.projectType}):\n${table}${unpriced}`;
}

function comparison(r: CostReport): string {
  const rows = r.paths.flatMap((p) => [
    [p.name, perMillion(p.endToEnd[r.projectType].total), perMillion(p.endToEnd.STANDARD.total)],
    ...(p.cachingOff
      ? [
          [
            `${p.name} (data-key caching off)`,
            perMillion(p.cachingOff[r.projectType].total),
            perMillion(p.cachingOff.STANDARD.total),
          ],
        ]
      : []),
  ]);
  const header = ['Path', `This project (${r.projectType})`, 'Article design (STANDARD)'];
  return formatTable(header, rows, ['left', 'right', 'right']);
}

function assumptions(r: CostReport): string {
  const a = r.assumptions;
  const lambdas = Object.entries(a.memoryMb)
    .map(([fn, mb]) => `${fn} ${mb} MB x ${a.lambdaMs[fn] ?? a.fallbackLambdaMs} ms`)
    .join(', ');
  return [
    `Assumptions: Express execution ${a.expressDurationMs} ms at ${a.expressMemoryMb} MB;`,
    `  Lambda ${a.lambdaArchitecture} ${lambdas}; ${a.retries} retried attempts per Retry.`,
    dataKeyLine(a.dataKeys),
  ].join('\n');
}

function dataKeyLine(d: DataKeyReuse): string {
  if (!d.cache || d.limitedBy === 'caching off') {
    return '  Data-key cache off (serverless.yml): one KMS GenerateDataKey per ticket.';
  }
  const { maxAgeSeconds, maxTickets, maxBytes } = d.cache;
  return [
    `  Data-key cache (serverless.yml): a key serves at most ${maxAgeSeconds} s, ${maxTickets} tickets, ${maxBytes} bytes;`,
    `  with ${d.warmTicketsPerMinute} tickets a minute per warm encryptTicket environment (--warm-tickets-per-minute)`,
    `  and ${d.ticketBytes}-byte tickets, a key seals ${d.ticketsPerDataKey} tickets (bound: ${d.limitedBy}).`,
  ].join('\n');
}

/** Per-request items the path figures leave out, each with the reason. */
function leftOut(r: CostReport): string {
  const rows = r.perRequestLeftOut.map((i) => [i.service, i.item, perMillion(i.perRequest), i.why]);
  const header = ['Service', 'Item', '$ per 1M', 'Left out because'];
  const table = formatTable(header, rows, ['left', 'left', 'right', 'left']);
  return `Per request, not in the figures above:\n${table}`;
}

const NOTES = [
  'Notes:',
  '- STANDARD bills every state entered (Parallel and branch states too) and every retry; its 4,000',
  '  free transitions a month, like every free tier here, are ignored.',
  '- The article design is this workflow as a STANDARD machine, priced by transitions as the article does.',
  '- SNS: the publish only. Delivery to SQS is free; HTTP/S delivery ($0.60 per 1M) is priced separately.',
  '- Not included per request: CloudWatch Logs (the access log line is priced apart above), S3 storage',
  '  and transfer. The KMS keys, alarms and topics are in "Fixed monthly", counted from the resources',
  '  serverless.yml adds (--param overrides its default params); the resources the framework makes',
  '  itself (functions, log groups, the machine, the REST API) have no monthly fee.',
  '- KMS: GenerateDataKey once per data key, spread over the tickets it seals (assumption above); the',
  '  "data-key caching off" rows pay one per ticket. A cold start always asks KMS for a new key.',
  '- Behind the API, the request validator refuses an unknown action before any execution starts;',
  '  the Invalid action row prices an execution started some other way.',
];

/** The report as plain-text tables; dollar figures per 1M executions unless the column says otherwise. */
export function formatReport(r: CostReport): string {
  const successes = r.paths.filter((p) => p.outcome.kind === 'success');
  return [
    `Ticket workflow cost, ${r.prices.region} list prices as of ${r.prices.retrievedOn} (${r.prices.currency}).`,
    'List prices must be re-checked before they are quoted: see the price file for sources.',
    assumptions(r),
    '',
    'Step Functions per 1M executions, by path:',
    pathsTable(r),
    '',
    ...successes.flatMap((p) => [breakdown(p, r), '']),
    'End to end per 1M requests, by state machine type:',
    comparison(r),
    '',
    leftOut(r),
    '',
    formatFixedMonthly(r.fixedMonthly),
    '',
    ...NOTES,
  ].join('\n');
}
