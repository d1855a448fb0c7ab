import { decodeText, parseCsv } from './csv';
import { readXlsxRows } from './xlsx-read';
import { AppError } from '../../../shared/errors';

export interface Table {
  headers: string[];
  /** Data rows as trimmed strings; `line` is the 1-based row number the user sees in Excel. */
  rows: { line: number; cells: string[] }[];
  encoding: string;
}

function fromMatrix(matrix: { line: number; cells: string[] }[], encoding: string): Table {
  const nonEmpty = matrix.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const head = nonEmpty.shift();
  if (!head) throw new AppError('VALIDATION', '文件里没有数据（第一行应为表头）', { file: '文件为空' });
  return {
    headers: head.cells.map((h) => h.trim()),
    rows: nonEmpty.map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })),
    encoding,
  };
}

/** Reads the first sheet of an xlsx, or a CSV in UTF-8 or GB18030, into header + rows. */
export async function readTable(name: string, bytes: Buffer): Promise<Table> {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    let matrix: { line: number; cells: string[] }[];
    try {
      matrix = await readXlsxRows(bytes);
    } catch {
      throw new AppError('VALIDATION', `无法读取 Excel 文件“${name}”，文件可能已损坏或不是 .xlsx 格式`, { file: '文件格式不正确' });
    }
    return fromMatrix(matrix, 'xlsx');
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    const { text, encoding } = decodeText(bytes);
    if (text.includes('\u0000')) throw new AppError('VALIDATION', `“${name}”不是文本格式的 CSV 文件`, { file: '文件格式不正确' });
    return fromMatrix(
      parseCsv(text).map((cells, i) => ({ line: i + 1, cells })),
      encoding,
    );
  }
  throw new AppError('VALIDATION', `不支持的文件类型“${name}”，请使用 .xlsx 或 .csv`, { file: '文件类型不支持' });
}

/**
 * Maps wanted columns to their index by header name (aliases allowed). Missing required columns are
 * reported all at once so the user fixes the template in one go.
 */
export function mapColumns<K extends string>(headers: string[], spec: Record<K, { names: string[]; required: boolean }>): Record<K, number> {
  const norm = (s: string) => s.replace(/[\s*＊（）()]/g, '').toLowerCase();
  const index = new Map(headers.map((h, i) => [norm(h), i]));
  const out = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(spec) as K[]) {
    const { names, required } = spec[key];
    const found = names.map((n) => index.get(norm(n))).find((i) => i !== undefined);
    if (found === undefined) {
      if (required) missing.push(names[0]!);
      out[key] = -1;
    } else out[key] = found;
  }
  if (missing.length) throw new AppError('VALIDATION', `文件缺少必需的列：${missing.join('、')}（请使用下载的模板）`, { file: `缺少列：${missing.join('、')}` });
  return out;
}

export function cell(cells: string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '');
}
