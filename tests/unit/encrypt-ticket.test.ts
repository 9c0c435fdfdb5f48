import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import 'aws-sdk-client-mock-jest';
import { handler as encrypt } from '../../handlers/encrypt-ticket';
import { handler as generate } from '../../handlers/generate-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { fakeKms } from '../support/fake-kms';
import { givenDetails } from '../support/tickets';

const kms = fakeKms();

describe('encrypt-ticket', () => {
  beforeEach(() => kms.reset());

  it('asks KMS for a fresh AES-256 data key bound to the ticket id', async () => {
    const ticket = await generate(givenDetails());
    await encrypt(ticket);

    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 1);
    expect(kms.kmsMock).toHaveReceivedCommandWith(GenerateDataKeyCommand, {
      KeyId: process.env.TICKET_KEY_ID,
      KeySpec: 'AES_256',
      EncryptionContext: { ticketId: ticket.ticketId },
    });
  });

  it('returns only the envelope, with no plaintext field anywhere', async () => {
    const ticket = await generate(givenDetails());
    const sealed = await encrypt(ticket);

    expect(SealedTicket.parse(sealed)).toEqual(sealed);
    const text = JSON.stringify(sealed);
    for (const secret of [
      ticket.customer.email,
      ticket.customer.name,
      ticket.verificationCode,
      ticket.seat,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses input that is not a ticket with InvalidTicket and calls no KMS', async () => {
    await expect(encrypt(givenDetails())).rejects.toMatchObject({ name: 'InvalidTicket' });
    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 0);
  });

  it('lets a KMS failure surface, so the state machine can retry or fail', async () => {
    kms.kmsMock
      .on(GenerateDataKeyCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(encrypt(await generate(givenDetails()))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });
});
