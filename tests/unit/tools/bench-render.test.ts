import { renderReport, scalingNote } from '../../../tools/bench/render';
import type { BenchReport, HttpFigure } from '../../../tools/bench/report-types';
import { summarize } from '../../../tools/bench/stats';

const httpFigure = (connections: number, requestsPerSec: number, latencies: number[]): HttpFigure => ({
  connections,
  amount: latencies.length,
  durationS: 10,
  requestsPerSec,
  latencyMs: summarize(latencies),
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  command: `npx autocannon -c ${connections} http://127.0.0.1:4566/tickets`,
});

function report(localstackUp: boolean): BenchReport {
  const skipped = { status: 'skipped', reason: 'run `make local-up` first.' } as const;
  return {
    environment: {
      date: '2027-01-01T00:00:00Z',
      cpu: 'Test CPU',
      cores: 2,
      memoryBytes: 8 * 1024 ** 3,
      os: 'Debian',
      node: 'v20.20.2',
      localstack: localstackUp ? { version: '4.13.1', mode: 'H, host' } : null,
      packages: { esbuild: '0.28.2', osls: '3.77.1' },
    },
    bundles: {
      packaging: 'Reused the existing .serverless zips.',
      packageCommand: 'npx sls package --stage dev',
      runs: 3,
      figures: [
        {
          fn: 'generateTicket',
          jsName: 'handlers/generate-ticket.js',
          zipBytes: 2048,
          jsBytes: 1024,
          imports: [
            { variant: 'bundled', command: 'node -e bundled', ms: summarize([40, 50, 60]) },
            { variant: 'unbundled', command: 'node -e unbundled', ms: summarize([100, 150, 200]) },
          ],
        },
      ],
    },
    throughput: {
      command: 'npx tsx tools/bench/main.ts',
      localstackKms: localstackUp
        ? {
            label: 'LocalStack KMS',
            tickets: 3,
            warmup: 1,
            elapsedMs: 30,
            perTicketMs: summarize([9, 10, 11]),
          }
        : skipped,
      cpuOnly: { label: 'CPU only', tickets: 4, warmup: 2, elapsedMs: 2, perTicketMs: summarize([0.5]) },
    },
    http: localstackUp
      ? { status: 'ok', url: 'http://127.0.0.1:4566/tickets', figures: [httpFigure(1, 1, [800, 1000])] }
      : skipped,
  };
}

// Tables are padded for biome; the assertions only care about the cells.
const squash = (markdown: string) => markdown.replace(/ {2,}/g, ' ');

describe('renderReport', () => {
  const up = squash(renderReport(report(true)));

  it('names the machine, the versions and the date', () => {
    expect(up).toContain('| CPU | Test CPU |');
    expect(up).toContain('| Memory | 8.0 GiB |');
    expect(up).toContain('| LocalStack | 4.13.1 (mode H, host) |');
    expect(up).toContain('| esbuild | 0.28.2 |');
    expect(up).toContain('| Date | 2027-01-01T00:00:00Z |');
  });

  it('gives sizes in KB and import times with their ratio to the bundled import', () => {
    expect(up).toContain('| generateTicket | handlers/generate-ticket.js | 2.0 | 1.0 |');
    expect(up).toContain('| generateTicket | bundled | 50.0 | 40.0 | 60.0 | 1.0x |');
    expect(up).toContain('| generateTicket | unbundled | 150 | 100 | 200 | 3.0x |');
  });

  it('shows the command behind every figure', () => {
    for (const command of [
      'npx sls package --stage dev',
      'node -e bundled',
      'node -e unbundled',
      'npx tsx tools/bench/main.ts',
      'npx autocannon -c 1 http://127.0.0.1:4566/tickets',
    ]) {
      expect(up).toContain(command);
    }
  });

  it('reports tickets per second and per-ticket percentiles', () => {
    expect(up).toContain('| LocalStack KMS | 3 | 100 | 10.0 | 10.9 |');
    expect(up).toContain('| CPU only | 4 | 2000 | 0.50 | 0.50 |');
  });

  it('reports HTTP percentiles and the failure counts', () => {
    expect(up).toContain('| 1 | 2 | 1.00 | 900 | 990 | 998 | 1000 | 0 | 0 |');
  });

  it('says what to run when LocalStack is down, and still has the CPU-only figure', () => {
    const down = squash(renderReport(report(false)));
    expect(down).toContain('| LocalStack | not running |');
    expect(down).toContain('> **LocalStack KMS row skipped:** run `make local-up` first.');
    expect(down).toContain('> **Skipped:** run `make local-up` first.');
    expect(down).toContain('| CPU only |');
    expect(down).not.toContain('LocalStack KMS |');
  });

  it('ends with one newline', () => {
    expect(up.endsWith('.\n')).toBe(true);
  });
});

describe('scalingNote', () => {
  it('speaks up when more connections add latency but not throughput', () => {
    const note = scalingNote([httpFigure(1, 1, [1000]), httpFigure(20, 0.9, [20000])]);
    expect(note).toContain('requests/s changed 0.9x while median latency grew 20.0x');
  });

  it('stays silent when throughput scales, or with a single run', () => {
    expect(scalingNote([httpFigure(1, 1, [10]), httpFigure(20, 15, [13])])).toBe('');
    expect(scalingNote([httpFigure(1, 1, [10])])).toBe('');
  });
});
