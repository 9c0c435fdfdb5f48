import { randomBytes } from 'node:crypto';
import { GenerateDataKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import type { ThroughputFigure } from './report-types';
import { summarize } from './stats';
import { generationDetails } from './ticket-input';

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
  const one = async () => handlers.encrypt(await handlers.generate(details));
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
  return run('LocalStack KMS (GenerateDataKey over HTTP)', handlers, tickets, 20);
}

/** The same handlers with GenerateDataKey answered locally: our own CPU cost per ticket. */
export async function cpuOnly(handlers: Handlers, tickets: number): Promise<ThroughputFigure> {
  const kmsMock = mockClient(handlers.kms);
  kmsMock.on(GenerateDataKeyCommand).callsFake((input: { KeyId?: string }) => ({
    KeyId: input.KeyId,
    Plaintext: randomBytes(32),
    // About the size of a real AES_256 data key blob from AWS KMS.
    CiphertextBlob: randomBytes(184),
  }));
  try {
    return await run('CPU only (KMS send() stubbed)', handlers, tickets, 200);
  } finally {
    kmsMock.restore();
  }
}
