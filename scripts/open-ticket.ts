// Operators and tests: open a sealed ticket with the Encryption SDK and KMS. Not exposed over HTTP.
//   npx tsx scripts/open-ticket.ts --key-arn <ticket key ARN> envelope.json   (or the envelope on stdin)
// The key ARN (full ARN: strict mode) is the stack output TicketKeyArn; TICKET_KEY_ARN works too.
// Uses your AWS credentials (kms:Decrypt on the ticket key); AWS_ENDPOINT_URL for LocalStack.
// Any other Encryption SDK opens the same message: docs/ticket-format.md shows the CLI's command.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { kms } from '../handlers/lib/aws-clients';
import { openTicket } from '../handlers/tickets/open-ticket';
import { SealedTicket } from '../handlers/tickets/schemas';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'key-arn': { type: 'string' } },
  });
  const keyArn = values['key-arn'] ?? process.env.TICKET_KEY_ARN;
  if (!keyArn) throw new Error('Give the ticket key ARN: --key-arn <arn> or TICKET_KEY_ARN');
  const source = positionals[0] ?? '/dev/stdin';
  const parsed = SealedTicket.safeParse(JSON.parse(readFileSync(source, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Not a sealed ticket: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  console.log(JSON.stringify(await openTicket(parsed.data, { kms, keyArn }), null, 2));
}

main().catch((err: Error) => {
  console.error(`open-ticket: ${err.name}: ${err.message}`);
  process.exit(1);
});
