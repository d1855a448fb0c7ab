import { toCsv } from './csv';
import { writeXlsx } from './xlsx';
import { renderPdf } from '../reports/pdf';
import { colText, headerGrid, isNumeric, leafHeaders, mergedInto, textWidth, type SheetSpec } from './sheet';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export const MIME: Record<ExportFormat | 'zip', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  zip: 'application/zip',
};

/** Table rows as CSV text: one header line per column, and a merged cell's value on every row it spans. */
export function csvRows(spec: SheetSpec): string[][] {
  const merged = mergedInto(spec);
  const body = spec.rows.map((r, i) =>
    spec.columns.map((c, j) => {
      const from = merged.get(`${i}:${j}`);
      return from ? colText(spec.rows[from.row]!, spec.columns[from.col]!) : colText(r, c);
    }),
  );
  return [leafHeaders(spec), ...body];
}

export function csvOf(spec: SheetSpec): Buffer {
  return toCsv(csvRows(spec));
}

/** A4 landscape, 30 pt margins. */
const PRINTABLE_WIDTH = 842 - 60;
const CELL_PADDING = 3;

/** Thin lines around every cell, as printed forms have; merged cells get no lines inside them. */
const GRID = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#666666',
  vLineColor: () => '#666666',
  paddingLeft: () => CELL_PADDING,
  paddingRight: () => CELL_PADDING,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** Column widths in points, in proportion to the text they hold, as on the xlsx sheet. */
function pdfWidths(spec: SheetSpec): number[] {
  const chars = spec.columns.map((c) => {
    if (c.width) return c.width;
    let w = textWidth(c.header);
    for (const r of spec.rows.slice(0, 500)) w = Math.max(w, textWidth(colText(r, c)));
    return Math.min(Math.max(w, 4), c.wrap ? 40 : 30);
  });
  const total = chars.reduce((a, b) => a + b, 0);
  // Each column loses its padding on both sides and a line; what is left is shared by the text widths.
  const usable = PRINTABLE_WIDTH - (2 * CELL_PADDING + 0.5) * spec.columns.length - 1;
  return chars.map((w) => Math.max(18, Math.floor((usable * w) / total)));
}

/** Title, meta lines, the table with its header repeated on every page, and footer lines. */
export function pdfBlock(spec: SheetSpec): unknown[] {
  const grid = headerGrid(spec);
  const n = spec.columns.length;
  const header: unknown[][] = Array.from({ length: grid.rows }, () => Array.from({ length: n }, () => ({})));
  for (const h of grid.cells) header[h.r]![h.c] = { text: h.text, bold: true, fillColor: '#e8f5ef', alignment: 'center', colSpan: h.cs, rowSpan: h.rs };
  const strong = new Set(spec.strongRows ?? []);
  const merged = mergedInto(spec);
  const spans = new Map((spec.merges ?? []).map((m) => [`${m.row}:${m.col}`, m]));
  const body = spec.rows.map((r, i) =>
    spec.columns.map((c, j) => {
      if (merged.has(`${i}:${j}`)) return {};
      const m = spans.get(`${i}:${j}`);
      return { text: colText(r, c), alignment: isNumeric(c.kind) ? 'right' : 'left', bold: strong.has(i), colSpan: m?.colSpan ?? 1, rowSpan: m?.rowSpan ?? 1 };
    }),
  );
  return [
    { text: spec.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
    // On paper the meta lines share one wrapped paragraph, so a statement keeps to one page.
    ...(spec.meta?.length ? [{ text: spec.meta.join('　　　'), margin: [0, 0, 0, 2] }] : []),
    { table: { headerRows: grid.rows, widths: pdfWidths(spec), body: [...header, ...body], dontBreakRows: true }, layout: GRID, margin: [0, 6, 0, 6] },
    ...(spec.footer ?? []).map((f) => ({ text: f, margin: [0, 2, 0, 0] })),
  ];
}

/** Several tables in one A4 landscape document, each starting on a new page, "第 x 页 共 y 页" at the foot. */
export function pdfOfSheets(specs: SheetSpec[]): Promise<Buffer> {
  const content = specs.flatMap((s, i) => {
    const block = pdfBlock(s);
    if (i > 0) (block[0] as Record<string, unknown>).pageBreak = 'before';
    return block;
  });
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 30, 30, 36],
    defaultStyle: { fontSize: 9 },
    content,
    footer: (current: number, total: number) => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
  });
}

/** A4 landscape table with the header repeated on every page and "第 x 页 共 y 页" at the foot. */
export function pdfOf(spec: SheetSpec): Promise<Buffer> {
  return pdfOfSheets([spec]);
}

/** Renders one sheet to the chosen format, as a file the API can hand to the renderer. */
export async function exportSheet(spec: SheetSpec, format: ExportFormat, fileBase: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const bytes = format === 'xlsx' ? await writeXlsx([spec]) : format === 'csv' ? csvOf(spec) : await pdfOf(spec);
  return { name: `${fileBase}.${format}`, mime: MIME[format], bytes };
}
