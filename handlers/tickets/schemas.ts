import * as z from 'zod';

/**
 * The shapes that flow through the workflow. Each schema is also the type (z.infer),
 * and the API Gateway request model is generated from them (scripts/write-request-model.ts).
 */

export const TicketId = z.uuid();

/** Not blank. A pattern, not a trim, so the generated API model refuses the same strings. */
const Name = z.string().min(1).max(200).regex(/\S/, 'must not be blank');

export const Customer = z.object({
  name: Name,
  email: z.email().max(254),
});

export const EventDetails = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'letters, digits and dashes, at most 64'),
  name: Name,
  startsAt: z.iso.datetime({ offset: true }),
});

export const Seat = z
  .string()
  .regex(/^[A-Z0-9-]{1,12}$/, 'upper-case letters, digits and dashes, at most 12');

/** What the FilterDetails Parallel hands the generator: nothing else from the request. */
export const GenerationDetails = z.strictObject({
  customer: Customer.strict(),
  event: EventDetails.extend({ seat: Seat }).strict(),
});
export type GenerationDetails = z.infer<typeof GenerationDetails>;

export const Ticket = z.strictObject({
  ticketId: TicketId,
  issuedAt: z.iso.datetime(),
  customer: Customer,
  event: EventDetails,
  seat: Seat,
  verificationCode: z.string().regex(/^[A-Z2-7]{10}$/),
});
export type Ticket = z.infer<typeof Ticket>;

/**
 * The sealed ticket: an AWS Encryption SDK message, base64 (standard alphabet, padded). Any
 * Encryption SDK or its CLI opens it with kms:Decrypt on the stack key; docs/ticket-format.md
 * describes the format and handlers/tickets/ticket-format.ts fixes it.
 */
export const EncryptedTicket = z.base64().min(1);
export type EncryptedTicket = z.infer<typeof EncryptedTicket>;

/** What EncryptTicket returns and the workflow stores, publishes and answers with. */
export const SealedTicket = z.strictObject({
  ticketId: TicketId,
  encryptedTicket: EncryptedTicket,
});
export type SealedTicket = z.infer<typeof SealedTicket>;

/**
 * A Step Functions execution name (the API names each execution after its request id), by
 * AWS's rules: 1 to 80 characters, none of them white space, a control character, a lone
 * surrogate, U+FFFE or U+FFFF, or one of < > { } [ ] ? * " # % \ ^ | ~ ` $ & , ; : /
 */
export const ExecutionName = z
  .string()
  .regex(
    /^[^\s\p{Cc}\p{Cs}\uFFFE\uFFFF<>{}[\]?*"#%\\^|~`$&,;:/]{1,80}$/u,
    'an execution name: 1 to 80 characters, none that Step Functions forbids',
  );

/**
 * The payloads of the two Lambda tasks (statemachines/ticket.asl.yml). Each carries the
 * execution's name, so every log line of the invocation names the execution it served.
 */
export const GenerateTicketPayload = z.strictObject({
  executionName: ExecutionName,
  details: GenerationDetails,
});
export type GenerateTicketPayload = z.infer<typeof GenerateTicketPayload>;

export const EncryptTicketPayload = z.strictObject({
  executionName: ExecutionName,
  ticket: Ticket,
});
export type EncryptTicketPayload = z.infer<typeof EncryptTicketPayload>;
