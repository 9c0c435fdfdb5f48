import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SealedTicket } from '../../handlers/tickets/schemas';

const CLI =
  process.env.ESDK_CLI ?? join(__dirname, '..', '..', '.local', 'venv-esdk-cli', 'bin', 'aws-encryption-cli');

export type CliResult = { code: number; stdout: string; stderr: string };

/**
 * Decrypts a sealed ticket with the AWS Encryption SDK CLI (Python, pinned in
 * scripts/esdk-cli.requirements.txt), against the same KMS: strict mode on the key ARN, the
 * message read as base64 from stdin, only the given encryption context accepted. The CLI exits
 * 0 even when that context does not match (it logs a warning and writes nothing), so callers
 * judge it by its output.
 */
export function cliDecrypt(
  sealed: SealedTicket,
  keyArn: string,
  context: Record<string, string>,
): Promise<CliResult> {
  if (!existsSync(CLI)) {
    throw new Error(`No Encryption SDK CLI at ${CLI}: run \`make esdk-cli\` (make test-integration does).`);
  }
  const args = [
    '--decrypt',
    ...['--input', '-', '--output', '-', '--decode'],
    ...['--wrapping-keys', `key=${keyArn}`],
    ...['--max-encrypted-data-keys', '1'],
    // Release no plaintext before the signature is verified.
    '--buffer',
    '--suppress-metadata',
    ...Object.entries(context).flatMap(([k, v]) => ['--encryption-context', `${k}=${v}`]),
  ];
  // AWS_ENDPOINT_URL (set for the suite) points its boto3 KMS client at LocalStack.
  const env = { ...process.env, AWS_DEFAULT_REGION: process.env.AWS_REGION ?? 'us-east-1' };
  return new Promise((resolve) => {
    const child = execFile(CLI, args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(sealed.encryptedTicket);
  });
}
