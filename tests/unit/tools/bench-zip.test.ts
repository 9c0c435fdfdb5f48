import { deflateRawSync } from 'node:zlib';
import { listZip, readEntry } from '../../../tools/bench/zip';

type File = { name: string; data: string; deflate: boolean; localExtra?: number };

/** A minimal zip writer for the reader to chew on (no CRCs: the reader does not check them). */
function makeZip(files: File[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = Buffer.from(file.data);
    const body = file.deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(file.name);
    const extra = Buffer.alloc(file.localExtra ?? 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(file.deflate ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(file.deflate ? 8 : 0, 10);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    parts.push(local, name, extra, body);
    central.push(header, name);
    offset += local.length + name.length + extra.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

describe('zip reader', () => {
  const js = 'exports.handler=async()=>1;'.repeat(50);
  const zip = makeZip([
    { name: 'handlers/generate-ticket.js', data: js, deflate: true },
    { name: 'handlers/generate-ticket.js.map', data: '{"version":3}', deflate: false, localExtra: 9 },
  ]);

  it('lists entries with their sizes from the central directory', () => {
    const entries = listZip(zip);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['handlers/generate-ticket.js', 8, js.length],
      ['handlers/generate-ticket.js.map', 0, 13],
    ]);
    expect(entries[0]?.compressedSize).toBeLessThan(js.length);
  });

  it('reads deflated and stored entries, skipping a local extra field', () => {
    const [deflated, stored] = listZip(zip);
    if (!deflated || !stored) throw new Error('entries missing');
    expect(readEntry(zip, deflated).toString()).toBe(js);
    expect(readEntry(zip, stored).toString()).toBe('{"version":3}');
  });

  it('refuses what is not a zip', () => {
    expect(() => listZip(Buffer.alloc(64))).toThrow(/not a zip/);
  });

  it('refuses a size that does not match', () => {
    const [entry] = listZip(zip);
    if (!entry) throw new Error('entry missing');
    expect(() => readEntry(zip, { ...entry, size: entry.size + 1 })).toThrow(/expected/);
  });

  it('refuses compression methods it does not know', () => {
    const [entry] = listZip(zip);
    if (!entry) throw new Error('entry missing');
    expect(() => readEntry(zip, { ...entry, method: 12 })).toThrow(/unsupported compression method 12/);
  });
});
