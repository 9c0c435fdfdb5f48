import type { HttpRun, Variant } from '../../../tools/bench/report-types';
import { summarize } from '../../../tools/shared/stats';

const run = (
  target: string,
  variant: Variant,
  connections: number,
  rps: number,
  latencies: number[],
): HttpRun => ({
  target,
  variant,
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
  run('Generate', 'with in-memory-client', 1, 20, [45, 55]),
  run('Generate', 'with in-memory-client', 20, 32, [480]),
  run('Generate', 'without in-memory-client', 1, 15, [70, 90]),
  run('Generate', 'without in-memory-client', 20, 24, [700]),
  run('Generate', 'with internal-mock-auth', 1, 20, [44]),
  run('Generate', 'with internal-mock-auth', 20, 27, [520]),
  run('Generate', 'without internal-mock-auth', 1, 18, [55]),
  run('Generate', 'without internal-mock-auth', 20, 27, [600]),
  run('Generate', 'patched', 1, 20, [40, 60]),
  run('Generate', 'patched', 20, 30, [500]),
  run('Floor', 'patched', 1, 80, [10]),
];
