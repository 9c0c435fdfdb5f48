import { kms } from '../../handlers/lib/aws-clients';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket } from '../../handlers/tickets/schemas';
import type { CheckReport, CheckRun } from './check-types';
import { ownerOf, type QueueLedger, queueDelivery, storeDelivery, strayTicketIds } from './deliveries';
import { storedEnvelope, storedTickets } from './ticket-bucket';

// Opening a ticket is one KMS Decrypt; more strays than this means something is badly wrong anyway.
const MAX_STRAYS = 200;

export type Audit = { checks: CheckReport[]; runViolations: string[]; notes: string[] };

/**
 * After the checks: the queue and the bucket against the answers. Each ticket answered with
 * 201 must be on the queue once and stored once. Every other ticket published or stored since
 * the run began is opened (KMS Decrypt) to read its event: one of this run's events makes it a
 * violation of the check that owns the event (something was kept for a request that failed);
 * another client's is only noted. In a check under faults (at least once), a ticket delivered for a
 * request that failed, and not stored, is noted: store and publish run in parallel (README).
 */
export async function audit(
  runs: readonly CheckRun[],
  ledger: QueueLedger,
  opts: { bucket: string; keyArn: string; since: Date; deadline: number },
): Promise<Audit> {
  const runViolations = ledger.malformed.map((m) => `a message on the queue is not a sealed ticket: ${m}`);
  const notes: string[] = [];
  const { tickets: stored, complete } = await storedTickets(opts.bucket, opts.deadline);
  if (!complete) runViolations.push('listing the bucket hit its bounds: the stored counts are incomplete');

  const answered = new Set(runs.flatMap((r) => r.tickets));
  const strays = strayTicketIds(answered, ledger.counts, stored, opts.since);
  const candidates = [...new Set([...strays.published, ...strays.stored])];
  const prefixes = new Map(runs.map((r) => [r.eventPrefix, r.name]));
  const atLeastOnce = new Set(runs.filter((r) => r.atLeastOnce).map((r) => r.name));
  const withdrawn = new Map<string, string[]>();
  const byCheck = new Map<string, string[]>();
  const foreign: string[] = [];
  for (const [n, id] of candidates.entries()) {
    if (n >= MAX_STRAYS || performance.now() >= opts.deadline) {
      runViolations.push(`${candidates.length - n} stray tickets were not opened: the audit hit its bounds`);
      break;
    }
    const where = [strays.published.includes(id) && 'published', strays.stored.includes(id) && 'stored'];
    try {
      const envelope: SealedTicket = ledger.envelopes.get(id) ?? (await storedEnvelope(opts.bucket, id));
      const ticket = await openTicket(envelope, { kms, keyArn: opts.keyArn });
      const owner = ownerOf(ticket.event.id, prefixes);
      if (owner === null) foreign.push(ticket.event.id);
      else if (atLeastOnce.has(owner) && !strays.stored.includes(id)) {
        // Delivered, then the request failed and the stored copy was withdrawn: the caveat of a
        // parallel store and publish under faults (README, "Faults and what the workflow does").
        withdrawn.set(owner, [...(withdrawn.get(owner) ?? []), id]);
      } else {
        const line = `ticket ${id} for ${ticket.event.id} seat ${ticket.seat} was ${where.filter(Boolean).join(' and ')}, but no request got it in a 201`;
        byCheck.set(owner, [...(byCheck.get(owner) ?? []), line]);
      }
    } catch (err) {
      runViolations.push(`stray ticket ${id} could not be opened: ${(err as Error).message}`);
    }
  }
  if (foreign.length > 0) {
    const sample = [...new Set(foreign)].slice(0, 3).join(', ');
    notes.push(
      `${foreign.length} tickets of other clients' events (such as ${sample}) were stored or published during the run; not counted.`,
    );
  }

  const checks = runs.map((r) => ({
    ...r,
    queue: queueDelivery(r.tickets, ledger.counts, r.atLeastOnce),
    store: storeDelivery(r.tickets, stored, r.atLeastOnce),
    strays: byCheck.get(r.name) ?? [],
    notes: [...r.notes, ...withdrawnNote(withdrawn.get(r.name) ?? [])],
  }));
  return { checks, runViolations, notes };
}

function withdrawnNote(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  return [
    `${ids.length} ticket(s) reached the queue for a request that then failed, their stored copy withdrawn (${ids.join(', ')}): a subscriber's Fetch of them answers 404, as the README says it must check.`,
  ];
}
