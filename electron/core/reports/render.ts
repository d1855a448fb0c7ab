import type ExcelJS from 'exceljs';
import { toCsv } from '../io/csv';
import { addSheet, newWorkbook, writeXlsx } from '../io/xlsx';
import { MIME, csvRows, pdfOfSheets } from '../io/tabular';
import { ZipWriter } from '../io/zip';
import type { SheetSpec } from '../io/sheet';
import type { ReportFormat } from '../../../shared/reports';

export interface RenderedFile {
  name: string;
  mime: string;
  bytes: Buffer;
}

/** Characters Windows refuses in file names become "_"; Chinese quotes and brackets stay. */
export function safeFileName(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 150);
}

/**
 * CSV of one table is just the table (one header line, merged cells repeated), so that it imports cleanly;
 * several tables follow one another, each under its title line and separated by a blank line.
 */
export function csvOfSheets(sheets: SheetSpec[]): Buffer {
  if (sheets.length === 1) return toCsv(csvRows(sheets[0]!));
  return toCsv(sheets.flatMap((s, i) => [...(i > 0 ? [[]] : []), [s.title], ...csvRows(s)]));
}

/** A single report: a workbook with a sheet per table, one PDF, or one CSV. */
export async function renderSingle(sheets: SheetSpec[], format: ReportFormat, base: string): Promise<RenderedFile> {
  const bytes = format === 'xlsx' ? await writeXlsx(sheets) : format === 'pdf' ? await pdfOfSheets(sheets) : csvOfSheets(sheets);
  return { name: `${safeFileName(base)}.${format}`, mime: MIME[format], bytes };
}

/**
 * A batch written part by part, so a job can report progress and stop between parts: xlsx puts each part's
 * tables on its own sheet of one workbook; PDF and CSV write a file per part into a zip.
 */
export class BatchSink {
  private readonly wb: ExcelJS.Workbook | null;
  private readonly zip: ZipWriter | null;
  private readonly used = new Set<string>();

  constructor(
    private readonly format: ReportFormat,
    private readonly base: string,
  ) {
    this.wb = format === 'xlsx' ? newWorkbook() : null;
    this.zip = format === 'xlsx' ? null : new ZipWriter();
  }

  async add(partName: string, sheets: SheetSpec[]): Promise<void> {
    if (this.wb) {
      addSheet(this.wb, sheets.map((s, i) => (i === 0 ? { ...s, name: partName } : s)), this.used);
      return;
    }
    const bytes = this.format === 'pdf' ? await pdfOfSheets(sheets) : csvOfSheets(sheets);
    this.zip!.add(`${safeFileName(partName)}.${this.format}`, bytes);
  }

  async finish(): Promise<RenderedFile> {
    if (this.wb) return { name: `${safeFileName(this.base)}.xlsx`, mime: MIME.xlsx, bytes: Buffer.from(await this.wb.xlsx.writeBuffer()) };
    return { name: `${safeFileName(this.base)}.zip`, mime: MIME.zip, bytes: this.zip!.finish() };
  }
}
