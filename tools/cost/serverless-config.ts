import * as z from 'zod';

// Serverless Framework v3 default when neither the function nor the provider sets one.
const FRAMEWORK_DEFAULT_MEMORY_MB = 1024;

const MemorySize = z.coerce.number().int().positive();

const ServerlessConfig = z.looseObject({
  params: z.looseObject({ default: z.looseObject({ stateMachineType: z.string().optional() }) }).optional(),
  provider: z.looseObject({ memorySize: MemorySize.optional() }),
  functions: z.record(z.string(), z.looseObject({ memorySize: MemorySize.optional() })).default({}),
});

export type StateMachineType = 'EXPRESS' | 'STANDARD';

export interface ProjectConfig {
  stateMachineType: StateMachineType;
  /** Memory per function, keyed by its serverless.yml name. */
  memoryMb: Record<string, number>;
}

/** What the cost model needs from serverless.yml: function memory and the default machine type. */
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
  return { stateMachineType: type, memoryMb };
}
