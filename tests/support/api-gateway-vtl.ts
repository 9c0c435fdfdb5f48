import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'velocityjs';

/**
 * The request template (api/start-sync-execution.vtl) rendered as each engine would render it:
 * velocityjs for the Velocity language, and the few Java String methods and $util functions the
 * template calls, with each engine's own semantics where they differ (escapeJavaScript above all).
 */
export const REQUEST_TEMPLATE = readFileSync(
  join(__dirname, '..', '..', 'api', 'start-sync-execution.vtl'),
  'utf8',
);
export const STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:ticket';

const hex4 = (code: number, upper: boolean) => {
  const text = code.toString(16).padStart(4, '0');
  return upper ? text.toUpperCase() : text;
};

/** AWS: commons-lang escapeJavaScript, per UTF-16 unit; ' becomes \' and / becomes \/. */
export function awsEscapeJavaScript(text: string): string {
  const named: Record<string, string> = {
    '\b': '\\b',
    '\n': '\\n',
    '\t': '\\t',
    '\f': '\\f',
    '\r': '\\r',
    "'": "\\'",
    '"': '\\"',
    '\\': '\\\\',
    '/': '\\/',
  };
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    out += named[ch] ?? (code < 32 || code > 0x7f ? `\\u${hex4(code, true)}` : ch);
  }
  return out;
}

/** Python's json.dumps (ensure_ascii): every non-ASCII UTF-16 unit as a lowercase \u escape. */
const pythonDumps = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) =>
    ch.charCodeAt(0) === 0x7f ? ch : `\\u${hex4(ch.charCodeAt(0), false)}`,
  );

/** LocalStack 4.14.0: json.dumps(text)[1:-1], and a blank string becomes "{}" (template_mapping.py:189-201). */
export function localstackEscapeJavaScript(text: string): string {
  if (text.trim() === '') return '{}';
  return pythonDumps(text).slice(1, -1);
}

/** Java's String.replaceAll: a regular expression, and a replacement where \x is x and $n a group. */
export function javaReplaceAll(text: string, regex: string, replacement: string): string {
  return text.replace(new RegExp(regex, 'g'), (...match: unknown[]) =>
    replacement.replace(/\\(.)|\$(\d)/g, (_m, escaped: string | undefined, group: string | undefined) =>
      escaped !== undefined ? escaped : String(match[Number(group)] ?? ''),
    ),
  );
}

export type Engine = {
  name: string;
  /** $input.json('$'): the body as the engine serializes it again. */
  json: (body: unknown) => string;
  escapeJavaScript: (text: string) => string;
};

export const ENGINES: Engine[] = [
  { name: 'AWS', json: (body) => JSON.stringify(body), escapeJavaScript: awsEscapeJavaScript },
  { name: 'LocalStack', json: pythonDumps, escapeJavaScript: localstackEscapeJavaScript },
];

/** Java String methods on the template's strings (velocityjs would call JavaScript's). */
const javaStringMethods = [
  {
    uid: 'java-length',
    match: ({ property, context }: { property: string; context: unknown }) =>
      property === 'length' && typeof context === 'string',
    resolve: ({ context }: { context: string }) => context.length,
  },
  {
    uid: 'java-replaceAll',
    match: ({ property, context }: { property: string; context: unknown }) =>
      property === 'replaceAll' && typeof context === 'string',
    resolve: ({ context, params }: { context: string; params: string[] }) =>
      javaReplaceAll(context, params[0] ?? '', params[1] ?? ''),
  },
];

/** The integration request API Gateway sends to StartSyncExecution for a body and a header. */
export function renderStartSyncExecution(
  engine: Engine,
  body: unknown,
  idempotencyKey?: string,
): { text: string; requestId: string } {
  const requestId = 'c0ffee00-0000-4000-8000-000000000001';
  const headers: Record<string, string> =
    idempotencyKey === undefined ? {} : { 'Idempotency-Key': idempotencyKey };
  const context = { requestId };
  const input = {
    json: (path: string) => (path === '$' ? engine.json(body) : ''),
    params: (name: string) => headers[name] ?? '',
  };
  const util = {
    escapeJavaScript: engine.escapeJavaScript,
    base64Encode: (text: string) => Buffer.from(text, 'utf8').toString('base64'),
  };
  const template = `#set($stateMachineArn = "${STATE_MACHINE_ARN}")\n${REQUEST_TEMPLATE}`;
  const text = render(template, { input, util, context }, {}, {
    customMethodHandlers: javaStringMethods,
  } as Parameters<typeof render>[3]);
  return { text, requestId };
}
