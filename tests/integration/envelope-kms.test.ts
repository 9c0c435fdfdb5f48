import { CreateKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { kmsKeyring } from '../../handlers/lib/kms-keyring';
import { sealingMaterials } from '../../handlers/tickets/data-key-cache';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket, type TicketKey } from '../../handlers/tickets/open-ticket';
import type { SealedTicket, Ticket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { flipBitAt, messageBytes } from '../support/tamper';
import { givenDetails } from '../support/tickets';
import { localStack } from './local-stack';

/** The sealed ticket against LocalStack's real KMS: round trip, cached data keys, and tampering. */
const kms = new KMSClient({});

describe('sealed ticket with LocalStack KMS', () => {
  let key: TicketKey;
  let otherKeyArn: string;
  let sealed: SealedTicket;
  let ticket: Ticket;

  beforeAll(async () => {
    const { keyArn } = await localStack();
    key = { kms, keyArn };
    const { KeyMetadata } = await kms.send(
      new CreateKeyCommand({ Description: 'ticket-orchestrator test: another key' }),
    );
    otherKeyArn = KeyMetadata?.Arn ?? '';
    ticket = issueTicket(givenDetails());
    sealed = await sealTicket(ticket, kmsKeyring(kms, { generatorKeyId: keyArn }));
  });

  it('opens what it sealed', async () => {
    await expect(openTicket(sealed, key)).resolves.toEqual(ticket);
  });

  it('opens tickets that shared a cached data key, each under its own id only', async () => {
    const materials = sealingMaterials(kmsKeyring(kms, { generatorKeyId: key.keyArn }), {
      maxAgeSeconds: 60,
      maxTickets: 10,
      maxBytes: 1 << 20,
    });
    const [a, b] = await Promise.all([1, 2].map(() => sealTicket(issueTicket(givenDetails()), materials)));
    if (!a || !b) throw new Error('two tickets expected');
    await expect(openTicket(a, key)).resolves.toMatchObject({ ticketId: a.ticketId });
    await expect(openTicket(b, key)).resolves.toMatchObject({ ticketId: b.ticketId });
    await expect(openTicket({ ...b, ticketId: a.ticketId }, key)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });

  /** Where the key ARN starts in the message: the data key's provider info, its wrapped key after. */
  const arnAt = () => Buffer.from(sealed.encryptedTicket, 'base64').indexOf(key.keyArn);

  it.each([
    ['the header (suite id)', () => 1],
    ['the key ARN the data key names', () => arnAt() + 10],
    ['the wrapped data key', () => arnAt() + key.keyArn.length + 2 + 10],
    ['the body', () => messageBytes(sealed) - 150],
    ['the signature', () => messageBytes(sealed) - 1],
  ])('refuses a changed byte in %s', async (_where, at) => {
    await expect(openTicket(flipBitAt(sealed, at()), key)).rejects.toMatchObject({ name: 'TicketTampered' });
  });

  it('refuses a ticket sealed under another key, and opening with another key', async () => {
    const other = await sealTicket(ticket, kmsKeyring(kms, { generatorKeyId: otherKeyArn }));
    await expect(openTicket(other, key)).rejects.toMatchObject({ name: 'TicketTampered' });
    await expect(openTicket(sealed, { kms, keyArn: otherKeyArn })).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });

  it('refuses the envelope presented under another ticket id', async () => {
    await expect(openTicket({ ...sealed, ticketId: crypto.randomUUID() }, key)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });
});
