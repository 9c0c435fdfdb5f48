import * as z from 'zod';
import { InvalidConfiguration } from './errors';

/**
 * Reads and validates the variables a handler needs, once, at cold start.
 * A missing or malformed one throws, so the function fails to initialise loudly
 * instead of failing later on some request.
 */
export function readConfig<S extends z.ZodRawShape>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<S>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidConfiguration(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}
