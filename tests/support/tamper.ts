import type { SealedTicket } from '../../handlers/tickets/schemas';

/** How many bytes the sealed ticket's message has (decoded from base64). */
export const messageBytes = (s: SealedTicket) => Buffer.from(s.encryptedTicket, 'base64').length;

/** The message with one bit of byte `index` flipped, its length kept. */
export function flipBitAt(s: SealedTicket, index: number): SealedTicket {
  const bytes = Buffer.from(s.encryptedTicket, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0x01;
  return { ...s, encryptedTicket: bytes.toString('base64') };
}

/** The message cut short, or with a byte appended. */
export function resized(s: SealedTicket, delta: -1 | 1): SealedTicket {
  const bytes = Buffer.from(s.encryptedTicket, 'base64');
  const changed = delta < 0 ? bytes.subarray(0, -1) : Buffer.concat([bytes, Buffer.of(0)]);
  return { ...s, encryptedTicket: changed.toString('base64') };
}
