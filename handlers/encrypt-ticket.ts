import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { kms } from './lib/aws-clients';
import { readConfig } from './lib/config';
import { InvalidTicket } from './lib/errors';
import { kmsKeyring } from './lib/kms-keyring';
import { logger, withLogKeys } from './lib/logger';
import { parseInput } from './lib/parse-input';
import { sealingMaterials } from './tickets/data-key-cache';
import { EncryptTicketPayload, type SealedTicket } from './tickets/schemas';
import { sealTicket } from './tickets/seal-ticket';

/** A whole number, 0 or more, written out: an empty or missing variable is refused, not read as 0. */
const bound = (max: number) =>
  z.string().regex(/^\d+$/, 'a whole number').transform(Number).pipe(z.number().max(max));

const config = readConfig({
  TICKET_KEY_ID: z.string().min(1),
  // The data-key cache (README, "Data-key caching"); 0 in any of them turns it off. The maxima
  // are sanity caps (a day) and the Encryption SDK's own limits.
  TICKET_DATA_KEY_MAX_AGE_SECONDS: bound(24 * 60 * 60),
  TICKET_DATA_KEY_MAX_TICKETS: bound(2 ** 32),
  TICKET_DATA_KEY_MAX_BYTES: bound(Number.MAX_SAFE_INTEGER),
});

/** Made once per environment, so a warm function reuses its cached data key. */
const materials = sealingMaterials(kmsKeyring(kms, { generatorKeyId: config.TICKET_KEY_ID }), {
  maxAgeSeconds: config.TICKET_DATA_KEY_MAX_AGE_SECONDS,
  maxTickets: config.TICKET_DATA_KEY_MAX_TICKETS,
  maxBytes: config.TICKET_DATA_KEY_MAX_BYTES,
});

/** EncryptTicket task: a plaintext ticket in, only the sealed ticket out. */
export async function handler(event: unknown, context?: Context): Promise<SealedTicket> {
  const { executionName, ticket } = parseInput(EncryptTicketPayload, event, InvalidTicket);
  return withLogKeys(context, { executionName }, async () => {
    const sealed = await sealTicket(ticket, materials);
    logger.info('Ticket sealed', { ticketId: sealed.ticketId });
    return sealed;
  });
}
