import { createDecipheriv } from 'node:crypto';
import { DecryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { TicketTampered } from '../lib/errors';
import { ENVELOPE_ALG, type SealedTicket, Ticket } from './schemas';
import { IV_BYTES } from './seal-ticket';

const TAG_BYTES = 16;

/** KMS refuses to unwrap when the blob, the key or the encryption context was changed. */
const KMS_TAMPER_ERRORS = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

async function unwrapDataKey(sealed: SealedTicket, kms: KMSClient): Promise<Buffer> {
  try {
    const out = await kms.send(
      new DecryptCommand({
        KeyId: sealed.encryptedTicket.keyId,
        CiphertextBlob: Buffer.from(sealed.encryptedTicket.encryptedDataKey, 'base64'),
        EncryptionContext: { ticketId: sealed.ticketId },
      }),
    );
    if (!out.Plaintext) throw new TicketTampered('KMS returned no data key');
    return Buffer.from(out.Plaintext);
  } catch (err) {
    if (err instanceof Error && KMS_TAMPER_ERRORS.has(err.name)) {
      throw new TicketTampered(`The data key could not be unwrapped (${err.name})`);
    }
    throw err;
  }
}

/**
 * Decrypts an envelope made by sealTicket. For tests and operators only: it is not
 * reachable over HTTP. Any changed field makes it throw TicketTampered.
 */
export async function openTicket(sealed: SealedTicket, kms: KMSClient): Promise<Ticket> {
  const { alg, iv, tag, ciphertext } = sealed.encryptedTicket;
  if (alg !== ENVELOPE_ALG) throw new TicketTampered(`Unknown algorithm ${alg}`);
  const ivBytes = Buffer.from(iv, 'base64');
  const tagBytes = Buffer.from(tag, 'base64');
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new TicketTampered('The IV or tag has the wrong length');
  }
  const key = await unwrapDataKey(sealed, kms);
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(sealed.ticketId, 'utf8'));
    decipher.setAuthTag(tagBytes);
    plaintext = Buffer.concat([
      decipher.update(Buffer.from(ciphertext, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new TicketTampered('The ciphertext failed authentication');
  } finally {
    key.fill(0);
  }
  const ticket = Ticket.parse(JSON.parse(plaintext));
  if (ticket.ticketId !== sealed.ticketId)
    throw new TicketTampered('The ticket id does not match the envelope');
  return ticket;
}
