import { SNSClient, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

// The queue URL names localhost:4566; keep talking to AWS_ENDPOINT_URL instead.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const sns = new SNSClient({});

/**
 * A fresh SQS queue subscribed to the ticket topic for one test file (or one `make load` run),
 * so what it reads is what that caller published, never leftovers. Raw delivery: the body is
 * the SNS Message. Shared by the integration suite and tools/load.
 */
export async function subscribeInbox(topicArn: string) {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `ticket-inbox-${Date.now()}` }));
  if (!QueueUrl) throw new Error('CreateQueue returned no URL');
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const { SubscriptionArn } = await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
      ReturnSubscriptionArn: true,
    }),
  );

  /** One receive of up to 10 messages, deleted at once; each body parsed as JSON (else the text). */
  const receiveAll = async (waitSeconds: number): Promise<unknown[]> => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: waitSeconds, MaxNumberOfMessages: 10 }),
    );
    if (Messages.length === 0) return [];
    await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
    return Messages.map((m) => parseBody(m.Body ?? 'null'));
  };

  const receive = async (waitSeconds: number, matches: (body: unknown) => boolean): Promise<unknown[]> =>
    (await receiveAll(waitSeconds)).filter(matches);

  /**
   * Long-polls (up to ~10 s) until `count` messages match. With `andDuplicates`, one more
   * short poll follows, so a message delivered twice shows up as one too many.
   */
  const collect = async (matches: (body: unknown) => boolean, count: number, andDuplicates = false) => {
    const found: unknown[] = [];
    for (let attempt = 0; attempt < 5 && found.length < count; attempt += 1) {
      found.push(...(await receive(2, matches)));
    }
    if (found.length < count) {
      throw new Error(
        `${found.length} of ${count} matching messages reached the subscribed queue within ~10 s`,
      );
    }
    if (andDuplicates) found.push(...(await receive(1, matches)));
    return found;
  };

  return {
    collect,
    receiveAll,
    /** The first message matching the predicate. */
    async waitFor(matches: (body: unknown) => boolean): Promise<unknown> {
      return (await collect(matches, 1))[0];
    },
    async close() {
      if (SubscriptionArn) await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    },
  };
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export type TicketInbox = Awaited<ReturnType<typeof subscribeInbox>>;
