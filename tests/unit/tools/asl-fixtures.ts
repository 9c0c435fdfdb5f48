import { join } from 'node:path';
import { type Machine, parseDefinition } from '../../../tools/asl/definition';
import { parseYaml, readYaml } from '../../../tools/asl/read-yaml';
import { FIXED_TYPES } from '../../../tools/cost/fixed-monthly';
import { readProject } from '../../../tools/cost/serverless-config';
import { readFileBeside, resourcesOfType, type StackResources } from '../../../tools/cost/stack-resources';
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

/** The real serverless.yml as `make cost` reads it, with `--param` overrides. */
export function ticketProject(params: Record<string, string> = {}) {
  return readProject(serverlessYml(), params, readFileBeside(ROOT));
}

/**
 * The ids of the resources `make cost` prices monthly, by type. The template tests compare what
 * the cost tool reads from serverless.yml (without packaging) with what `sls package` compiled.
 */
export const fixedItemIds = (resources: StackResources) =>
  FIXED_TYPES.map((type) => [
    type,
    resourcesOfType(resources, type)
      .map(([id]) => id)
      .sort(),
  ]);

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
