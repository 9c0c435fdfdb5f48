import { parseCostArgs } from '../../../tools/cost/args';
import { DEFAULT_LAMBDA_MS } from '../../../tools/cost/assumptions';
import { formatReport } from '../../../tools/cost/format-report';
import { readPrices } from '../../../tools/cost/prices';
import { costReport } from '../../../tools/cost/report';
import { readProject } from '../../../tools/cost/serverless-config';
import { ticketMachine, ticketProject } from './asl-fixtures';

describe('parseCostArgs', () => {
  it('defaults to 300 ms Express executions, no retries, text output', () => {
    expect(parseCostArgs([])).toEqual({
      help: false,
      json: false,
      durationMs: 300,
      expressMemoryMb: 64,
      lambdaMs: {},
      retries: 0,
      warmTicketsPerMinute: 60,
      params: {},
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
      '--warm-tickets-per-minute',
      '2',
      '--prices',
      'p.json',
      '--param',
      'apiAuth=apiKey',
      '--param=tracing=on',
    ]);
    expect(args).toMatchObject({
      json: true,
      durationMs: 450,
      lambdaMs: { generateTicket: 80, encryptTicket: 120 },
      retries: 1,
      warmTicketsPerMinute: 2,
      pricesFile: 'p.json',
      params: { apiAuth: 'apiKey', tracing: 'on' },
    });
  });

  it.each([
    [['--duration-ms', 'soon']],
    [['--lambda-ms', 'generateTicket']],
    [['--lambda-ms', 'a=1=2']],
    [['--retries', '-1']],
    [['--warm-tickets-per-minute', 'many']],
    [['--nope']],
    [['--param', 'apiAuth']],
  ])('refuses %j', (argv) => {
    expect(() => parseCostArgs(argv)).toThrow();
  });
});

describe('readProject', () => {
  it('reads function memory, the default machine type and the data-key cache from serverless.yml', () => {
    const { stateMachineType, memoryMb, dataKeyCache } = ticketProject();
    expect({ stateMachineType, memoryMb, dataKeyCache }).toEqual({
      stateMachineType: 'EXPRESS',
      memoryMb: { generateTicket: 128, encryptTicket: 256 },
      dataKeyCache: { maxAgeSeconds: 300, maxTickets: 1000, maxBytes: 1048576 },
    });
  });

  it('falls back to provider.memorySize, then to the framework default', () => {
    const config = (provider: object) =>
      readProject({ provider, functions: { f: { handler: 'f.handler' } } }, {}, () => ({}));
    expect(config({ memorySize: 512 }).memoryMb).toEqual({ f: 512 });
    expect(config({}).memoryMb).toEqual({ f: 1024 });
    expect(config({}).stateMachineType).toBe('STANDARD');
    expect(config({}).dataKeyCache).toBeNull();
  });
});

describe('costReport on the real machine and serverless.yml', () => {
  const options = {
    expressDurationMs: 300,
    expressMemoryMb: 64,
    lambdaMs: DEFAULT_LAMBDA_MS,
    retries: 0,
    warmTicketsPerMinute: 60,
  };
  const report = costReport(ticketMachine(), ticketProject(), readPrices(), options);
  const generate = report.paths.find((p) => p.name === 'Generate success');

  it('prices the Generate success end to end at the cache bounds (the seat claim is the second S3 PUT), under $17 per 1M', () => {
    // 60 tickets a minute x 300 s = 300 tickets per data key: KMS $3.00 / 300 = $0.01 per 1M.
    expect(report.assumptions.dataKeys).toMatchObject({ ticketsPerDataKey: 300, limitedBy: 'max age' });
    expect(generate?.usage.transitions).toBe(16);
    expect((generate?.endToEnd.EXPRESS.total ?? 0) * 1e6).toBeCloseTo(16.2434, 3);
    expect((generate?.endToEnd.EXPRESS.total ?? 0) * 1e6).toBeLessThanOrEqual(17);
    expect((generate?.endToEnd.STANDARD.total ?? 0) * 1e6).toBeCloseTo(414.9308, 3);
  });

  it('prices the same with data-key caching off: one GenerateDataKey per ticket', () => {
    expect((generate?.cachingOff?.EXPRESS.total ?? 0) * 1e6).toBeCloseTo(19.2334, 3);
    expect((generate?.cachingOff?.STANDARD.total ?? 0) * 1e6).toBeCloseTo(417.9208, 3);
    expect(report.paths.find((p) => p.name === 'Fetch found')?.cachingOff).toBeUndefined();
  });

  it('prints aligned tables with every path, breakdowns of the successes and the notes', () => {
    const text = formatReport(report);
    for (const p of report.paths) expect(text).toContain(p.name);
    expect(text).toMatch(/^Generate success +16 +generateTicket, encryptTicket .* 400\.00 +1\.31$/m);
    expect(text).toContain('Generate success, end to end (this project, EXPRESS):');
    expect(text).toContain('Fetch found, end to end (this project, EXPRESS):');
    expect(text).toMatch(/^Total +16\.24 +0\.00001624$/m);
    expect(text).toMatch(/^KMS +1\/300 x GenerateDataKey \(in encryptTicket\) +0\.01 /m);
    expect(text).toMatch(/^Generate success \(data-key caching off\) +19\.23 +417\.92$/m);
    expect(text).toContain('a key seals 300 tickets (bound: max age)');
    expect(text).toContain('free tier');
    expect(text).toMatch(/^KMS customer-managed key +2 +1\.00 +2\.00$/m);
    expect(text).toMatch(/^CloudWatch Logs +API access log line, about 500 bytes ingested +0\.25 /m);
  });

  it("counts the fixed items from serverless.yml's resources: both keys, alarms.yml's and the stage's alarms", () => {
    const ids = (type: string) => report.fixedMonthly.items.find((i) => i.resourceType === type)?.resources;
    expect(ids('AWS::KMS::Key')).toEqual(['TicketKey', 'MessageKey']);
    expect(ids('AWS::CloudWatch::Alarm')).toEqual(
      expect.arrayContaining(['ExecutionsFailedAlarm', 'ApiServerErrorsAlarm']),
    );
    expect(ids('AWS::ApiGateway::ApiKey')).toBeUndefined();
    expect(report.fixedMonthly.unpriced).toEqual([]);
  });

  it('follows --param: apiAuth=apiKey adds the key and usage plan at nothing, STANDARD drops the stage', () => {
    const apiKey = costReport(ticketMachine(), ticketProject({ apiAuth: 'apiKey' }), readPrices(), options);
    expect(apiKey.fixedMonthly.total).toBeCloseTo(report.fixedMonthly.total, 9);
    expect(apiKey.fixedMonthly.items.map((i) => i.item)).toContain('API Gateway usage plan');
    const standard = costReport(
      ticketMachine(),
      ticketProject({ stateMachineType: 'STANDARD' }),
      readPrices(),
      options,
    );
    expect(standard.projectType).toBe('STANDARD');
    expect(report.fixedMonthly.total - standard.fixedMonthly.total).toBeCloseTo(0.1, 9);
    expect(standard.perRequestLeftOut.map((i) => i.service)).toEqual(['X-Ray']);
  });

  it('serialises to JSON for machines', () => {
    const json = JSON.parse(JSON.stringify(report));
    expect(json.paths).toHaveLength(25);
    expect(json.assumptions).toMatchObject({ freeTiers: 'ignored', lambdaArchitecture: 'x86_64' });
  });
});
