import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

const s3 = new S3Client({ forcePathStyle: true });
const sns = new SNSClient({});

type Params = Record<string, unknown>;

/**
 * The service-integration Task states of the ASL, performed as Step Functions performs them
 * (same parameters, same result shape, same error names), against LocalStack's S3 and SNS.
 */
export const serviceTasks = {
  // Step Functions serializes an object Body to JSON text.
  StoreTicket: async (p: Params) =>
    s3.send(
      new PutObjectCommand({
        Bucket: String(p.Bucket),
        Key: String(p.Key),
        ContentType: String(p.ContentType),
        Body: JSON.stringify(p.Body),
      }),
    ),
  PublishTicket: async (p: Params) =>
    sns.send(
      new PublishCommand({
        TopicArn: String(p.TopicArn),
        Message: String(p.Message),
        MessageAttributes: p.MessageAttributes as never,
      }),
    ),
  FetchTicket: async (p: Params) => {
    try {
      const object = await s3.send(new GetObjectCommand({ Bucket: String(p.Bucket), Key: String(p.Key) }));
      return { Body: await object.Body?.transformToString(), ContentType: object.ContentType };
    } catch (err) {
      if (err instanceof NoSuchKey)
        throw Object.assign(new Error(err.message), { name: 'S3.NoSuchKeyException' });
      throw err;
    }
  },
};
