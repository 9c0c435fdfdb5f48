import { GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { kmsKeyring } from '../../handlers/lib/kms-keyring';
import { type DataKeyCacheBounds, sealingMaterials } from '../../handlers/tickets/data-key-cache';
import { issueTicket } from '../../handlers/tickets/issue-ticket';
import { openTicket } from '../../handlers/tickets/open-ticket';
import type { SealedTicket } from '../../handlers/tickets/schemas';
import { sealTicket } from '../../handlers/tickets/seal-ticket';
import { fakeKms } from '../support/fake-kms';
import { givenDetails } from '../support/tickets';

const kms = fakeKms();
const client = new KMSClient({});
const KEY = 'arn:aws:kms:us-east-1:111122223333:key/11111111-2222-4333-8444-555555555555';
const ROOMY: DataKeyCacheBounds = { maxAgeSeconds: 300, maxTickets: 1000, maxBytes: 1 << 20 };
/** Every test ticket serialises to the same length: same details, fixed-width id, times and code. */
const TICKET_BYTES = Buffer.byteLength(JSON.stringify(issueTicket(givenDetails())));

/** A warm function's materials: made once, then used for every ticket it seals. */
function givenWarmFunction(bounds: DataKeyCacheBounds) {
  const materials = sealingMaterials(kmsKeyring(client, { generatorKeyId: KEY }), bounds);
  return (count: number) => sealMany(count, materials);
}

async function sealMany(
  count: number,
  materials: ReturnType<typeof sealingMaterials>,
): Promise<SealedTicket[]> {
  const sealed: SealedTicket[] = [];
  for (let i = 0; i < count; i += 1) sealed.push(await sealTicket(issueTicket(givenDetails()), materials));
  return sealed;
}

const dataKeysGenerated = () => kms.kmsMock.commandCalls(GenerateDataKeyCommand).length;

describe('data-key cache', () => {
  beforeEach(() => kms.reset());
  afterEach(() => jest.restoreAllMocks());

  it('seals many tickets with one data key within the bounds', async () => {
    await givenWarmFunction(ROOMY)(20);
    expect(dataKeysGenerated()).toBe(1);
  });

  it('count: a data key seals at most maxTickets tickets', async () => {
    await givenWarmFunction({ ...ROOMY, maxTickets: 3 })(7);
    expect(dataKeysGenerated()).toBe(3); // tickets 1-3, 4-6, 7
  });

  it('age: a data key older than maxAgeSeconds is replaced', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-01-01T00:00:00Z'));
    const seal = givenWarmFunction({ ...ROOMY, maxAgeSeconds: 60 });
    await seal(2);
    now.mockReturnValue(Date.parse('2027-01-01T00:00:59Z'));
    await seal(1);
    expect(dataKeysGenerated()).toBe(1);
    now.mockReturnValue(Date.parse('2027-01-01T00:01:01Z'));
    await seal(1);
    expect(dataKeysGenerated()).toBe(2);
  });

  it('bytes: a data key seals at most maxBytes of plaintext', async () => {
    await givenWarmFunction({ ...ROOMY, maxBytes: 2 * TICKET_BYTES })(5);
    expect(dataKeysGenerated()).toBe(3); // tickets 1-2, 3-4, 5
  });

  it.each([
    ['maxAgeSeconds', { ...ROOMY, maxAgeSeconds: 0 }],
    ['maxTickets', { ...ROOMY, maxTickets: 0 }],
    ['maxBytes', { ...ROOMY, maxBytes: 0 }],
  ])('off: %s = 0 gives every ticket its own data key', async (_bound, bounds) => {
    await givenWarmFunction(bounds)(4);
    expect(dataKeysGenerated()).toBe(4);
  });

  it('keeps tickets that share a data key apart: each opens alone, none under another id', async () => {
    const [a, b] = await givenWarmFunction(ROOMY)(2);
    if (!a || !b) throw new Error('two tickets expected');
    expect(a.encryptedTicket).not.toBe(b.encryptedTicket);
    const key = { kms: client, keyArn: KEY };
    await expect(openTicket(a, key)).resolves.toMatchObject({ ticketId: a.ticketId });
    await expect(openTicket(b, key)).resolves.toMatchObject({ ticketId: b.ticketId });
    await expect(openTicket({ ...a, ticketId: b.ticketId }, key)).rejects.toMatchObject({
      name: 'TicketTampered',
    });
  });
});
