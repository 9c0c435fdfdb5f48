import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** Edge id -> why no test takes it. */
export type Exclusions = Map<string, string>;

/** tests/integration/coverage-exclusions.yml: a map, one `"<edge id>": <reason>` a line. */
export function parseExclusions(text: string): Exclusions {
  const raw: unknown = parse(text) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw) || raw === null)
    throw new Error('coverage exclusions must be a map of edge id to reason');
  const exclusions: Exclusions = new Map();
  for (const [id, reason] of Object.entries(raw)) {
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new Error(`coverage exclusion ${id} has no reason`);
    exclusions.set(id, reason.trim());
  }
  return exclusions;
}

export const readExclusions = (file: string) => parseExclusions(readFileSync(file, 'utf8'));
