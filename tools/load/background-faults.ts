import type { FaultRule, InjectedRule } from '../client/fault-injection';

/**
 * Faults at a low probability on every service the workflow calls, lost answers included, for
 * the distinct-seats check (issue 15): S3 claims and stores, the SNS publish, KMS, Lambda's Invoke,
 * and the functions themselves. Each rule has its own `kind`, the label the report counts it by.
 */
export type BackgroundFault = { kind: string; rule: FaultRule };

const err = (statusCode: number, code: string) => ({ statusCode, code });

export function backgroundFaults(t: {
  topicArn: string;
  generateFn: string;
  encryptFn: string;
}): BackgroundFault[] {
  const s3Put = (resource: string) => ({ service: 's3', operation: 'PutObject', resource });
  const publish = { service: 'sns', operation: 'Publish', resource: t.topicArn };
  const invoke = (fn: string) => ({ service: 'lambda', operation: 'Invoke', resource: fn });
  const fn = (resource: string) => ({ service: 'lambda', resource });
  return [
    {
      kind: 'S3 seat claim: 503 SlowDown',
      rule: { ...s3Put('seats/'), probability: 0.03, error: err(503, 'SlowDown') },
    },
    {
      kind: 'S3 seat claim: 409 ConditionalRequestConflict',
      rule: { ...s3Put('seats/'), probability: 0.02, error: err(409, 'ConditionalRequestConflict') },
    },
    {
      kind: 'S3 seat claim: lost answer',
      rule: { ...s3Put('seats/'), probability: 0.02, after: true, error: err(500, 'InternalError') },
    },
    {
      kind: 'S3 store: 503 SlowDown',
      rule: { ...s3Put('tickets/'), probability: 0.03, error: err(503, 'SlowDown') },
    },
    {
      kind: 'S3 store: lost answer',
      rule: { ...s3Put('tickets/'), probability: 0.02, after: true, error: err(500, 'InternalError') },
    },
    {
      kind: 'SNS publish: 400 Throttled',
      rule: { ...publish, probability: 0.03, error: err(400, 'Throttled') },
    },
    {
      kind: 'SNS publish: lost answer',
      rule: { ...publish, probability: 0.02, after: true, error: err(500, 'InternalError') },
    },
    {
      // KMS is asked once per data key (cached by the encrypt function): a higher probability.
      kind: 'KMS GenerateDataKey: ThrottlingException',
      rule: {
        service: 'kms',
        operation: 'GenerateDataKey',
        probability: 0.2,
        error: err(400, 'ThrottlingException'),
      },
    },
    {
      kind: 'Lambda Invoke: 429 TooManyRequests',
      rule: { ...invoke(t.generateFn), probability: 0.02, error: err(429, 'TooManyRequestsException') },
    },
    {
      kind: 'Lambda Invoke: lost answer',
      rule: { ...invoke(t.encryptFn), probability: 0.02, after: true, error: err(500, 'ServiceException') },
    },
    {
      kind: 'generateTicket: throws',
      rule: { ...fn(t.generateFn), probability: 0.01, functionError: 'throw' },
    },
    {
      kind: 'generateTicket: times out',
      rule: { ...fn(t.generateFn), probability: 0.003, functionError: 'timeout' },
    },
    {
      kind: 'encryptTicket: crashes',
      rule: { ...fn(t.encryptFn), probability: 0.01, functionError: 'crash' },
    },
    {
      kind: 'encryptTicket: slow cold start',
      rule: { ...fn(t.encryptFn), probability: 0.01, coldStartMs: 1000 },
    },
  ];
}

/** How often each kind was injected, in the order the rules were set (the endpoint keeps it). */
export function injectedByKind(
  faults: readonly BackgroundFault[],
  listed: readonly InjectedRule[],
): [string, number][] {
  if (listed.length !== faults.length) {
    throw new Error(`the fault endpoint lists ${listed.length} rules, ${faults.length} were set`);
  }
  return faults.map((f, i) => [f.kind, listed[i]?.injected ?? 0]);
}
