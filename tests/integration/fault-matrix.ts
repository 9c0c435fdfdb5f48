import {
  CREATED,
  callRows,
  claimRows,
  err,
  GENERATION_FAILED,
  INTERNAL,
  lambdaRows,
  NOT_ISSUED,
  type Row,
  STARTED,
  STORE_DOWN,
  type Target,
} from './fault-classes';

/**
 * The fault matrix: for each Task state, the failure classes that apply to it, the faults that
 * make each one, and the answer the contract gives. fault-matrix.test.ts runs every row against
 * LocalStack, with and without an Idempotency-Key, and checks the invariants after each.
 */
const deleteOf = (resource: (t: Target) => string | undefined) => (t: Target) => ({
  service: 's3',
  operation: 'DeleteObject',
  resource: resource(t),
});

export const MATRIX: Row[] = [
  ...claimRows('ClaimIdempotencyKey', (t) => t.keyRecord ?? '', 'keyed'),
  ...claimRows('ClaimSeat', (t) => t.seatClaim, 'both'),
  ...lambdaRows('GenerateTicket', (t) => t.generateFn, GENERATION_FAILED),
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
  ...callRows('StoreTicket', () => ({ service: 's3', operation: 'PutObject', resource: 'tickets/' }), {
    throttle: err(503, 'SlowDown'),
    lost: 'InternalError',
    outlast: err(503, 'ServiceUnavailable'),
    outlasted: NOT_ISSUED,
  }),
  ...callRows('PublishTicket', (t) => ({ service: 'sns', operation: 'Publish', resource: t.topicArn }), {
    throttle: err(400, 'Throttled'),
    lost: 'InternalError',
    outlast: err(503, 'ServiceUnavailable'),
    outlasted: NOT_ISSUED,
  }),
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
