import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { tempDir } from './tmp';

export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** The 1-based row whose first cell is `text` (a header row, a data row by 序号…). */
export function rowWhere(ws: ExcelJS.Worksheet, col: number, text: string | number): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).value === text) return r;
  throw new Error(`工作表“${ws.name}”第 ${col} 列没有“${text}”`);
}

export function merges(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

/**
 * Renders every page of a PDF to PNG with pdftoppm (as a reader's viewer would) and returns the page count,
 * the PNG files' sizes and the text layer from pdftotext.
 */
export function inspectPdf(bytes: Buffer): { pages: number; pngs: number[]; text: string } {
  const tmp = tempDir('pdf');
  try {
    const file = path.join(tmp.dir, 'r.pdf');
    fs.writeFileSync(file, bytes);
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    execFileSync('pdftoppm', ['-r', '30', '-png', file, path.join(tmp.dir, 'page')]);
    const pngs = fs
      .readdirSync(tmp.dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => {
        const b = fs.readFileSync(path.join(tmp.dir, f));
        if (b.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error(`${f} 不是 PNG`);
        return b.length;
      });
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    return { pages, pngs, text };
  } finally {
    tmp.cleanup();
  }
}

/** Reads a zip's entries independently of the writer under test: central directory, then each local entry. */
export function readZip(zip: Buffer): { name: string; bytes: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('不是 zip 文件');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('中央目录损坏');
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const csize = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + csize);
    const bytes = method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data);
    if ((zlib.crc32(bytes) >>> 0) !== crc) throw new Error(`${name} 校验不符`);
    out.push({ name, bytes });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}
