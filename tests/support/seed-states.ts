/** Every state of the seed workflow (DESIGN.md), branch states included. */
export const SEED_STATES = [
  'SelectAction',
  'InvalidAction',
  'FilterDetails',
  'FilterCustomer',
  'FilterEvent',
  'GenerateTicket',
  'TicketGenerated?',
  'GenerationFailed',
  'EncryptTicket',
  'Distribute',
  'StoreTicket',
  'PublishTicket',
  'TicketIssued',
  'FetchTicket',
  'TicketNotFound',
];
