import {
  expectAnswer,
  inFlightPair,
  raceViolations,
  repeatedTicketIds,
  replayViolations,
  ticketOf,
} from '../../../tools/load/expectations';
import type { Outcome } from '../../../tools/load/post-ticket';

const ID_A = '0b5f3c1e-8a57-4b8e-9f6a-7d0c2a1b3c4d';
const ID_B = '1c6a4d2f-9b68-4c9f-8a7b-8e1d3b2c4d5e';
const issued = (ticketId = ID_A, encryptedTicket = 'QUJD'): Outcome => ({
  status: 201,
  body: { ticketId, encryptedTicket },
});
const refused = (status: number, error: string): Outcome => ({
  status,
  error,
  body: { error, message: '…' },
});
const silent: Outcome = { status: null, error: 'no answer within 120 s' };

describe('ticketOf', () => {
  it('reads the sealed ticket of a 201 only', () => {
    expect(ticketOf(issued())).toEqual({ ticketId: ID_A, encryptedTicket: 'QUJD' });
    expect(ticketOf(refused(409, 'SeatTaken'))).toBeNull();
    expect(ticketOf({ status: 201, body: { ticketId: 'not-a-uuid', encryptedTicket: 'QUJD' } })).toBeNull();
  });
});

describe('expectAnswer', () => {
  it('accepts the expected status and error name', () => {
    expect(expectAnswer('r1', issued(), 201)).toEqual([]);
    expect(expectAnswer('r1', refused(422, 'EventAlreadyStarted'), 422, 'EventAlreadyStarted')).toEqual([]);
  });

  it('says what came instead, for which request', () => {
    expect(expectAnswer('request 7', refused(409, 'SeatTaken'), 201)).toEqual([
      'request 7: 409 SeatTaken, expected 201',
    ]);
    expect(expectAnswer('request 8', silent, 422, 'EventAlreadyStarted')).toEqual([
      'request 8: no answer (no answer within 120 s), expected 422 EventAlreadyStarted',
    ]);
  });

  it('refuses a 201 without a sealed ticket in it', () => {
    expect(expectAnswer('r', { status: 201, body: {} }, 201)).toEqual(['r: 201 without a sealed ticket: {}']);
  });
});

describe('repeatedTicketIds', () => {
  it('names a ticket id answered to two requests', () => {
    expect(repeatedTicketIds([issued(ID_A), issued(ID_B), issued(ID_A)])).toEqual([
      `ticket ${ID_A} was answered to more than one request`,
    ]);
    expect(repeatedTicketIds([issued(ID_A), issued(ID_B), refused(409, 'SeatTaken')])).toEqual([]);
  });
});

describe('raceViolations', () => {
  const seatOf = (i: number) => `seat ${Math.floor(i / 3)}`;

  it('passes one winner per seat and SeatTaken for every other racer', () => {
    const outcomes = [issued(ID_A), refused(409, 'SeatTaken'), refused(409, 'SeatTaken')];
    expect(raceViolations(outcomes, seatOf)).toEqual([]);
  });

  it('flags a seat sold twice, a seat never sold and a loser told something else', () => {
    const outcomes = [
      issued(ID_A),
      issued(ID_B),
      refused(409, 'SeatTaken'),
      refused(409, 'SeatTaken'),
      refused(502, 'TicketGenerationFailed'),
      refused(409, 'SeatTaken'),
    ];
    expect(raceViolations(outcomes, seatOf)).toEqual([
      'request 4 (seat 1): 502 TicketGenerationFailed, expected 409 SeatTaken',
      'seat 0: 2 × 201, expected exactly 1 (sold twice)',
      'seat 1: 0 × 201, expected exactly 1 (never sold)',
    ]);
  });
});

describe('replayViolations', () => {
  it('wants the very same ticket id and envelope', () => {
    expect(replayViolations('call 1', issued(), issued())).toEqual([]);
    expect(replayViolations('call 1', issued(ID_A), issued(ID_B))).toEqual([
      `call 1: the retry got ticket ${ID_B}, the first call ${ID_A}`,
    ]);
    expect(replayViolations('call 1', issued(ID_A, 'QUJD'), issued(ID_A, 'REVG'))).toEqual([
      `call 1: the retry got ticket ${ID_A} with another envelope`,
    ]);
    expect(replayViolations('call 1', issued(), refused(409, 'SeatTaken'))).toEqual([
      'call 1: the retry answered 409 SeatTaken, expected 201 with the first ticket',
    ]);
  });

  it('leaves a failed first call to its own violation', () => {
    expect(replayViolations('call 1', silent, refused(409, 'SeatTaken'))).toEqual([]);
  });
});

describe('inFlightPair', () => {
  it('accepts RequestInProgress for either call, or the same ticket twice', () => {
    expect(inFlightPair('p', issued(), refused(409, 'RequestInProgress'))).toEqual({
      ticket: { ticketId: ID_A, encryptedTicket: 'QUJD' },
      violations: [],
    });
    expect(inFlightPair('p', refused(409, 'RequestInProgress'), issued()).violations).toEqual([]);
    expect(inFlightPair('p', issued(), issued()).violations).toEqual([]);
  });

  it('flags two tickets for one key, another answer, or no ticket at all', () => {
    expect(inFlightPair('p', issued(ID_A), issued(ID_B)).violations).toEqual([
      `p: two different tickets for one key (${ID_A}, ${ID_B})`,
    ]);
    expect(inFlightPair('p', issued(), refused(409, 'SeatTaken')).violations).toEqual([
      'p: the retry answered 409 SeatTaken, expected 201 or 409 RequestInProgress',
    ]);
    const busy = refused(409, 'RequestInProgress');
    expect(inFlightPair('p', busy, busy)).toEqual({
      ticket: null,
      violations: ['p: neither call issued a ticket'],
    });
  });
});
