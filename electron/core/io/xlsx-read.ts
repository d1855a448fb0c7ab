import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { inflateEntry, readZipEntries } from './unzip';
import { ZipWriter } from './zip';

export interface SheetRow {
  line: number;
  cells: string[];
}

/**
 * The first worksheet of an xlsx as cell texts. Streams the sheet (a 100,000-row workbook loaded whole
 * costs well over a gigabyte in exceljs); files the stream reader cannot take are loaded whole.
 */
export async function readXlsxRows(bytes: Buffer): Promise<SheetRow[]> {
  let prepared: Buffer;
  try {
    prepared = streamable(bytes);
  } catch {
    return loadFirstSheet(bytes);
  }
  return streamFirstSheet(prepared).catch(() => loadFirstSheet(bytes));
}

// Parts the stream reader must have seen before the first worksheet, in this order.
const LEADING = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * Rewrites the package so that exceljs's stream reader reads it correctly:
 * - it decodes each inflated chunk on its own, so a Chinese character split across two chunks came out
 *   as U+FFFD (a 5,000-row voucher file lost its 凭证字 on row 2,727); XML character references are
 *   plain ASCII and cannot be split that way, and the XML parser turns them back into the characters;
 * - it needs the workbook, styles and shared strings before the sheets, and files written by streaming
 *   writers (exceljs's own included) put them after.
 * Only XML parts holding non-ASCII text are inflated and rewritten (in files from Excel, the shared strings);
 * every other part is copied still compressed, so a large sheet is still inflated only as it streams.
 */
function streamable(bytes: Buffer): Buffer {
  const entries = readZipEntries(bytes);
  const rank = (name: string) => {
    const i = LEADING.indexOf(name);
    return i < 0 ? LEADING.length : i;
  };
  const zip = new ZipWriter(new Date(0), 1);
  for (const e of [...entries].sort((a, b) => rank(a.name) - rank(b.name))) {
    const text = /\.(xml|rels)$/i.test(e.name) ? inflateEntry(e) : null;
    if (text && text.some((b) => b > 0x7f)) zip.add(e.name, asciiXml(text));
    else zip.addRaw(e.name, e);
  }
  return zip.finish();
}

function asciiXml(bytes: Buffer): Buffer {
  return Buffer.from(bytes.toString('utf8').replace(/[^\x00-\x7f]/gu, (ch) => `&#${ch.codePointAt(0)};`), 'latin1');
}

async function streamFirstSheet(bytes: Buffer): Promise<SheetRow[]> {
  // Styles are read so that date cells come back as dates rather than Excel serial numbers.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const matrix: SheetRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as ExcelJS.CellValue[];
      const cells: string[] = [];
      for (let c = 1; c < values.length; c++) cells.push(cellText(values[c] ?? null));
      matrix.push({ line: row.number, cells });
    }
    break;
  }
  return matrix;
}

async function loadFirstSheet(bytes: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  const matrix: SheetRow[] = [];
  const width = ws.columnCount;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    matrix.push({ line, cells });
  });
  return matrix;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}
