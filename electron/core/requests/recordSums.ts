import type { Store } from '../db/store';
import { addDays } from './rules';
import { all } from './util';

/** A statistics dimension of the service records, or 'total' for the period as a whole. */
export type RecordDimension = 'month' | 'township' | 'crop' | 'link' | 'provider' | 'kind' | 'total';

export interface RecordSum {
  /** The dimension's value as text ('' when not set); the month for 'month', '' for 'total'. */
  key: string;
  muTimes100: number;
  feeFen: number;
  subsidyFen: number;
  paidFen: number;
}

const RAW_KEY: Record<RecordDimension, string> = {
  month: 'substr(done_on, 1, 7)',
  township: 'township_id',
  crop: 'crop_id',
  link: 'link_id',
  provider: 'provider_id',
  kind: 'kind',
  total: "''",
};

const nextMonth = (m: string) => addDays(`${m}-28`, 5).slice(0, 7);
const prevMonth = (m: string) => addDays(`${m}-01`, -1).slice(0, 7);
const lastDay = (m: string) => addDays(`${nextMonth(m)}-01`, -1);

/** The whole months inside [from, to], read from the rollups, and the days at either end, read from the records. */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; days: [string, string][] } {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  const last = to === lastDay(to.slice(0, 7)) ? to.slice(0, 7) : prevMonth(to.slice(0, 7));
  if (first > last) return { months: null, days: to < from ? [] : [[from, to]] };
  const days: [string, string][] = [];
  if (from < `${first}-01`) days.push([from, addDays(`${first}-01`, -1)]);
  if (to > lastDay(last)) days.push([`${nextMonth(last)}-01`, to]);
  return { months: [first, last], days };
}

/**
 * 亩次, fees, subsidies and payments of the service records dated in [from, to], by one dimension. Whole
 * months come from service_rollups (kept by triggers), the odd days at the ends from the records' covering
 * index; both hold the same figures, so the split never changes a total. The rollups hold one dimension
 * at a time, so one township's figures are read from its records for the whole period.
 */
export function recordSums(store: Store, by: RecordDimension, from: string, to: string, townshipId: number | null = null): RecordSum[] {
  const out = new Map<string, RecordSum>();
  const add = (k: unknown, mu: number, fee: number, sub: number, paid: number) => {
    const key = k === null || k === undefined ? '' : String(k);
    const r = out.get(key) ?? { key, muTimes100: 0, feeFen: 0, subsidyFen: 0, paidFen: 0 };
    r.muTimes100 += mu;
    r.feeFen += fee;
    r.subsidyFen += sub;
    r.paidFen += paid;
    out.set(key, r);
  };
  const { months, days } = townshipId === null ? splitPeriod(from, to) : { months: null, days: to < from ? [] : [[from, to] as [string, string]] };
  if (months) {
    const dim = by === 'month' || by === 'total' ? '' : by;
    const key = by === 'month' ? 'month' : by === 'total' ? "''" : 'key';
    for (const x of all<{ k: string; mu: number; fee: number; sub: number; paid: number }>(
      store.sqlite,
      `SELECT ${key} AS k, sum(mu_times100) AS mu, sum(fee_fen) AS fee, sum(subsidy_fen) AS sub, sum(paid_fen) AS paid
       FROM service_rollups WHERE dim = ? AND month BETWEEN ? AND ? GROUP BY k HAVING sum(records) <> 0`,
      dim,
      months[0],
      months[1],
    )) add(x.k, x.mu, x.fee, x.sub, x.paid);
  }
  for (const [a, b] of days) {
    for (const x of all<{ k: unknown; mu: number; fee: number; sub: number; paid: number }>(
      store.sqlite,
      `SELECT ${RAW_KEY[by]} AS k, sum(mu_times100) AS mu, sum(fee_fen) AS fee, sum(subsidy_fen) AS sub, sum(paid_fen) AS paid
       FROM service_records WHERE done_on BETWEEN ? AND ? AND (? IS NULL OR township_id = ?) GROUP BY k`,
      a,
      b,
      townshipId,
      townshipId,
    )) add(x.k, x.mu, x.fee, x.sub, x.paid);
  }
  return [...out.values()];
}
