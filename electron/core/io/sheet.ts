/** One tabular export, rendered to xlsx, PDF or CSV by the writers beside this file. */
export type ColumnKind = 'text' | 'fen' | 'int' | 'mu100' | 'percent' | 'date';

export interface Column {
  header: string;
  key: string;
  kind?: ColumnKind;
  /** Excel character width; computed from the content when omitted. */
  width?: number;
}

export interface SheetSpec {
  /** Worksheet name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  title: string;
  /** Lines under the title: 填报单位、期间、制表日期… */
  meta?: string[];
  columns: Column[];
  rows: Record<string, unknown>[];
  /** Lines after the table: 制表人、审核人… */
  footer?: string[];
}

/** Display width where a CJK character takes two columns, as Excel and printers lay them out. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u0000-\u00ff]/.test(ch) ? 1 : 2;
  return w;
}

export function cellText(value: unknown, kind: ColumnKind = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  switch (kind) {
    case 'fen': {
      const n = Number(value);
      const abs = Math.abs(n);
      const s = `${Math.trunc(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
      return n < 0 ? `-${s}` : s;
    }
    case 'mu100':
      return (Number(value) / 100).toFixed(2);
    case 'percent':
      return `${(Number(value) * 100).toFixed(1)}%`;
    default:
      return String(value);
  }
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
