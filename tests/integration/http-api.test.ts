import { KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { subscribeInbox, type TicketInbox } from '../../localstack/ticket-inbox';
import { givenGenerateRequest, pastStart } from '../support/tickets';
import { localStack, postTickets } from './local-stack';

/**
 * HTTP -> API Gateway -> StartSyncExecution -> state machine -> the two Lambdas -> S3 / SNS,
 * all in LocalStack. The Lambdas are the deployed handler bundles: in mode H the project's
 * LocalStack extension runs them as local node processes, in mode D LocalStack's containers.
 */
const s3 = new S3Client({ forcePathStyle: true });
const kms = new KMSClient({});

/**
 * API Gateway's own refusals answer {error, message} through gateway responses in AWS.
 * LocalStack 4.14.0 applies their status code but not their template (a TODO in its
 * gateway_exception.py), so there the body is API Gateway's default {message}. Either way
 * the error is never the state machine's InvalidAction: no execution started.
 */
function expectRefusal(res: { status: number; body: Record<string, unknown> }, error: string) {
  expect(res.status).toBe(400);
  expect(res.body.message).toEqual(expect.any(String));
  if ('error' in res.body) expect(res.body.error).toBe(error);
}

async function storedTicket(ticketId: string): Promise<unknown> {
  const { bucketName } = await localStack();
  const object = await s3.send(new GetObjectCommand({ Bucket: bucketName, Key: `tickets/${ticketId}.json` }));
  return JSON.parse((await object.Body?.transformToString()) ?? 'null');
}

describe('POST /tickets through LocalStack', () => {
  let inbox: TicketInbox;
  beforeAll(async () => {
    inbox = await subscribeInbox((await localStack()).topicArn);
  });
  afterAll(() => inbox?.close());

  it('Generate answers 201 with an envelope that is published, stored and fetched back', async () => {
    const request = givenGenerateRequest();
    const res = await postTickets(request);
    expect(res.status).toBe(201);
    const sealed = SealedTicket.parse(res.body);

    // Only the filtered details reach the ticket, sealed under the stack's KMS key.
    const ticket = await openTicket(sealed, { kms, keyArn: (await localStack()).keyArn });
    expect(ticket).toMatchObject({
      ticketId: sealed.ticketId,
      customer: { name: request.customer.name, email: request.customer.email },
      event: { id: request.event.id, name: request.event.name, startsAt: request.event.startsAt },
      seat: request.event.seat,
    });
    const text = JSON.stringify(ticket);
    for (const dropped of [request.customer.phone, request.event.promoCode, request.paymentReference]) {
      expect(text).not.toContain(dropped);
    }

    expect(await inbox.waitFor((m) => (m as SealedTicket).ticketId === sealed.ticketId)).toEqual(sealed);
    expect(await storedTicket(sealed.ticketId)).toEqual(sealed);
    expect(await postTickets({ action: 'Fetch', ticketId: sealed.ticketId })).toEqual({
      status: 200,
      body: sealed,
    });
  });

  it('runs the handlers on every request: two Generates issue two tickets, each for its own request', async () => {
    const grace = givenGenerateRequest();
    const requests = [
      givenGenerateRequest(),
      { ...grace, customer: { ...grace.customer, name: 'Grace Hopper' } },
    ];
    const answers = await Promise.all(requests.map((r) => postTickets(r)));
    const sealed = answers.map((a) => SealedTicket.parse(a.body));
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(sealed[0]?.ticketId).not.toBe(sealed[1]?.ticketId);

    const key = { kms, keyArn: (await localStack()).keyArn };
    const names = await Promise.all(sealed.map(async (s) => (await openTicket(s, key)).customer.name));
    expect(names).toEqual(requests.map((r) => r.customer.name));

    const published = await inbox.collect(
      (m) => sealed.some((s) => s.ticketId === (m as SealedTicket).ticketId),
      2,
      true,
    );
    expect(published.map((m) => (m as SealedTicket).ticketId).sort()).toEqual(
      sealed.map((s) => s.ticketId).sort(),
    );
  });

  it('answers a Fetch of an unknown id with 404 TicketNotFound', async () => {
    const res = await postTickets({ action: 'Fetch', ticketId: crypto.randomUUID() });
    expect(res).toEqual({ status: 404, body: { error: 'TicketNotFound', message: expect.any(String) } });
  });

  it('answers 422 EventAlreadyStarted when the real handler refuses an event that has started', async () => {
    const res = await postTickets(givenGenerateRequest({ startsAt: pastStart() }));
    expect(res).toEqual({
      status: 422,
      body: { error: 'EventAlreadyStarted', message: expect.any(String) },
    });
  });

  it('answers 400 InvalidIdempotencyKey for a key over 255 characters, and issues nothing', async () => {
    const request = givenGenerateRequest({ eventId: `long-key-${crypto.randomUUID()}`, seat: 'K-1' });
    const answer = await postTickets(request, { headers: { 'Idempotency-Key': 'k'.repeat(256) } });
    expect(answer).toEqual({
      status: 400,
      body: { error: 'InvalidIdempotencyKey', message: expect.any(String) },
    });
    expect((await postTickets(request)).status).toBe(201); // the seat was not claimed
  });

  describe('refuses a bad request with 400 {error, message}, before any execution', () => {
    it.each([
      ['a schema violation (no customer)', { ...givenGenerateRequest(), customer: undefined }],
      ['an unknown action', { action: 'Refund', ticketId: crypto.randomUUID() }],
      ['a Fetch whose ticket id is not a UUID', { action: 'Fetch', ticketId: '../secrets' }],
      [
        'a blank customer name',
        { ...givenGenerateRequest(), customer: { name: '   ', email: 'a@example.com' } },
      ],
    ])('%s', async (_case, body) => {
      expectRefusal(await postTickets(body), 'InvalidRequest');
    });

    it('malformed JSON', async () => {
      expectRefusal(await postTickets('{"action": "Generate",', { raw: true }), 'InvalidRequest');
    });

    it('an empty body', async () => {
      expectRefusal(await postTickets('', { raw: true }), 'InvalidRequest');
    });

    it('a JSON body sent with the wrong content type', async () => {
      const res = await postTickets(givenGenerateRequest(), { contentType: 'text/plain' });
      expectRefusal(res, 'UnsupportedMediaType');
    });
  });
});
