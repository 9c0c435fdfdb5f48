import { countText } from './data-keys';
import type { Prices } from './prices';
import type { StateMachineType } from './serverless-config';
import type { ServiceCall, Usage } from './usage';

export interface LineItem {
  service: string;
  item: string;
  /** USD for one execution. */
  perExecution: number;
}

export interface CostOptions {
  expressDurationMs: number;
  expressMemoryMb: number;
  /** Assumed duration per function; `fallbackLambdaMs` for any other. */
  lambdaMs: Record<string, number>;
  fallbackLambdaMs: number;
  /** Memory per function from serverless.yml. */
  memoryMb: Record<string, number>;
}

export interface Cost {
  items: LineItem[];
  total: number;
  /** Calls with no price in the price file, left out of the total. */
  unpriced: string[];
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/** STANDARD: every state transition is billed. */
export function standardExecution(transitions: number, prices: Prices): number {
  return (transitions * prices.stepFunctions.standardPerThousandTransitions) / 1000;
}

/** EXPRESS: a request, plus duration with memory in 64 MB and time in 100 ms increments. */
export function expressExecution(durationMs: number, memoryMb: number, prices: Prices) {
  const sfn = prices.stepFunctions;
  const billedMb = roundUp(memoryMb, sfn.expressMemoryIncrementMb);
  const billedMs = roundUp(durationMs, sfn.expressDurationIncrementMs);
  const request = sfn.expressPerMillionRequests / 1e6;
  const duration = (billedMb / 1024) * (billedMs / 1000) * sfn.expressPerGbSecond;
  return { request, duration, billedMb, billedMs };
}

/** One x86 invocation: the request plus GB-seconds. */
export function lambdaInvocation(memoryMb: number, durationMs: number, prices: Prices) {
  const billedMs = roundUp(durationMs, prices.lambda.durationIncrementMs);
  const request = prices.lambda.perMillionRequests / 1e6;
  const compute = (memoryMb / 1024) * (billedMs / 1000) * prices.lambda.perGbSecondX86;
  return { request, compute, billedMs };
}

/** The price of one call, or undefined when the price file has none. */
export function callPrice(service: string, action: string, prices: Prices): number | undefined {
  const key = `${service}:${action}`.toLowerCase();
  const table: Record<string, number> = {
    'sns:publish': prices.sns.perMillionPublishes / 1e6,
    's3:putobject': prices.s3.perThousandPut / 1000,
    's3:getobject': prices.s3.perThousandGet / 1000,
    // S3 does not charge for DELETE requests (the compensations' releases).
    's3:deleteobject': 0,
    'kms:generatedatakey': prices.kms.perTenThousandRequests / 10_000,
  };
  return table[key];
}

function stepFunctionsItems(usage: Usage, type: StateMachineType, o: CostOptions, p: Prices): LineItem[] {
  if (type === 'STANDARD') {
    const item = `STANDARD ${usage.transitions} transitions`;
    return [{ service: 'Step Functions', item, perExecution: standardExecution(usage.transitions, p) }];
  }
  const e = expressExecution(o.expressDurationMs, o.expressMemoryMb, p);
  return [
    { service: 'Step Functions', item: 'EXPRESS request', perExecution: e.request },
    {
      service: 'Step Functions',
      item: `EXPRESS ${e.billedMb} MB x ${e.billedMs} ms`,
      perExecution: e.duration,
    },
  ];
}

function times(n: number): string {
  return n === 1 ? '' : `${countText(n).slice(0, -1)} x `;
}

function callItem(call: ServiceCall, prices: Prices): LineItem | string {
  const each = callPrice(call.service, call.action, prices);
  const name = `${call.service}:${call.action}`;
  if (each === undefined) return name;
  const where = call.via ? ` (in ${call.via})` : '';
  return {
    service: call.service.toUpperCase(),
    item: `${times(call.count)}${call.action}${where}`,
    perExecution: each * call.count,
  };
}

/** End-to-end cost of one execution: API Gateway, Step Functions, Lambda and the services called. */
export function executionCost(usage: Usage, type: StateMachineType, o: CostOptions, p: Prices): Cost {
  const items: LineItem[] = [
    { service: 'API Gateway', item: 'REST request', perExecution: p.apiGateway.restPerMillionRequests / 1e6 },
    ...stepFunctionsItems(usage, type, o, p),
  ];
  for (const { functionName, invocations } of usage.lambdas) {
    const memory = o.memoryMb[functionName];
    if (memory === undefined)
      throw new Error(`${functionName} is invoked but serverless.yml does not define it`);
    const l = lambdaInvocation(memory, o.lambdaMs[functionName] ?? o.fallbackLambdaMs, p);
    const n = times(invocations);
    items.push(
      { service: 'Lambda', item: `${n}${functionName} request`, perExecution: l.request * invocations },
      {
        service: 'Lambda',
        item: `${n}${functionName} ${memory} MB x ${l.billedMs} ms`,
        perExecution: l.compute * invocations,
      },
    );
  }
  const unpriced: string[] = [];
  for (const call of usage.calls) {
    const item = callItem(call, p);
    if (typeof item === 'string') unpriced.push(item);
    else items.push(item);
  }
  return { items, total: items.reduce((sum, i) => sum + i.perExecution, 0), unpriced };
}
