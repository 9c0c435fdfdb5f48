import { SNSClient, SubscribeCommand, UnsubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

// The queue URL names localhost:4566; keep talking to AWS_ENDPOINT_URL instead.
const sqs = new SQSClient({ useQueueUrlAsEndpoint: false });
const sns = new SNSClient({});

/**
 * A fresh SQS queue subscribed to the ticket topic for one test file, so what a test reads
 * is what that test published, never leftovers. Raw delivery: the body is the SNS Message.
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

  return {
    /** Waits (long polling, up to ~10 s) for a message matching the predicate. */
    async waitFor(matches: (body: unknown) => boolean): Promise<unknown> {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2, MaxNumberOfMessages: 10 }),
        );
        for (const m of Messages) {
          await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }));
          const body = JSON.parse(m.Body ?? 'null');
          if (matches(body)) return body;
        }
      }
      throw new Error('No matching message reached the subscribed queue within ~10 s');
    },
    async close() {
      if (SubscriptionArn) await sns.send(new UnsubscribeCommand({ SubscriptionArn }));
      await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    },
  };
}
