import { GenerationDetails } from '../../../handlers/tickets/schemas';
import { generateRequest, generationDetails, startsAt } from '../../../tools/shared/ticket-input';

describe('ticket input', () => {
  const now = new Date('2027-01-01T12:00:00.123Z');

  it('starts the event 30 days ahead, in whole seconds', () => {
    expect(startsAt(now)).toBe('2027-01-31T12:00:00Z');
  });

  it('gives the generator details its schema accepts', () => {
    expect(GenerationDetails.safeParse(generationDetails(now)).success).toBe(true);
  });

  it('makes a Generate request body', () => {
    expect(generateRequest(now)).toEqual({
      action: 'Generate',
      customer: { name: 'Ada', email: 'ada@example.com' },
      event: { id: 'concert-42', name: 'Show', startsAt: '2027-01-31T12:00:00Z', seat: 'B-12' },
    });
  });
});
