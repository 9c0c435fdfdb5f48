import { subscribeInbox, type TicketInbox } from '../../localstack/ticket-inbox';
import { audit } from '../../tools/load/audit';
import { distinctSeats } from '../../tools/load/checks/distinct-seats';
import { loadContext } from '../../tools/load/context';
import { QueueLedger } from '../../tools/load/deliveries';
import { checkViolations } from '../../tools/load/figures';
import { drainInbox } from '../../tools/load/inbox-drain';
import { localStack } from './local-stack';

/**
 * `make load`'s distinct-seats check under background faults, small: the same code with 60
 * requests instead of 1,000, then the same audit of the queue and the bucket. Every answer is 201
 * or a fault's 502, a seat is held if and only if its request got a ticket, each failed request
 * succeeds when sent again, and every ticket is stored and delivered.
 */
jest.setTimeout(240_000);

describe('load under background faults (small)', () => {
  let inbox: TicketInbox | undefined;
  afterAll(() => inbox?.close());

  it('holds every invariant while faults are injected on every service', async () => {
    const stack = await localStack();
    inbox = await subscribeInbox(stack.topicArn);
    const now = new Date();
    const ctx = loadContext(stack, now, 60_000);
    const run = await distinctSeats(ctx, { requests: 60, concurrency: 6, events: 3, deadlineS: 180 });
    const ledger = new QueueLedger();
    const deadline = performance.now() + 60_000;
    await drainInbox(inbox, ledger, { done: () => ledger.hasAll(run.tickets), deadline, quietPolls: 2 });
    const { checks, runViolations } = await audit([run], ledger, {
      bucket: stack.bucketName,
      keyArn: stack.keyArn,
      since: new Date(now.getTime() - 5000),
      deadline: performance.now() + 60_000,
    });
    console.log(`faults injected: ${JSON.stringify(run.faultsInjected)}; ${run.notes.join(' ')}`);
    expect(run.faultsInjected?.total).toBeGreaterThan(0);
    expect([...runViolations, ...checks.flatMap(checkViolations)]).toEqual([]);
    expect(checks[0]?.queue.misses).toBe(0);
    expect(checks[0]?.store.misses).toBe(0);
  });
});
