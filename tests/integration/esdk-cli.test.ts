import { KMSClient } from '@aws-sdk/client-kms';
import { openTicket } from '../../handlers/tickets/open-ticket';
import { SealedTicket } from '../../handlers/tickets/schemas';
import { TICKET_CONTEXT } from '../../handlers/tickets/ticket-format';
import { flipBitAt, messageBytes } from '../support/tamper';
import { givenGenerateRequest } from '../support/tickets';
import { cliDecrypt } from './esdk-cli';
import { localStack, postTickets } from './local-stack';

/**
 * The cross-check: the AWS Encryption SDK CLI, a client no one here wrote, opens a ticket the
 * deployed service sealed, against LocalStack's KMS. So does any other Encryption SDK.
 */
const kms = new KMSClient({});

describe('a ticket sealed by the service, opened by the AWS Encryption SDK CLI', () => {
  let sealed: SealedTicket;
  let keyArn: string;

  beforeAll(async () => {
    keyArn = (await localStack()).keyArn;
    const res = await postTickets(givenGenerateRequest());
    expect(res.status).toBe(201);
    sealed = SealedTicket.parse(res.body);
  });

  it('opens it: the same ticket openTicket reads', async () => {
    const out = await cliDecrypt(sealed, keyArn, TICKET_CONTEXT);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(out.stdout)).toEqual(await openTicket(sealed, { kms, keyArn }));
  });

  it('refuses a tampered one, as openTicket does', async () => {
    const tampered = flipBitAt(sealed, Math.floor(messageBytes(sealed) / 2));
    const out = await cliDecrypt(tampered, keyArn, TICKET_CONTEXT);
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe('');
    await expect(openTicket(tampered, { kms, keyArn })).rejects.toMatchObject({ name: 'TicketTampered' });
  });

  it('writes nothing when the required context does not match (and still exits 0)', async () => {
    const out = await cliDecrypt(sealed, keyArn, { purpose: 'invoice' });
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/encryption context did not match/);
  });
});
