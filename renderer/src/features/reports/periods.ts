import { PERIOD_KINDS, periodContaining, reportPeriodLabel, type PeriodKind } from '../../../../shared/reports';

const HOW_MANY: Record<PeriodKind, number> = { month: 36, quarter: 16, year: 8 };

function previous(kind: PeriodKind, period: string): string {
  const y = Number(period.slice(0, 4));
  if (kind === 'year') return String(y - 1);
  if (kind === 'quarter') {
    const q = Number(period.slice(6));
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  const m = Number(period.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The running period and the ones before it, newest first, for a select. */
export function periodOptions(kind: PeriodKind, today: string): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  let p = periodContaining(kind, today);
  for (let i = 0; i < HOW_MANY[kind]; i++, p = previous(kind, p)) out.push({ value: p, label: reportPeriodLabel(p) });
  return out;
}

/** Reports usually go up after a period ends: the last finished month, quarter or year. */
export function defaultPeriod(kind: PeriodKind, today: string): string {
  return previous(kind, periodContaining(kind, today));
}

export function kindOf(period: string): PeriodKind {
  return /-Q/.test(period) ? 'quarter' : /^\d{4}$/.test(period) ? 'year' : 'month';
}

export { PERIOD_KINDS };
