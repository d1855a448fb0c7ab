/** Facts of the report centre (报表上报) that both the service and the screens need. */

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: '月报', quarter: '季报', year: '年报' };

export const REPORT_FORMATS = ['xlsx', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

/** 'YYYY-MM' is a month, 'YYYY-Qn' a quarter, 'YYYY' a year; anything else is null. */
export function periodKindOf(period: string): PeriodKind | null {
  if (MONTH.test(period)) return 'month';
  if (QUARTER.test(period)) return 'quarter';
  if (YEAR.test(period)) return 'year';
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

export interface PeriodRange {
  kind: PeriodKind;
  period: string;
  from: string;
  to: string;
  /** First and last month, 'YYYY-MM'. */
  firstMonth: string;
  lastMonth: string;
  year: number;
  label: string;
}

/** The dates a period covers; null when the text is not a period. */
export function periodRange(period: string): PeriodRange | null {
  const kind = periodKindOf(period);
  if (!kind) return null;
  const year = Number(period.slice(0, 4));
  let m1: number;
  let m2: number;
  if (kind === 'month') m1 = m2 = Number(period.slice(5, 7));
  else if (kind === 'quarter') {
    m2 = Number(period.slice(6)) * 3;
    m1 = m2 - 2;
  } else {
    m1 = 1;
    m2 = 12;
  }
  return { kind, period, from: `${year}-${pad(m1)}-01`, to: lastDay(year, m2), firstMonth: `${year}-${pad(m1)}`, lastMonth: `${year}-${pad(m2)}`, year, label: reportPeriodLabel(period) };
}

/** "2026-11" -> "2026年11月", "2026-Q4" -> "2026年第四季度", "2026" -> "2026年度". */
export function reportPeriodLabel(period: string): string {
  const kind = periodKindOf(period);
  if (kind === 'month') return `${period.slice(0, 4)}年${Number(period.slice(5, 7))}月`;
  if (kind === 'quarter') return `${period.slice(0, 4)}年第${'一二三四'[Number(period.slice(6)) - 1]}季度`;
  if (kind === 'year') return `${period}年度`;
  return period;
}

/** The period of a kind that contains a date ('YYYY-MM-DD'). */
export function periodContaining(kind: PeriodKind, date: string): string {
  if (kind === 'month') return date.slice(0, 7);
  if (kind === 'quarter') return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
  return date.slice(0, 4);
}
