/**
 * What `make load` sends. Every loop is bounded twice: by a count here and by a deadline.
 * Sized for the 2-core reference machine, where the patched emulator answers about five
 * Generates a second at 20 concurrent (docs/benchmarks.md): the whole run takes minutes.
 */
export const PLAN = {
  distinctSeats: { requests: 1000, concurrency: 20, events: 10, deadlineS: 900 },
  race: { requests: 200, seats: 10, concurrency: 20, deadlineS: 300 },
  retries: {
    firstCalls: 100,
    concurrency: 20,
    /** Pairs of a first call and a retry sent while it runs; 10 pairs keep 20 requests in flight. */
    inFlightPairs: 40,
    pairConcurrency: 10,
    retryDelayMs: 150,
    deadlineS: 400,
  },
  faults: { pairs: 20, concurrency: 10, deadlineS: 300 },
  /** No single request waits longer than this (the bench's bound too). */
  requestTimeoutS: 120,
  /** After each check: until all its tickets reached the queue, or this many seconds passed. */
  drainS: 120,
  /** At the end: this many empty 1 s polls in a row, so a late duplicate still counts. */
  quietPolls: 3,
  /** Listing the bucket's ticket versions and opening stray tickets. */
  auditS: 180,
} as const;
