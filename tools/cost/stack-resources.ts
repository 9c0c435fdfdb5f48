import { join } from 'node:path';
import * as z from 'zod';
import { readYaml } from '../asl/read-yaml';

/**
 * The resources serverless.yml adds to the template (`resources:`), read without `sls package`:
 * `make cost` stays fast and offline. The framework's own resources (functions, their log groups,
 * the machine, the REST API) carry no monthly fee, so the fixed items are all here.
 */

const Resource = z.looseObject({
  Type: z.string(),
  Properties: z.record(z.string(), z.unknown()).optional(),
});
const Fragment = z.looseObject({ Resources: z.record(z.string(), Resource).optional() });

export type StackResource = z.infer<typeof Resource>;
export type StackResources = Record<string, StackResource>;

/** Reads a `${file(path)}` reference, path relative to serverless.yml. */
export type ReadFile = (path: string) => unknown;

export const readFileBeside =
  (serverlessDir: string): ReadFile =>
  (path) =>
    readYaml(join(serverlessDir, path));

const VARIABLE = /\$\{([^${}]*)\}/;
// A variable that resolves to itself would loop; real chains here are three or four deep.
const MAX_STEPS = 100;

/** Where variables resolve from: the config (`self`), the default params (`param`), files (`file`). */
export interface Sources {
  config: unknown;
  params: Record<string, unknown>;
  read: ReadFile;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** One variable's value. Only the sources serverless.yml's values here use: file, self and param. */
function lookup(expression: string, s: Sources, where: string): unknown {
  const file = /^file\(([^)]+)\)$/.exec(expression.trim());
  if (file?.[1]) return s.read(file[1].trim());
  const [source, address = ''] = expression.split(/:(.*)/s).map((part) => part.trim());
  let value: unknown;
  if (source === 'param') value = s.params[address];
  else if (source === 'self')
    value = address.split('.').reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), s.config);
  else throw new Error(`serverless.yml ${where}: cannot resolve \${${expression}} (only file, self, param)`);
  if (value === undefined) throw new Error(`serverless.yml ${where}: \${${expression}} is not set`);
  return value;
}

/**
 * Resolves variables innermost first; a string that is one whole variable may become an object.
 * `where` names the value in errors.
 */
export function resolve(value: unknown, s: Sources, where = 'resources'): unknown {
  let current = value;
  for (let step = 0; typeof current === 'string'; step++) {
    const match = VARIABLE.exec(current);
    if (!match) return current;
    if (step >= MAX_STEPS) throw new Error(`serverless.yml ${where}: ${value} does not resolve`);
    const found = lookup(match[1] ?? '', s, where);
    if (match[0] === current) current = found;
    else if (['string', 'number', 'boolean'].includes(typeof found))
      current = current.replace(match[0], String(found));
    else throw new Error(`serverless.yml ${where}: ${match[0]} inside a string is not a scalar`);
  }
  return current;
}

/** serverless.yml's `resources` (one fragment or a list of them), merged as the framework merges them. */
export function stackResources(sources: Sources) {
  const { config } = sources;
  const listed = resolve(isRecord(config) ? config.resources : undefined, sources) ?? [];
  const fragments = Array.isArray(listed) ? listed : [listed];
  const merged: StackResources = {};
  for (const fragment of fragments) {
    const result = Fragment.safeParse(resolve(fragment, sources));
    if (!result.success) throw new Error(`serverless.yml resources: ${z.prettifyError(result.error)}`);
    Object.assign(merged, result.data.Resources);
  }
  return merged;
}

export const resourcesOfType = (resources: StackResources, type: string) =>
  Object.entries(resources).filter(([, r]) => r.Type === type);
