import type { FaultRule } from '../../tools/client/fault-injection';

/**
 * The fault matrix: for each Task state, the failure classes that apply to it, the faults that
 * make each one, and the answer the contract gives. fault-matrix.test.ts runs every row against
 * LocalStack, with and without an Idempotency-Key, and checks the invariants after each.
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
  /** What stays behind by design when a compensation itself keeps failing (README, "Fault injection"). */
  residue?: 'seat held' | 'key held';
};

type Variant = Pick<Row, 'failure' | 'faults'> & { answer?: Answer };

const err = (statusCode: number, code: string) => ({ statusCode, code });
const CREATED: Answer = { status: 201 };
const NOT_ISSUED: Answer = { status: 502, error: 'TicketNotIssued' };
const STARTED: Answer = { status: 422, error: 'EventAlreadyStarted' };
const INTERNAL: Answer = { status: 500, error: 'InternalError' };
const STORE_DOWN: Answer = { status: 502, error: 'TicketStoreUnavailable' };

/** The classes every conditional write (a claim) must survive. */
function claimRows(state: string, resource: (t: Target) => string, keys: Row['keys']): Row[] {
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
function readClaimRows(state: string, resource: (t: Target) => string, keys: Row['keys']): Row[] {
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

function lambdaRows(state: string, fn: (t: Target) => string, outlasted: Answer): Row[] {
  const invoke = (t: Target) => ({ service: 'lambda', operation: 'Invoke', resource: fn(t) });
  const variants: Variant[] = [
    {
      failure: 'throttled once (429)',
      faults: (t) => [{ ...invoke(t), count: 1, error: err(429, 'TooManyRequestsException') }],
      answer: CREATED,
    },
    {
      failure: 'lost answer: ran, then 500',
      faults: (t) => [{ ...invoke(t), count: 1, after: true, error: err(500, 'ServiceException') }],
      answer: CREATED,
    },
    {
      failure: 'outlasting the retries (500 ×5)',
      faults: (t) => [{ ...invoke(t), count: 5, error: err(500, 'ServiceException') }],
      answer: outlasted,
    },
  ];
  return variants.map((r) => ({ answer: CREATED, state, ...r }));
}

function distributeRows(state: string, call: (t: Target) => FaultRule, throttle: FaultRule['error']): Row[] {
  const variants: Variant[] = [
    {
      failure: 'throttled once',
      faults: (t) => [{ ...call(t), count: 1, error: throttle }],
      answer: CREATED,
    },
    {
      failure: 'lost answer: done, then 500',
      faults: (t) => [{ ...call(t), count: 1, after: true, error: err(500, 'InternalError') }],
      answer: CREATED,
    },
    {
      failure: 'outlasting the retries (503 ×5)',
      faults: (t) => [{ ...call(t), count: 5, error: err(503, 'ServiceUnavailable') }],
      answer: NOT_ISSUED,
    },
  ];
  return variants.map((r) => ({ answer: CREATED, state, ...r }));
}

const deleteOf = (resource: (t: Target) => string | undefined) => (t: Target) => ({
  service: 's3',
  operation: 'DeleteObject',
  resource: resource(t),
});

export const MATRIX: Row[] = [
  ...claimRows('ClaimIdempotencyKey', (t) => t.keyRecord ?? '', 'keyed'),
  ...claimRows('ClaimSeat', (t) => t.seatClaim, 'both'),
  ...readClaimRows('ReadKeyClaim', (t) => t.keyRecord ?? '', 'keyed'),
  ...readClaimRows('ReadSeatClaim', (t) => t.seatClaim, 'both'),
  ...lambdaRows('GenerateTicket', (t) => t.generateFn, { status: 502, error: 'TicketGenerationFailed' }),
  ...lambdaRows('EncryptTicket', (t) => t.encryptFn, NOT_ISSUED),
  {
    state: 'EncryptTicket (KMS)',
    failure: 'throttled once (the SDK retries)',
    faults: () => [
      { service: 'kms', operation: 'GenerateDataKey', count: 1, error: err(400, 'ThrottlingException') },
    ],
    answer: CREATED,
    coldEncrypt: true,
  },
  {
    state: 'EncryptTicket (KMS)',
    failure: 'outlasting the retries (500 ×10)',
    faults: () => [
      { service: 'kms', operation: 'GenerateDataKey', count: 10, error: err(500, 'KMSInternalException') },
    ],
    answer: NOT_ISSUED,
    coldEncrypt: true,
  },
  ...distributeRows(
    'StoreTicket',
    () => ({ service: 's3', operation: 'PutObject', resource: 'tickets/' }),
    err(503, 'SlowDown'),
  ),
  ...distributeRows(
    'PublishTicket',
    (t) => ({ service: 'sns', operation: 'Publish', resource: t.topicArn }),
    err(400, 'Throttled'),
  ),
  ...[
    { failure: 'fails once (503)', count: 1, after: false, answer: CREATED },
    { failure: 'lost answer: written, then 500', count: 1, after: true, answer: CREATED },
    { failure: 'outlasting the retries (503 ×5)', count: 5, after: false, answer: NOT_ISSUED },
  ].map(
    ({ failure, count, after, answer }): Row => ({
      state: 'CompleteIdempotencyKey',
      failure,
      keys: 'keyed',
      // The first PutObject of the record is its claim; the next completes it.
      faults: (t) => [
        {
          service: 's3',
          operation: 'PutObject',
          resource: t.keyRecord,
          skip: 1,
          count,
          after,
          error: err(503, 'SlowDown'),
        },
      ],
      answer,
    }),
  ),
  ...[
    { failure: 'fails once (503)', count: 1, answer: CREATED },
    { failure: 'outlasting the retries (503 ×5)', count: 5, answer: STORE_DOWN },
  ].map(
    ({ failure, count, answer }): Row => ({
      state: 'ReadIdempotencyRecord',
      failure,
      keys: 'keyed',
      replay: true,
      faults: (t) => [
        { service: 's3', operation: 'GetObject', resource: t.keyRecord, count, error: err(503, 'SlowDown') },
      ],
      answer,
    }),
  ),
  {
    state: 'ReleaseSeat',
    failure: 'fails once (503)',
    pastEvent: true,
    faults: (t) => [{ ...deleteOf((x) => x.seatClaim)(t), count: 1, error: err(503, 'SlowDown') }],
    answer: STARTED,
  },
  {
    state: 'ReleaseSeat',
    failure: 'outlasting the retries (503 ×5)',
    pastEvent: true,
    faults: (t) => [{ ...deleteOf((x) => x.seatClaim)(t), count: 5, error: err(503, 'SlowDown') }],
    answer: INTERNAL,
    residue: 'seat held',
  },
  {
    state: 'ReleaseIdempotencyKey',
    failure: 'fails once (503)',
    keys: 'keyed',
    pastEvent: true,
    faults: (t) => [{ ...deleteOf((x) => x.keyRecord)(t), count: 1, error: err(503, 'SlowDown') }],
    answer: STARTED,
  },
  {
    state: 'ReleaseIdempotencyKey',
    failure: 'outlasting the retries (503 ×5)',
    keys: 'keyed',
    pastEvent: true,
    faults: (t) => [{ ...deleteOf((x) => x.keyRecord)(t), count: 5, error: err(503, 'SlowDown') }],
    answer: INTERNAL,
    residue: 'key held',
  },
  {
    state: 'WithdrawTicket',
    failure: 'fails once (503), after the publish outlasted its retries',
    faults: (t) => [
      {
        service: 'sns',
        operation: 'Publish',
        resource: t.topicArn,
        count: 5,
        error: err(503, 'ServiceUnavailable'),
      },
      { ...deleteOf(() => 'tickets/')(t), count: 1, error: err(503, 'SlowDown') },
    ],
    answer: NOT_ISSUED,
  },
  ...[
    { failure: 'fails once (503)', count: 1, answer: { status: 200 } },
    { failure: 'outlasting the retries (503 ×5)', count: 5, answer: STORE_DOWN },
  ].map(
    ({ failure, count, answer }): Row => ({
      state: 'FetchTicket',
      failure,
      fetch: true,
      keys: 'none',
      faults: () => [
        { service: 's3', operation: 'GetObject', resource: 'tickets/', count, error: err(503, 'SlowDown') },
      ],
      answer,
    }),
  ),
];
