import {
  AlgorithmSuiteIdentifier,
  CommitmentPolicy,
  type EncryptionContext,
} from '@aws-crypto/material-management-node';

/**
 * The sealed ticket's format, fixed here for sealTicket and openTicket alike and described for
 * readers in docs/ticket-format.md: an AWS Encryption SDK message (format version 2), base64.
 */

/**
 * Committing (the key commitment is in the header) and signed with ECDSA P-384, the Encryption
 * SDK's default. The signature is why a principal that may only kms:Decrypt the ticket key (an
 * operator, a door scanner) cannot forge a ticket: see docs/ticket-format.md, "Suite".
 */
export const TICKET_SUITE =
  AlgorithmSuiteIdentifier.ALG_AES256_GCM_IV12_TAG16_HKDF_SHA512_COMMIT_KEY_ECDSA_P384;

/** Only committing suites are written or read. */
export const COMMITMENT_POLICY = CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT;

/** One wrapped data key per message (the stack key's), and a reader refuses messages with more. */
export const MAX_ENCRYPTED_DATA_KEYS = 1;

/**
 * The same for every ticket, so the data-key cache (keyed by suite and context) can serve many
 * tickets. The ticket id is inside the authenticated plaintext instead, and openTicket checks it.
 */
export const TICKET_CONTEXT: Readonly<EncryptionContext> = Object.freeze({
  purpose: 'ticket-orchestrator/ticket',
});

/** The key a signed suite adds to the context for the verification key. */
const PUBLIC_KEY_ENTRY = 'aws-crypto-public-key';

/** True when a message's context is ours: TICKET_CONTEXT and, for the signed suite, the public key. */
export function isTicketContext(context: Readonly<EncryptionContext>): boolean {
  const { [PUBLIC_KEY_ENTRY]: publicKey, ...rest } = context;
  const expected = Object.entries(TICKET_CONTEXT);
  return (
    typeof publicKey === 'string' &&
    Object.keys(rest).length === expected.length &&
    expected.every(([key, value]) => rest[key] === value)
  );
}
