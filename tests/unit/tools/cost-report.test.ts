import { parseCostArgs } from '../../../tools/cost/args';
import { DEFAULT_LAMBDA_MS } from '../../../tools/cost/assumptions';
import { formatReport } from '../../../tools/cost/format-report';
import { readPrices } from '../../../tools/cost/prices';
import { costReport } from '../../../tools/cost/report';
import { projectConfig } from '../../../tools/cost/serverless-config';
import { serverlessYml, ticketMachine } from './asl-fixtures';

describe('parseCostArgs', () => {
  it('defaults to 300 ms Express executions, no retries, text output', () => {
    expect(parseCostArgs([])).toEqual({
      help: false,
      json: false,
      durationMs: 300,
      expressMemoryMb: 64,
      lambdaMs: {},
      retries: 0,
    });
  });

  it('reads every flag', () => {
    const args = parseCostArgs([
      '--json',
      '--duration-ms',
      '450',
      '--lambda-ms',
      'generateTicket=80,encryptTicket=120',
      '--retries=1',
      '--prices',
      'p.json',
    ]);
    expect(args).toMatchObject({
      json: true,
      durationMs: 450,
      lambdaMs: { generateTicket: 80, encryptTicket: 120 },
      retries: 1,
      pricesFile: 'p.json',
    });
  });

  it.each([
    [['--duration-ms', 'soon']],
    [['--lambda-ms', 'generateTicket']],
    [['--lambda-ms', 'a=1=2']],
    [['--retries', '-1']],
    [['--nope']],
  ])('refuses %j', (argv) => {
    expect(() => parseCostArgs(argv)).toThrow();
  });
});

describe('projectConfig', () => {
  it('reads function memory and the default machine type from serverless.yml', () => {
    expect(projectConfig(serverlessYml())).toEqual({
      stateMachineType: 'EXPRESS',
      memoryMb: { generateTicket: 128, encryptTicket: 256 },
    });
  });

  it('falls back to provider.memorySize, then to the framework default', () => {
    const config = (provider: object) =>
      projectConfig({ provider, functions: { f: { handler: 'f.handler' } } });
    expect(config({ memorySize: 512 }).memoryMb).toEqual({ f: 512 });
    expect(config({}).memoryMb).toEqual({ f: 1024 });
    expect(config({}).stateMachineType).toBe('STANDARD');
  });
});

describe('costReport on the real machine and serverless.yml', () => {
  const report = costReport(ticketMachine(), projectConfig(serverlessYml()), readPrices(), {
    expressDurationMs: 300,
    expressMemoryMb: 64,
    lambdaMs: DEFAULT_LAMBDA_MS,
    retries: 0,
  });
  const generate = report.paths.find((p) => p.name === 'Generate success');

  it('prices the Generate success end to end, and its article (STANDARD) twin', () => {
    expect(generate?.usage.transitions).toBe(11);
    expect((generate?.endToEnd.EXPRESS.total ?? 0) * 1e6).toBeCloseTo(14.2334, 3);
    expect((generate?.endToEnd.STANDARD.total ?? 0) * 1e6).toBeCloseTo(287.9208, 3);
  });

  it('prints aligned tables with every path, breakdowns of the successes and the notes', () => {
    const text = formatReport(report);
    for (const p of report.paths) expect(text).toContain(p.name);
    expect(text).toMatch(/^Generate success +11 +generateTicket, encryptTicket .* 275\.00 +1\.31$/m);
    expect(text).toContain('Generate success, end to end (this project, EXPRESS):');
    expect(text).toContain('Fetch found, end to end (this project, EXPRESS):');
    expect(text).toMatch(/^Total +14\.23 +0\.00001423$/m);
    expect(text).toContain('free tier');
  });

  it('serialises to JSON for machines', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json.paths).toHaveLength(6);
    expect(json.assumptions).toMatchObject({ freeTiers: 'ignored', lambdaArchitecture: 'x86_64' });
  });
});
