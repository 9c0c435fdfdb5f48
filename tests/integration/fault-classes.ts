import type { FaultRule } from '../../tools/client/fault-injection';

/**
 * The failure classes of the fault matrix (fault-matrix.ts): a row's shape, the contract's answers,
 * and the rows each kind of call gets.
 */
export type Target = {
  seatClaim: string;
  keyRecord: string | undefined;
  generateFn: string;
  encryptFn: string;
  topicArn: string;
};

export type Answer = { status: number; error?: string };

export type Row = {
  state: string;
  failure: string;
  faults: (t: Target) => FaultRule[];
  answer: Answer;
  /** `keyed`: only with an Idempotency-Key (the state exists only then); `none`: a Fetch. */
  keys?: 'both' | 'keyed' | 'none';
  /** The request fails by itself (an event that has started), to reach a compensation. */
  pastEvent?: boolean;
  /** A Fetch of a stored ticket instead of a Generate. */
  fetch?: boolean;
  /** The same request sent again first, so the key's record is read (a replay). */
  replay?: boolean;
  /** KMS is called once per data key: the encrypt function must start cold to ask for one. */
  coldEncrypt?: boolean;
  /** The function whose timeout is cut to SHORT_TIMEOUT_S while the faulted request runs. */
  shortTimeout?: (t: Target) => string;
  /** What stays behind by design when a compensation itself keeps failing (README, "Fault injection"). */
  residue?: 'seat held' | 'key held';
};

type Variant = Pick<Row, 'failure' | 'faults' | 'shortTimeout'> & { answer?: Answer };

/** A timeout fault waits the function's whole timeout: the case sets it to this first (the stage has 10 s). */
export const SHORT_TIMEOUT_S = 2;

export const err = (statusCode: number, code: string) => ({ statusCode, code });
export const CREATED: Answer = { status: 201 };
export const NOT_ISSUED: Answer = { status: 502, error: 'TicketNotIssued' };
export const STARTED: Answer = { status: 422, error: 'EventAlreadyStarted' };
export const INTERNAL: Answer = { status: 500, error: 'InternalError' };
export const GENERATION_FAILED: Answer = { status: 502, error: 'TicketGenerationFailed' };
export const STORE_DOWN: Answer = { status: 502, error: 'TicketStoreUnavailable' };

/** The classes every conditional write (a claim) must survive. */
export function claimRows(state: string, resource: (t: Target) => string, keys: Row['keys']): Row[] {
  const put = (t: Target) => ({ service: 's3', operation: 'PutObject', resource: resource(t) });
  const variants: Variant[] = [
    { failure: 'SlowDown once (503)', faults: (t) => [{ ...put(t), count: 1, error: err(503, 'SlowDown') }] },
    {
      failure: 'ConditionalRequestConflict once (409)',
      faults: (t) => [{ ...put(t), count: 1, error: err(409, 'ConditionalRequestConflict') }],
    },
    {
      failure: 'lost answer: written, then 500',
      faults: (t) => [{ ...put(t), count: 1, after: true, error: err(500, 'InternalError') }],
    },
    {
      failure: 'lost answers outlasting the retries',
      faults: (t) => [{ ...put(t), count: 5, after: true, error: err(500, 'InternalError') }],
    },
    {
      failure: 'outlasting the retries (503 ×5)',
      faults: (t) => [{ ...put(t), count: 5, error: err(503, 'SlowDown') }],
      answer: NOT_ISSUED,
    },
    {
      // An error S3's model names for PutObject: not S3.S3Exception, so the claim's second Catcher.
      failure: 'a modelled error once (400 InvalidRequest)',
      faults: (t) => [{ ...put(t), count: 1, error: err(400, 'InvalidRequest') }],
    },
    {
      // A 412 after a retry is checked against the claim, which is not there: claimed again.
      failure: 'SlowDown (503), then a 412 whose claim is gone by the read',
      faults: (t) => [
        { ...put(t), count: 1, error: err(503, 'SlowDown') },
        { ...put(t), count: 1, error: err(412, 'PreconditionFailed') },
      ],
    },
  ];
  return variants.map((r) => ({ answer: CREATED, keys, state, ...r }));
}

/** Reading a claim (fault recovery): reached once the claim itself failed three times. */
export function readClaimRows(state: string, resource: (t: Target) => string, keys: Row['keys']): Row[] {
  const call = (operation: string, t: Target) => ({ service: 's3', operation, resource: resource(t) });
  const claimFails = (t: Target) => ({ ...call('PutObject', t), count: 3, error: err(503, 'SlowDown') });
  return [
    { failure: 'SlowDown once (503), after the claim failed 3 times', count: 1 },
    { failure: 'outlasting the retries (503 ×5), after the claim failed 3 times', count: 5 },
  ].map(({ failure, count }) => ({
    state,
    failure,
    keys,
    faults: (t) => [claimFails(t), { ...call('GetObject', t), count, error: err(503, 'SlowDown') }],
    answer: NOT_ISSUED,
  }));
}

/** The classes every call to a service that throttles must survive (a Lambda invoke, a store, a publish). */
export function callRows(
  state: string,
  call: (t: Target) => FaultRule,
  c: { throttle: FaultRule['error']; lost: string; outlast: FaultRule['error']; outlasted: Answer },
): Row[] {
  const variants: Variant[] = [
    { failure: 'throttled once', faults: (t) => [{ ...call(t), count: 1, error: c.throttle }] },
    {
      failure: 'lost answer: done, then 500',
      faults: (t) => [{ ...call(t), count: 1, after: true, error: err(500, c.lost) }],
    },
    {
      failure: 'outlasting the retries (×5)',
      faults: (t) => [{ ...call(t), count: 5, error: c.outlast }],
      answer: c.outlasted,
    },
  ];
  return variants.map((r) => ({ answer: CREATED, state, ...r }));
}

/** Faults of the function itself, applied by the local-node executor: the handler never answers well. */
export function functionRows(state: string, fn: (t: Target) => string, failed: Answer): Row[] {
  const once = (t: Target, fault: Partial<FaultRule>): FaultRule[] => [
    { service: 'lambda', resource: fn(t), count: 1, ...fault },
  ];
  const variants: Variant[] = [
    { failure: 'the handler throws', faults: (t) => once(t, { functionError: 'throw' }), answer: failed },
    {
      failure: `the handler times out (its timeout set to ${SHORT_TIMEOUT_S} s)`,
      faults: (t) => once(t, { functionError: 'timeout' }),
      shortTimeout: fn,
      answer: failed,
    },
    { failure: 'the runtime crashes', faults: (t) => once(t, { functionError: 'crash' }), answer: failed },
    { failure: 'a slow cold start (2 s)', faults: (t) => once(t, { coldStartMs: 2000 }) },
  ];
  return variants.map((r) => ({ answer: CREATED, state, ...r }));
}

export function lambdaRows(state: string, fn: (t: Target) => string, failed: Answer): Row[] {
  const invoke = (t: Target): FaultRule => ({ service: 'lambda', operation: 'Invoke', resource: fn(t) });
  return [
    ...callRows(state, invoke, {
      throttle: err(429, 'TooManyRequestsException'),
      lost: 'ServiceException',
      outlast: err(500, 'ServiceException'),
      outlasted: failed,
    }),
    ...functionRows(state, fn, failed),
  ];
}
