import type { TicketInbox } from '../../localstack/ticket-inbox';
import type { QueueLedger } from './deliveries';

/** One long poll per round; a receive takes at most 10 messages, so this bounds a drain too. */
const POLL_S = 1;
const MAX_POLLS = 2000;

/**
 * Reads the subscriber queue into the ledger until `done()` holds and `quietPolls` polls in a
 * row brought nothing (so a duplicate just behind the last expected message is still counted),
 * or until the deadline. Returns whether `done()` held.
 */
export async function drainInbox(
  inbox: TicketInbox,
  ledger: QueueLedger,
  opts: { done: () => boolean; deadline: number; quietPolls: number },
): Promise<boolean> {
  let quiet = 0;
  for (let poll = 0; poll < MAX_POLLS && performance.now() < opts.deadline; poll += 1) {
    const bodies = await inbox.receiveAll(POLL_S);
    for (const body of bodies) ledger.record(body);
    quiet = bodies.length === 0 ? quiet + 1 : 0;
    if (quiet >= opts.quietPolls && opts.done()) return true;
  }
  return opts.done();
}
