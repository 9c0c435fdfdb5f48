import { join } from 'node:path';
import { type Machine, parseDefinition } from '../../../tools/asl/definition';
import { parseYaml, readYaml } from '../../../tools/asl/read-yaml';
import { projectConfig, stackConfig, withParams } from '../../../tools/cost/serverless-config';
import { readFileBeside } from '../../../tools/cost/stack-resources';
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
  const raw = withParams(serverlessYml(), params);
  return { ...projectConfig(raw), ...stackConfig(raw, readFileBeside(ROOT)) };
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
