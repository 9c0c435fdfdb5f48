import * as z from 'zod';
import { readConfig } from '../../handlers/lib/config';

describe('config', () => {
  it('returns the validated values', () => {
    expect(readConfig({ KEY: z.string().min(1) }, { KEY: 'k' })).toEqual({ KEY: 'k' });
  });

  it('fails loudly, naming the variable, when one is missing', () => {
    expect(() => readConfig({ TICKET_KEY_ID: z.string().min(1) }, {})).toThrow(
      expect.objectContaining({
        name: 'InvalidConfiguration',
        message: expect.stringContaining('TICKET_KEY_ID'),
      }),
    );
  });

  it.each([
    ['TICKET_KEY_ID', undefined, /TICKET_KEY_ID/],
    ['TICKET_DATA_KEY_MAX_TICKETS', undefined, /TICKET_DATA_KEY_MAX_TICKETS/],
    ['TICKET_DATA_KEY_MAX_AGE_SECONDS', '', /TICKET_DATA_KEY_MAX_AGE_SECONDS: a whole number/],
    ['TICKET_DATA_KEY_MAX_BYTES', '-1', /TICKET_DATA_KEY_MAX_BYTES/],
    ['TICKET_DATA_KEY_MAX_TICKETS', String(2 ** 32 + 1), /TICKET_DATA_KEY_MAX_TICKETS/],
  ])('makes encrypt-ticket fail at cold start when %s is %j', (name, value, message) => {
    const saved = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    try {
      jest.isolateModules(() => {
        expect(() => require('../../handlers/encrypt-ticket')).toThrow(message);
      });
    } finally {
      process.env[name] = saved;
    }
  });
});
