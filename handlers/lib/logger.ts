import { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';

/** Log ticket ids and outcomes only: ticket plaintext must never reach a log. */
export const logger = new Logger({ serviceName: 'ticket-orchestrator' });

/**
 * Runs one invocation with `keys` on each of its log lines, then resets them, also when it
 * throws. The logger lives at module scope, so without the reset a warm environment's next
 * invocation would log the last one's keys. This is what `injectLambdaContext({ resetKeys: true })`
 * does (Powertools 2.36), without middy or a class decorator.
 */
export async function withLogKeys<T>(
  context: Context | undefined,
  keys: Record<string, string>,
  invocation: () => T | Promise<T>,
): Promise<T> {
  if (context) logger.addContext(context);
  logger.appendKeys(keys);
  try {
    return await invocation();
  } finally {
    logger.resetKeys();
  }
}
