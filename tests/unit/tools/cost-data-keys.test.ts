import { CALLS_INSIDE_LAMBDA } from '../../../tools/cost/assumptions';
import { countText, dataKeyReuse, withDataKeyReuse } from '../../../tools/cost/data-keys';
import { readProject } from '../../../tools/cost/serverless-config';

const BOUNDS = { maxAgeSeconds: 300, maxTickets: 1000, maxBytes: 1 << 20 };

describe('dataKeyReuse: tickets per data key under the cache bounds', () => {
  it('age: at 60 tickets a minute a 300 s key seals 300 tickets', () => {
    expect(dataKeyReuse(BOUNDS, 60, 1024)).toMatchObject({ ticketsPerDataKey: 300, limitedBy: 'max age' });
  });

  it('count: a busy environment reaches max tickets first', () => {
    expect(dataKeyReuse(BOUNDS, 6000, 1024)).toMatchObject({
      ticketsPerDataKey: 1000,
      limitedBy: 'max tickets',
    });
  });

  it('bytes: large tickets reach max bytes first', () => {
    expect(dataKeyReuse({ ...BOUNDS, maxBytes: 64 * 1024 }, 6000, 1024)).toMatchObject({
      ticketsPerDataKey: 64,
      limitedBy: 'max bytes',
    });
  });

  it.each([
    ['no cache configured', null],
    ['max age 0', { ...BOUNDS, maxAgeSeconds: 0 }],
    ['max tickets 0', { ...BOUNDS, maxTickets: 0 }],
    ['max bytes 0', { ...BOUNDS, maxBytes: 0 }],
  ])('off (%s): a data key per ticket', (_case, cache) => {
    expect(dataKeyReuse(cache, 60, 1024)).toMatchObject({ ticketsPerDataKey: 1, limitedBy: 'caching off' });
  });

  it('never counts less than one ticket per key, however idle the function', () => {
    expect(dataKeyReuse(BOUNDS, 0.01, 1024).ticketsPerDataKey).toBe(1);
  });
});

describe('withDataKeyReuse', () => {
  it('spreads GenerateDataKey over the tickets a key seals, and leaves other calls alone', () => {
    const calls = withDataKeyReuse(
      { ...CALLS_INSIDE_LAMBDA, other: [{ service: 's3', action: 'getObject', count: 1 }] },
      dataKeyReuse(BOUNDS, 60, 1024),
    );
    expect(calls.encryptTicket).toEqual([
      { service: 'kms', action: 'GenerateDataKey', count: 1 / 300, via: 'encryptTicket' },
    ]);
    expect(calls.other).toEqual([{ service: 's3', action: 'getObject', count: 1 }]);
  });

  it('writes a spread call as a fraction', () => {
    expect([countText(1 / 300), countText(2), countText(1 / 3)]).toEqual(['1/300x', '2x', '1/3x']);
  });
});

describe('readProject: the cache bounds', () => {
  const config = (environment: Record<string, unknown>, params: Record<string, unknown> = {}) =>
    readProject(
      {
        params: { default: params },
        provider: {},
        functions: { encryptTicket: { handler: 'h', environment } },
      },
      {},
      () => ({}),
    ).dataKeyCache;
  const variables = {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: serverless.yml's own variable syntax
    TICKET_DATA_KEY_MAX_AGE_SECONDS: '${param:age}',
    TICKET_DATA_KEY_MAX_TICKETS: 10,
    TICKET_DATA_KEY_MAX_BYTES: '4096',
  };

  it('reads them from encryptTicket, resolving a param reference against the default params', () => {
    expect(config(variables, { age: '60' })).toEqual({ maxAgeSeconds: 60, maxTickets: 10, maxBytes: 4096 });
  });

  it.each([
    ['an empty value', ''],
    ['a negative one', '-1'],
    ['a missing param', undefined],
  ])('refuses %s, as the handler would', (_case, age) => {
    expect(() => config(variables, { age })).toThrow(/TICKET_DATA_KEY_MAX_AGE_SECONDS/);
  });
});
