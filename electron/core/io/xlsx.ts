import ExcelJS from 'exceljs';
import { colText, decimalsOf, headerGrid, safeSheetName, textWidth, type Column, type Row, type SheetSpec } from './sheet';

const NUM_FMT: Partial<Record<NonNullable<Column['kind']>, string>> = {
  fen: '#,##0.00;[Red]-#,##0.00',
  int: '#,##0',
  mu100: '#,##0.00',
  percent: '0.0%',
};

const numberFormat = (decimals: number) => (decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0');

function excelValue(value: unknown, col: Column): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (col.kind) {
    case 'fen':
    case 'mu100':
      // Excel keeps numbers as doubles; the ledger stays in integer fen, only the export divides.
      return Number(value) / 100;
    case 'int':
    case 'percent':
    case 'number':
      return Number(value);
    default:
      return String(value);
  }
}

function columnWidth(col: Column, rows: Row[]): number {
  if (col.width) return col.width;
  let w = textWidth(col.header);
  for (const r of rows.slice(0, 2000)) w = Math.max(w, textWidth(colText(r, col)));
  return Math.min(Math.max(w + 2, 6), col.wrap ? 40 : 60);
}

const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
const LINE_HEIGHT = 15;

/** Lines a wrapped text takes in a column of `width` characters; Excel does not size rows itself on open. */
function linesIn(text: string, width: number): number {
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(width - 1, 1))), 0);
}

interface Placed {
  headerFirst: number;
  headerLast: number;
}

/** Writes one table from `start` (1-based row): title, meta, merged header, body, footer. */
function writeTable(ws: ExcelJS.Worksheet, spec: SheetSpec, start: number, ncol: number, widths: number[]): Placed {
  let r = start;
  const line = (text: string, style?: (row: ExcelJS.Row) => void) => {
    const row = ws.getRow(r);
    row.getCell(1).value = text;
    ws.mergeCells(r, 1, r, Math.max(ncol, 1));
    style?.(row);
    r++;
  };
  line(spec.title, (row) => {
    row.font = { bold: true, size: 16 };
    row.alignment = { horizontal: 'center', vertical: 'middle' };
    row.height = 28;
  });
  for (const m of spec.meta ?? []) line(m);
  const grid = headerGrid(spec);
  const headerFirst = r;
  for (let i = 0; i < grid.rows; i++)
    for (let c = 1; c <= spec.columns.length; c++) {
      const cell = ws.getCell(r + i, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5EF' } };
      cell.border = THIN;
    }
  for (const h of grid.cells) {
    ws.getCell(r + h.r, h.c + 1).value = h.text;
    if (h.rs > 1 || h.cs > 1) ws.mergeCells(r + h.r, h.c + 1, r + h.r + h.rs - 1, h.c + h.cs);
  }
  r += grid.rows;
  const headerLast = r - 1;
  const bodyFirst = r;
  const strong = new Set(spec.strongRows ?? []);
  const spanned = new Set((spec.merges ?? []).filter((m) => (m.rowSpan ?? 1) > 1).flatMap((m) => Array.from({ length: m.colSpan ?? 1 }, (_, j) => `${m.row}:${m.col + j}`)));
  spec.rows.forEach((data, i) => {
    const row = ws.getRow(r);
    let lines = 1;
    spec.columns.forEach((col, c) => {
      const cell = row.getCell(c + 1);
      cell.value = excelValue(data[col.key], col);
      const fmt = col.kind === 'number' ? numberFormat(decimalsOf(col, data)) : col.kind ? NUM_FMT[col.kind] : undefined;
      if (fmt) cell.numFmt = fmt;
      cell.border = THIN;
      if (col.wrap) {
        cell.alignment = { wrapText: true, vertical: 'middle' };
        if (!spanned.has(`${i}:${c}`)) lines = Math.max(lines, linesIn(colText(data, col), widths[c]!));
      } else cell.alignment = { vertical: 'middle' };
      if (strong.has(i)) cell.font = { bold: true };
    });
    if (lines > 1) row.height = lines * LINE_HEIGHT;
    r++;
  });
  for (const m of spec.merges ?? []) ws.mergeCells(bodyFirst + m.row, m.col + 1, bodyFirst + m.row + (m.rowSpan ?? 1) - 1, m.col + (m.colSpan ?? 1));
  for (const f of spec.footer ?? []) line(f);
  return { headerFirst, headerLast };
}

/**
 * A worksheet holding one table, or several stacked with a page break between them (a cooperative's
 * statements). One table gets a frozen header repeated on every printed page; A4 landscape, page numbers.
 */
export function addSheet(wb: ExcelJS.Workbook, specs: SheetSpec | SheetSpec[], used = new Set<string>()): ExcelJS.Worksheet {
  const list = Array.isArray(specs) ? specs : [specs];
  const first = list[0]!;
  const ws = wb.addWorksheet(safeSheetName(first.name, used), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  const ncol = Math.max(...list.map((s) => s.columns.length), 1);
  const widths = Array.from({ length: ncol }, (_, c) => Math.max(...list.map((s) => (s.columns[c] ? columnWidth(s.columns[c], s.rows) : 6))));
  ws.columns = widths.map((width) => ({ width }));
  let start = 1;
  list.forEach((spec, i) => {
    const placed = writeTable(ws, spec, start, ncol, widths);
    if (list.length === 1) {
      ws.views = [{ state: 'frozen', ySplit: placed.headerLast }];
      ws.pageSetup.printTitlesRow = `${placed.headerFirst}:${placed.headerLast}`;
    }
    if (i < list.length - 1) ws.getRow(ws.rowCount).addPageBreak();
    // A blank row between stacked tables on screen; the page break keeps them apart on paper.
    start = ws.rowCount + 2;
  });
  return ws;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '为农服务台';
  wb.created = new Date();
  return wb;
}

/** One sheet per entry; an entry that is a list stacks its tables on one sheet. */
export async function writeXlsx(sheets: (SheetSpec | SheetSpec[])[]): Promise<Buffer> {
  const wb = newWorkbook();
  const used = new Set<string>();
  for (const s of sheets) addSheet(wb, s, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
