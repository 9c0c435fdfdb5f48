// Operators and tests: decrypt a ticket envelope with KMS. Not exposed over HTTP.
//   npx tsx scripts/open-ticket.ts envelope.json     (or the envelope on stdin)
// Uses your AWS credentials (kms:Decrypt on the ticket key); AWS_ENDPOINT_URL for LocalStack.
import { readFileSync } from 'node:fs';
import { kms } from '../handlers/lib/aws-clients';
import { openTicket } from '../handlers/tickets/open-ticket';
import { SealedTicket } from '../handlers/tickets/schemas';

async function main(): Promise<void> {
  const source = process.argv[2] ?? '/dev/stdin';
  const parsed = SealedTicket.safeParse(JSON.parse(readFileSync(source, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Not a ticket envelope: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  console.log(JSON.stringify(await openTicket(parsed.data, kms), null, 2));
}

main().catch((err: Error) => {
  console.error(`open-ticket: ${err.name}: ${err.message}`);
  process.exit(1);
});
