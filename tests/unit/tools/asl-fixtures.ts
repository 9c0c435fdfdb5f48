import { join } from 'node:path';
import { type Machine, parseDefinition } from '../../../tools/asl/definition';
import { parseYaml, readYaml } from '../../../tools/asl/read-yaml';
import type { Usage } from '../../../tools/cost/usage';

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

/** What a Generate success (no Idempotency-Key) uses, counted by hand from the ASL. */
export const generateSuccess: Usage = {
  transitions: 16,
  lambdas: [
    { functionName: 'generateTicket', invocations: 1 },
    { functionName: 'encryptTicket', invocations: 1 },
  ],
  calls: [
    { service: 's3', action: 'putObject', count: 2 },
    { service: 'kms', action: 'GenerateDataKey', count: 1, via: 'encryptTicket' },
    { service: 'sns', action: 'publish', count: 1 },
  ],
};
