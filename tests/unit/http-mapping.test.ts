import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'velocityjs';
import { WORKFLOW_ERRORS } from '../../handlers/lib/errors';

/**
 * api/execution-result.vtl, rendered by a Velocity engine against StartSyncExecution
 * answers, with the few API Gateway variables it uses. The integration suite runs it in
 * LocalStack's API Gateway too; here every branch is covered, the 500s included.
 */
const api = (file: string) => readFileSync(join(__dirname, '..', '..', 'api', file), 'utf8');
const TEMPLATE = api('execution-result.vtl');
const NOT_STARTED = api('execution-not-started.vtl');

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

const sealed = { ticketId: 'b1f0c3a2-1111-4222-8333-944445555666', encryptedTicket: 'AgV4bR55QdQ0qMR2' };

describe('the StartSyncExecution response mapping', () => {
  it('answers a succeeded Generate with 201 and the workflow output as the body', () => {
    const res = whenApiGatewayMaps({
      status: 'SUCCEEDED',
      input: JSON.stringify({ request: { action: 'Generate', customer: {} }, idempotencyKey: '' }),
      output: JSON.stringify(sealed),
    });
    expect(res).toEqual({ status: 201, body: sealed });
  });

  it('answers a succeeded Fetch with 200', () => {
    const res = whenApiGatewayMaps({
      status: 'SUCCEEDED',
      input: JSON.stringify({ request: { action: 'Fetch', ticketId: sealed.ticketId }, idempotencyKey: '' }),
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

/** A Java string with the methods the templates call on API Gateway's strings. */
const javaText = (text: string) => ({
  toString: () => text,
  contains: (part: string) => text.includes(part),
  length: () => text.length,
});

function whenStepFunctionsRefuses(answer: { __type: string; message: string }) {
  const context = { requestId: 'req-123', responseOverride: {} as { status?: number } };
  const input = { path: (path: string) => javaText(answer[path.replace('$.', '') as keyof typeof answer]) };
  const text = render(NOT_STARTED, { input, context });
  return { status: context.responseOverride.status ?? 500, body: JSON.parse(text) };
}

describe('the mapping of a refused StartSyncExecution', () => {
  it.each([
    ['the request template refused an oversized body (LocalStack)', 'InvalidExecutionInput', 'Invalid JSON'],
    [
      "AWS's length check on the input",
      'com.amazonaws.swf.service.v2.model#ValidationException',
      "1 validation error detected: Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144",
    ],
  ])('answers %s with 413 PayloadTooLarge', (_case, __type, message) => {
    expect(whenStepFunctionsRefuses({ __type, message })).toEqual({
      status: 413,
      body: { error: 'PayloadTooLarge', message: expect.any(String) },
    });
  });

  it.each([
    ['throttling', 'ThrottlingException', 'Rate exceeded'],
    ['a missing state machine', 'StateMachineDoesNotExist', 'State Machine Does Not Exist'],
  ])('answers %s with 500 ExecutionNotStarted, quoting the request id', (_case, __type, message) => {
    expect(whenStepFunctionsRefuses({ __type, message })).toEqual({
      status: 500,
      body: { error: 'ExecutionNotStarted', message: expect.stringContaining('req-123') },
    });
  });
});
