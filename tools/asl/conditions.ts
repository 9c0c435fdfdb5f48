// Readable text for Choice rules, shared by path names and diagram edge labels.

const COMPARISONS: Record<string, string> = {
  Equals: '==',
  LessThan: '<',
  GreaterThan: '>',
  LessThanEquals: '<=',
  GreaterThanEquals: '>=',
  Matches: '~',
};
const TYPES = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const TESTS: Record<string, [string, string]> = {
  IsPresent: ['present', 'absent'],
  IsNull: ['is null', 'is not null'],
  IsString: ['is a string', 'is not a string'],
  IsNumeric: ['is a number', 'is not a number'],
  IsBoolean: ['is a boolean', 'is not a boolean'],
  IsTimestamp: ['is a timestamp', 'is not a timestamp'],
};

type Rule = Record<string, unknown>;

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shortPath(path: unknown): string {
  return String(path).replace(/^\$\./, '');
}

function comparison(rule: Rule, variable: string): string | undefined {
  for (const [key, value] of Object.entries(rule)) {
    const type = TYPES.find((t) => key.startsWith(t));
    if (!type) continue;
    const rest = key.slice(type.length);
    const byPath = rest.endsWith('Path');
    const op = COMPARISONS[byPath ? rest.slice(0, -'Path'.length) : rest];
    if (op) return `${variable} ${op} ${byPath ? shortPath(value) : String(value)}`;
  }
  return undefined;
}

function nested(rule: unknown): string {
  if (!isRule(rule)) return '?';
  const text = describeCondition(rule);
  return rule.And || rule.Or ? `(${text})` : text;
}

/** `action == Generate`, `ticket.ticketId present`, `not (a == 1)`, or the JSONata text. */
export function describeCondition(rule: Rule): string {
  if (Array.isArray(rule.And)) return rule.And.map(nested).join(' and ');
  if (Array.isArray(rule.Or)) return rule.Or.map(nested).join(' or ');
  if (rule.Not !== undefined) return `not ${nested(rule.Not)}`;
  if (typeof rule.Condition === 'string') return rule.Condition.replace(/^\{%\s*|\s*%\}$/g, '');
  const variable = shortPath(rule.Variable);
  for (const [test, [yes, no]] of Object.entries(TESTS)) {
    if (typeof rule[test] === 'boolean') return `${variable} ${rule[test] ? yes : no}`;
  }
  return comparison(rule, variable) ?? `${variable} ?`;
}

/** The literal a rule tests for equality (`Generate`), if it is that simple. */
export function comparedValue(rule: Rule): string | undefined {
  const keys = ['StringEquals', 'NumericEquals', 'BooleanEquals'].filter((k) => k in rule);
  const key = keys[0];
  return keys.length === 1 && key && typeof rule.Variable === 'string' ? String(rule[key]) : undefined;
}
