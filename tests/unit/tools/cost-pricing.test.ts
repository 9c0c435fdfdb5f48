import { readPrices } from '../../../tools/cost/prices';
import {
  type CostOptions,
  callPrice,
  executionCost,
  expressExecution,
  lambdaInvocation,
  standardExecution,
} from '../../../tools/cost/pricing';
import type { Usage } from '../../../tools/cost/usage';
import { generateSuccess } from './asl-fixtures';

const prices = readPrices();
const MILLION = 1e6;

const options: CostOptions = {
  expressDurationMs: 300,
  expressMemoryMb: 64,
  lambdaMs: { generateTicket: 50, encryptTicket: 100 },
  fallbackLambdaMs: 100,
  memoryMb: { generateTicket: 128, encryptTicket: 256 },
};

describe('the price file', () => {
  it('dates its prices and names a public AWS pricing page for each service', () => {
    expect(prices.retrievedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(prices.status).toMatch(/re-check/);
    for (const service of [
      prices.apiGateway,
      prices.stepFunctions,
      prices.lambda,
      prices.kms,
      prices.sns,
      prices.s3,
    ]) {
      expect(service.source).toMatch(/^https:\/\/aws\.amazon\.com\/[\w-]+\/pricing\/$/);
    }
  });
});

describe('Step Functions', () => {
  it('bills STANDARD per transition: 11 transitions are $275 per 1M executions', () => {
    expect(standardExecution(11, prices) * MILLION).toBeCloseTo(275, 6);
  });

  it('bills EXPRESS duration in 64 MB and 100 ms steps', () => {
    const e = expressExecution(301, 65, prices);
    expect([e.billedMb, e.billedMs]).toEqual([128, 400]);
    expect(e.duration).toBeCloseTo((128 / 1024) * 0.4 * 0.00001667, 15);
    expect(e.request * MILLION).toBeCloseTo(1, 9);
  });
});

describe('Lambda', () => {
  it('bills the request and GB-seconds at the function memory', () => {
    const l = lambdaInvocation(256, 100, prices);
    expect(l.request * MILLION).toBeCloseTo(0.2, 9);
    expect(l.compute * MILLION).toBeCloseTo(0.25 * 0.1 * 0.0000166667 * MILLION, 9);
  });
});

describe('service calls', () => {
  it('prices the calls the ticket machine makes', () => {
    expect((callPrice('s3', 'putObject', prices) ?? 0) * MILLION).toBeCloseTo(5, 9);
    expect((callPrice('s3', 'getObject', prices) ?? 0) * MILLION).toBeCloseTo(0.4, 9);
    expect((callPrice('sns', 'publish', prices) ?? 0) * MILLION).toBeCloseTo(0.5, 9);
    expect((callPrice('kms', 'GenerateDataKey', prices) ?? 0) * MILLION).toBeCloseTo(3, 9);
    expect(callPrice('sqs', 'sendMessage', prices)).toBeUndefined();
  });
});

describe('executionCost of a Generate success', () => {
  it('adds API Gateway, Express, both Lambdas, S3 (seat claim and store), KMS and SNS: $19.23 per 1M', () => {
    const cost = executionCost(generateSuccess, 'EXPRESS', options, prices);
    // 3.50 API + 1.00 + 0.3126 Express + 0.20 + 0.1042 + 0.20 + 0.4167 Lambda + 10.00 S3 + 3.00 KMS + 0.50 SNS
    expect(cost.total * MILLION).toBeCloseTo(19.2334, 3);
    expect(cost.items.map((i) => i.service)).toEqual([
      'API Gateway',
      'Step Functions',
      'Step Functions',
      'Lambda',
      'Lambda',
      'Lambda',
      'Lambda',
      'S3',
      'KMS',
      'SNS',
    ]);
    expect(cost.unpriced).toEqual([]);
  });

  it('costs $417.92 per 1M as a STANDARD machine (16 transitions)', () => {
    const cost = executionCost(generateSuccess, 'STANDARD', options, prices);
    expect(cost.total * MILLION).toBeCloseTo(19.2334 - 1.3126 + 400, 3);
  });

  it('lists calls it has no price for instead of guessing', () => {
    const usage: Usage = {
      transitions: 1,
      lambdas: [],
      calls: [{ service: 'sqs', action: 'sendMessage', count: 1 }],
    };
    expect(executionCost(usage, 'EXPRESS', options, prices).unpriced).toEqual(['sqs:sendMessage']);
  });

  it('refuses a function serverless.yml does not define', () => {
    const usage: Usage = { transitions: 1, lambdas: [{ functionName: 'nope', invocations: 1 }], calls: [] };
    expect(() => executionCost(usage, 'EXPRESS', options, prices)).toThrow(/nope/);
  });
});
