import type {
  EncryptTicketPayload,
  GenerateTicketPayload,
  GenerationDetails,
  Ticket,
} from '../../handlers/tickets/schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Filtered details as the FilterDetails Parallel hands them to GenerateTicket. */
export function givenDetails(overrides: { startsAt?: string } = {}): GenerationDetails {
  return {
    // An apostrophe and a non-ASCII letter: the request template must keep the JSON valid.
    customer: { name: "Zoë O'Brien", email: 'zoe@example.com' },
    event: {
      id: 'concert-2027-01',
      name: 'Analytical Engines Live',
      startsAt: overrides.startsAt ?? new Date(Date.now() + 30 * DAY_MS).toISOString(),
      seat: 'B-12',
    },
  };
}

/** An execution name as API Gateway gives one: the request id. */
export const givenExecutionName = () => crypto.randomUUID();

/** What the GenerateTicket task sends: the execution's name and the filtered details. */
export const generatePayload = (
  details: GenerationDetails = givenDetails(),
  executionName: string = givenExecutionName(),
): GenerateTicketPayload => ({ executionName, details });

/** What the EncryptTicket task sends: the execution's name and the generated ticket. */
export const encryptPayload = (
  ticket: Ticket,
  executionName: string = givenExecutionName(),
): EncryptTicketPayload => ({ executionName, ticket });

/** An event id no other call has used: each seat is sold once, so a test needs its own event. */
export const freshEventId = () => `concert-${crypto.randomUUID()}`;

/**
 * A POST /tickets Generate body: the details plus fields the filters must drop. Each call is
 * for a fresh event unless `eventId` names one, so its seat is free.
 */
export function givenGenerateRequest(overrides: { startsAt?: string; eventId?: string; seat?: string } = {}) {
  const { customer, event } = givenDetails(overrides);
  return {
    action: 'Generate',
    customer: { ...customer, phone: '+44 20 7946 0000', loyaltyId: 'L-77' },
    event: {
      ...event,
      id: overrides.eventId ?? freshEventId(),
      seat: overrides.seat ?? event.seat,
      promoCode: 'EARLYBIRD',
    },
    paymentReference: 'pay_123',
  };
}

export const pastStart = () => new Date(Date.now() - DAY_MS).toISOString();
