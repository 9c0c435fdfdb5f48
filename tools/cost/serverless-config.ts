import * as z from 'zod';
import type { DataKeyCache } from './data-keys';
import { type ReadFile, type StackResources, stackResources } from './stack-resources';

// Serverless Framework v3 default when neither the function nor the provider sets one.
const FRAMEWORK_DEFAULT_MEMORY_MB = 1024;

const MemorySize = z.coerce.number().int().positive();

const EnvValue = z.union([z.string(), z.number()]);

const Params = z
  .looseObject({
    default: z.looseObject({ stateMachineType: z.string().optional() }),
  })
  .optional();

const ServerlessConfig = z.looseObject({
  params: Params,
  provider: z.looseObject({ memorySize: MemorySize.optional() }),
  functions: z
    .record(
      z.string(),
      z.looseObject({
        memorySize: MemorySize.optional(),
        environment: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .default({}),
});

/** encryptTicket's variables for its data-key cache (handlers/encrypt-ticket.ts). */
const CACHE_VARIABLES = {
  maxAgeSeconds: 'TICKET_DATA_KEY_MAX_AGE_SECONDS',
  maxTickets: 'TICKET_DATA_KEY_MAX_TICKETS',
  maxBytes: 'TICKET_DATA_KEY_MAX_BYTES',
} as const;

export type StateMachineType = 'EXPRESS' | 'STANDARD';

export interface ProjectConfig {
  stateMachineType: StateMachineType;
  /** Memory per function, keyed by its serverless.yml name. */
  memoryMb: Record<string, number>;
  /** encryptTicket's data-key cache bounds (default params), or null when it sets none. */
  dataKeyCache: DataKeyCache | null;
}

/** A variable's value, `${param:name}` read from params.default; a whole number or an error. */
function wholeNumber(raw: unknown, params: Record<string, unknown>, name: string): number {
  const ref = typeof raw === 'string' ? /^\$\{param:(\w+)\}$/.exec(raw) : null;
  const value = EnvValue.safeParse(ref ? params[ref[1] ?? ''] : raw);
  // As strict as the handler: digits only, so an empty value is an error, not 0.
  if (!value.success || !/^\d+$/.test(String(value.data))) {
    throw new Error(`serverless.yml: ${name} is not a whole number`);
  }
  return Number(value.data);
}

function dataKeyCache(environment: Record<string, unknown> | undefined, params: Record<string, unknown>) {
  if (!environment || !Object.values(CACHE_VARIABLES).some((v) => v in environment)) return null;
  const read = (v: string) => wholeNumber(environment[v], params, v);
  return {
    maxAgeSeconds: read(CACHE_VARIABLES.maxAgeSeconds),
    maxTickets: read(CACHE_VARIABLES.maxTickets),
    maxBytes: read(CACHE_VARIABLES.maxBytes),
  };
}

/** What the cost model needs from serverless.yml: function memory, the machine type, the data-key cache. */
export function projectConfig(raw: unknown): ProjectConfig {
  const result = ServerlessConfig.safeParse(raw);
  if (!result.success) throw new Error(`serverless.yml: ${z.prettifyError(result.error)}`);
  const { params, provider, functions } = result.data;
  const fallback = provider.memorySize ?? FRAMEWORK_DEFAULT_MEMORY_MB;
  const memoryMb = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, fn.memorySize ?? fallback]),
  );
  const type = params?.default.stateMachineType ?? 'STANDARD';
  if (type !== 'EXPRESS' && type !== 'STANDARD') {
    throw new Error(`serverless.yml: params.default.stateMachineType is ${type}, not EXPRESS or STANDARD`);
  }
  const cache = dataKeyCache(functions.encryptTicket?.environment, params?.default ?? {});
  return { stateMachineType: type, memoryMb, dataKeyCache: cache };
}

export interface StackConfig {
  /** serverless.yml's `resources`, variables resolved: what the fixed monthly items are counted from. */
  resources: StackResources;
  /** The tracing param: X-Ray on the stage, the machine and both functions. */
  tracing: boolean;
}

function defaultParams(raw: unknown): Record<string, unknown> {
  const result = z.looseObject({ params: Params }).safeParse(raw);
  if (!result.success) throw new Error(`serverless.yml: ${z.prettifyError(result.error)}`);
  return result.data.params?.default ?? {};
}

/** `--param name=value` laid over params.default, as `sls --param` lays it over a stage's params. */
export function withParams(raw: unknown, overrides: Record<string, string>): unknown {
  if (!Object.keys(overrides).length) return raw;
  const defaults = defaultParams(raw);
  // A misspelt name would silently change nothing.
  const unknown = Object.keys(overrides).filter((name) => !(name in defaults));
  if (unknown.length) throw new Error(`--param: serverless.yml has no default param ${unknown.join(', ')}`);
  const config = z.looseObject({}).parse(raw);
  const params = z.looseObject({}).optional().parse(config.params) ?? {};
  return { ...config, params: { ...params, default: { ...defaults, ...overrides } } };
}

/** The stack's own resources and its tracing switch, read as the default params set them. */
export function stackConfig(raw: unknown, read: ReadFile): StackConfig {
  const params = defaultParams(raw);
  return { resources: stackResources(raw, params, read), tracing: params.tracing === 'on' };
}
