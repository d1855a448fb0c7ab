import zlib from 'node:zlib';

/**
 * A minimal zip writer (PKZIP 2.0: STORE or DEFLATE, UTF-8 names, no zip64) for batches of report files.
 * Entries are deflated only when that makes them smaller; PDFs are mostly compressed already.
 */
export class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;
  private count = 0;
  private readonly names = new Set<string>();

  /** `level` is zlib's deflate level; 1 trades size for speed where the zip only lives in memory. */
  constructor(
    private readonly when = new Date(),
    private readonly level = 6,
  ) {}

  /** Adds a file; a name already used gets " (2)", " (3)"… before its extension. */
  add(name: string, bytes: Buffer): string {
    const deflated = zlib.deflateRawSync(bytes, { level: this.level });
    const store = deflated.length >= bytes.length;
    return this.addRaw(name, { method: store ? 0 : 8, crc: zlib.crc32(bytes) >>> 0, size: bytes.length, data: store ? bytes : deflated });
  }

  /** Adds an entry already compressed (copied from another zip), without inflating it. */
  addRaw(name: string, e: { method: number; crc: number; size: number; data: Buffer }): string {
    const unique = this.uniqueName(name.replace(/[\\]/g, '/'));
    const nameBytes = Buffer.from(unique, 'utf8');
    const { time, date } = dosDateTime(this.when);
    if (this.offset + 30 + nameBytes.length + e.data.length > 0xffffffff || this.count >= 0xffff) throw new Error('压缩包超过 4 GB 或 65535 个文件，请分批导出');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // bit 11: the name is UTF-8
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(e.method, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(e.crc, 16);
    entry.writeUInt32LE(e.data.length, 20);
    entry.writeUInt32LE(e.size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(this.offset, 42);
    this.central.push(entry, nameBytes);
    this.chunks.push(local, nameBytes, e.data);
    this.offset += local.length + nameBytes.length + e.data.length;
    this.count++;
    return unique;
  }

  finish(): Buffer {
    const dir = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(dir.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, dir, end]);
  }

  private uniqueName(name: string): string {
    let candidate = name;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let n = 2; this.names.has(candidate); n++) candidate = `${stem} (${n})${ext}`;
    this.names.add(candidate);
    return candidate;
  }
}

/** MS-DOS date and time in local time, as zip tools show them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(d.getFullYear(), 1980);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
