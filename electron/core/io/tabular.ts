import { toCsv } from './csv';
import { writeXlsx } from './xlsx';
import { renderPdf } from '../reports/pdf';
import { cellText, type SheetSpec } from './sheet';

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
};

export function csvOf(spec: SheetSpec): Buffer {
  return toCsv([spec.columns.map((c) => c.header), ...spec.rows.map((r) => spec.columns.map((c) => cellText(r[c.key], c.kind)))]);
}

/** A4 landscape table with the header repeated on every page and "第 x 页 共 y 页" at the foot. */
export function pdfOf(spec: SheetSpec): Promise<Buffer> {
  const numeric = (k?: string) => k === 'fen' || k === 'int' || k === 'mu100' || k === 'percent';
  const body = [
    spec.columns.map((c) => ({ text: c.header, bold: true, fillColor: '#e8f5ef', alignment: 'center' })),
    ...spec.rows.map((r) => spec.columns.map((c) => ({ text: cellText(r[c.key], c.kind), alignment: numeric(c.kind) ? 'right' : 'left' }))),
  ];
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [30, 40, 30, 40],
    defaultStyle: { fontSize: 9 },
    content: [
      { text: spec.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
      ...(spec.meta ?? []).map((m) => ({ text: m, margin: [0, 0, 0, 2] })),
      { table: { headerRows: 1, widths: spec.columns.map(() => '*'), body }, layout: 'lightHorizontalLines', margin: [0, 6, 0, 6] },
      ...(spec.footer ?? []).map((f) => ({ text: f, margin: [0, 2, 0, 0] })),
    ],
    footer: (current: number, total: number) => ({ text: `第 ${current} 页 共 ${total} 页`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
  });
}

/** Renders one sheet to the chosen format, as a file the API can hand to the renderer. */
export async function exportSheet(spec: SheetSpec, format: ExportFormat, fileBase: string): Promise<{ name: string; mime: string; bytes: Buffer }> {
  const bytes = format === 'xlsx' ? await writeXlsx([spec]) : format === 'csv' ? csvOf(spec) : await pdfOf(spec);
  return { name: `${fileBase}.${format}`, mime: MIME[format], bytes };
}
