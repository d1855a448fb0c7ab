import type { Store } from '../db/store';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today on the desk's calendar (local time), from the store's clock so tests can move it. */
export function todayOf(store: Store): string {
  const d = new Date(store.now());
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function utc(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

export function addDays(date: string, days: number): string {
  return new Date(utc(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

export function monthEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function addMonths(period: string, n: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${pad((idx % 12) + 1)}`;
}

/** Months from `from` to `to` inclusive, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}

/** Last day of a month ('YYYY-MM') or quarter ('YYYY-Qn'). */
export function periodEnd(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  return q ? monthEnd(`${q[1]}-${pad(Number(q[2]) * 3)}`) : monthEnd(period);
}
