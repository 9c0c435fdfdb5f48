import { renderReport } from '../../../tools/bench/render';
import type { BenchReport } from '../../../tools/bench/report-types';
import { summarize } from '../../../tools/shared/stats';
import { ELEMENTS, RUNS } from './bench-runs';

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
      localstack: localstackUp ? { version: 'LocalStack 4.14.0', mode: 'H, host' } : null,
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
      encryptBeforeAfter: localstackUp
        ? {
            status: 'ok',
            rev: 'def0263747dfaa27769f7d77d654a0285d338d4b',
            rows: [
              {
                variant: 'before',
                jsBytes: 400 * 1024,
                imports: { variant: 'before', command: 'node -e before', ms: summarize([90, 100, 110]) },
              },
              {
                variant: 'after',
                jsBytes: 600 * 1024,
                imports: { variant: 'after', command: 'node -e after', ms: summarize([140, 150, 160]) },
              },
            ],
          }
        : { status: 'skipped', reason: 'no git history.' },
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
      dataKeys: [
        {
          label: 'on',
          bounds: { maxAgeSeconds: 300, maxTickets: 1000, maxBytes: 1048576 },
          tickets: 1000,
          requests: 1,
          sealMs: summarize([2]),
        },
        {
          label: 'off',
          bounds: { maxAgeSeconds: 0, maxTickets: 0, maxBytes: 0 },
          tickets: 1000,
          requests: 1000,
          sealMs: summarize([3]),
        },
      ],
    },
    http: localstackUp
      ? {
          status: 'ok',
          targets: [
            {
              name: 'Generate',
              url: 'http://127.0.0.1:4566/tickets',
              body: '{"action":"Generate"}',
              status: 201,
              freshBodies: true,
            },
            {
              name: 'Fetch',
              url: 'http://127.0.0.1:4566/tickets',
              body: '{"action":"Fetch"}',
              status: 200,
              freshBodies: false,
            },
            {
              name: 'Floor',
              url: 'http://127.0.0.1:4566/floor',
              body: '{}',
              status: 200,
              freshBodies: false,
            },
          ],
          switchNote: null,
          cold: [{ variant: 'patched', coldMs: 250, warmMs: 60 }],
          runs: RUNS,
          memory: {
            short: {
              requests: 100,
              rssMbGrowth: 4,
              keptKb: 3072,
              sites: [
                { where: 'localstack/services/stepfunctions/backend/execution.py:356', kb: 2048, blocks: 90 },
                { where: 'localstack/services/s3/models.py:12', kb: 512, blocks: 200 },
              ],
            },
            long: {
              requests: 300,
              rssMbGrowth: 15,
              keptKb: 5376,
              sites: [
                { where: 'localstack/services/stepfunctions/backend/execution.py:356', kb: 2048, blocks: 90 },
                { where: 'localstack/services/s3/models.py:12', kb: 1536, blocks: 600 },
                { where: 'moto/logs/models.py:40', kb: 1280, blocks: 300 },
              ],
            },
          },
          hotReload: {
            rounds: 2,
            editMs: summarize([700, 900]),
            revertMs: summarize([600]),
            buildMs: summarize([300]),
          },
        }
      : skipped,
    elements: localstackUp ? ELEMENTS : skipped,
  };
}

// Tables are padded for biome; the assertions only care about the cells.
const squash = (markdown: string) => markdown.replace(/ {2,}/g, ' ');

describe('renderReport', () => {
  const up = squash(renderReport(report(true)));

  it('names the machine, the versions and the date', () => {
    expect(up).toContain('| CPU | Test CPU |');
    expect(up).toContain('| Memory | 8.0 GiB |');
    expect(up).toContain('| Emulator | LocalStack 4.14.0 (mode H, host) |');
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

  it('sets encryptTicket before and after the Encryption SDK side by side: size and cold import', () => {
    expect(up).toContain('### encryptTicket before and after the AWS Encryption SDK');
    expect(up).toContain('`def0263747df`');
    expect(up).toContain('| before | 400.0 | 100 | 90.0 | 110 | 1.0x |');
    expect(up).toContain('| after | 600.0 | 150 | 140 | 160 | 1.5x |');
    expect(up).toContain('node -e after');
    expect(squash(renderReport(report(false)))).toContain(
      '> **encryptTicket before and after skipped:** no git history.',
    );
  });

  it('counts KMS GenerateDataKey requests per batch, data-key cache on and off', () => {
    expect(up).toContain('| on | 300 s, 1000 tickets, 1048576 B | 1000 | 1 | 2.00 | 2.00 |');
    expect(up).toContain('| off | 0 s, 0 tickets, 0 B | 1000 | 1000 | 3.00 | 3.00 |');
  });

  it('reports HTTP percentiles, errors, LocalStack CPU and memory growth, for each target and variant', () => {
    expect(up).toContain('| Generate | unpatched | 1 | 2 | 1.00 | 900 | 990 | 998 | 0 | 12.5 | 4.3 |');
    expect(up).toContain('| Floor | patched | 1 | 1 | 80 | 10.0 | 10.0 | 10.0 | 0 | 12.5 | 4.3 |');
  });

  it('says what the emulator keeps per 1,000 more Generates (long census minus short), and where', () => {
    expect(up).toContain('is 3.00 MB after 100 Generates and 5.25 MB after 300.');
    expect(up).toContain('**11.25 MB per 1,000 more Generates**');
    expect(up).toContain('The rest, about 1.88 MB whatever');
    expect(up).toContain('Its resident memory grew 50.0 MB per 1,000 over the long run.');
    const rows = up.split('\n').filter((line) => line.startsWith('| `'));
    const census = rows.filter((line) => line.split('|').length === 7);
    expect(census).toEqual([
      '| `moto/logs/models.py:40` | 0.00 | 1.25 | 6.25 | 300 |',
      '| `localstack/services/s3/models.py:12` | 0.50 | 1.50 | 5.00 | 600 |',
      '| `localstack/services/stepfunctions/backend/execution.py:356` | 2.00 | 2.00 | 0.00 | 90 |',
    ]);
  });

  it('reports the cold first call apart from the warm one, and the edit-to-effect times', () => {
    expect(up).toContain('| patched | 250 | 60.0 |');
    expect(up).toContain('| save -> first response with the edit | 800 | 700 | 900 |');
  });

  it('says what to run when LocalStack is down, and still has the CPU-only figure', () => {
    const down = squash(renderReport(report(false)));
    expect(down).toContain('| Emulator | not running |');
    expect(down).toContain('> **LocalStack KMS row skipped:** run `make local-up` first.');
    expect(down).toContain('> **Skipped:** run `make local-up` first.');
    expect(down).toContain('| CPU only |');
    expect(down).not.toContain('LocalStack KMS |');
  });

  it('renders section 6, the element costs, after the pointer to the load report', () => {
    expect(up.indexOf('## 6. What each workflow element costs')).toBeGreaterThan(
      up.indexOf('## 5. Under load'),
    );
  });

  it('ends with one newline', () => {
    expect(up.endsWith('\n') && !up.endsWith('\n\n')).toBe(true);
  });
});
