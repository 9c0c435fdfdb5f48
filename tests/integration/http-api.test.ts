import { KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { MOCK_TEST_CASE_HEADER } from '../../localstack/host-mode/host-template';
import { TEST_CASES } from '../../localstack/host-mode/mock-config';
import { givenGenerateRequest, pastStart } from '../support/tickets';
import { localStack, postTickets } from './local-stack';
import { subscribeInbox } from './ticket-inbox';

/**
 * HTTP -> API Gateway -> StartSyncExecution -> state machine -> S3 / SNS, in LocalStack.
 * In mode H the two Lambda task states are served by SFN_MOCK_CONFIG (built from the real
 * handlers); the test-case header selects a mock and is ignored in mode D, where the
 * Lambdas are real and the request itself (an event in the past) makes generation fail.
 */
const s3 = new S3Client({ forcePathStyle: true });

/**
 * API Gateway's own refusals answer {error, message} through gateway responses in AWS.
 * LocalStack 4.13.1 applies their status code but not their template (a TODO in its
 * gateway_exception.py), so there the body is API Gateway's default {message}. Either way
 * the error is never the state machine's InvalidAction: no execution started.
 */
function expectRefusal(res: { status: number; body: Record<string, unknown> }, error: string) {
  expect(res.status).toBe(400);
  expect(res.body.message).toEqual(expect.any(String));
  if ('error' in res.body) expect(res.body.error).toBe(error);
}
const useMock = (testCase: string) => ({ headers: { [MOCK_TEST_CASE_HEADER]: testCase } });

describe('POST /tickets through LocalStack', () => {
  let inbox: Awaited<ReturnType<typeof subscribeInbox>>;
  beforeAll(async () => {
    inbox = await subscribeInbox((await localStack()).topicArn);
  });
  afterAll(() => inbox?.close());

  it('Generate answers 201 with an envelope that is published, stored (by this request) and fetched back', async () => {
    // S3 keeps whole seconds; in mode H every Generate returns the same mocked ticket id,
    // so the stored object must be younger than this request, not merely present.
    const requestedAt = Math.floor(Date.now() / 1000) * 1000;
    const res = await postTickets(givenGenerateRequest());
    expect(res.status).toBe(201);
    const sealed = SealedTicket.parse(res.body);

    // The envelope opens with the stack's KMS key (in mode H: the mock is real handler output).
    expect((await openTicket(sealed, new KMSClient({}))).ticketId).toBe(sealed.ticketId);

    expect(await inbox.waitFor((m) => (m as SealedTicket).ticketId === sealed.ticketId)).toEqual(sealed);

    const { bucketName } = await localStack();
    const object = await s3.send(
      new GetObjectCommand({ Bucket: bucketName, Key: `tickets/${sealed.ticketId}.json` }),
    );
    expect(object.LastModified?.getTime()).toBeGreaterThanOrEqual(requestedAt);
    expect(JSON.parse((await object.Body?.transformToString()) ?? 'null')).toEqual(sealed);

    expect(await postTickets({ action: 'Fetch', ticketId: sealed.ticketId })).toEqual({
      status: 200,
      body: sealed,
    });
  });

  it('answers a Fetch of an unknown id with 404 TicketNotFound', async () => {
    const res = await postTickets({ action: 'Fetch', ticketId: crypto.randomUUID() });
    expect(res).toEqual({ status: 404, body: { error: 'TicketNotFound', message: expect.any(String) } });
  });

  it('answers 502 TicketGenerationFailed when generation fails', async () => {
    const res = await postTickets(
      givenGenerateRequest({ startsAt: pastStart() }),
      useMock(TEST_CASES.generationFails),
    );
    expect(res).toEqual({
      status: 502,
      body: { error: 'TicketGenerationFailed', message: expect.any(String) },
    });
  });

  it('retries a transient Lambda error and still answers 201', async () => {
    const res = await postTickets(givenGenerateRequest(), useMock(TEST_CASES.transientGenerateError));
    expect(res.status).toBe(201);
    expect(SealedTicket.safeParse(res.body).success).toBe(true);
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
