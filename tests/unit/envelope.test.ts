import { AlgorithmSuiteIdentifier } from '@aws-crypto/material-management-node';
import { DecryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { kmsKeyring } from '../../handlers/lib/kms-keyring';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket, Ticket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { TICKET_CONTEXT, TICKET_SUITE } from '../../handlers/tickets/ticket-format';
import { fakeKms } from '../support/fake-kms';
import { messageHeader, sealAnyway } from '../support/sealing';
import { flipBitAt, messageBytes, resized } from '../support/tamper';
import { givenDetails } from '../support/tickets';

const kms = fakeKms();
const client = new KMSClient({});
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-4333-8444-555555555555';
const OTHER_KEY = 'arn:aws:kms:us-east-1:111122223333:key/99999999-8888-4777-8666-555555555555';
const key = { kms: client, keyArn: KEY };

async function givenSealed(keyId = KEY): Promise<{ sealed: SealedTicket; ticket: Ticket }> {
  const ticket = issueTicket(givenDetails());
  return { ticket, sealed: await sealTicket(ticket, kmsKeyring(client, { generatorKeyId: keyId })) };
}

const refused = async (sealed: SealedTicket, opener = key) =>
  expect(openTicket(sealed, opener)).rejects.toMatchObject({ name: 'TicketTampered' });

describe('sealed ticket (AWS Encryption SDK message)', () => {
  beforeEach(() => kms.reset());

  it('round-trips a ticket', async () => {
    const { ticket, sealed } = await givenSealed();
    await expect(openTicket(sealed, key)).resolves.toEqual(ticket);
  });

  it('is a version 2 message: the signed committing suite, the ticket context, one KMS data key', async () => {
    const { sealed } = await givenSealed();
    const header = await messageHeader(sealed, client, KEY);
    expect(header).toMatchObject({ version: 2, suiteId: TICKET_SUITE, frameLength: 4096 });
    expect(TICKET_SUITE).toBe(
      AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384,
    );
    expect(header.encryptionContext).toEqual({
      ...TICKET_CONTEXT,
      'aws-crypto-public-key': expect.any(String),
    });
    expect(header.encryptedDataKeys.map((k) => [k.providerId, k.providerInfo])).toEqual([['aws-kms', KEY]]);
  });

  it('keeps the ticket id out of the encryption context (a per-ticket context would defeat the cache)', async () => {
    const { sealed } = await givenSealed();
    const header = await messageHeader(sealed, client, KEY);
    expect(JSON.stringify(header.encryptionContext)).not.toContain(sealed.ticketId);
  });

  it('shows no plaintext: the message bytes hold no ticket field', async () => {
    const { ticket, sealed } = await givenSealed();
    const bytes = Buffer.from(sealed.encryptedTicket, 'base64').toString('latin1');
    for (const secret of [ticket.ticketId, ticket.customer.email, ticket.verificationCode, ticket.seat]) {
      expect(bytes).not.toContain(secret);
    }
  });

  it('refuses a changed byte anywhere in the message: header, data key, body, signature', async () => {
    const { sealed } = await givenSealed();
    // Every 16th byte and the last (each open verifies a P-384 signature, ~30 ms under jest).
    const last = messageBytes(sealed) - 1;
    const positions = [...Array.from({ length: Math.ceil(last / 16) }, (_, i) => i * 16), last];
    const outcomes = await Promise.all(
      positions.map((i) =>
        openTicket(flipBitAt(sealed, i), key).then(
          () => `byte ${i} opened`,
          (error: Error) => error.name,
        ),
      ),
    );
    expect(new Set(outcomes)).toEqual(new Set(['TicketTampered']));
  });

  it.each([
    ['cut short', -1],
    ['with a byte appended', 1],
  ] as const)('refuses a message %s', async (_case, delta) => {
    const { sealed } = await givenSealed();
    await refused(resized(sealed, delta));
  });

  it('refuses the envelope presented under another ticket id', async () => {
    const { sealed } = await givenSealed();
    await refused({ ...sealed, ticketId: crypto.randomUUID() });
  });

  it("refuses a ticket's message swapped into another envelope", async () => {
    const a = await givenSealed();
    const b = await givenSealed();
    await refused({ ticketId: b.sealed.ticketId, encryptedTicket: a.sealed.encryptedTicket });
  });

  it('refuses a ticket sealed under another KMS key, and opening with another key', async () => {
    const { sealed } = await givenSealed(OTHER_KEY);
    await refused(sealed);
    await refused((await givenSealed()).sealed, { kms: client, keyArn: OTHER_KEY });
  });

  it('refuses a message of the same key made for another purpose (another context)', async () => {
    const ticket = issueTicket(givenDetails());
    await refused(await sealAnyway(ticket, client, KEY, { encryptionContext: { purpose: 'invoice' } }));
  });

  it('refuses an unsigned message: what a holder of kms:Decrypt alone could forge', async () => {
    const ticket = issueTicket(givenDetails());
    const suiteId = AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY;
    await refused(
      await sealAnyway(ticket, client, KEY, { suiteId, encryptionContext: { ...TICKET_CONTEXT } }),
    );
  });

  it('refuses a plaintext that is not a ticket', async () => {
    await refused(
      await sealAnyway('{"ticketId":"x"}', client, KEY, { encryptionContext: { ...TICKET_CONTEXT } }),
    );
  });

  it('lets a KMS outage surface as itself, not as tampering', async () => {
    const { sealed } = await givenSealed();
    kms.kmsMock
      .on(DecryptCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(openTicket(sealed, key)).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
