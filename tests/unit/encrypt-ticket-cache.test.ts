import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import 'aws-sdk-client-mock-jest';
import type * as EncryptTicket from '../../handlers/encrypt-ticket';
import { handler as generate } from '../../handlers/generate-ticket';
import { coldStart } from '../support/cold-start';
import { fakeKms } from '../support/fake-kms';
import { encryptPayload, generatePayload } from '../support/tickets';

// One environment, configured by its variables: a data key seals at most two tickets.
const { handler: encrypt } = coldStart<typeof EncryptTicket>(() => require('../../handlers/encrypt-ticket'), {
  TICKET_DATA_KEY_MAX_TICKETS: '2',
});
const kms = fakeKms();

describe('encrypt-ticket in a warm environment', () => {
  beforeAll(() => kms.reset());

  it('reuses its data key within the bounds its environment sets', async () => {
    for (let i = 0; i < 5; i += 1) await encrypt(encryptPayload(await generate(generatePayload())));
    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 3);
  });
});
