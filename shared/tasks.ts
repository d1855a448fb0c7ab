/** Facts of the reform tracker that both the service and the screens need. */

export const TASK_STATUSES = ['未启动', '推进中', '已完成', '滞后', '暂缓'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const STATUS_COLORS: Record<TaskStatus, string> = {
  未启动: 'gray',
  推进中: 'blue',
  已完成: 'green',
  滞后: 'red',
  暂缓: 'yellow',
};

export const UNIT_KINDS = ['县级部门', '乡镇街道', '金融机构', '邮政', '其他'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** The plan runs from 2024 (first targets) to 2027 (final targets). */
export const PLAN_FIRST_YEAR = 2024;
export const PLAN_LAST_YEAR = 2027;
export const PLAN_YEARS = [2024, 2025, 2026, 2027] as const;

/** The "overdue and due soon" view looks this many days ahead. */
export const DUE_SOON_DAYS = 30;

export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;
export const QUARTER_RE = /^\d{4}-Q[1-4]$/;

export function quarterOf(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.ceil(m / 3)}`;
}

/** "2026-11" -> "2026年11月", "2026-Q4" -> "2026年第4季度". */
export function periodLabel(period: string): string {
  if (QUARTER_RE.test(period)) return `${period.slice(0, 4)}年第${period.slice(6)}季度`;
  if (MONTH_RE.test(period)) return `${period.slice(0, 4)}年${Number(period.slice(5))}月`;
  return period;
}

/** Indicator values travel as plain numbers in the indicator's unit, with at most two decimals. */
export function formatValue(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function formatPct(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${(p * 100).toFixed(1)}%`;
}
