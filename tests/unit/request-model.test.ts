import { readFileSync } from 'node:fs';
import { TicketRequest } from '../../handlers/tickets/ticket-request';
import {
  MODEL_PATH,
  RESPONSES_PATH,
  renderModel,
  renderResponseModels,
} from '../../scripts/write-request-model';
import { givenGenerateRequest } from '../support/tickets';

describe('POST /tickets request model', () => {
  it('is what the zod schema generates (run `make model` when this fails)', () => {
    expect(readFileSync(MODEL_PATH, 'utf8')).toBe(renderModel());
  });

  it('has response models that are what the zod schemas generate (run `make model` when this fails)', () => {
    expect(readFileSync(RESPONSES_PATH, 'utf8')).toBe(renderResponseModels());
  });

  it.each([
    ['a Generate with extra fields', givenGenerateRequest()],
    ['a Fetch', { action: 'Fetch', ticketId: '6f1c7f7e-2d7b-4c1e-9a57-0d4f1b2b9a10' }],
  ])('accepts %s', (_name, body) => {
    expect(TicketRequest.safeParse(body).success).toBe(true);
  });

  it.each([
    ['an unknown action', { action: 'Refund' }],
    ['a Generate without a customer', { ...givenGenerateRequest(), customer: undefined }],
    ['a Fetch with a ticket id that is not a UUID', { action: 'Fetch', ticketId: '../../etc/passwd' }],
    [
      'a Fetch with extra fields',
      { action: 'Fetch', ticketId: '6f1c7f7e-2d7b-4c1e-9a57-0d4f1b2b9a10', x: 1 },
    ],
  ])('refuses %s', (_name, body) => {
    expect(TicketRequest.safeParse(body).success).toBe(false);
  });
});
