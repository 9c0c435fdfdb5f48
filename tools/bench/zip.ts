import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of a zip reader for the artifacts `sls package` writes (stored or deflated
 * entries, no zip64), so the bench needs neither an `unzip` binary nor a dependency.
 */
export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
};

const END_OF_CENTRAL_DIR = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** The end record sits in the last 22 bytes plus an optional comment of up to 64 KiB. */
function findEndRecord(zip: Buffer): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIR) return at;
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

export function listZip(zip: Buffer): ZipEntry[] {
  const end = findEndRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`corrupt zip: bad central header at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const variable = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localHeaderOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + variable;
  }
  return entries;
}

export function readEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (zip.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new Error(`corrupt zip: bad local header for ${entry.name}`);
  }
  // The local header's own name/extra lengths may differ from the central directory's.
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const raw = zip.subarray(start, start + entry.compressedSize);
  let data: Buffer;
  if (entry.method === STORED) data = Buffer.from(raw);
  else if (entry.method === DEFLATED) data = inflateRawSync(raw);
  else throw new Error(`${entry.name}: unsupported compression method ${entry.method}`);
  if (data.length !== entry.size) {
    throw new Error(`${entry.name}: expected ${entry.size} bytes, got ${data.length}`);
  }
  return data;
}
