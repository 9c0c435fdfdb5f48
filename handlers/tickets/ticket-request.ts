import * as z from 'zod';
import { Customer, EventDetails, Seat, TicketId } from './schemas';

/**
 * The body of POST /tickets. API Gateway validates it with the model generated from this
 * schema, so a refused body never starts an execution. Extra fields are allowed here and
 * dropped by the FilterDetails Pass states.
 */
export const ACTIONS = ['Generate', 'Fetch'] as const;

export const GenerateRequest = z.looseObject({
  action: z.literal('Generate'),
  customer: Customer.loose(),
  event: EventDetails.extend({ seat: Seat }).loose(),
});

export const FetchRequest = z.strictObject({
  action: z.literal('Fetch'),
  ticketId: TicketId,
});

export const TicketRequest = z.discriminatedUnion('action', [GenerateRequest, FetchRequest]);
export type TicketRequest = z.infer<typeof TicketRequest>;

/**
 * The API Gateway model: JSON Schema draft 4, which is what API Gateway speaks. `action`
 * is also checked at the top level so that an unknown action is reported as such rather
 * than as "matched none of the alternatives".
 */
export function requestModel(): Record<string, unknown> {
  const { $schema, ...alternatives } = z.toJSONSchema(TicketRequest, { target: 'draft-4', io: 'input' });
  return {
    $schema,
    title: 'TicketRequest',
    type: 'object',
    required: ['action'],
    properties: { action: { type: 'string', enum: [...ACTIONS] } },
    ...alternatives,
  };
}
