import { join } from 'node:path';
import { type Machine, parseDefinition } from '../../../tools/asl/definition';
import { parseYaml, readYaml } from '../../../tools/asl/read-yaml';

export const ROOT = join(__dirname, '..', '..', '..');

/** A synthetic machine from YAML text, validated like the real one. */
export function machine(yaml: string): Machine {
  return parseDefinition(parseYaml(yaml));
}

export function ticketMachine(): Machine {
  return parseDefinition(readYaml(join(ROOT, 'statemachines', 'ticket.asl.yml')));
}

export function serverlessYml(): unknown {
  return readYaml(join(ROOT, 'serverless.yml'));
}
