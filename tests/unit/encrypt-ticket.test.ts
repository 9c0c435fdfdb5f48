import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import 'aws-sdk-client-mock-jest';
import type * as EncryptTicket from '../../handlers/encrypt-ticket';
import { handler as generate } from '../../handlers/generate-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { TICKET_CONTEXT } from '../../handlers/tickets/ticket-format';
import { coldStart } from '../support/cold-start';
import { fakeKms } from '../support/fake-kms';
import { givenDetails } from '../support/tickets';

// Data-key caching off, so every test here asks KMS afresh (encrypt-ticket-cache.test.ts has it on).
const { handler: encrypt } = coldStart<typeof EncryptTicket>(() => require('../../handlers/encrypt-ticket'), {
  TICKET_DATA_KEY_MAX_AGE_SECONDS: '0',
});
const kms = fakeKms();

describe('encrypt-ticket', () => {
  beforeEach(() => kms.reset());

  it('asks KMS for a 256-bit data key under TICKET_KEY_ID, with the ticket context and no ticket id', async () => {
    const ticket = await generate(givenDetails());
    await encrypt(ticket);

    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 1);
    expect(kms.kmsMock).toHaveReceivedCommandWith(GenerateDataKeyCommand, {
      KeyId: process.env.TICKET_KEY_ID,
      NumberOfBytes: 32,
      EncryptionContext: { ...TICKET_CONTEXT, 'aws-crypto-public-key': expect.any(String) },
    });
    const requests = kms.kmsMock.commandCalls(GenerateDataKeyCommand).map((c) => c.args[0].input);
    expect(JSON.stringify(requests)).not.toContain(ticket.ticketId);
  });

  it('returns only the sealed ticket: its id and a base64 message with no plaintext in it', async () => {
    const ticket = await generate(givenDetails());
    const sealed = await encrypt(ticket);

    expect(SealedTicket.parse(sealed)).toEqual(sealed);
    expect(Object.keys(sealed).sort()).toEqual(['encryptedTicket', 'ticketId']);
    const message = Buffer.from(sealed.encryptedTicket, 'base64').toString('latin1');
    for (const secret of [ticket.customer.email, ticket.verificationCode, ticket.seat]) {
      expect(message).not.toContain(secret);
    }
  });

  it('with the cache configured off, asks KMS for a data key per ticket', async () => {
    for (let i = 0; i < 3; i += 1) await encrypt(await generate(givenDetails()));
    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 3);
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
