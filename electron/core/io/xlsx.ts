import ExcelJS from 'exceljs';
import { cellText, safeSheetName, textWidth, type Column, type SheetSpec } from './sheet';

const NUM_FMT: Partial<Record<NonNullable<Column['kind']>, string>> = {
  fen: '#,##0.00;[Red]-#,##0.00',
  int: '#,##0',
  mu100: '#,##0.00',
  percent: '0.0%',
};

function excelValue(value: unknown, col: Column): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (col.kind) {
    case 'fen':
    case 'mu100':
      // Excel keeps numbers as doubles; the ledger stays in integer fen, only the export divides.
      return Number(value) / 100;
    case 'int':
    case 'percent':
      return Number(value);
    default:
      return String(value);
  }
}

function columnWidth(col: Column, rows: Record<string, unknown>[]): number {
  if (col.width) return col.width;
  let w = textWidth(col.header);
  for (const r of rows.slice(0, 2000)) w = Math.max(w, textWidth(cellText(r[col.key], col.kind)));
  return Math.min(Math.max(w + 2, 6), 60);
}

/** Title, meta lines, a frozen bold header, number formats, A4 landscape with repeated header and page numbers. */
export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec, used = new Set<string>()): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(safeSheetName(spec.name, used), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
  });
  const ncol = spec.columns.length;
  ws.columns = spec.columns.map((c) => ({ key: c.key, width: columnWidth(c, spec.rows) }));
  const title = ws.addRow([spec.title]);
  ws.mergeCells(title.number, 1, title.number, Math.max(ncol, 1));
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 28;
  for (const line of spec.meta ?? []) {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, Math.max(ncol, 1));
  }
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F5EF' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const row of spec.rows) {
    const r = ws.addRow(spec.columns.map((c) => excelValue(row[c.key], c)));
    spec.columns.forEach((c, i) => {
      const fmt = c.kind ? NUM_FMT[c.kind] : undefined;
      const cell = r.getCell(i + 1);
      if (fmt) cell.numFmt = fmt;
      cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    });
  }
  for (const line of spec.footer ?? []) {
    const r = ws.addRow([line]);
    ws.mergeCells(r.number, 1, r.number, Math.max(ncol, 1));
  }
  return ws;
}

export async function writeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '为农服务台';
  wb.created = new Date();
  const used = new Set<string>();
  for (const s of sheets) addSheet(wb, s, used);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
