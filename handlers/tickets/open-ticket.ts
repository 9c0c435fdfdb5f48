import { buildDecrypt } from '@aws-crypto/decrypt-node';
import type { KMSClient } from '@aws-sdk/client-kms';
import { TicketTampered } from '../lib/errors';
import { kmsKeyring } from '../lib/kms-keyring';
import { type SealedTicket, Ticket } from './schemas';
import { COMMITMENT_POLICY, isTicketContext, MAX_ENCRYPTED_DATA_KEYS, TICKET_SUITE } from './ticket-format';

const { decrypt } = buildDecrypt({
  commitmentPolicy: COMMITMENT_POLICY,
  maxEncryptedDataKeys: MAX_ENCRYPTED_DATA_KEYS,
});

/** KMS refuses to unwrap when the wrapped key, the key or the encryption context was changed. */
const KMS_REFUSALS = new Set(['InvalidCiphertextException', 'IncorrectKeyException']);

/** The ticket key (its full ARN: strict mode) and a client allowed to kms:Decrypt with it. */
export type TicketKey = { kms: KMSClient; keyArn: string };

const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0];

async function decryptMessage(sealed: SealedTicket, key: TicketKey) {
  const kmsErrors: unknown[] = [];
  const keyring = kmsKeyring(key.kms, { keyArn: key.keyArn }, (error) => kmsErrors.push(error));
  try {
    return await decrypt(keyring, Buffer.from(sealed.encryptedTicket, 'base64'));
  } catch (error) {
    // KMS being unreachable, throttled or denied says nothing about the ticket: let it surface.
    const outage = kmsErrors.find((e) => !(e instanceof Error && KMS_REFUSALS.has(e.name)));
    if (outage) throw outage;
    throw new TicketTampered(`The ticket failed authentication (${firstLine(error)})`);
  }
}

/**
 * Opens a ticket sealed by sealTicket. For operators and tests only: it is not reachable over
 * HTTP. A changed byte, another key, another suite or context, or an envelope presented under
 * another ticket id makes it throw TicketTampered.
 */
export async function openTicket(sealed: SealedTicket, key: TicketKey): Promise<Ticket> {
  const { plaintext, messageHeader } = await decryptMessage(sealed, key);
  // An unsigned message could be made by anyone who can decrypt a data key: refuse it.
  if (messageHeader.suiteId !== TICKET_SUITE) {
    throw new TicketTampered(`The ticket was sealed with algorithm suite ${messageHeader.suiteId}`);
  }
  if (!isTicketContext(messageHeader.encryptionContext)) {
    throw new TicketTampered('The encryption context is not a ticket context');
  }
  const parsed = Ticket.safeParse(safeJson(plaintext.toString('utf8')));
  if (!parsed.success) throw new TicketTampered('The plaintext is not a ticket');
  if (parsed.data.ticketId !== sealed.ticketId) {
    throw new TicketTampered('The ticket id does not match the envelope');
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
