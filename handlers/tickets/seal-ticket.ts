import { createCipheriv, randomBytes } from 'node:crypto';
import { GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { ENVELOPE_ALG, type SealedTicket, type Ticket } from './schemas';

export const IV_BYTES = 12;

/**
 * KMS envelope encryption: a fresh AES-256 data key per ticket, AES-256-GCM with the
 * ticket id as AAD and as the KMS encryption context, so an envelope cannot be replayed
 * under another id. Only the wrapped data key leaves this function.
 */
export async function sealTicket(ticket: Ticket, kms: KMSClient, keyId: string): Promise<SealedTicket> {
  const dataKey = await kms.send(
    new GenerateDataKeyCommand({
      KeyId: keyId,
      KeySpec: 'AES_256',
      EncryptionContext: { ticketId: ticket.ticketId },
    }),
  );
  if (!dataKey.Plaintext || !dataKey.CiphertextBlob || !dataKey.KeyId) {
    throw new Error('KMS GenerateDataKey returned no key material');
  }
  const key = Buffer.from(dataKey.Plaintext);
  try {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(ticket.ticketId, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(ticket), 'utf8'), cipher.final()]);
    return {
      ticketId: ticket.ticketId,
      encryptedTicket: {
        alg: ENVELOPE_ALG,
        keyId: dataKey.KeyId,
        encryptedDataKey: Buffer.from(dataKey.CiphertextBlob).toString('base64'),
        iv: iv.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
        ciphertext: ciphertext.toString('base64'),
      },
    };
  } finally {
    key.fill(0);
    dataKey.Plaintext.fill(0);
  }
}
