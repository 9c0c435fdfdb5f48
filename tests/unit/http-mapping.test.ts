import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'velocityjs';
import { WORKFLOW_ERRORS } from '../../handlers/lib/errors';

/**
 * api/execution-result.vtl, rendered by a Velocity engine against StartSyncExecution
 * answers, with the few API Gateway variables it uses. The integration suite runs it in
 * LocalStack's API Gateway too; here every branch is covered, the 500s included.
 */
const TEMPLATE = readFileSync(join(__dirname, '..', '..', 'api', 'execution-result.vtl'), 'utf8');

/** A Java string as VTL sees it in API Gateway: replaceAll takes a regular expression. */
type JavaString = { toString(): string; replaceAll(regex: string, replacement: string): JavaString };
const javaString = (text: string): JavaString => ({
  toString: () => text,
  replaceAll: (regex, replacement) => javaString(text.replace(new RegExp(regex, 'g'), replacement)),
});
/** API Gateway's $util.escapeJavaScript escapes quotes, backslashes, control characters and ' as \'. */
const javaEscapeJavaScript = (text: string) =>
  javaString(JSON.stringify(String(text)).slice(1, -1).replaceAll("'", "\\'"));

type Execution = { status: string; input?: string; output?: string; error?: string; cause?: string };

function whenApiGatewayMaps(execution: Execution): { status: number; body: Record<string, unknown> } {
  const context = { requestId: 'req-123', responseOverride: {} as { status?: number } };
  const input = { path: (path: string) => execution[path.replace('$.', '') as keyof Execution] };
  const util = { parseJson: (text: string) => JSON.parse(text), escapeJavaScript: javaEscapeJavaScript };
  const text = render(TEMPLATE, { input, util, context });
  // No override: the integration response's own 200.
  return { status: context.responseOverride.status ?? 200, body: JSON.parse(text) };
}

const sealed = { ticketId: 'b1f0c3a2-1111-4222-8333-944445555666', encryptedTicket: { alg: 'AES-256-GCM' } };

describe('the StartSyncExecution response mapping', () => {
  it('answers a succeeded Generate with 201 and the workflow output as the body', () => {
    const res = whenApiGatewayMaps({
      status: 'SUCCEEDED',
      input: JSON.stringify({ action: 'Generate', customer: {} }),
      output: JSON.stringify(sealed),
    });
    expect(res).toEqual({ status: 201, body: sealed });
  });

  it('answers a succeeded Fetch with 200', () => {
    const res = whenApiGatewayMaps({
      status: 'SUCCEEDED',
      input: JSON.stringify({ action: 'Fetch', ticketId: sealed.ticketId }),
      output: JSON.stringify(sealed),
    });
    expect(res).toEqual({ status: 200, body: sealed });
  });

  it.each(Object.entries(WORKFLOW_ERRORS))(
    'answers a FAILED %s with %i and {error, message}',
    (error, status) => {
      const cause = `A "quoted" cause that isn't\non one line`;
      const res = whenApiGatewayMaps({ status: 'FAILED', error, cause });
      expect(res).toEqual({ status, body: { error, message: cause } });
    },
  );

  it.each([
    [
      'an unexpected error',
      { status: 'FAILED', error: 'Lambda.Unknown', cause: 'Error: at /var/task/index.js:1' },
    ],
    ['a timeout', { status: 'TIMED_OUT' }],
    ['an aborted execution', { status: 'ABORTED' }],
  ])('answers %s with 500 InternalError, without the internal cause', (_case, execution) => {
    const res = whenApiGatewayMaps(execution);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: 'InternalError', message: expect.stringContaining('req-123') });
    expect(JSON.stringify(res.body)).not.toContain('/var/task');
  });

  it('never leaves a failed execution at 200', () => {
    for (const status of ['FAILED', 'TIMED_OUT', 'ABORTED']) {
      expect(whenApiGatewayMaps({ status, error: 'Anything' }).status).toBeGreaterThanOrEqual(400);
    }
  });
});
