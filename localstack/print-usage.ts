// Last step of `make local-up`: one smoke Generate through the deployed API, then the
// copy-paste commands a user needs (the Fetch one names the ticket just generated). Both sign
// with SigV4, as POST /tickets (AWS_IAM) wants them.
import { SIGNING_SERVICE, signedPost, signingRegion } from '../tools/client/signed-fetch';
import { readStackInfo, STACK_NAME } from './stack-info';

const mode =
  process.argv[2] === 'docker'
    ? 'D (Docker: Lambdas in LocalStack containers)'
    : 'H (host: Lambdas as local node processes)';

/** A Generate for seat B-12 of an event of its own: each seat is sold once. */
function generateBody(eventId: string): string {
  const startsAt = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
  return JSON.stringify({
    action: 'Generate',
    customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
    event: { id: eventId, name: 'Analytical Engines Live', startsAt, seat: 'B-12' },
  });
}

// curl signs by itself (7.75+), with the credentials from the environment.
const curl = (url: string, body: string) =>
  `curl -s -X POST '${url}' -H 'Content-Type: application/json' -d '${body}' ` +
  `--aws-sigv4 'aws:amz:${signingRegion()}:${SIGNING_SERVICE}' --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"`;

/** The first call may wait for the Lambda runtimes to start (in mode D, to be pulled). */
async function smokeGenerate(apiUrl: string, body: string): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const res = await signedPost(apiUrl, body, { headers: { 'Content-Type': 'application/json' } });
    const answer = (await res.json()) as { ticketId?: string };
    if (res.status === 201 && answer.ticketId) return answer.ticketId;
    if (res.status < 500 || attempt === 3) {
      throw new Error(
        `smoke Generate answered ${res.status}: ${JSON.stringify(answer)}. See \`make local-logs\`.`,
      );
    }
    console.log(`==> smoke Generate answered ${res.status}; retrying in 5 s (attempt ${attempt} of 3)`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}

async function main(): Promise<void> {
  const info = await readStackInfo();
  const body = generateBody(`concert-${Date.now().toString(36)}`);
  const ticketId = await smokeGenerate(info.apiUrl, generateBody(`smoke-${Date.now()}`));
  console.log(`
LocalStack is up in mode ${mode}.
  POST /tickets: ${info.apiUrl}
  state machine: ${info.stateMachineArn}
  bucket:        ${info.bucketName}
  topic:         ${info.topicArn}

The curls sign with SigV4 from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (LocalStack takes
any, e.g. \`export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test\`).

Generate a ticket (201, an encrypted envelope; the same again answers 409 SeatTaken):
  ${curl(info.apiUrl, body)}

Fetch it back (200; a smoke Generate just stored ${ticketId}):
  ${curl(info.apiUrl, JSON.stringify({ action: 'Fetch', ticketId }))}

Hot reload: run \`make watch\` in another terminal and save a file under handlers/; the next
request runs the edit (no redeploy). Handler logs: make local-logs, or CloudWatch Logs
/aws/lambda/${STACK_NAME}-generateTicket.

Then: make test-integration, make local-logs, make local-down.`);
}

main().catch((err: Error) => {
  console.error(`ERROR: ${err.message}`);
  process.exit(1);
});
