import { APIGatewayClient, GetApiKeyCommand } from '@aws-sdk/client-api-gateway';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetTopicAttributesCommand, SNSClient } from '@aws-sdk/client-sns';
import { deployStage } from '../../localstack/deploy';
import { readStackInfo, STACK_NAME } from '../../localstack/stack-info';
import { subscribeInbox } from '../../localstack/ticket-inbox';
import { signedPost } from '../../tools/client/signed-fetch';
import { givenGenerateRequest } from '../support/tickets';
import { localStack, postTickets } from './local-stack';

/**
 * Issue 10's hardening, where LocalStack can show it. LocalStack community does not enforce IAM
 * or KMS key policies, so a signed request is not checked here and the template tests
 * (tests/unit/template-hardening.test.ts) prove the IAM and key-policy side.
 */
const KEYED_STAGE = 'local-apikey';

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(givenGenerateRequest()),
  });

describe('the ticket topic, encrypted at rest', () => {
  it('names the stack key, and Step Functions still publishes each ticket to it', async () => {
    const { topicArn } = await localStack();
    const { Attributes } = await new SNSClient({}).send(
      new GetTopicAttributesCommand({ TopicArn: topicArn }),
    );
    const keyId = Attributes?.KmsMasterKeyId ?? '';
    const { KeyMetadata } = await new KMSClient({}).send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(KeyMetadata?.Enabled).toBe(true);
    expect(KeyMetadata?.Description).toMatch(/topics at rest/);

    const inbox = await subscribeInbox(topicArn);
    try {
      const res = await postTickets(givenGenerateRequest());
      expect(res.status).toBe(201);
      const ticketId = String(res.body.ticketId);
      expect(
        await inbox.waitFor((body) => (body as { ticketId?: string }).ticketId === ticketId),
      ).toMatchObject({ ticketId });
    } finally {
      await inbox.close();
    }
  });
});

describe('alarms', () => {
  it('are deployed and notify the alarm topic', async () => {
    const { alarmTopicArn } = await localStack();
    const { MetricAlarms = [] } = await new CloudWatchClient({}).send(new DescribeAlarmsCommand({}));
    const ours = MetricAlarms.filter((a) => a.AlarmActions?.includes(alarmTopicArn));
    expect(ours.map((a) => a.MetricName).sort()).toEqual(
      [
        '5XXError',
        'Errors',
        'Errors',
        'ExecutionsFailed',
        'ExecutionsTimedOut',
        'Throttles',
        'Throttles',
      ].sort(),
    );
  });
});

describe("the request id, from the HTTP answer to the Lambdas' logs", () => {
  it("names the execution, and both functions' log lines carry it", async () => {
    const { apiUrl } = await localStack();
    const res = await signedPost(apiUrl, JSON.stringify(givenGenerateRequest()), {
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(201);
    const requestId = res.headers.get('x-amzn-requestid') ?? '';
    expect(requestId).not.toBe('');

    const logs = new CloudWatchLogsClient({});
    for (const fn of ['generateTicket', 'encryptTicket']) {
      const logGroupName = `/aws/lambda/${STACK_NAME}-${fn}`;
      let lines: string[] = [];
      // LocalStack ships Lambda logs to CloudWatch Logs from a background thread.
      for (let attempt = 0; attempt < 20 && lines.length === 0; attempt += 1) {
        const { events = [] } = await logs.send(
          new FilterLogEventsCommand({ logGroupName, filterPattern: `"${requestId}"` }),
        );
        lines = events.map((e) => e.message ?? '').filter((m) => m.includes(requestId));
        if (lines.length === 0) await new Promise((r) => setTimeout(r, 500));
      }
      const entry = JSON.parse(lines.find((l) => l.trim().startsWith('{')) ?? '{}');
      expect(entry).toMatchObject({ executionName: requestId, service: 'ticket-orchestrator' });
    }
  });
});

describe('the apiAuth=apiKey option (stage local-apikey, deployed here)', () => {
  let url = '';
  let apiKey = '';
  beforeAll(async () => {
    await deployStage(KEYED_STAGE);
    const info = await readStackInfo(KEYED_STAGE);
    url = info.apiUrl;
    const key = await new APIGatewayClient({}).send(
      new GetApiKeyCommand({ apiKey: info.apiKeyId, includeValue: true }),
    );
    apiKey = key.value ?? '';
  }, 240_000);

  it('refuses a request without a key with 403', async () => {
    const res = await post(url);
    expect(res.status).toBe(403);
    // LocalStack answers API Gateway's default body; AWS the InvalidApiKeyResponse ({error, message}).
    expect(await res.json()).toMatchObject({ message: 'Forbidden' });
  });

  it('refuses a wrong key with 403', async () => {
    expect((await post(url, { 'x-api-key': `${apiKey}-not` })).status).toBe(403);
  });

  it('issues a ticket for a request with the key', async () => {
    const res = await post(url, { 'x-api-key': apiKey });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ticketId: expect.any(String) });
  });
});
