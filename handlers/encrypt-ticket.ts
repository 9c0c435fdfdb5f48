import type { Context } from 'aws-lambda';
import * as z from 'zod';
import { kms } from './lib/aws-clients';
import { readConfig } from './lib/config';
import { InvalidTicket } from './lib/errors';
import { logger } from './lib/logger';
import { parseInput } from './lib/parse-input';
import { type SealedTicket, Ticket } from './tickets/schemas';
import { sealTicket } from './tickets/seal-ticket';

const config = readConfig({ TICKET_KEY_ID: z.string().min(1) });

/** EncryptTicket task: a plaintext ticket in, only the KMS envelope out. */
export async function handler(event: unknown, context?: Context): Promise<SealedTicket> {
  if (context) logger.addContext(context);
  const ticket = parseInput(Ticket, event, InvalidTicket);
  const sealed = await sealTicket(ticket, kms, config.TICKET_KEY_ID);
  logger.info('Ticket sealed', { ticketId: sealed.ticketId, keyId: sealed.encryptedTicket.keyId });
  return sealed;
}
