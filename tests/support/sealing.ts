import { buildDecrypt } from '@aws-crypto/decrypt-node';
import { buildEncrypt } from '@aws-crypto/encrypt-node';
import { type AlgorithmSuiteIdentifier, CommitmentPolicy } from '@aws-crypto/material-management-node';
import type { KMSClient } from '@aws-sdk/client-kms';
import { kmsKeyring } from '../../handlers/lib/kms-keyring';
import type { SealedTicket, Ticket } from '../../handlers/tickets/schemas';

const { encrypt } = buildEncrypt(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);
const { decrypt } = buildDecrypt(CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT);

/**
 * What someone other than EncryptTicket could make with the Encryption SDK and the same KMS key:
 * a valid message with a suite, a context or a plaintext of their choosing.
 */
export async function sealAnyway(
  ticket: Ticket | string,
  kms: KMSClient,
  keyId: string,
  options: { suiteId?: AlgorithmSuiteIdentifier; encryptionContext?: Record<string, string> },
): Promise<SealedTicket> {
  const plaintext = typeof ticket === 'string' ? ticket : JSON.stringify(ticket);
  const { result } = await encrypt(kmsKeyring(kms, { generatorKeyId: keyId }), plaintext, options);
  const ticketId = typeof ticket === 'string' ? crypto.randomUUID() : ticket.ticketId;
  return { ticketId, encryptedTicket: result.toString('base64') };
}

/** The message header, read by the Encryption SDK itself (it decrypts to get there). */
export async function messageHeader(sealed: SealedTicket, kms: KMSClient, keyArn: string) {
  const out = await decrypt(kmsKeyring(kms, { keyArn }), Buffer.from(sealed.encryptedTicket, 'base64'));
  return out.messageHeader;
}
