import { endpointVariables, nonLocalEndpoints } from '../../../tools/load/local-only';
import { runPool } from '../../../tools/load/pool';
import type { Outcome } from '../../../tools/load/post-ticket';
import { formatCounts, statusCounts, statusKey, timing } from '../../../tools/load/tally';
import { eventPrefix, generateBody } from '../../../tools/load/ticket-requests';

const answered = (status: number, ms: number, error?: string): Outcome => ({
  status,
  sentAt: 1000,
  answeredAt: 1000 + ms,
  ...(error ? { error } : {}),
});

describe('status counts', () => {
  it('keys an outcome by status and error name, or by why nothing came', () => {
    expect(statusKey(answered(201, 5))).toBe('201');
    expect(statusKey(answered(409, 5, 'SeatTaken'))).toBe('409 SeatTaken');
    expect(statusKey({ status: null, error: 'not sent before the deadline' })).toBe(
      'no answer (not sent before the deadline)',
    );
  });

  it('lists the most frequent first, then by name', () => {
    const outcomes = [answered(409, 1, 'SeatTaken'), answered(201, 1), answered(409, 1, 'SeatTaken')];
    const counts = statusCounts(outcomes);
    expect(counts).toEqual([
      ['409 SeatTaken', 2],
      ['201', 1],
    ]);
    expect(formatCounts(counts)).toBe('409 SeatTaken × 2, 201 × 1');
    expect(formatCounts([])).toBe('none');
  });
});

describe('timing', () => {
  it('takes rate and latency from answered requests only', () => {
    const outcomes = [answered(201, 100), answered(201, 300), { status: null, error: 'x', sentAt: 0 }];
    const t = timing(outcomes, 2000);
    expect(t.answered).toBe(2);
    expect(t.perSecond).toBe(1);
    expect(t.latencyMs).toMatchObject({ n: 2, median: 200, min: 100, max: 300 });
  });

  it('has no latency when nothing answered', () => {
    expect(timing([{ status: null, error: 'x' }], 1000)).toEqual({
      answered: 0,
      perSecond: 0,
      latencyMs: null,
    });
  });
});

describe('local only', () => {
  it('accepts 127.0.0.1 and names anything else', () => {
    expect(nonLocalEndpoints({ a: 'http://127.0.0.1:4566/x', b: undefined })).toEqual([]);
    expect(nonLocalEndpoints({ AWS_ENDPOINT_URL: 'http://localhost:4566', api: 'nope' })).toEqual([
      'AWS_ENDPOINT_URL points at localhost, not 127.0.0.1: http://localhost:4566',
      'api is not a URL: nope',
    ]);
  });

  it('looks at every AWS_ENDPOINT_URL variable', () => {
    const env = { AWS_ENDPOINT_URL: 'u', AWS_ENDPOINT_URL_S3: 's', AWS_REGION: 'r' };
    expect(endpointVariables(env)).toEqual({ AWS_ENDPOINT_URL: 'u', AWS_ENDPOINT_URL_S3: 's' });
  });
});

describe('runPool', () => {
  it('runs every task in index order, never more than the concurrency at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await runPool(
      7,
      3,
      performance.now() + 60_000,
      async (i) => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        return i * 2;
      },
      () => -1,
    );
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12]);
    expect(peak).toBe(3);
  });

  it('starts nothing after the deadline', async () => {
    const started: number[] = [];
    const results = await runPool(
      4,
      2,
      performance.now() - 1,
      async (i) => {
        started.push(i);
        return 'ran';
      },
      () => 'not started',
    );
    expect(started).toEqual([]);
    expect(results).toEqual(Array(4).fill('not started'));
  });
});

describe('ticket requests', () => {
  const now = new Date('2030-06-01T12:00:00.123Z');

  it('gives each check its own event prefix', () => {
    expect(eventPrefix('abc', 'race')).toBe('load-abc-race-');
  });

  it('builds a Generate for a seat, starting in the future or a day ago', () => {
    const future = JSON.parse(generateBody({ eventId: 'load-abc-race-0', seat: 'R-1' }, now));
    expect(future).toMatchObject({
      action: 'Generate',
      event: { id: 'load-abc-race-0', seat: 'R-1', startsAt: '2030-07-01T12:00:00Z' },
    });
    const past = JSON.parse(generateBody({ eventId: 'e', seat: 'F-1' }, now, 'past'));
    expect(past.event.startsAt).toBe('2030-05-31T12:00:00Z');
  });
});
