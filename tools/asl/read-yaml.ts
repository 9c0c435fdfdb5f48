import { readFileSync } from 'node:fs';
import { parse, type Tags, YAMLMap } from 'yaml';

// CloudFormation short forms (`!GetAtt X.Arn`, `!Ref Y`) become their long forms, so a
// serverless.yml or ASL file reads the same whichever form it uses.
const CFN_FUNCTIONS = [
  'Base64',
  'Cidr',
  'Condition',
  'Equals',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'And',
  'Or',
  'Ref',
  'Select',
  'Split',
  'Sub',
];

function longName(fn: string): string {
  return fn === 'Ref' || fn === 'Condition' ? fn : `Fn::${fn}`;
}

const cfnTags: Tags = CFN_FUNCTIONS.flatMap((fn) => {
  const key = longName(fn);
  const wrap = (value: unknown) => {
    const map = new YAMLMap();
    map.set(key, value);
    return map;
  };
  return [
    {
      tag: `!${fn}`,
      resolve: (text: string) => ({ [key]: fn === 'GetAtt' ? text.split('.') : text }),
    },
    { tag: `!${fn}`, collection: 'seq' as const, resolve: wrap },
    { tag: `!${fn}`, collection: 'map' as const, resolve: wrap },
  ];
});

/** Parses YAML text with CloudFormation tags tolerated. */
export function parseYaml(text: string): unknown {
  return parse(text, { customTags: cfnTags });
}

export function readYaml(file: string): unknown {
  return parseYaml(readFileSync(file, 'utf8'));
}
