import zlib from 'node:zlib';

/** An entry as stored: `data` is still compressed by `method` (0 STORE, 8 DEFLATE). */
export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  data: Buffer;
}

/**
 * Lists every entry of a zip held in memory through its central directory (so entries written with
 * data descriptors are sized correctly), without inflating them. STORE and DEFLATE only, no zip64:
 * enough for xlsx files, which is what this is for; anything else throws and the caller falls back.
 */
export function readZipEntries(zip: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('zip: bad central directory');
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const packed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (packed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new Error('zip: zip64 is not supported');
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('zip: bad local header');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (method !== 0 && method !== 8) throw new Error(`zip: compression method ${method} is not supported`);
    entries.push({ name, method, crc, size, data: zip.subarray(start, start + packed) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function inflateEntry(e: ZipEntry): Buffer {
  return e.method === 0 ? e.data : zlib.inflateRawSync(e.data);
}

function findEndOfDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) if (zip.readUInt32LE(at) === 0x06054b50) return at;
  throw new Error('zip: no end of central directory');
}
