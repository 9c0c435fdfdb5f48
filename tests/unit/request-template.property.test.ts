import fc from 'fast-check';
import { ENGINES, renderStartSyncExecution } from '../support/api-gateway-vtl';
import { anyJsonBody, anyKey, FC_SEED } from '../support/arbitrary-requests';

/**
 * Properties of api/start-sync-execution.vtl, rendered as AWS and as LocalStack would: for any
 * body and any Idempotency-Key, the integration request is JSON, its `input` is JSON, and the
 * workflow receives exactly the body and key sent. A failure prints its seed and path
 * (FC_SEED=<seed> replays a run).
 */
const RUNS = 1_000;

/** What StartSyncExecution receives, parsed as Step Functions parses it. */
function whenApiGatewayRenders(engine: (typeof ENGINES)[number], body: unknown, key?: string) {
  const { text, requestId } = renderStartSyncExecution(engine, body, key);
  const call = JSON.parse(text) as { input: string; name: string; stateMachineArn: string };
  expect(call.name).toBe(requestId);
  return JSON.parse(call.input) as { request: unknown; idempotencyKey: string; idempotencyKeyTooLong?: true };
}

const fromBase64 = (text: string) => Buffer.from(text, 'base64').toString('utf8');

describe.each(ENGINES)('the request template, as $name renders it', (engine) => {
  it(`hands the workflow exactly the body sent (${RUNS} bodies)`, () => {
    fc.assert(
      fc.property(anyJsonBody(), (body) => {
        const input = whenApiGatewayRenders(engine, body);
        // The body as the client sends it: JSON text (where -0 is 0).
        expect(input).toEqual({ request: JSON.parse(JSON.stringify(body)), idempotencyKey: '' });
      }),
      {
        numRuns: RUNS,
        seed: FC_SEED,
        // Values that broke the earlier templates: a backslash before an apostrophe (its `\'` undo).
        examples: [
          [{ name: "a\\'b", note: '' }],
          [{ name: "\\\\'", note: "it's" }],
          [{ name: "O'Brien", note: '\ud800' }],
        ],
      },
    );
  });

  it(`hands the workflow exactly the Idempotency-Key sent, or refuses one over 255 characters (${RUNS} keys)`, () => {
    fc.assert(
      fc.property(anyKey(), (key) => {
        const input = whenApiGatewayRenders(engine, { action: 'Fetch' }, key);
        if (key === '') expect(input).toEqual({ request: { action: 'Fetch' }, idempotencyKey: '' });
        else if (key.length > 255)
          expect(input).toMatchObject({ idempotencyKey: '', idempotencyKeyTooLong: true });
        else {
          expect(input.idempotencyKeyTooLong).toBeUndefined();
          expect(fromBase64(input.idempotencyKey)).toBe(key);
        }
      }),
      { numRuns: RUNS, seed: FC_SEED, examples: [["k\\'"], [' '], ['\t'], ["'"], ['$key'], ['#end']] },
    );
  });
});
