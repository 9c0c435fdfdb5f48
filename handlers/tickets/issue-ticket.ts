import { randomBytes, randomUUID } from 'node:crypto';
import { EventAlreadyStarted } from '../lib/errors';
import type { GenerationDetails, Ticket } from './schemas';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A 10-character code a door scanner or a person can read back; 50 random bits. */
function verificationCode(): string {
  return Array.from(randomBytes(10), (b) => BASE32[b % 32]).join('');
}

/** Issues a ticket for the filtered details. Refuses events that have already started. */
export function issueTicket(details: GenerationDetails, now: Date = new Date()): Ticket {
  const { customer, event } = details;
  if (Date.parse(event.startsAt) <= now.getTime()) {
    throw new EventAlreadyStarted(`Event ${event.id} started at ${event.startsAt}`);
  }
  const { seat, ...eventDetails } = event;
  return {
    ticketId: randomUUID(),
    issuedAt: now.toISOString(),
    customer,
    event: eventDetails,
    seat,
    verificationCode: verificationCode(),
  };
}
