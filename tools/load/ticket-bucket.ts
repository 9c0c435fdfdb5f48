import { createHash } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, ListObjectVersionsCommand, S3Client } from '@aws-sdk/client-s3';
import { SealedTicket } from '../../handlers/tickets/schemas';
import type { StoredTicket } from './deliveries';

// One client, at LocalStack's AWS_ENDPOINT_URL (path style: the bucket is not a DNS name there).
const s3 = new S3Client({ forcePathStyle: true });

const TICKET_KEY = /^tickets\/([^/]+)\.json$/;
// 1,000 versions a page: enough for a bucket of a few hundred thousand tickets.
const MAX_PAGES = 500;

/** Where the workflow keeps a seat's claim and a key's record (statemachines/ticket.asl.yml). */
export const seatClaimKey = (eventId: string, seat: string) => `seats/${eventId}/${seat}.json`;
/**
 * The record's object key, as the workflow names it: the SHA-256 of the key's base64 form (the
 * request template sends the header as base64 of its UTF-8 bytes; api/start-sync-execution.vtl).
 */
export const keyRecordKey = (idempotencyKey: string) =>
  `idempotency/${createHash('sha256').update(Buffer.from(idempotencyKey, 'utf8').toString('base64')).digest('hex')}.json`;

/** Whether an object exists now (HeadObject: 404 means no). */
export async function exists(bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (err) {
    if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw err;
  }
}

/**
 * A violation line unless the object is there (`held`) or absent, as expected; a failed look is
 * one too. `what` names the object for the reader, `when` the moment of the look.
 */
export async function expectHeld(
  bucket: string,
  c: { label: string; what: string; objectKey: string; held: boolean; when: string },
): Promise<string[]> {
  const found = await exists(bucket, c.objectKey).catch((err: Error) => err);
  if (found instanceof Error) return [`${c.label}: could not look for ${c.objectKey}: ${found.message}`];
  if (found === c.held) return [];
  return [`${c.label}: ${c.what} ${c.held ? 'is missing' : 'is still held'} ${c.when}`];
}

/**
 * Every tickets/<id>.json in the (versioned) bucket, with how many versions it has: a ticket
 * stored twice has two. Bounded by a page count and a deadline; `complete` says whether it
 * got to the end.
 */
export async function storedTickets(
  bucket: string,
  deadline: number,
): Promise<{ tickets: Map<string, StoredTicket>; complete: boolean }> {
  const tickets = new Map<string, StoredTicket>();
  const entry = (key: string | undefined) => {
    const id = key ? TICKET_KEY.exec(key)?.[1] : undefined;
    if (!id) return undefined;
    const found = tickets.get(id) ?? { versions: 0, live: false, lastModified: undefined };
    tickets.set(id, found);
    return found;
  };
  let keyMarker: string | undefined;
  let versionMarker: string | undefined;
  for (let page = 0; page < MAX_PAGES && performance.now() < deadline; page += 1) {
    const res = await s3.send(
      new ListObjectVersionsCommand({
        Bucket: bucket,
        Prefix: 'tickets/',
        KeyMarker: keyMarker,
        VersionIdMarker: versionMarker,
      }),
    );
    for (const v of res.Versions ?? []) {
      const t = entry(v.Key);
      if (!t) continue;
      t.versions += 1;
      if (v.IsLatest) Object.assign(t, { live: true, lastModified: v.LastModified });
    }
    for (const m of res.DeleteMarkers ?? []) {
      const t = entry(m.Key);
      if (t && m.IsLatest) Object.assign(t, { live: false, lastModified: m.LastModified });
    }
    if (!res.IsTruncated) return { tickets, complete: true };
    keyMarker = res.NextKeyMarker;
    versionMarker = res.NextVersionIdMarker;
  }
  return { tickets, complete: false };
}

/** The envelope stored for a ticket id. */
export async function storedEnvelope(bucket: string, ticketId: string): Promise<SealedTicket> {
  const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: `tickets/${ticketId}.json` }));
  return SealedTicket.parse(JSON.parse((await res.Body?.transformToString()) ?? 'null'));
}
