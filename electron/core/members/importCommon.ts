import ExcelJS from 'exceljs';
import { mapColumns, cell, type Table } from '../io/table';
import { AppError } from '../../../shared/errors';
import { isValidDate } from '../../../shared/zod';
import type { GeoLookup } from './geo';

export type ColumnSpec<K extends string> = Record<K, { names: string[]; required: boolean }>;

/**
 * Maps columns by header name. The header is usually the first row; a file exported from this app
 * (title and meta lines above the header) is accepted too, by looking for the header in the first rows.
 */
export function locateColumns<K extends string>(table: Table, spec: ColumnSpec<K>): { col: Record<K, number>; rows: Table['rows'] } {
  try {
    return { col: mapColumns(table.headers, spec), rows: table.rows };
  } catch (e) {
    for (let i = 0; i < Math.min(6, table.rows.length); i++) {
      try {
        return { col: mapColumns(table.rows[i]!.cells, spec), rows: table.rows.slice(i + 1) };
      } catch {
        // Not the header row either; keep looking.
      }
    }
    throw e;
  }
}

export const get = (cells: string[], index: number) => cell(cells, index).trim();

/** "柑橘、中药材" / "柑橘,中药材" / "柑橘；中药材" -> ["柑橘", "中药材"]. */
export function splitList(s: string): string[] {
  return [...new Set(s.split(/[、,，;；/\s]+/).map((x) => x.trim()).filter(Boolean))];
}

/** Dates as Excel and clerks write them: 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日, or an Excel serial number. */
export function parseDateCell(s: string): string | null {
  const t = s.trim();
  if (t === '') return '';
  if (/^\d{5}$/.test(t)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

export function parseIntCell(s: string, min: number, max: number): number | null {
  const t = s.trim().replace(/[,，人户个\s]/g, '');
  if (t === '') return null;
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Township by name (with or without the 镇/乡/街道 suffix) and a village within it. */
export function resolvePlace(geo: GeoLookup, township: string, village: string, errors: string[], requireTownship: boolean): { townshipId: number | null; villageId: number | null } {
  if (!township) {
    if (requireTownship) errors.push('乡镇（街道）不能为空');
    else if (village) errors.push('填写了村（社区）但没有填乡镇');
    return { townshipId: null, villageId: null };
  }
  const tid = geo.townshipByName(township) ?? geo.townships.find((t) => t.name.replace(/(镇|乡|街道)$/, '') === township.replace(/(镇|乡|街道)$/, ''))?.id;
  if (tid === undefined) {
    errors.push(`乡镇“${township}”不在乡镇列表中`);
    return { townshipId: null, villageId: null };
  }
  if (!village) return { townshipId: tid, villageId: null };
  const vid = geo.villageByName(tid, village) ?? geo.villageByName(tid, `${village}村`);
  if (vid === undefined) errors.push(`${geo.townshipName(tid)}没有“${village}”`);
  return { townshipId: tid, villageId: vid ?? null };
}

export interface TemplateColumn {
  header: string;
  required?: boolean;
  width?: number;
  note: string;
  example: string;
}

/**
 * A template with the header on the first row (what the import expects), a sheet explaining each
 * column with an example, and the township/village names the import accepts.
 */
export async function templateXlsx(title: string, columns: TemplateColumn[], geo: { township: string; villages: string[] }[], lists: { name: string; values: string[] }[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '为农服务台';
  const ws = wb.addWorksheet(title);
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((c, i) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: columns[i - 1]?.required ? 'FFFFE8CC' : 'FFE8F5EF' } };
    c.note = columns[i - 1]!.note;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (let c = 1; c <= columns.length; c++) ws.getColumn(c).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 22 },
    { header: '必填', width: 8 },
    { header: '说明', width: 60 },
    { header: '示例', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '是' : '', c.note, c.example]);
  help.addRow([]);
  help.addRow(['', '', '第一行为表头，请勿修改列名；从第二行起每行一条记录。带 * 的列必填。有任何一行错误时整个文件都不会导入。']);
  const places = wb.addWorksheet('乡镇村名称');
  places.columns = [
    { header: '乡镇（街道）', width: 20 },
    { header: '村（社区）', width: 20 },
  ];
  places.getRow(1).font = { bold: true };
  for (const t of geo) {
    if (t.villages.length === 0) places.addRow([t.township, '']);
    for (const v of t.villages) places.addRow([t.township, v]);
  }
  for (const l of lists) {
    const s = wb.addWorksheet(l.name);
    s.columns = [{ header: l.name, width: 24 }];
    s.getRow(1).font = { bold: true };
    for (const v of l.values) s.addRow([v]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface PreviewRow {
  line: number;
  error: string;
  values: string[];
}

export interface Preview {
  columns: string[];
  rows: PreviewRow[];
  errors: number;
  /** Industries the file names that are not in the list yet; the import adds them. */
  newIndustries: string[];
  encoding: string;
}

export function refuseIfErrors(p: Preview): void {
  if (p.errors === 0) return;
  const first = p.rows.find((r) => r.error)!;
  throw new AppError('VALIDATION', `有 ${p.errors} 行错误，未导入任何数据（第 ${first.line} 行：${first.error}）`, { file: `${p.errors} 行错误` });
}

export function refuseEmpty(rows: unknown[]): void {
  if (rows.length === 0) throw new AppError('VALIDATION', '文件里只有表头，没有数据行', { file: '没有数据行' });
}
