import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';

/**
 * What the bucket holds for one request: its seat claim, the tickets stored since a snapshot,
 * and its Idempotency-Key record. The invariants of the fault matrix are read from here.
 */
const s3 = new S3Client({ forcePathStyle: true });

const notFound = (err: unknown) =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

export const seatClaimKey = (eventId: string, seat: string) => `seats/${eventId}/${seat}.json`;
/**
 * The record's object key, as the workflow names it: the SHA-256 of the key's base64 form (the
 * request template sends the header as base64 of its UTF-8 bytes).
 */
export const keyRecordKey = (idempotencyKey: string) =>
  `idempotency/${createHash('sha256').update(Buffer.from(idempotencyKey, 'utf8').toString('base64')).digest('hex')}.json`;

export async function exists(bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if (notFound(err)) return false;
    throw err;
  }
}

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
