import { handler } from '../../handlers/generate-ticket';
import { Ticket } from '../../handlers/tickets/schemas';
import { givenDetails, pastStart } from '../support/tickets';

describe('generate-ticket', () => {
  it('issues a ticket carrying exactly the filtered details', async () => {
    const details = givenDetails();
    const ticket = await handler(details);

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
    const [a, b] = await Promise.all([handler(givenDetails()), handler(givenDetails())]);
    expect(a.ticketId).not.toBe(b.ticketId);
    expect(a.verificationCode).not.toBe(b.verificationCode);
  });

  it.each([
    ['no customer', { event: givenDetails().event }, /customer/],
    ['a bad email', { ...givenDetails(), customer: { name: 'A', email: 'nope' } }, /customer\.email/],
    ['no seat', { ...givenDetails(), event: { ...givenDetails().event, seat: undefined } }, /event\.seat/],
    [
      'a field the filters should have dropped',
      { ...givenDetails(), paymentReference: 'x' },
      /paymentReference/,
    ],
    ['not an object', 'Generate', /\(input\)/],
  ])('refuses %s with IncompleteTicketDetails', async (_case, input, message) => {
    await expect(handler(input)).rejects.toMatchObject({ name: 'IncompleteTicketDetails', message });
  });

  it('never echoes the refused values in the error message', async () => {
    const input = { ...givenDetails(), customer: { name: 'Secret Name', email: 'secret-not-an-email' } };
    await expect(handler(input)).rejects.toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
  });

  it('refuses an event that has already started with EventAlreadyStarted', async () => {
    await expect(handler(givenDetails({ startsAt: pastStart() }))).rejects.toMatchObject({
      name: 'EventAlreadyStarted',
    });
  });
});
