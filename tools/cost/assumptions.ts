import type { ServiceCall } from './usage';

// Guesses, not measurements: replace them with p50 durations from CloudWatch when there are some.

/** Whole Express execution, both Lambdas plus the S3 and SNS calls: 300 ms. */
export const DEFAULT_EXPRESS_MS = 300;
/** A small definition with small payloads fits the smallest 64 MB Express memory step. */
export const DEFAULT_EXPRESS_MEMORY_MB = 64;
/** Warm x86 invocations; encryptTicket signs each ticket (ECDSA P-384) and now and then waits on KMS. */
export const DEFAULT_LAMBDA_MS: Record<string, number> = { generateTicket: 50, encryptTicket: 100 };
export const FALLBACK_LAMBDA_MS = 100;

/**
 * Tickets that reach one warm encryptTicket environment a minute: one a second. Each environment
 * then seals min(60 x max age in minutes, max tickets) tickets with one data key; 1 a minute
 * would still keep Generate under $12 per 1M at the default bounds (README, "Cost").
 */
export const DEFAULT_WARM_TICKETS_PER_MINUTE = 60;
/** A ticket's JSON at the request schema's limits (a typical one is about 310 bytes). */
export const TICKET_PLAINTEXT_BYTES = 1024;

/**
 * Calls a function makes itself, which the ASL cannot show (read from handlers/), per invocation
 * with data-key caching off; report.ts spreads GenerateDataKey over the tickets a key seals.
 */
export const CALLS_INSIDE_LAMBDA: Record<string, ServiceCall[]> = {
  encryptTicket: [{ service: 'kms', action: 'GenerateDataKey', count: 1, via: 'encryptTicket' }],
};

/** One JSON access-log line of the API stage (resources/api-stage.yml's format, typical values). */
export const ACCESS_LOG_LINE_BYTES = 500;
