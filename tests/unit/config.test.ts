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

  it('makes encrypt-ticket fail at cold start without TICKET_KEY_ID', () => {
    const saved = process.env.TICKET_KEY_ID;
    delete process.env.TICKET_KEY_ID;
    try {
      jest.isolateModules(() => {
        expect(() => require('../../handlers/encrypt-ticket')).toThrow(/TICKET_KEY_ID/);
      });
    } finally {
      process.env.TICKET_KEY_ID = saved;
    }
  });
});
