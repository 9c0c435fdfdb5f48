import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { subscribeInbox, type TicketInbox } from '../../localstack/ticket-inbox';
import { freshEventId, givenGenerateRequest, pastStart } from '../support/tickets';
import { localStack, postTickets } from './local-stack';

/**
 * The rules of issue 9 against LocalStack: a seat is sold once (409 SeatTaken), Idempotency-Key
 * retries (the same ticket, published once; 422 on another body), a released claim after a
 * failure past the claim, and the corrected codes (422 EventAlreadyStarted, 413 PayloadTooLarge).
 * `make load` runs the same at scale.
 */
const s3 = new S3Client({ forcePathStyle: true });

async function keysUnder(prefix: string): Promise<string[]> {
  const { bucketName } = await localStack();
  const { Contents = [] } = await s3.send(new ListObjectsV2Command({ Bucket: bucketName, Prefix: prefix }));
  return Contents.map((o) => o.Key ?? '');
}

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

describe('seats, retries and compensation through LocalStack', () => {
  let inbox: TicketInbox;
  beforeAll(async () => {
    inbox = await subscribeInbox((await localStack()).topicArn);
  });
  afterAll(() => inbox?.close());

  it('sells a seat once: a second Generate for it answers 409 SeatTaken', async () => {
    const eventId = freshEventId();
    const first = await postTickets(givenGenerateRequest({ eventId }));
    const second = await postTickets(givenGenerateRequest({ eventId }));
    expect(first.status).toBe(201);
    expect(second).toEqual({ status: 409, body: { error: 'SeatTaken', message: expect.any(String) } });
  });

  it('gives exactly one of several racing Generates the seat', async () => {
    const eventId = freshEventId();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => postTickets(givenGenerateRequest({ eventId }))),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('answers a retry with the same Idempotency-Key and body with the same ticket, published once', async () => {
    const request = givenGenerateRequest();
    const key = crypto.randomUUID();
    const first = await postTickets(request, withKey(key));
    const retry = await postTickets(request, withKey(key));
    expect(first.status).toBe(201);
    expect(retry).toEqual({ status: 201, body: first.body });

    const { ticketId } = SealedTicket.parse(first.body);
    const published = await inbox.collect((m) => (m as SealedTicket).ticketId === ticketId, 1, true);
    expect(published).toHaveLength(1);
    expect(await keysUnder(`tickets/${ticketId}`)).toHaveLength(1);
  });

  it('refuses the same Idempotency-Key with another body with 422 IdempotencyKeyReused', async () => {
    const key = crypto.randomUUID();
    expect((await postTickets(givenGenerateRequest(), withKey(key))).status).toBe(201);
    const other = await postTickets(givenGenerateRequest(), withKey(key));
    expect(other).toEqual({
      status: 422,
      body: { error: 'IdempotencyKeyReused', message: expect.any(String) },
    });
  });

  it('answers 422 EventAlreadyStarted, releases the claim and the key, and keeps nothing', async () => {
    const eventId = freshEventId();
    const key = crypto.randomUUID();
    const past = await postTickets(givenGenerateRequest({ eventId, startsAt: pastStart() }), withKey(key));
    expect(past).toEqual({
      status: 422,
      body: { error: 'EventAlreadyStarted', message: expect.any(String) },
    });
    expect(await keysUnder(`seats/${eventId}/`)).toEqual([]);

    // The seat is free again, and so is the key.
    expect((await postTickets(givenGenerateRequest({ eventId }), withKey(key))).status).toBe(201);
  });

  it('answers a body too large for Step Functions with 413 PayloadTooLarge, starting nothing', async () => {
    const eventId = freshEventId();
    const padding = Object.fromEntries(
      Array.from({ length: 16 }, (_, i) => [`note${i}`, 'x'.repeat(16_000)]),
    );
    const res = await postTickets({ ...givenGenerateRequest({ eventId }), ...padding });
    expect(res).toEqual({ status: 413, body: { error: 'PayloadTooLarge', message: expect.any(String) } });
    expect(await keysUnder(`seats/${eventId}/`)).toEqual([]);
  });
});
