import { handler } from '../../handlers/generate-ticket';
import { logger } from '../../handlers/lib/logger';
import { Ticket } from '../../handlers/tickets/schemas';
import { capturedLogLines } from '../support/log-lines';
import { generatePayload, givenDetails, givenExecutionName, pastStart } from '../support/tickets';

describe('generate-ticket', () => {
  it('issues a ticket carrying exactly the filtered details', async () => {
    const details = givenDetails();
    const ticket = await handler(generatePayload(details));

    expect(Ticket.parse(ticket)).toEqual(ticket);
    expect(ticket.customer).toEqual(details.customer);
    expect(ticket.event).toEqual({
      id: details.event.id,
      name: details.event.name,
      startsAt: details.event.startsAt,
    });
    expect(ticket.seat).toBe(details.event.seat);
    expect(ticket.verificationCode).toMatch(/^[A-Z2-7]{10}$/);
    expect(Date.parse(ticket.issuedAt)).toBeLessThanOrEqual(Date.now());
  });

  it('gives every ticket its own id and verification code', async () => {
    const [a, b] = await Promise.all([handler(generatePayload()), handler(generatePayload())]);
    expect(a.ticketId).not.toBe(b.ticketId);
    expect(a.verificationCode).not.toBe(b.verificationCode);
  });

  const withDetails = (details: unknown) => ({ ...generatePayload(), details });
  it.each([
    ['no customer', withDetails({ event: givenDetails().event }), /details\.customer/],
    [
      'a bad email',
      withDetails({ ...givenDetails(), customer: { name: 'A', email: 'nope' } }),
      /customer\.email/,
    ],
    [
      'no seat',
      withDetails({ ...givenDetails(), event: { ...givenDetails().event, seat: undefined } }),
      /event\.seat/,
    ],
    [
      'a field the filters should have dropped',
      withDetails({ ...givenDetails(), paymentReference: 'x' }),
      /paymentReference/,
    ],
    ['the bare details, with no execution name', givenDetails(), /executionName/],
    ['a blank execution name', generatePayload(givenDetails(), ''), /executionName/],
    ['an execution name Step Functions forbids', generatePayload(givenDetails(), 'a/b c'), /executionName/],
    ['not an object', 'Generate', /\(input\)/],
  ])('refuses %s with IncompleteTicketDetails', async (_case, input, message) => {
    await expect(handler(input)).rejects.toMatchObject({ name: 'IncompleteTicketDetails', message });
  });

  it('never echoes the refused values in the error message', async () => {
    const input = withDetails({
      ...givenDetails(),
      customer: { name: 'Secret Name', email: 'secret-not-an-email' },
    });
    await expect(handler(input)).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });

  it('refuses an event that has already started with EventAlreadyStarted', async () => {
    await expect(handler(generatePayload(givenDetails({ startsAt: pastStart() })))).rejects.toMatchObject({
      name: 'EventAlreadyStarted',
    });
  });

  describe('log lines', () => {
    const log = capturedLogLines();

    it('carry the execution name, and the next invocation of a warm function does not inherit it', async () => {
      const [first, second] = [givenExecutionName(), givenExecutionName()];
      await handler(generatePayload(givenDetails(), first));
      logger.info('between invocations');
      await handler(generatePayload(givenDetails(), second));

      expect(log.lines().map((l) => [l.message, l.executionName])).toEqual([
        ['Ticket issued', first],
        ['between invocations', undefined],
        ['Ticket issued', second],
      ]);
    });

    it('drop the execution name after an invocation that throws', async () => {
      await expect(handler(generatePayload(givenDetails({ startsAt: pastStart() })))).rejects.toThrow();
      logger.info('next invocation');
      expect(log.lines()).toEqual([expect.objectContaining({ message: 'next invocation' })]);
      expect(log.lines()[0]).not.toHaveProperty('executionName');
    });
  });
});
