import { createHash } from 'node:crypto';
import { requestSigner } from '../../../tools/client/signed-fetch';

const URL_ = 'http://127.0.0.1:4566/_aws/execute-api/abc123/local/tickets';
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const sign = requestSigner({ credentials, region: 'eu-west-1' });
const json = { 'content-type': 'application/json' };

const signatureOf = (headers: Record<string, string>) =>
  /Signature=([0-9a-f]{64})$/.exec(headers.authorization ?? '')?.[1];

describe('signing a request to POST /tickets', () => {
  beforeEach(() =>
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'], now: new Date('2026-03-04T05:06:07Z') }),
  );
  afterEach(() => jest.useRealTimers());

  it('signs it with SigV4 for execute-api, covering host, date and the body hash', async () => {
    const body = '{"action":"Fetch","ticketId":"t-1"}';

    const { url, headers, body: sent } = await sign(URL_, body, { headers: json });

    expect({ url, sent }).toEqual({ url: URL_, sent: body });
    expect(headers.host).toBe('127.0.0.1:4566');
    expect(headers['x-amz-date']).toBe('20260304T050607Z');
    expect(headers['x-amz-content-sha256']).toBe(createHash('sha256').update(body).digest('hex'));
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/eu-west-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
  });

  it('gives another signature to another body, and the same to the same one', async () => {
    const once = await sign(URL_, '{"action":"Fetch","ticketId":"t-1"}', { headers: json });
    const again = await sign(URL_, '{"action":"Fetch","ticketId":"t-1"}', { headers: json });
    const other = await sign(URL_, '{"action":"Fetch","ticketId":"t-2"}', { headers: json });

    expect(signatureOf(again.headers)).toBe(signatureOf(once.headers));
    expect(signatureOf(other.headers)).not.toBe(signatureOf(once.headers));
  });

  it('sends an API key as x-api-key, signed with the rest, and none when not given', async () => {
    const withKey = await sign(URL_, '{}', { headers: json, apiKey: 'key-123' });
    const without = await sign(URL_, '{}', { headers: json });

    expect(withKey.headers['x-api-key']).toBe('key-123');
    expect(withKey.headers.authorization).toContain(
      'SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-api-key,',
    );
    expect(without.headers).not.toHaveProperty('x-api-key');
  });
});
