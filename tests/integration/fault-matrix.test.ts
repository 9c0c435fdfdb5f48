import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { functionName } from '../../localstack/stack-info';
import { subscribeInbox, type TicketInbox } from '../../localstack/ticket-inbox';
import { clearFaults, injectFaults } from '../../tools/client/fault-injection';
import { givenGenerateRequest, pastStart } from '../support/tickets';
import { type Answer, type Row, SHORT_TIMEOUT_S, type Target } from './fault-classes';
import { MATRIX } from './fault-matrix';
import { shortenTimeout } from './function-timeout';
import { localStack, postTickets } from './local-stack';
import { exists, keyRecordKey, keyRecordStatus, seatClaimKey, storedTicketIds } from './ticket-ledger';

/**
 * Issue 15's fault matrix, on LocalStack's own Step Functions engine: each row injects faults
 * into the calls one Task state makes (through the extension's fault injection), sends one
 * request, and checks the contract's answer and the invariants once the execution has ended:
 *   - a seat is held if and only if a ticket for it is stored;
 *   - a stored ticket was delivered to a subscribed queue;
 *   - a key record is Completed if and only if its ticket stands, and absent if the request failed;
 *   - with the faults cleared, the same request succeeds once: nothing stays stuck.
 */
const SEAT = 'B-12';
const ENCRYPT_BUNDLE = join(
  __dirname,
  '..',
  '..',
  '.local',
  'lambda',
  '.esbuild',
  '.build',
  'handlers',
  'encrypt-ticket.js',
);
const outcomes: string[] = [];

jest.setTimeout(90_000);

describe('the fault matrix, on the real engine', () => {
  let inbox: TicketInbox;
  let bucket: string;
  let topicArn: string;
  beforeAll(async () => {
    ({ bucketName: bucket, topicArn } = await localStack());
    inbox = await subscribeInbox(topicArn);
    await clearFaults();
  });
  afterEach(() => clearFaults());
  afterAll(async () => {
    await inbox?.close();
    console.log(`fault matrix (${outcomes.length} cases)\n${outcomes.join('\n')}`);
  });

  const cases = MATRIX.flatMap((row) => {
    const keys = row.keys ?? 'both';
    const variants = keys === 'both' ? [false, true] : [keys === 'keyed'];
    return variants.map(
      (keyed) => [`${row.state}: ${row.failure}${keyed ? ', with a key' : ''}`, row, keyed] as const,
    );
  });

  it.each(cases)('%s', async (_name, row, keyed) => {
    const eventId = `fault-${crypto.randomUUID()}`;
    const key = keyed ? crypto.randomUUID() : undefined;
    const request = givenGenerateRequest({
      eventId,
      seat: SEAT,
      ...(row.pastEvent ? { startsAt: pastStart() } : {}),
    });
    const send = (body: unknown = request) =>
      postTickets(body, key ? { headers: { 'Idempotency-Key': key } } : {});
    const target: Target = {
      seatClaim: seatClaimKey(eventId, SEAT),
      keyRecord: key && keyRecordKey(key),
      generateFn: functionName('generateTicket'),
      encryptFn: functionName('encryptTicket'),
      topicArn,
    };

    const first = row.fetch || row.replay ? await send() : undefined;
    const body = row.fetch
      ? { action: 'Fetch', ticketId: SealedTicket.parse(first?.body).ticketId }
      : request;
    if (row.coldEncrypt) utimesSync(ENCRYPT_BUNDLE, new Date(), new Date()); // hot reload: a cold start
    const before = await storedTicketIds(bucket);
    const rules = row.faults(target);
    const restoreTimeout =
      row.shortTimeout && (await shortenTimeout(row.shortTimeout(target), SHORT_TIMEOUT_S));
    await injectFaults(rules);
    const answer = await send(body).finally(() => restoreTimeout?.());
    const injected = await clearFaults();

    outcomes.push(
      `| ${row.state} | ${row.failure}${keyed ? ' (key)' : ''} | ${answer.status} ${answer.body.error ?? ''} |`,
    );
    expect(injected.map((r) => r.injected > 0)).toEqual(rules.map(() => true)); // every fault reached its call
    expect(contractOf(answer)).toEqual(row.answer);
    if (row.fetch) return;
    if (first && answer.status === 201) expect(answer.body).toEqual(first.body); // a replay: the same ticket

    const issued = answer.status === 201 ? SealedTicket.parse(answer.body).ticketId : undefined;
    await thenInvariantsHold({ row, eventId, key, before, issued: first ? undefined : issued });
    if (row.residue || answer.status === 201) return;

    // With the faults cleared, the same request (the same key) succeeds once.
    const again = await send();
    if (row.pastEvent) return expect(contractOf(again)).toEqual(row.answer);
    if (row.replay) return expect(again).toEqual(first);
    expect(again.status).toBe(201);
    await thenInvariantsHold({ row, eventId, key, before, issued: SealedTicket.parse(again.body).ticketId });
  });

  async function thenInvariantsHold(c: {
    row: Row;
    eventId: string;
    key: string | undefined;
    before: Set<string>;
    issued: string | undefined;
  }) {
    const stored = [...(await storedTicketIds(bucket))].filter((id) => !c.before.has(id));
    expect(stored).toEqual(c.issued ? [c.issued] : []); // nothing half-issued, nothing issued twice
    const seatHeld = await exists(bucket, seatClaimKey(c.eventId, SEAT));
    if (c.row.residue === 'seat held') expect(seatHeld).toBe(true);
    else if (!c.row.replay) expect(seatHeld).toBe(stored.length === 1);
    for (const id of stored) {
      const delivered = await inbox.collect((m) => (m as SealedTicket).ticketId === id, 1);
      expect(delivered.length).toBeGreaterThanOrEqual(1); // at least once: a lost answer may deliver twice
    }
    if (!c.key) return;
    const status = await keyRecordStatus(bucket, c.key);
    // A compensation that keeps failing stops there: the releases after it do not run either.
    if (c.row.residue) expect(status).toBe('InFlight');
    else if (c.issued || c.row.replay) expect(status).toBe('Completed');
    else expect(status).toBeUndefined();
  }
});

function contractOf(answer: { status: number; body: Record<string, unknown> }): Answer {
  const error = answer.body.error;
  return typeof error === 'string' && answer.status >= 400
    ? { status: answer.status, error }
    : { status: answer.status };
}
