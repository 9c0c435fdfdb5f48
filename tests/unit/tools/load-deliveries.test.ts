import {
  ownerOf,
  QueueLedger,
  queueDelivery,
  type StoredTicket,
  storeDelivery,
  strayTicketIds,
} from '../../../tools/load/deliveries';

const A = '0b5f3c1e-8a57-4b8e-9f6a-7d0c2a1b3c4d';
const B = '1c6a4d2f-9b68-4c9f-8a7b-8e1d3b2c4d5e';
const C = '2d7b5e3a-ac79-4da0-9b8c-9f2e4c3d5e6f';
const sealed = (ticketId: string) => ({ ticketId, encryptedTicket: 'QUJD' });

describe('QueueLedger', () => {
  it('counts each ticket id, keeps its first envelope and sets aside what is not a ticket', () => {
    const ledger = new QueueLedger();
    for (const body of [sealed(A), sealed(B), sealed(A), 'hello', { ticketId: 'x' }]) ledger.record(body);
    expect([...ledger.counts]).toEqual([
      [A, 2],
      [B, 1],
    ]);
    expect(ledger.envelopes.get(A)).toEqual(sealed(A));
    expect(ledger.malformed).toEqual(['"hello"', '{"ticketId":"x"}']);
    expect(ledger.hasAll([A, B])).toBe(true);
    expect(ledger.hasAll([A, C])).toBe(false);
  });
});

describe('queueDelivery', () => {
  it('counts once, duplicate deliveries and misses, with a line for each bad one', () => {
    const counts = new Map([
      [A, 1],
      [B, 3],
    ]);
    expect(queueDelivery([A, B, C], counts)).toEqual({
      once: 1,
      duplicates: 2,
      misses: 1,
      violations: [
        `ticket ${B} reached the subscriber queue 3 times`,
        `ticket ${C} never reached the subscriber queue`,
      ],
    });
  });

  it('at least once (a check under faults): counts duplicates, and only misses are violations', () => {
    const counts = new Map([
      [A, 1],
      [B, 3],
    ]);
    expect(queueDelivery([A, B, C], counts, true)).toEqual({
      once: 1,
      duplicates: 2,
      misses: 1,
      violations: [`ticket ${C} never reached the subscriber queue`],
    });
  });
});

describe('storeDelivery', () => {
  const stored = (versions: number, live = true): StoredTicket => ({
    versions,
    live,
    lastModified: new Date(),
  });

  it('wants one live version of each ticket', () => {
    const bucket = new Map([
      [A, stored(1)],
      [B, stored(2)],
      [C, stored(1, false)],
    ]);
    expect(storeDelivery([A, B, C, 'd'], bucket)).toEqual({
      once: 1,
      duplicates: 1,
      misses: 2,
      violations: [
        `ticket ${B} was stored 2 times`,
        `ticket ${C} was stored and then withdrawn (a delete marker)`,
        'ticket d is not stored (no tickets/d.json)',
      ],
    });
  });

  it('at least once: a ticket stored twice is counted, a withdrawn one is still a miss', () => {
    const bucket = new Map([
      [B, stored(2)],
      [C, stored(1, false)],
    ]);
    expect(storeDelivery([B, C], bucket, true)).toEqual({
      once: 0,
      duplicates: 1,
      misses: 1,
      violations: [`ticket ${C} was stored and then withdrawn (a delete marker)`],
    });
  });
});

describe('strayTicketIds', () => {
  it('finds tickets published or stored since the run began that no request got', () => {
    const since = new Date('2030-01-01T00:00:00Z');
    const counts = new Map([
      [A, 1],
      [B, 1],
    ]);
    const stored = new Map<string, StoredTicket>([
      [A, { versions: 1, live: true, lastModified: new Date('2030-01-01T00:00:01Z') }],
      [C, { versions: 1, live: true, lastModified: new Date('2030-01-01T00:00:02Z') }],
      ['old', { versions: 1, live: true, lastModified: new Date('2029-12-31T23:59:59Z') }],
      ['gone', { versions: 2, live: false, lastModified: new Date('2030-01-01T00:00:03Z') }],
    ]);
    expect(strayTicketIds(new Set([A]), counts, stored, since)).toEqual({ published: [B], stored: [C] });
  });
});

describe('ownerOf', () => {
  it('names the check whose event prefix the event id starts with', () => {
    const prefixes = new Map([
      ['load-r1-race-', 'Seat race'],
      ['load-r1-fault-', 'Faults'],
    ]);
    expect(ownerOf('load-r1-fault-7', prefixes)).toBe('Faults');
    expect(ownerOf('concert-42', prefixes)).toBeNull();
  });
});
