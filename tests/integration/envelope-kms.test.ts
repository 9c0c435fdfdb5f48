import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { givenDetails } from '../support/tickets';
import { localStack } from './local-stack';

/** The envelope against LocalStack's real KMS: round trip, and every kind of tampering. */
const kms = new KMSClient({});
const flip = (b64: string) => {
  const bytes = Buffer.from(b64, 'base64');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  return bytes.toString('base64');
};
const withField = (s: SealedTicket, field: keyof SealedTicket['encryptedTicket'], value: string) => ({
  ...s,
  encryptedTicket: { ...s.encryptedTicket, [field]: value },
});

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
        openTicket(withField(sealed, field, flip(sealed.encryptedTicket[field])), kms),
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
