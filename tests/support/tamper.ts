import type { SealedTicket } from '../../handlers/tickets/schemas';

/** Flips one bit of a base64 field (in its last byte, past any key-id prefix), keeping its length. */
export function flipBit(b64: string): string {
  const bytes = Buffer.from(b64, 'base64');
  const last = bytes.length - 1;
  bytes[last] = (bytes[last] ?? 0) ^ 0x01;
  return bytes.toString('base64');
}

/** The envelope with one field replaced. */
export const withField = (s: SealedTicket, field: keyof SealedTicket['encryptedTicket'], value: string) => ({
  ...s,
  encryptedTicket: { ...s.encryptedTicket, [field]: value },
});
