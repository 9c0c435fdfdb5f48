const DAY_MS = 86_400_000;

/** 30 days ahead in whole seconds: issueTicket refuses started events, and the API model wants no millis. */
export function startsAt(now: Date): string {
  return new Date(now.getTime() + 30 * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What FilterDetails hands GenerateTicket: the in-process benchmark's input. */
export function generationDetails(now: Date) {
  return {
    customer: { name: 'Ada', email: 'ada@example.com' },
    event: { id: 'concert-42', name: 'Show', startsAt: startsAt(now), seat: 'B-12' },
  };
}

/** The POST /tickets body: the HTTP benchmark's and the load run's. */
export function generateRequest(now: Date) {
  return { action: 'Generate', ...generationDetails(now) };
}

/**
 * Generate bodies for a fresh event each: a seat is sold once, so a repeated body would be
 * answered 409 SeatTaken from the second request on.
 */
export function freshGenerateBodies(now: Date): () => string {
  const run = now.getTime().toString(36);
  let n = 0;
  return () => {
    n += 1;
    const request = generateRequest(now);
    return JSON.stringify({ ...request, event: { ...request.event, id: `bench-${run}-${n}` } });
  };
}
