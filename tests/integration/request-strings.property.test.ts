import { KMSClient } from '@aws-sdk/client-kms';
import fc from 'fast-check';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { anyGenerateRequest, FC_SEED } from '../support/arbitrary-requests';
import { freshEventId } from '../support/tickets';
import { localStack, postTickets } from './local-stack';
import { keyRecordStatus } from './ticket-ledger';

/**
 * The deployed stage, for arbitrary valid requests: never a 5xx, and each 201's ticket opens to
 * exactly the strings sent; a key reaches the workflow exactly (its record is named by it), or is
 * refused with 400 InvalidIdempotencyKey past 255 characters. Requests go in batches of BATCH at
 * once, RUNS batches. A failure prints its seed and path (FC_SEED=<seed> replays a run).
 */
const BATCH = 8;
const RUNS = 25;
const kms = new KMSClient({});

type Case = {
  key: string | undefined;
  body: { customer: { name: string; email: string }; event: Record<string, string> };
};

async function checkCase({ key: sent, body }: Case): Promise<void> {
  const { keyArn, bucketName } = await localStack();
  // Each key made unique (runs share one emulator): a key reused with another body is a 422.
  const key = sent === undefined ? undefined : `${sent} ${crypto.randomUUID()}`;
  const res = await postTickets(body, key === undefined ? {} : { headers: { 'Idempotency-Key': key } });
  expect(res.status).toBeLessThan(500);
  if (key !== undefined && key.length > 255) {
    expect(res).toEqual({
      status: 400,
      body: { error: 'InvalidIdempotencyKey', message: expect.any(String) },
    });
    return;
  }
  expect(res).toMatchObject({ status: 201 });
  const ticket = await openTicket(SealedTicket.parse(res.body), { kms, keyArn });
  expect(ticket).toMatchObject({
    customer: { name: body.customer.name, email: body.customer.email },
    event: { id: body.event.id, name: body.event.name, startsAt: body.event.startsAt },
    seat: body.event.seat,
  });
  if (key !== undefined) expect(await keyRecordStatus(bucketName, key)).toBe('Completed');
}

describe('POST /tickets for arbitrary valid requests (fast-check, LocalStack)', () => {
  it(`never answers 5xx, and every ticket opens to the strings sent (${BATCH * RUNS} requests)`, async () => {
    await localStack();
    await fc.assert(
      fc.asyncProperty(
        fc.array(anyGenerateRequest(freshEventId), { minLength: BATCH, maxLength: BATCH }),
        (cases) => Promise.all(cases.map(checkCase)).then(() => undefined),
      ),
      { numRuns: RUNS, seed: FC_SEED, endOnFailure: true },
    );
  }, 120_000);
});
