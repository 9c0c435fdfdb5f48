import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { flipBit, withField } from '../support/tamper';
import { givenDetails } from '../support/tickets';
import { localStack } from './local-stack';

/** The envelope against LocalStack's real KMS: round trip, and every kind of tampering. */
const kms = new KMSClient({});

describe('KMS envelope with LocalStack KMS', () => {
  let sealed: SealedTicket;
  let ticket: ReturnType<typeof issueTicket>;

  beforeAll(async () => {
    const { keyArn } = await localStack();
    ticket = issueTicket(givenDetails());
    sealed = await sealTicket(ticket, kms, keyArn);
  });

  it('opens what it sealed', async () => {
    await expect(openTicket(sealed, kms)).resolves.toEqual(ticket);
  });

  it.each(['ciphertext', 'iv', 'tag', 'encryptedDataKey'] as const)(
    'refuses a tampered %s',
    async (field) => {
      await expect(
        openTicket(withField(sealed, field, flipBit(sealed.encryptedTicket[field])), kms),
      ).rejects.toMatchObject({
        name: 'TicketTampered',
      });
    },
  );

  it('refuses an envelope that names another key', async () => {
    const { KeyMetadata } = await kms.send(
      new CreateKeyCommand({ Description: 'ticket-orchestrator test: another key' }),
    );
    const other = withField(sealed, 'keyId', KeyMetadata?.Arn ?? '');
    await expect(openTicket(other, kms)).rejects.toMatchObject({ name: 'TicketTampered' });
  });

  it('refuses an envelope presented under another ticket id', async () => {
    await expect(openTicket({ ...sealed, ticketId: crypto.randomUUID() }, kms)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });
});
