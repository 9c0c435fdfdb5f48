import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { kmsKeyring } from '../../handlers/lib/kms-keyring';
import { type DataKeyCacheBounds, sealingMaterials } from '../../handlers/tickets/data-key-cache';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { readYaml } from '../asl/read-yaml';
import { CACHE_VARIABLES, readProject } from '../cost/serverless-config';
import { readFileBeside } from '../cost/stack-resources';
import { summarize } from '../shared/stats';
import { generationDetails } from '../shared/ticket-input';
import type { DataKeyFigure, ThroughputFigure } from './report-types';

export type Handlers = {
  generate: (event: unknown) => Promise<unknown>;
  encrypt: (event: unknown) => Promise<unknown>;
  kms: KMSClient;
};

/** Imported late on purpose: the handlers read TICKET_KEY_ID, the endpoint and the log level on import. */
export async function loadHandlers(): Promise<Handlers> {
  const [generate, encrypt, clients] = await Promise.all([
    import('../../handlers/generate-ticket'),
    import('../../handlers/encrypt-ticket'),
    import('../../handlers/lib/aws-clients'),
  ]);
  return { generate: generate.handler, encrypt: encrypt.handler, kms: clients.kms };
}

async function run(label: string, handlers: Handlers, tickets: number, warmup: number) {
  const details = generationDetails(new Date());
  // The payloads the workflow's Lambda tasks send, named for one execution per ticket.
  const one = async () => {
    const executionName = randomUUID();
    const ticket = await handlers.generate({ executionName, details });
    return handlers.encrypt({ executionName, ticket });
  };
  for (let i = 0; i < warmup; i++) await one();
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < tickets; i++) {
    const t0 = performance.now();
    await one();
    samples.push(performance.now() - t0);
  }
  const elapsedMs = performance.now() - start;
  return { label, tickets, warmup, elapsedMs, perTicketMs: summarize(samples) } satisfies ThroughputFigure;
}

export function withLocalStackKms(handlers: Handlers, tickets: number): Promise<ThroughputFigure> {
  return run('LocalStack KMS (data-key cache as deployed)', handlers, tickets, 20);
}

const OFF: DataKeyCacheBounds = { maxAgeSeconds: 0, maxTickets: 0, maxBytes: 0 };

/** encryptTicket's data-key cache as serverless.yml deploys it (off when it sets none). */
export function deployedCacheBounds(root: string): DataKeyCacheBounds {
  return readProject(readYaml(join(root, 'serverless.yml')), {}, readFileBeside(root)).dataKeyCache ?? OFF;
}

/** The variables encrypt-ticket reads its cache bounds from, so the handlers load as deployed. */
export function cacheEnvironment(bounds: DataKeyCacheBounds): Record<string, string> {
  const names = Object.keys(CACHE_VARIABLES) as (keyof DataKeyCacheBounds)[];
  return Object.fromEntries(names.map((bound) => [CACHE_VARIABLES[bound], String(bounds[bound])]));
}

/** GenerateDataKey requests per `tickets` tickets, the cache on (as deployed) and off. */
export async function dataKeySection(kms: KMSClient, bounds: DataKeyCacheBounds, tickets: number) {
  return [
    await dataKeyRequests(kms, 'on (as deployed)', bounds, tickets),
    await dataKeyRequests(kms, 'off', OFF, tickets),
  ];
}

/** GenerateDataKey answered locally with a fresh key, as KMS would: our own CPU cost only. */
function stubDataKeys(kms: KMSClient) {
  const kmsMock = mockClient(kms);
  kmsMock.on(GenerateDataKeyCommand).callsFake((input: { KeyId?: string }) => ({
    KeyId: input.KeyId,
    Plaintext: randomBytes(32),
    // About the size of a real AES_256 data key blob from AWS KMS.
    CiphertextBlob: randomBytes(184),
  }));
  return kmsMock;
}

/** The same handlers with GenerateDataKey answered locally: our own CPU cost per ticket. */
export async function cpuOnly(handlers: Handlers, tickets: number): Promise<ThroughputFigure> {
  const kmsMock = stubDataKeys(handlers.kms);
  try {
    return await run('CPU only (KMS send() stubbed)', handlers, tickets, 200);
  } finally {
    kmsMock.restore();
  }
}

/**
 * KMS GenerateDataKey requests for `tickets` tickets sealed one after another in one warm
 * environment, with the data-key cache at `bounds` (0 in a bound: off), KMS stubbed.
 */
export async function dataKeyRequests(
  kms: KMSClient,
  label: string,
  bounds: DataKeyCacheBounds,
  tickets: number,
): Promise<DataKeyFigure> {
  const kmsMock = stubDataKeys(kms);
  try {
    const materials = sealingMaterials(kmsKeyring(kms, { generatorKeyId: 'bench-key' }), bounds);
    const details = generationDetails(new Date());
    const samples: number[] = [];
    for (let i = 0; i < tickets; i++) {
      const ticket = issueTicket(details);
      const t0 = performance.now();
      await sealTicket(ticket, materials);
      samples.push(performance.now() - t0);
    }
    const requests = kmsMock.commandCalls(GenerateDataKeyCommand).length;
    return { label, bounds, tickets, requests, sealMs: summarize(samples) };
  } finally {
    kmsMock.restore();
  }
}
