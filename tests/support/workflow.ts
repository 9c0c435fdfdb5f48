import { join } from 'node:path';
import { readYaml } from '../../tools/asl/read-yaml';

export const ASL_PATH = join(__dirname, '..', '..', 'statemachines', 'ticket.asl.yml');

/** What the CloudFormation functions in the ASL stand for, in a given deployment. */
export type Bindings = { functions: Record<string, string>; refs: Record<string, string> };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function resolve(node: Json, bindings: Bindings): Json {
  if (Array.isArray(node)) return node.map((n) => resolve(n, bindings));
  if (node === null || typeof node !== 'object') return node;
  const getAtt = node['Fn::GetAtt'];
  if (Array.isArray(getAtt)) {
    const arn = bindings.functions[String(getAtt[0])];
    if (!arn) throw new Error(`No binding for Fn::GetAtt ${String(getAtt[0])}`);
    return arn;
  }
  if (typeof node.Ref === 'string') {
    const value = bindings.refs[node.Ref];
    if (!value) throw new Error(`No binding for Ref ${node.Ref}`);
    return value;
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, resolve(v, bindings)]));
}

/** The raw ASL document, CloudFormation functions still in place. */
export function loadAsl(): Record<string, unknown> {
  return readYaml(ASL_PATH) as Record<string, unknown>;
}

/** The ASL with its CloudFormation functions replaced by concrete ARNs and names. */
export function resolvedDefinition(bindings: Bindings) {
  return resolve(loadAsl() as Json, bindings) as { StartAt: string; States: Record<string, unknown> };
}

/** Fail-state error names, wherever they are nested. */
export function failErrors(node: unknown = loadAsl()): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => failErrors(n));
  if (node === null || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own = o.Type === 'Fail' && typeof o.Error === 'string' ? [o.Error] : [];
  return [...own, ...Object.values(o).flatMap((v) => failErrors(v))];
}
