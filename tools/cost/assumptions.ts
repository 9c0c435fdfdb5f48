import type { ServiceCall } from './usage';

// Guesses, not measurements: replace them with p50 durations from CloudWatch when there are some.

/** Whole Express execution, both Lambdas plus the S3 and SNS calls: 300 ms. */
export const DEFAULT_EXPRESS_MS = 300;
/** A small definition with small payloads fits the smallest 64 MB Express memory step. */
export const DEFAULT_EXPRESS_MEMORY_MB = 64;
/** Warm x86 invocations; encryptTicket waits on a KMS round trip. */
export const DEFAULT_LAMBDA_MS: Record<string, number> = { generateTicket: 50, encryptTicket: 100 };
export const FALLBACK_LAMBDA_MS = 100;

/** Calls a function makes itself, which the ASL cannot show (read from handlers/). */
export const CALLS_INSIDE_LAMBDA: Record<string, ServiceCall[]> = {
  encryptTicket: [{ service: 'kms', action: 'GenerateDataKey', count: 1, via: 'encryptTicket' }],
};
