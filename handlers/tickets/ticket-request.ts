import * as z from 'zod';
import { Customer, EventDetails, Seat, TicketId } from './schemas';

/**
 * The body of POST /tickets. API Gateway validates it with the model generated from this
 * schema, so a refused body never starts an execution. Extra fields are allowed here and
 * dropped by the FilterDetails Pass states, but bounded: a few, each a scalar of at most
 * 16 KiB, so a valid body stays small. A body too large for Step Functions (256 KB once
 * wrapped) is refused with 413 by the request template instead (api/start-sync-execution.vtl).
 */
export const ACTIONS = ['Generate', 'Fetch'] as const;

export const MAX_EXTRA_CHARS = 16_384;
const Extra = z.union([z.string().max(MAX_EXTRA_CHARS), z.number(), z.boolean(), z.null()]);

/** At most `max` properties, in zod and in the generated model alike. */
const atMost = <T extends z.ZodObject>(schema: T, max: number) =>
  schema
    .refine((o) => Object.keys(o).length <= max, `at most ${max} properties`)
    .meta({ maxProperties: max });

export const GenerateRequest = atMost(
  z
    .object({
      action: z.literal('Generate'),
      customer: atMost(Customer.catchall(Extra), 8),
      event: atMost(EventDetails.extend({ seat: Seat }).catchall(Extra), 12),
    })
    .catchall(Extra),
  24,
);

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
