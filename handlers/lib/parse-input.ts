import type * as z from 'zod';
import type { DomainError } from './errors';

/**
 * Validates a handler's input at the edge. A refusal throws the given named error with
 * zod's field-level message, which names fields but never echoes their values.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  Refusal: new (message: string) => DomainError,
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`);
    throw new Refusal(problems.join('; '));
  }
  return parsed.data;
}
