import * as z from 'zod';
import type { DataKeyCacheBounds } from '../../handlers/tickets/data-key-cache';
import { type ReadFile, resolve, type Sources, type StackResources, stackResources } from './stack-resources';

// Serverless Framework v3 default when neither the function nor the provider sets one.
const FRAMEWORK_DEFAULT_MEMORY_MB = 1024;

const MemorySize = z.coerce.number().int().positive();

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

/** encryptTicket's variables for its data-key cache (handlers/encrypt-ticket.ts), by bound. */
export const CACHE_VARIABLES = {
  maxAgeSeconds: 'TICKET_DATA_KEY_MAX_AGE_SECONDS',
  maxTickets: 'TICKET_DATA_KEY_MAX_TICKETS',
  maxBytes: 'TICKET_DATA_KEY_MAX_BYTES',
} as const satisfies Record<keyof DataKeyCacheBounds, string>;

export type StateMachineType = 'EXPRESS' | 'STANDARD';

export interface ProjectConfig {
  stateMachineType: StateMachineType;
  /** Memory per function, keyed by its serverless.yml name. */
  memoryMb: Record<string, number>;
  /** encryptTicket's data-key cache bounds (default params), or null when it sets none. */
  dataKeyCache: DataKeyCacheBounds | null;
}

export interface StackConfig {
  /** serverless.yml's `resources`, variables resolved: what the fixed monthly items are counted from. */
  resources: StackResources;
  /** The tracing param: X-Ray on the stage, the machine and both functions. */
  tracing: boolean;
}

/** A cache variable's value, variables resolved: a whole number or an error. */
function wholeNumber(environment: Record<string, unknown>, name: string, sources: Sources): number {
  const value = resolve(environment[name], sources, name);
  // As strict as the handler: digits only, so an empty value is an error, not 0.
  if ((typeof value !== 'string' && typeof value !== 'number') || !/^\d+$/.test(String(value))) {
    throw new Error(`serverless.yml: ${name} is not a whole number`);
  }
  return Number(value);
}

function dataKeyCache(environment: Record<string, unknown> | undefined, sources: Sources) {
  if (!environment || !Object.values(CACHE_VARIABLES).some((v) => v in environment)) return null;
  const read = (name: string) => wholeNumber(environment, name, sources);
  return {
    maxAgeSeconds: read(CACHE_VARIABLES.maxAgeSeconds),
    maxTickets: read(CACHE_VARIABLES.maxTickets),
    maxBytes: read(CACHE_VARIABLES.maxBytes),
  };
}

/** `--param name=value` laid over params.default, as `sls --param` lays it over a stage's params. */
export function withParams<C extends { params?: z.infer<typeof Params> }>(
  config: C,
  overrides: Record<string, string>,
): C {
  if (!Object.keys(overrides).length) return config;
  const defaults = config.params?.default ?? {};
  // A misspelt name would silently change nothing.
  const unknown = Object.keys(overrides).filter((name) => !(name in defaults));
  if (unknown.length) throw new Error(`--param: serverless.yml has no default param ${unknown.join(', ')}`);
  return { ...config, params: { ...config.params, default: { ...defaults, ...overrides } } };
}

/**
 * What the cost model needs from serverless.yml, `--param` overrides laid over its default params:
 * function memory, the machine type, the data-key cache, and the stack's resources and tracing switch.
 */
export function readProject(
  raw: unknown,
  overrides: Record<string, string>,
  read: ReadFile,
): ProjectConfig & StackConfig {
  const result = ServerlessConfig.safeParse(raw);
  if (!result.success) throw new Error(`serverless.yml: ${z.prettifyError(result.error)}`);
  const config = withParams(result.data, overrides);
  const { provider, functions } = config;
  const params = config.params?.default ?? {};
  const sources: Sources = { config, params, read };
  const fallback = provider.memorySize ?? FRAMEWORK_DEFAULT_MEMORY_MB;
  const memoryMb = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, fn.memorySize ?? fallback]),
  );
  const type = params.stateMachineType ?? 'STANDARD';
  if (type !== 'EXPRESS' && type !== 'STANDARD') {
    throw new Error(`serverless.yml: params.default.stateMachineType is ${type}, not EXPRESS or STANDARD`);
  }
  return {
    stateMachineType: type,
    memoryMb,
    dataKeyCache: dataKeyCache(functions.encryptTicket?.environment, sources),
    resources: stackResources(sources),
    tracing: params.tracing === 'on',
  };
}
