import type { Context } from 'aws-lambda';
import { IncompleteTicketDetails } from './lib/errors';
import { logger } from './lib/logger';
import { parseInput } from './lib/parse-input';
import { issueTicket } from './tickets/issue-ticket';
import { GenerationDetails, type Ticket } from './tickets/schemas';

/** GenerateTicket task: the filtered details in, a plaintext ticket out (to EncryptTicket only). */
export async function handler(event: unknown, context?: Context): Promise<Ticket> {
  if (context) logger.addContext(context);
  const details = parseInput(GenerationDetails, event, IncompleteTicketDetails);
  const ticket = issueTicket(details);
  logger.info('Ticket issued', { ticketId: ticket.ticketId, eventId: ticket.event.id });
  return ticket;
}
