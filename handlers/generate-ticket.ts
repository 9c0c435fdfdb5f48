import type { Context } from 'aws-lambda';
import { IncompleteTicketDetails } from './lib/errors';
import { logger, withLogKeys } from './lib/logger';
import { parseInput } from './lib/parse-input';
import { issueTicket } from './tickets/issue-ticket';
import { GenerateTicketPayload, type Ticket } from './tickets/schemas';

/** GenerateTicket task: the filtered details in, a plaintext ticket out (to EncryptTicket only). */
export async function handler(event: unknown, context?: Context): Promise<Ticket> {
  const { executionName, details } = parseInput(GenerateTicketPayload, event, IncompleteTicketDetails);
  return withLogKeys(context, { executionName }, () => {
    const ticket = issueTicket(details);
    logger.info('Ticket issued', { ticketId: ticket.ticketId, eventId: ticket.event.id });
    return ticket;
  });
}
