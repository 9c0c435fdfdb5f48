/**
 * The one error vocabulary. Each `name` is what Lambda reports as `errorType`, so the
 * same strings appear in the ASL Retry/Catch, in the Fail states and in the HTTP mapping
 * (api/execution-result.vtl). Names are string literals because minification renames classes.
 */
export class DomainError extends Error {
  override name = 'DomainError';
}

/** The filtered details do not carry what a ticket needs. */
export class IncompleteTicketDetails extends DomainError {
  override name = 'IncompleteTicketDetails';
}

/** A ticket cannot be issued for an event that has already started. */
export class EventAlreadyStarted extends DomainError {
  override name = 'EventAlreadyStarted';
}

/** The encrypt input is not a ticket issued by this service. */
export class InvalidTicket extends DomainError {
  override name = 'InvalidTicket';
}

/** An envelope failed authentication: some field was changed, or the wrong key or ticket id was used. */
export class TicketTampered extends DomainError {
  override name = 'TicketTampered';
}

/** A required environment variable is missing or malformed (raised at cold start). */
export class InvalidConfiguration extends Error {
  override name = 'InvalidConfiguration';
}

/**
 * Error names raised by Fail states in statemachines/ticket.asl.yml, with the HTTP status
 * the response template gives them. Anything else is a 500.
 */
export const WORKFLOW_ERRORS = {
  InvalidAction: 400,
  InvalidIdempotencyKey: 400,
  TicketNotFound: 404,
  SeatTaken: 409,
  RequestInProgress: 409,
  EventAlreadyStarted: 422,
  IdempotencyKeyReused: 422,
  TicketGenerationFailed: 502,
  TicketNotIssued: 502,
  TicketStoreUnavailable: 502,
} as const;
