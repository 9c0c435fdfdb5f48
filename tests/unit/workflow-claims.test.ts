import { SealedTicket } from '../../handlers/tickets/schemas';
import { fakeKms } from '../support/fake-kms';
import { runWorkflow } from '../support/run-workflow';
import { givenGenerateRequest as givenAnyGenerate, pastStart } from '../support/tickets';
import { givenServices } from '../support/workflow-services';

/**
 * Seat claims, Idempotency-Key records and the compensations, run in process against an
 * in-memory bucket with S3's conditional-write semantics. (The integration suite and
 * `make load` prove the same against LocalStack.)
 */
const kms = fakeKms();
/** Every request here is for the same event, so they compete for its seat. */
const givenGenerateRequest = (when: { startsAt?: string } = {}) =>
  givenAnyGenerate({ ...when, eventId: 'concert-2027-01' });
const failing = (name: string) => () => {
  throw Object.assign(new Error(`${name} injected`), { name });
};

describe('seat claims, idempotency keys and compensation (in process)', () => {
  beforeEach(() => kms.reset());

  it('claims the seat before generating, and refuses a second Generate for it with SeatTaken', async () => {
    const services = givenServices();
    const first = await runWorkflow(givenGenerateRequest(), services.tasks);
    const second = await runWorkflow(givenGenerateRequest(), services.tasks);

    expect(first.status).toBe('SUCCEEDED');
    expect(second).toMatchObject({ status: 'FAILED', error: 'SeatTaken' });
    expect(second.entered).not.toContain('GenerateTicket');
    expect(services.keys('seats/')).toEqual(['seats/concert-2027-01/B-12.json']);
    expect(services.keys('tickets/')).toHaveLength(1);
    expect(services.published).toHaveLength(1);
  });

  it('does not read an S3 error other than 412 on the claim as a taken seat', async () => {
    const services = givenServices();
    const denied = () => {
      throw Object.assign(new Error('Access Denied (Service: S3, Status Code: 403, Request ID: r-2)'), {
        name: 'S3.S3Exception',
      });
    };
    const result = await runWorkflow(givenGenerateRequest(), { ...services.tasks, ClaimSeat: denied });
    expect(result).toMatchObject({ status: 'FAILED', error: 'TicketNotIssued' });
    expect(result.entered).not.toContain('ReleaseSeat');
  });

  it('answers a retry with the same key and request with the same ticket, stored and published once', async () => {
    const services = givenServices();
    const first = await runWorkflow(givenGenerateRequest(), services.tasks, { idempotencyKey: 'k-1' });
    const retry = await runWorkflow(givenGenerateRequest(), services.tasks, { idempotencyKey: 'k-1' });

    expect(first.status).toBe('SUCCEEDED');
    const ticket = SealedTicket.parse(first.status === 'SUCCEEDED' && first.output);
    expect(retry).toMatchObject({ status: 'SUCCEEDED', output: ticket });
    expect(retry.entered).toContain('ReplayTicket');
    expect(retry.entered).not.toContain('GenerateTicket');
    expect(services.keys('tickets/')).toEqual([`tickets/${ticket.ticketId}.json`]);
    expect(services.published).toHaveLength(1);
    expect(services.keys('idempotency/')).toHaveLength(1);
  });

  it('refuses the same key with another request with IdempotencyKeyReused', async () => {
    const services = givenServices();
    await runWorkflow(givenGenerateRequest(), services.tasks, { idempotencyKey: 'k-2' });
    // Another customer. (aws-local-stepfunctions 3.0.0 hashes only the start of a long string, so
    // the difference is kept early; LocalStack and AWS hash all of it: the integration suite.)
    const other = givenGenerateRequest();
    other.customer.name = 'Grace Hopper';
    const result = await runWorkflow(other, services.tasks, { idempotencyKey: 'k-2' });
    expect(result).toMatchObject({ status: 'FAILED', error: 'IdempotencyKeyReused' });
    expect(services.keys('seats/')).toHaveLength(1);
  });

  it('answers RequestInProgress while the first call with the key is still running', async () => {
    const services = givenServices();
    let inFlight: Promise<unknown> | undefined;
    const slowGenerate = async (input: { Payload: unknown }) => {
      // While the first call generates, a retry with the same key arrives.
      inFlight ??= runWorkflow(givenGenerateRequest(), services.tasks, { idempotencyKey: 'k-3' });
      await inFlight;
      return services.tasks.GenerateTicket(input);
    };
    const first = await runWorkflow(
      givenGenerateRequest(),
      { ...services.tasks, GenerateTicket: slowGenerate },
      { idempotencyKey: 'k-3' },
    );
    expect(first.status).toBe('SUCCEEDED');
    expect(await inFlight).toMatchObject({ status: 'FAILED', error: 'RequestInProgress' });
  });

  it.each([
    ['the event has started', 'EventAlreadyStarted', {}, { startsAt: pastStart() }],
    ['generation fails', 'TicketGenerationFailed', { GenerateTicket: failing('Error') }, {}],
    ['encryption fails', 'TicketNotIssued', { EncryptTicket: failing('KMS.NotFoundException') }, {}],
    ['the store fails after its retries', 'TicketNotIssued', { StoreTicket: failing('S3.S3Exception') }, {}],
    [
      'the publish fails after its retries',
      'TicketNotIssued',
      { PublishTicket: failing('SNS.Exception') },
      {},
    ],
  ])(
    'releases the seat and the key when %s (%s), and keeps no ticket',
    async (_case, error, faults, when) => {
      const services = givenServices();
      const result = await runWorkflow(
        givenGenerateRequest(when),
        { ...services.tasks, ...faults },
        { idempotencyKey: 'k-4' },
      );
      expect(result).toMatchObject({ status: 'FAILED', error });
      expect(result.entered).toContain('ReleaseSeat');
      expect(services.keys('seats/')).toEqual([]);
      expect(services.keys('idempotency/')).toEqual([]);
      expect(services.keys('tickets/')).toEqual([]);

      // The seat can be sold again, and the key used again.
      const again = await runWorkflow(givenGenerateRequest(), services.tasks, { idempotencyKey: 'k-4' });
      expect(again.status).toBe('SUCCEEDED');
    },
  );
});
