/** Periods are 'YYYY-MM'; fiscal years are calendar years. */

export const periodOf = (date: string): string => date.slice(0, 7);
export const yearOf = (period: string): number => Number(period.slice(0, 4));
export const monthOf = (period: string): number => Number(period.slice(5, 7));
export const makePeriod = (year: number, month: number): string => `${year}-${String(month).padStart(2, '0')}`;

export function lastDay(period: string): string {
  const y = yearOf(period);
  const m = monthOf(period);
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(d).padStart(2, '0')}`;
}

export function nextPeriod(period: string): string {
  const y = yearOf(period);
  const m = monthOf(period);
  return m === 12 ? makePeriod(y + 1, 1) : makePeriod(y, m + 1);
}

export function prevPeriod(period: string): string {
  const y = yearOf(period);
  const m = monthOf(period);
  return m === 1 ? makePeriod(y - 1, 12) : makePeriod(y, m - 1);
}

/** "2024年03月" for messages and report headers. */
export const periodLabel = (period: string): string => `${period.slice(0, 4)}年${period.slice(5, 7)}月`;

/** "3月5日" as used in the correction summaries 注销/订正某月某日某号凭证. */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
