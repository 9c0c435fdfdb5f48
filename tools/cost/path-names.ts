import type { Decision, Outcome, Path } from './paths';

/**
 * Short names for the ticket machine's paths, keyed by their generic description.
 * A path missing here keeps its description, so a changed machine still reads sensibly.
 */
export const TICKET_PATH_NAMES: Record<string, string> = {
  'Generate >  > ticket.plaintext.ticketId present > KeyToComplete? default > success': 'Generate success',
  'Generate > IdempotencyKeySent? default > ticket.plaintext.ticketId present > key present > success':
    'Generate success, with an Idempotency-Key',
  'Generate > IdempotencyKeySent? default > ClaimIdempotencyKey caught S3.S3Exception > failure.Cause ~ *Status Code: 412* and attempts.key == 0 > earlier.record.fingerprint == key.fingerprint and earlier.record.status == Completed > success':
    'Generate retried (same key: the same ticket)',
  'Generate > IdempotencyKeySent? default > ClaimIdempotencyKey caught S3.S3Exception > failure.Cause ~ *Status Code: 412* and attempts.key == 0 > SameRequest? default > fail IdempotencyKeyReused':
    'Key reused with another request',
  'Generate > IdempotencyKeySent? default > ClaimIdempotencyKey caught S3.S3Exception > failure.Cause ~ *Status Code: 412* and attempts.key == 0 > earlier.record.fingerprint == key.fingerprint > fail RequestInProgress':
    'Key still in progress',
  'Generate >  > ClaimSeat caught S3.S3Exception > failure.Cause ~ *Status Code: 412* and attempts.seat == 0 > ReleaseIdempotencyKey? default > SeatTaken > fail SeatTaken':
    'Seat taken',
  'Generate >  > GenerateTicket caught EventAlreadyStarted > ReleaseIdempotencyKey? default > EventAlreadyStarted > fail EventAlreadyStarted':
    'Event already started (claim released)',
  'Generate >  > TicketGenerated? default > ReleaseIdempotencyKey? default > TicketGenerationFailed > fail TicketGenerationFailed':
    'Generate failed (no ticketId)',
  'Generate >  > GenerateTicket caught States.ALL > ReleaseIdempotencyKey? default > TicketGenerationFailed > fail TicketGenerationFailed':
    'Generate failed (caught)',
  'Generate >  > ticket.plaintext.ticketId present > Distribute caught States.ALL > ticket present > ReleaseIdempotencyKey? default > FailWithOutcome default > fail TicketNotIssued':
    'Store or publish failed (withdrawn, claim released)',
  'Generate > IdempotencyKeySent? default > ticket.plaintext.ticketId present > key present > CompleteIdempotencyKey caught States.ALL > ticket present > key present > FailWithOutcome default > fail TicketNotIssued':
    'Completing the key failed (withdrawn, claims released)',
  'Fetch > success': 'Fetch found',
  'Fetch > FetchTicket caught S3.NoSuchKeyException > fail TicketNotFound': 'Fetch not found',
  'Fetch > FetchTicket caught States.ALL > fail TicketStoreUnavailable': 'Fetch failed (store unavailable)',
  'SelectAction default > fail InvalidAction': 'Invalid action',
  'idempotencyKeyTooLong present > fail InvalidIdempotencyKey': 'Idempotency-Key too long',
};

function decisionLabel(d: Decision): string {
  if (d.kind === 'catch') return `${d.state} caught ${d.errors.join('|')}`;
  if (d.rule === 'default') return `${d.state} default`;
  return d.value ?? d.condition;
}

function outcomeLabel(o: Outcome): string {
  if (o.kind === 'success') return 'success';
  if (o.kind === 'fail') return `fail ${o.error}`;
  return `loop to ${o.to}`;
}

/** `Generate > ticket.ticketId present > success`: the choices taken, the Catches hit, the end. */
export function describePath(path: Path): string {
  return [...path.decisions.map(decisionLabel), outcomeLabel(path.outcome)].join(' > ');
}

/** One unique name per path: the short name if the table has one, else the description. */
export function namePaths(paths: Path[], table: Record<string, string> = TICKET_PATH_NAMES): string[] {
  const counts = new Map<string, number>();
  return paths.map((path) => {
    const description = describePath(path);
    const name = table[description] ?? description;
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    return n === 1 ? name : `${name} #${n}`;
  });
}
