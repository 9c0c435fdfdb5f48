import { buildEncrypt } from '@aws-crypto/encrypt-node';
import type { KeyringNode, NodeMaterialsManager } from '@aws-crypto/material-management-node';
import type { SealedTicket, Ticket } from './schemas';
import { COMMITMENT_POLICY, MAX_ENCRYPTED_DATA_KEYS, TICKET_CONTEXT, TICKET_SUITE } from './ticket-format';

const { encrypt } = buildEncrypt({
  commitmentPolicy: COMMITMENT_POLICY,
  maxEncryptedDataKeys: MAX_ENCRYPTED_DATA_KEYS,
});

/** A KMS keyring (a data key per ticket) or a caching materials manager over it (data-key-cache.ts). */
export type SealingMaterials = KeyringNode | NodeMaterialsManager;

/**
 * Seals a ticket with the AWS Encryption SDK: the whole ticket, its id included, is the
 * authenticated plaintext; the message is base64. Only the envelope leaves this function.
 */
export async function sealTicket(ticket: Ticket, materials: SealingMaterials): Promise<SealedTicket> {
  const { result } = await encrypt(materials, JSON.stringify(ticket), {
    suiteId: TICKET_SUITE,
    encryptionContext: { ...TICKET_CONTEXT },
  });
  return { ticketId: ticket.ticketId, encryptedTicket: result.toString('base64') };
}
