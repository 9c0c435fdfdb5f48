import { KMSClient } from '@aws-sdk/client-kms';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { fakeKms } from '../support/fake-kms';
import { flipBit, withField } from '../support/tamper';
import { givenDetails } from '../support/tickets';

const kms = fakeKms();
const client = new KMSClient({});
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/envelope-test';

async function givenSealed(): Promise<{ sealed: SealedTicket; ticket: ReturnType<typeof issueTicket> }> {
  const ticket = issueTicket(givenDetails());
  return { ticket, sealed: await sealTicket(ticket, client, KEY) };
}

describe('KMS envelope', () => {
  beforeEach(() => kms.reset());

  it('round-trips a ticket', async () => {
    const { ticket, sealed } = await givenSealed();
    await expect(openTicket(sealed, client)).resolves.toEqual(ticket);
  });

  it('has the documented shape: 12-byte IV, 16-byte tag, base64 fields', async () => {
    const { sealed } = await givenSealed();
    const e = sealed.encryptedTicket;
    expect(Object.keys(e).sort()).toEqual(['alg', 'ciphertext', 'encryptedDataKey', 'iv', 'keyId', 'tag']);
    expect(e.alg).toBe('AES-256-GCM');
    expect(e.keyId).toBe(KEY);
    expect(Buffer.from(e.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(e.tag, 'base64')).toHaveLength(16);
  });

  it('uses a fresh data key and IV for each ticket', async () => {
    const a = await givenSealed();
    const b = await givenSealed();
    expect(a.sealed.encryptedTicket.encryptedDataKey).not.toBe(b.sealed.encryptedTicket.encryptedDataKey);
    expect(a.sealed.encryptedTicket.iv).not.toBe(b.sealed.encryptedTicket.iv);
  });

  it.each(['ciphertext', 'iv', 'tag', 'encryptedDataKey'] as const)(
    'fails when %s is tampered with',
    async (field) => {
      const { sealed } = await givenSealed();
      const tampered = withField(sealed, field, flipBit(sealed.encryptedTicket[field]));
      await expect(openTicket(tampered, client)).rejects.toMatchObject({ name: 'TicketTampered' });
    },
  );

  it('fails when keyId names another key', async () => {
    const { sealed } = await givenSealed();
    const tampered = withField(sealed, 'keyId', `${KEY}-other`);
    await expect(openTicket(tampered, client)).rejects.toMatchObject({ name: 'TicketTampered' });
  });

  it('fails when alg is changed', async () => {
    const { sealed } = await givenSealed();
    const tampered = withField(sealed, 'alg', 'AES-128-GCM');
    await expect(openTicket(tampered as unknown as SealedTicket, client)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });

  it('fails when the envelope is presented under another ticket id (AAD and encryption context)', async () => {
    const { sealed } = await givenSealed();
    const other = await givenSealed();
    await expect(openTicket({ ...sealed, ticketId: other.sealed.ticketId }, client)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });
});
