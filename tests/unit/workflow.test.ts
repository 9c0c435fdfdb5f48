import { handler as generate } from '../../handlers/generate-ticket';
import { WORKFLOW_ERRORS } from '../../handlers/lib/errors';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { fakeKms } from '../support/fake-kms';
import { LOCAL_BINDINGS, runWorkflow } from '../support/run-workflow';
import { givenGenerateRequest, pastStart } from '../support/tickets';
import { failErrors } from '../support/workflow';
import { givenServices } from '../support/workflow-services';

/**
 * The ASL file run in process with the real handlers behind the Lambda tasks, and the
 * S3 and SNS tasks recorded. (The integration suite runs it against LocalStack.)
 */
const kms = fakeKms();

describe('ticket workflow (in process)', () => {
  beforeEach(() => kms.reset());

  it('Generate: filters, generates, encrypts, stores and publishes only the envelope', async () => {
    const services = givenServices();
    const request = givenGenerateRequest();
    const result = await runWorkflow(request, services.tasks);

    expect(result.status).toBe('SUCCEEDED');
    const sealed = SealedTicket.parse(result.status === 'SUCCEEDED' && result.output);
    expect(services.payloads.GenerateTicket).toEqual([
      {
        executionName: result.executionName,
        details: {
          customer: { name: request.customer.name, email: request.customer.email },
          event: {
            id: request.event.id,
            name: request.event.name,
            startsAt: request.event.startsAt,
            seat: request.event.seat,
          },
        },
      },
    ]);
    const key = `${LOCAL_BINDINGS.refs.TicketBucket}/tickets/${sealed.ticketId}.json`;
    expect(JSON.parse(services.objects.get(key) ?? 'null')).toEqual(sealed);
    expect(services.published).toHaveLength(1);
    expect(services.published[0]?.TopicArn).toBe(LOCAL_BINDINGS.refs.TicketTopic);
    expect(JSON.parse(services.published[0]?.Message ?? 'null')).toEqual(sealed);
    expect(result.entered).toEqual(
      expect.arrayContaining(['FilterCustomer', 'FilterEvent', 'TicketGenerated?', 'TicketIssued']),
    );
  });

  it("hands both Lambda tasks the execution's name ($$.Execution.Name) beside their input", async () => {
    const services = givenServices();
    const result = await runWorkflow(givenGenerateRequest(), services.tasks);

    expect(result.status).toBe('SUCCEEDED');
    expect(result.executionName).toMatch(/^req-/);
    const [generated] = services.payloads.GenerateTicket as { details: unknown }[];
    const [sealed] = services.payloads.EncryptTicket as { ticket: { ticketId: string } }[];
    expect(generated).toEqual({ executionName: result.executionName, details: expect.any(Object) });
    expect(sealed).toEqual({ executionName: result.executionName, ticket: expect.any(Object) });
    expect(sealed?.ticket.ticketId).toBe(
      SealedTicket.parse(result.status === 'SUCCEEDED' && result.output).ticketId,
    );
  });

  it('Fetch after Generate returns the stored envelope', async () => {
    const services = givenServices();
    const generated = await runWorkflow(givenGenerateRequest(), services.tasks);
    const { ticketId } = SealedTicket.parse(generated.status === 'SUCCEEDED' && generated.output);

    const fetched = await runWorkflow({ action: 'Fetch', ticketId }, services.tasks);
    expect(fetched).toMatchObject({
      status: 'SUCCEEDED',
      output: generated.status === 'SUCCEEDED' && generated.output,
    });
  });

  it('Fetch of an unknown id fails with TicketNotFound', async () => {
    const result = await runWorkflow(
      { action: 'Fetch', ticketId: crypto.randomUUID() },
      givenServices().tasks,
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'TicketNotFound' });
  });

  it('an unknown action fails with InvalidAction', async () => {
    const result = await runWorkflow({ action: 'Refund' }, givenServices().tasks);
    expect(result).toMatchObject({ status: 'FAILED', error: 'InvalidAction' });
  });

  it('an event that has started fails with EventAlreadyStarted and never reaches encryption', async () => {
    const result = await runWorkflow(givenGenerateRequest({ startsAt: pastStart() }), givenServices().tasks);
    expect(result).toMatchObject({ status: 'FAILED', error: 'EventAlreadyStarted' });
    expect(result.entered).not.toContain('EncryptTicket');
  });

  it('retries a transient Lambda error, then succeeds', async () => {
    const services = givenServices();
    let calls = 0;
    const flaky = async (input: { Payload: unknown }) => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('busy'), { name: 'Lambda.TooManyRequestsException' });
      return { Payload: await generate(input.Payload) };
    };
    const result = await runWorkflow(givenGenerateRequest(), { ...services.tasks, GenerateTicket: flaky });
    expect(result.status).toBe('SUCCEEDED');
    expect(calls).toBe(2);
  });

  it('gives up after the retries and fails with TicketGenerationFailed', async () => {
    let calls = 0;
    const down = () => {
      calls += 1;
      throw Object.assign(new Error('down'), { name: 'Lambda.ServiceException' });
    };
    const result = await runWorkflow(givenGenerateRequest(), {
      ...givenServices().tasks,
      GenerateTicket: down,
    });
    expect(result).toMatchObject({ status: 'FAILED', error: 'TicketGenerationFailed' });
    expect(calls).toBe(3);
  });

  it('retries a failed store once, so a passing S3 error loses no ticket', async () => {
    const services = givenServices();
    let attempts = 0;
    const store = services.tasks.StoreTicket;
    const flakyStore = (p: Parameters<typeof store>[0]) => {
      attempts += 1;
      if (attempts === 1) throw Object.assign(new Error('slow down'), { name: 'S3.SlowDownException' });
      return store(p);
    };
    const result = await runWorkflow(givenGenerateRequest(), { ...services.tasks, StoreTicket: flakyStore });
    expect(result.status).toBe('SUCCEEDED');
    expect(attempts).toBe(2);
    expect(services.keys('tickets/')).toHaveLength(1);
  });

  it('names exactly the errors the HTTP mapping knows', () => {
    expect(failErrors().sort()).toEqual(Object.keys(WORKFLOW_ERRORS).sort());
  });
});
