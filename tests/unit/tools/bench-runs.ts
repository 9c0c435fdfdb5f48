import type { ElementSection, HttpRun, Variant } from '../../../tools/bench/report-types';
import { summarize } from '../../../tools/shared/stats';

const run = (
  target: string,
  variant: Variant,
  connections: number,
  rps: number,
  latencies: number[],
  round?: number,
): HttpRun => ({
  target,
  variant,
  ...(round ? { round } : {}),
  connections,
  amount: latencies.length,
  durationS: 10,
  requestsPerSec: rps,
  latencyMs: summarize(latencies),
  errors: 0,
  cpuMsPerRequest: 12.5,
  rssMbPerThousand: 4.25,
  command: `npx autocannon -c ${connections} http://127.0.0.1:4566/tickets`,
});

/** HTTP runs of a bench: both the report and the speed ratios are rendered from these. */
export const RUNS = [
  run('Generate', 'unpatched', 1, 1, [800, 1000]),
  run('Generate', 'unpatched', 20, 1.5, [15000]),
  // Three rounds of one pair, a noisy one among them: compared by the medians (50 / 80 ms, 32 / 24 req/s).
  run('Generate', 'with lambda-log-batch', 1, 20, [45, 55], 1),
  run('Generate', 'with lambda-log-batch', 20, 32, [480], 1),
  run('Generate', 'without lambda-log-batch', 1, 15, [70, 90], 1),
  run('Generate', 'without lambda-log-batch', 20, 24, [700], 1),
  run('Generate', 'with lambda-log-batch', 1, 10, [120], 2),
  run('Generate', 'with lambda-log-batch', 20, 12, [900], 2),
  run('Generate', 'without lambda-log-batch', 1, 15, [60], 2),
  run('Generate', 'without lambda-log-batch', 20, 24, [700], 2),
  run('Generate', 'with lambda-log-batch', 1, 25, [40], 3),
  run('Generate', 'with lambda-log-batch', 20, 33, [470], 3),
  run('Generate', 'without lambda-log-batch', 1, 12, [95], 3),
  run('Generate', 'without lambda-log-batch', 20, 20, [800], 3),
  run('Generate', 'with lambda-metric-batch', 1, 20, [44]),
  run('Generate', 'with lambda-metric-batch', 20, 27, [520]),
  run('Generate', 'without lambda-metric-batch', 1, 18, [55]),
  run('Generate', 'without lambda-metric-batch', 20, 27, [600]),
  run('Generate', 'patched', 1, 20, [40, 60]),
  run('Generate', 'patched', 20, 30, [500]),
  run('Floor', 'patched', 1, 80, [10]),
];

/** Element machines whose p50s make round costs: Pass 0.1, Parallel 1.4, S3 3.0, SNS 2.1, Lambda 4.0 ms. */
export const ELEMENTS = {
  status: 'ok',
  rounds: 3,
  callsPerRound: 40,
  machines: [
    { machine: 'one Pass', p50Ms: 6 },
    { machine: 'eleven Pass', p50Ms: 7 },
    { machine: 'Parallel of two Pass', p50Ms: 7.5 },
    { machine: 'S3 PutObject task', p50Ms: 8.9 },
    { machine: 'SNS Publish task', p50Ms: 8 },
    { machine: 'Lambda task', p50Ms: 9.9 },
  ],
  generateP50Ms: 31,
  path: [
    { kind: 'Pass, Choice, Succeed or Fail', count: 10 },
    { kind: 'Parallel', count: 2 },
    { kind: 'S3 task', count: 2 },
    { kind: 'SNS task', count: 1 },
    { kind: 'Lambda task', count: 2 },
  ],
} as const satisfies ElementSection;
