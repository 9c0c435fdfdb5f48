import { KMSClient } from '@aws-sdk/client-kms';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { asLambdaTask, runWorkflow } from '../support/run-workflow';
import { givenGenerateRequest, pastStart } from '../support/tickets';
import { localStack } from './local-stack';
import { serviceTasks } from './service-tasks';
import { subscribeInbox } from './ticket-inbox';

/**
 * The full chain with the real handler code, in any mode: statemachines/ticket.asl.yml run
 * in process (aws-local-stepfunctions), the Lambda tasks served by the real handlers, and
 * KMS, S3 and SNS served by LocalStack. In mode H this is what proves the handlers, since
 * LocalStack cannot run them as Lambdas there.
 */
const kms = new KMSClient({});

describe('the real handler chain over LocalStack services', () => {
  let tasks: Record<string, (input: never) => unknown>;
  let bindings: Parameters<typeof runWorkflow>[2];
  let inbox: Awaited<ReturnType<typeof subscribeInbox>>;

  beforeAll(async () => {
    const stack = await localStack();
    process.env.TICKET_KEY_ID = stack.keyArn; // read by encrypt-ticket at import
    const { handler: generate } = await import('../../handlers/generate-ticket');
    const { handler: encrypt } = await import('../../handlers/encrypt-ticket');
    tasks = { GenerateTicket: asLambdaTask(generate), EncryptTicket: asLambdaTask(encrypt), ...serviceTasks };
    bindings = {
      functions: {
        generateTicket: 'arn:aws:lambda:::function:generate',
        encryptTicket: 'arn:aws:lambda:::function:encrypt',
      },
      refs: { TicketBucket: stack.bucketName, TicketTopic: stack.topicArn },
    };
    inbox = await subscribeInbox(stack.topicArn);
  });
  afterAll(() => inbox?.close());

  it('Generate issues, seals, stores and publishes a ticket holding only the filtered details', async () => {
    const request = givenGenerateRequest();
    const result = await runWorkflow(request, tasks, bindings);
    expect(result.status).toBe('SUCCEEDED');
    const sealed = SealedTicket.parse(result.status === 'SUCCEEDED' && result.output);

    const ticket = await openTicket(sealed, kms);
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
    const fetched = await runWorkflow({ action: 'Fetch', ticketId: sealed.ticketId }, tasks, bindings);
    expect(fetched).toEqual(expect.objectContaining({ status: 'SUCCEEDED', output: sealed }));
  });

  it('a refused generation ends in TicketGenerationFailed and nothing is stored', async () => {
    const result = await runWorkflow(givenGenerateRequest({ startsAt: pastStart() }), tasks, bindings);
    expect(result).toMatchObject({ status: 'FAILED', error: 'TicketGenerationFailed' });
    expect(result.entered).not.toContain('StoreTicket');
  });

  it('Fetch of an unknown id ends in TicketNotFound', async () => {
    const result = await runWorkflow({ action: 'Fetch', ticketId: crypto.randomUUID() }, tasks, bindings);
    expect(result).toMatchObject({ status: 'FAILED', error: 'TicketNotFound' });
  });
});
