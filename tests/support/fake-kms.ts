import { randomBytes } from 'node:crypto';
import * as clientKms from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';

type Wrapped = { keyId: string; context: string; key: Buffer };

/** The context as KMS compares it: the same pairs, in any order. */
const canonical = (context: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(context ?? {}).sort(([a], [b]) => a.localeCompare(b)));

/**
 * A KMS double that keeps KMS's promises: GenerateDataKey hands out a fresh key and an
 * opaque blob, and Decrypt gives the key back only for the same blob, key and encryption
 * context. Enough to prove the envelope logic without AWS. Pass `@aws-sdk/client-kms` as an
 * isolated module registry loaded it (jest.isolateModules) to mock that copy instead.
 */
export function fakeKms(sdk: typeof clientKms = clientKms) {
  const { DecryptCommand, GenerateDataKeyCommand, IncorrectKeyException, InvalidCiphertextException } = sdk;
  const kmsMock = mockClient(sdk.KMSClient);
  const wrapped = new Map<string, Wrapped>();
  const install = () => {
    kmsMock.on(GenerateDataKeyCommand).callsFake((input) => {
      const key = randomBytes(input.NumberOfBytes ?? 32);
      const blob = randomBytes(48);
      wrapped.set(blob.toString('base64'), {
        keyId: input.KeyId,
        context: canonical(input.EncryptionContext),
        key,
      });
      return { KeyId: input.KeyId, Plaintext: Uint8Array.from(key), CiphertextBlob: Uint8Array.from(blob) };
    });
    kmsMock.on(DecryptCommand).callsFake((input) => {
      const entry = wrapped.get(Buffer.from(input.CiphertextBlob).toString('base64'));
      if (!entry || entry.context !== canonical(input.EncryptionContext)) {
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
