import { GenerateDataKeyCommand } from '@aws-sdk/client-kms';
import 'aws-sdk-client-mock-jest';
import type * as EncryptTicket from '../../handlers/encrypt-ticket';
import { handler as generate } from '../../handlers/generate-ticket';
import { logger } from '../../handlers/lib/logger';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { TICKET_CONTEXT } from '../../handlers/tickets/ticket-format';
import { coldStart } from '../support/cold-start';
import { fakeKms } from '../support/fake-kms';
import { capturedLogLines } from '../support/log-lines';
import { encryptPayload, generatePayload, givenDetails, givenExecutionName } from '../support/tickets';

// Data-key caching off, so every test here asks KMS afresh (encrypt-ticket-cache.test.ts has it on).
const { handler: encrypt } = coldStart<typeof EncryptTicket>(() => require('../../handlers/encrypt-ticket'), {
  TICKET_DATA_KEY_MAX_AGE_SECONDS: '0',
});
const kms = fakeKms();
const issued = () => generate(generatePayload());

describe('encrypt-ticket', () => {
  beforeEach(() => kms.reset());

  it('asks KMS for a 256-bit data key under TICKET_KEY_ID, with the ticket context and no ticket id', async () => {
    const ticket = await issued();
    await encrypt(encryptPayload(ticket));

    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 1);
    expect(kms.kmsMock).toHaveReceivedCommandWith(GenerateDataKeyCommand, {
      KeyId: process.env.TICKET_KEY_ID,
      NumberOfBytes: 32,
      EncryptionContext: { ...TICKET_CONTEXT, 'aws-crypto-public-key': expect.any(String) },
    });
    const requests = kms.kmsMock.commandCalls(GenerateDataKeyCommand).map((c) => c.args[0].input);
    expect(JSON.stringify(requests)).not.toContain(ticket.ticketId);
  });

  it('returns only the sealed ticket: its id and a base64 message with no plaintext in it', async () => {
    const ticket = await issued();
    const sealed = await encrypt(encryptPayload(ticket));

    expect(SealedTicket.parse(sealed)).toEqual(sealed);
    expect(Object.keys(sealed).sort()).toEqual(['encryptedTicket', 'ticketId']);
    const message = Buffer.from(sealed.encryptedTicket, 'base64').toString('latin1');
    for (const secret of [ticket.customer.email, ticket.verificationCode, ticket.seat]) {
      expect(message).not.toContain(secret);
    }
  });

  it('with the cache configured off, asks KMS for a data key per ticket', async () => {
    for (let i = 0; i < 3; i += 1) await encrypt(encryptPayload(await issued()));
    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 3);
  });

  it.each([
    ['details, not a ticket', async () => ({ ...encryptPayload(await issued()), ticket: givenDetails() })],
    ['a bare ticket, with no execution name', issued],
    ['a blank execution name', async () => encryptPayload(await issued(), '')],
    ['an execution name Step Functions forbids', async () => encryptPayload(await issued(), 'a:b')],
  ])('refuses %s with InvalidTicket and calls no KMS', async (_case, input) => {
    await expect(encrypt(await input())).rejects.toMatchObject({ name: 'InvalidTicket' });
    expect(kms.kmsMock).toHaveReceivedCommandTimes(GenerateDataKeyCommand, 0);
  });

  it('lets a KMS failure surface, so the state machine can retry or fail', async () => {
    kms.kmsMock
      .on(GenerateDataKeyCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    await expect(encrypt(encryptPayload(await issued()))).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });

  describe('log lines', () => {
    const log = capturedLogLines();

    it('carry the execution name, and the next invocation of a warm function does not inherit it', async () => {
      const [first, second] = [givenExecutionName(), givenExecutionName()];
      const [a, b] = [await issued(), await issued()] as const;
      log.clear(); // the generator's lines
      await encrypt(encryptPayload(a, first));
      logger.info('between invocations');
      await encrypt(encryptPayload(b, second));

      expect(log.lines().map((l) => [l.message, l.executionName])).toEqual([
        ['Ticket sealed', first],
        ['between invocations', undefined],
        ['Ticket sealed', second],
      ]);
    });

    it('drop the execution name after an invocation that throws', async () => {
      const ticket = await issued();
      log.clear();
      kms.kmsMock.on(GenerateDataKeyCommand).rejects(new Error('KMS down'));
      await expect(encrypt(encryptPayload(ticket))).rejects.toThrow('KMS down');
      logger.info('next invocation');
      expect(log.lines()).toEqual([expect.objectContaining({ message: 'next invocation' })]);
      expect(log.lines()[0]).not.toHaveProperty('executionName');
    });
  });
});
