import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { keyRecordKey } from '../../tools/load/ticket-bucket';

export { exists, keyRecordKey, seatClaimKey } from '../../tools/load/ticket-bucket';

/**
 * What the bucket holds for one request: its seat claim, the tickets stored since a snapshot,
 * and its Idempotency-Key record. The invariants of the fault matrix are read from here.
 */
const s3 = new S3Client({ forcePathStyle: true });

const notFound = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** The ids of the tickets stored now (tickets/<id>.json). */
export async function storedTicketIds(bucket: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let token: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: 'tickets/', ContinuationToken: token }),
    );
    for (const o of page.Contents ?? []) ids.add((o.Key ?? '').slice('tickets/'.length, -'.json'.length));
    token = page.NextContinuationToken;
  } while (token);
  return ids;
}

/** The record's status (InFlight, Completed), or undefined when there is none. */
export async function keyRecordStatus(bucket: string, idempotencyKey: string): Promise<string | undefined> {
  try {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: keyRecordKey(idempotencyKey) }));
    return (JSON.parse((await res.Body?.transformToString()) ?? '{}') as { status?: string }).status;
  } catch (err) {
    if (notFound(err)) return undefined;
    throw err;
  }
}
