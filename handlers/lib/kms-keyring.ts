import { type AwsEsdkKMSInterface, KmsKeyringClass } from '@aws-crypto/kms-keyring';
import { immutableClass, KeyringNode, type NodeAlgorithmSuite } from '@aws-crypto/material-management-node';
import { DecryptCommand, EncryptCommand, GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';

/**
 * The Encryption SDK's KMS keyring (`@aws-crypto/kms-keyring`) on the Node keyring base, the
 * same class `@aws-crypto/kms-keyring-node` declares. That package is left out on purpose: its
 * index also loads the hierarchical keyring, and with it `@aws-sdk/client-dynamodb`, and it makes
 * its own aggregated `KMS` client with every KMS command. Here the keyring calls the one
 * KMSClient of aws-clients.ts, with the three commands it can send (docs/ticket-format.md,
 * "Bundle size and cold start").
 */
const KmsKeyringBase = KmsKeyringClass<NodeAlgorithmSuite, AwsEsdkKMSInterface>(
  // Abstract, so not "newable" to the type checker; KmsKeyringClass only extends it.
  KeyringNode as unknown as new () => KeyringNode,
);
class TicketKmsKeyring extends KmsKeyringBase {}
immutableClass(TicketKmsKeyring);

/**
 * What the keyring needs from KMS, answered by `send()`, so aws-sdk-client-mock sees every call.
 * The keyring folds a failed call into one message string; `onError` sees the error itself.
 */
function keyringClient(kms: KMSClient, onError: (error: unknown) => void): AwsEsdkKMSInterface {
  const observed = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      onError(error);
      throw error;
    }
  };
  return {
    generateDataKey: (input) => observed(() => kms.send(new GenerateDataKeyCommand(input))),
    encrypt: (input) => observed(() => kms.send(new EncryptCommand(input))),
    decrypt: (input) => observed(() => kms.send(new DecryptCommand(input))),
  };
}

/**
 * `generatorKeyId` to encrypt (GenerateDataKey); `keyArn` to decrypt in strict mode, where only
 * a data key wrapped by that exact key ARN is ever sent to KMS.
 */
export type KeyringKey = { generatorKeyId: string } | { keyArn: string };

export function kmsKeyring(
  kms: KMSClient,
  key: KeyringKey,
  onError: (error: unknown) => void = () => undefined,
): KeyringNode {
  const client = keyringClient(kms, onError);
  const clientProvider = () => client;
  return 'generatorKeyId' in key
    ? new TicketKmsKeyring({ clientProvider, generatorKeyId: key.generatorKeyId })
    : new TicketKmsKeyring({ clientProvider, keyIds: [key.keyArn] });
}
