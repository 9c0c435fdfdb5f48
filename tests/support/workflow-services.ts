import { handler as encrypt } from '../../handlers/encrypt-ticket';
import { handler as generate } from '../../handlers/generate-ticket';
import { asLambdaTask } from './run-workflow';

type Put = { Bucket: string; Key: string; Body: unknown; IfNoneMatch?: string };
type Address = { Bucket: string; Key: string };

/** An S3 error as Step Functions names it (the cause text is the one S3 gives, on AWS and LocalStack). */
const s3Error = (name: string, cause: string) => Object.assign(new Error(cause), { name });
export const preconditionFailed = () =>
  s3Error(
    'S3.S3Exception',
    'At least one of the pre-conditions you specified did not hold (Service: S3, Status Code: 412, Request ID: r-1)',
  );

/**
 * The task states of the workflow served in process: the real handlers behind the Lambda tasks,
 * and one in-memory bucket (with IfNoneMatch "*" conditional writes) behind every S3 task.
 */
export function givenServices() {
  const objects = new Map<string, string>();
  const published: { TopicArn: string; Message: string }[] = [];
  /** The payloads each Lambda task was invoked with. */
  const payloads = { GenerateTicket: [] as unknown[], EncryptTicket: [] as unknown[] };
  const recorded = (state: keyof typeof payloads, handler: (payload: unknown) => Promise<unknown>) =>
    asLambdaTask(async (payload) => {
      payloads[state].push(payload);
      return handler(payload);
    });
  const at = (p: Address) => `${p.Bucket}/${p.Key}`;
  // Step Functions serializes an object Body to JSON text, as S3 then stores it.
  const put = (p: Put) => {
    if (p.IfNoneMatch === '*' && objects.has(at(p))) throw preconditionFailed();
    objects.set(at(p), JSON.stringify(p.Body));
    return { ETag: '"x"' };
  };
  const get = (p: Address) => {
    const body = objects.get(at(p));
    if (body === undefined) throw s3Error('S3.NoSuchKeyException', 'The specified key does not exist.');
    return { Body: body, ContentType: 'application/json' };
  };
  const remove = (p: Address) => {
    objects.delete(at(p));
    return {};
  };
  const tasks = {
    GenerateTicket: recorded('GenerateTicket', generate),
    EncryptTicket: recorded('EncryptTicket', encrypt),
    ClaimIdempotencyKey: put,
    ReadIdempotencyRecord: get,
    ClaimSeat: put,
    ReadSeatClaim: get,
    StoreTicket: put,
    PublishTicket: (p: { TopicArn: string; Message: string }) => {
      published.push(p);
      return { MessageId: `m-${published.length}` };
    },
    CompleteIdempotencyKey: put,
    WithdrawTicket: remove,
    ReleaseSeat: remove,
    ReleaseIdempotencyKey: remove,
    FetchTicket: get,
  };
  /** Keys stored under a prefix (tickets/, seats/, idempotency/), bucket name dropped. */
  const keys = (prefix: string) =>
    [...objects.keys()].map((k) => k.slice(k.indexOf('/') + 1)).filter((k) => k.startsWith(prefix));
  return { tasks, objects, keys, published, payloads };
}
