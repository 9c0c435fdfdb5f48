import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SFNClient, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { clearFaults, type FaultRule, injectFaults } from '../../tools/client/fault-injection';
import { givenGenerateRequest } from '../support/tickets';
import { localStack, postTickets } from './local-stack';
import { exists, keyRecordKey, keyRecordStatus, seatClaimKey } from './ticket-ledger';

/**
 * Paths of the workflow that neither the HTTP tests nor the fault matrix take, found by the
 * transition coverage gate (workflow-coverage.test.ts): a refusal only a direct caller can meet, and
 * what a claim finds when it reads the record or seat of another execution, or a call still running.
 */
const s3 = new S3Client({ forcePathStyle: true });
// A direct StartSyncExecution needs no "sync-" host prefix on LocalStack (docs/local-emulation.md).
const sfn = new SFNClient({ disableHostPrefix: true });

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });
const slowDownOnce = (resource: string): FaultRule => ({
  service: 's3',
  operation: 'PutObject',
  resource,
  count: 1,
  error: { statusCode: 503, code: 'SlowDown' },
});

describe('rare paths of the workflow, on the real engine', () => {
  let bucket: string;
  beforeAll(async () => {
    ({ bucketName: bucket } = await localStack());
    await clearFaults();
  });
  afterEach(() => clearFaults());

  it('refuses an unknown action with InvalidAction when started directly, past the API', async () => {
    const { stateMachineArn } = await localStack();
    const input = JSON.stringify({ request: { action: 'Refund' }, idempotencyKey: '' });
    const run = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn, input }));
    expect([run.status, run.error]).toEqual(['FAILED', 'InvalidAction']);
  });

  it("replays the ticket when a retried key claim meets another execution's completed record", async () => {
    const key = crypto.randomUUID();
    const request = givenGenerateRequest();
    const first = await postTickets(request, withKey(key));
    expect(first.status).toBe(201);

    await injectFaults([slowDownOnce(keyRecordKey(key))]); // then a real 412: the first call's record
    const again = await postTickets(request, withKey(key));

    expect(again).toEqual(first);
  });

  it('reads a record written before claims named their execution as another request', async () => {
    const key = crypto.randomUUID();
    const legacy = { status: 'Completed', fingerprint: '0'.repeat(64), ticket: { ticketId: 'old' } };
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: keyRecordKey(key), Body: JSON.stringify(legacy) }),
    );

    await injectFaults([slowDownOnce(keyRecordKey(key))]);
    const answer = await postTickets(givenGenerateRequest(), withKey(key));

    expect([answer.status, answer.body.error]).toEqual([422, 'IdempotencyKeyReused']);
  });

  it("answers SeatTaken when a retried seat claim meets another execution's claim", async () => {
    const first = givenGenerateRequest();
    expect((await postTickets(first)).status).toBe(201);
    const rival = { ...first, customer: { ...first.customer, name: 'Someone Else' } };

    await injectFaults([slowDownOnce(seatClaimKey(first.event.id, first.event.seat))]);
    const answer = await postTickets(rival);

    expect([answer.status, answer.body.error]).toEqual([409, 'SeatTaken']);
  });

  it('answers RequestInProgress to the same key and body while the first call still runs', async () => {
    const key = crypto.randomUUID();
    const request = givenGenerateRequest();
    const generateFn = 'ticket-orchestrator-local-generateTicket';
    await injectFaults([
      { service: 'lambda', operation: 'Invoke', resource: generateFn, count: 1, latencyMs: 3000 },
    ]);

    const running = postTickets(request, withKey(key));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const meanwhile = await postTickets(request, withKey(key));

    expect([meanwhile.status, meanwhile.body.error]).toEqual([409, 'RequestInProgress']);
    const first = await running;
    expect(first.status).toBe(201);
    expect(await keyRecordStatus(bucket, key)).toBe('Completed');
    const { ticketId } = SealedTicket.parse(first.body);
    expect(await exists(bucket, `tickets/${ticketId}.json`)).toBe(true);
  });

  it('answers RequestInProgress when the key record is gone between the claim and its read', async () => {
    const key = crypto.randomUUID();
    const request = givenGenerateRequest();
    expect((await postTickets(request, withKey(key))).status).toBe(201);

    await injectFaults([
      {
        service: 's3',
        operation: 'GetObject',
        resource: keyRecordKey(key),
        count: 1,
        error: { statusCode: 404, code: 'NoSuchKey' },
      },
    ]);
    const answer = await postTickets(request, withKey(key));

    expect([answer.status, answer.body.error]).toEqual([409, 'RequestInProgress']);
  });
});
