import { randomBytes } from 'node:crypto';
import {
  DecryptCommand,
  GenerateDataKeyCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  KMSClient,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';

type Wrapped = { keyId: string; context: string; key: Buffer };

/**
 * A KMS double that keeps KMS's promises: GenerateDataKey hands out a fresh key and an
 * opaque blob, and Decrypt gives the key back only for the same blob, key and encryption
 * context. Enough to prove the envelope logic without AWS.
 */
export function fakeKms() {
  const kmsMock = mockClient(KMSClient);
  const wrapped = new Map<string, Wrapped>();
  const install = () => {
    kmsMock.on(GenerateDataKeyCommand).callsFake((input) => {
      const key = randomBytes(32);
      const blob = randomBytes(48);
      wrapped.set(blob.toString('base64'), {
        keyId: input.KeyId,
        context: JSON.stringify(input.EncryptionContext ?? {}),
        key,
      });
      return { KeyId: input.KeyId, Plaintext: Uint8Array.from(key), CiphertextBlob: Uint8Array.from(blob) };
    });
    kmsMock.on(DecryptCommand).callsFake((input) => {
      const entry = wrapped.get(Buffer.from(input.CiphertextBlob).toString('base64'));
      if (!entry || entry.context !== JSON.stringify(input.EncryptionContext ?? {})) {
        throw new InvalidCiphertextException({ message: 'invalid ciphertext', $metadata: {} });
      }
      if (input.KeyId && input.KeyId !== entry.keyId) {
        throw new IncorrectKeyException({ message: 'incorrect key', $metadata: {} });
      }
      return { KeyId: entry.keyId, Plaintext: Uint8Array.from(entry.key) };
    });
  };
  return {
    kmsMock,
    /** Call in beforeEach: clears recorded calls and keys, and re-installs the behaviour. */
    reset() {
      kmsMock.reset();
      wrapped.clear();
      install();
    },
  };
}
