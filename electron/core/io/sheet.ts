/** One tabular export, rendered to xlsx, PDF or CSV by the writers beside this file. */
export type ColumnKind = 'text' | 'fen' | 'int' | 'mu100' | 'percent' | 'date' | 'number';

export type Row = Record<string, unknown>;

export interface Column {
  header: string;
  key: string;
  kind?: ColumnKind;
  /** Excel character width; computed from the content when omitted. */
  width?: number;
  /** Decimals of a 'number' column: fixed, or per row (indicators in 个 and in 万亩次 share a column). */
  decimals?: number | ((row: Row) => number);
  /** Long text wraps inside the column width instead of widening it. */
  wrap?: boolean;
}

/** A header cell spanning columns to the right and rows downward, as in an HTML table. */
export interface HeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

/** A merged block of body cells (0-based row and column); the top-left cell's value is shown. */
export interface CellMerge {
  row: number;
  col: number;
  rowSpan?: number;
  colSpan?: number;
}

export interface SheetSpec {
  /** Worksheet name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  title: string;
  /** Lines under the title: 填报单位、期间、制表日期… */
  meta?: string[];
  columns: Column[];
  rows: Row[];
  /** Lines after the table: 制表人、审核人… */
  footer?: string[];
  /** Several header rows with merged cells; by default one row of the column headers. */
  headerRows?: HeaderCell[][];
  /** Merged body cells, e.g. a group name spanning the rows of its items. */
  merges?: CellMerge[];
  /** Body rows set in bold (totals). */
  strongRows?: number[];
}

/** Display width where a CJK character takes two columns, as Excel and printers lay them out. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return w;
}

const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function cellText(value: unknown, kind: ColumnKind = 'text', decimals = 0): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'fen': {
      const n = Number(value);
      const abs = Math.abs(n);
      const s = `${grouped(Math.trunc(abs / 100).toString())}.${String(abs % 100).padStart(2, '0')}`;
      return n < 0 ? `-${s}` : s;
    }
    case 'mu100':
      return (Number(value) / 100).toFixed(2);
    case 'percent':
      return `${(Number(value) * 100).toFixed(1)}%`;
    case 'number': {
      const n = Number(value);
      const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
      const s = grouped(int!) + (frac ? `.${frac}` : '');
      return n < 0 && Number(s.replace(/,/g, '')) !== 0 ? `-${s}` : s;
    }
    default:
      return String(value);
  }
}

export function decimalsOf(col: Column, row: Row): number {
  return typeof col.decimals === 'function' ? col.decimals(row) : (col.decimals ?? 0);
}

/** A cell as every writer shows it. */
export function colText(row: Row, col: Column): string {
  return cellText(row[col.key], col.kind, decimalsOf(col, row));
}

export const isNumeric = (kind?: ColumnKind) => kind === 'fen' || kind === 'int' || kind === 'mu100' || kind === 'percent' || kind === 'number';

export interface PlacedCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
}

/**
 * Places the header cells on a grid by HTML table rules (each row fills the slots left free by cells
 * spanning down from above). A header that does not fill exactly one slot per column is a bug in the
 * report definition, so it throws rather than printing a crooked table.
 */
export function headerGrid(spec: SheetSpec): { rows: number; cells: PlacedCell[] } {
  const n = spec.columns.length;
  const source: HeaderCell[][] = spec.headerRows ?? [spec.columns.map((c) => ({ text: c.header }))];
  const taken: boolean[][] = source.map(() => Array<boolean>(n).fill(false));
  const cells: PlacedCell[] = [];
  source.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < n && taken[r]![c]) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (c + cs > n || r + rs > source.length) throw new Error(`表头“${cell.text}”超出表格范围（${spec.title}）`);
      for (let i = r; i < r + rs; i++) for (let j = c; j < c + cs; j++) taken[i]![j] = true;
      cells.push({ r, c, rs, cs, text: cell.text });
      c += cs;
    }
  });
  if (taken.some((row) => row.some((x) => !x))) throw new Error(`表头没有覆盖全部 ${n} 列（${spec.title}）`);
  return { rows: source.length, cells };
}

/** One line of header text per column (for CSV): the texts of the header cells above it, outermost first. */
export function leafHeaders(spec: SheetSpec): string[] {
  const { cells } = headerGrid(spec);
  return spec.columns.map((_, c) => {
    const texts = cells.filter((x) => x.c <= c && c < x.c + x.cs).sort((a, b) => a.r - b.r).map((x) => x.text);
    return texts.filter((t, i) => t !== '' && texts.indexOf(t) === i).join('-');
  });
}

/** For each body cell covered by a merge (not its top-left), the top-left it shows. */
export function mergedInto(spec: SheetSpec): Map<string, { row: number; col: number }> {
  const out = new Map<string, { row: number; col: number }>();
  for (const m of spec.merges ?? [])
    for (let r = m.row; r < m.row + (m.rowSpan ?? 1); r++)
      for (let c = m.col; c < m.col + (m.colSpan ?? 1); c++) if (r !== m.row || c !== m.col) out.set(`${r}:${c}`, { row: m.row, col: m.col });
  return out;
}

export function safeSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || 'Sheet';
  let n = 2;
  let candidate = base;
  while (used.has(candidate)) {
    const suffix = `(${n++})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(candidate);
  base = candidate;
  return base;
}
