import type { Store } from '../db/store';
import type { StatRow } from '../../../shared/contract/requestFields';
import { STAT_DIMENSIONS } from '../../../shared/contract/requestFields';
import { all, one } from './util';
import { recordSums } from './recordSums';

export type Dimension = (typeof STAT_DIMENSIONS)[number];

/** Grouping expression per dimension on service_requests (r); records are summed in recordSums.ts. */
const REQUEST_KEY: Record<Exclude<Dimension, 'month' | 'link'>, string> = {
  township: 'r.township_id',
  crop: 'r.crop_id',
  provider: 'r.provider_id',
  kind: 'r.kind',
};

/** Only one township's requests when a township is given (@town), else all. */
const IN_TOWN = '(@town IS NULL OR r.township_id = @town)';
const LINK_IN_TOWN = '(@town IS NULL OR request_id IN (SELECT id FROM service_requests r WHERE r.township_id = @town))';

/** Requests grouped by the dimension, dated by `dateCol` (received_on, done_on or followed_on). */
function requestSql(by: Exclude<Dimension, 'link'>, dateCol: string, select: string): string {
  const key = by === 'month' ? `substr(r.${dateCol}, 1, 7)` : REQUEST_KEY[by];
  return `SELECT ${key} AS k, ${select} FROM service_requests r WHERE r.${dateCol} BETWEEN @from AND @to AND ${IN_TOWN} GROUP BY k`;
}

/** Per link, from request_links alone (it carries its request's dates): received, completed with days, followed up. */
const LINK_RECEIVED = `SELECT link_id AS k, count(*) AS n FROM request_links WHERE received_on BETWEEN @from AND @to AND ${LINK_IN_TOWN} GROUP BY k`;
const LINK_DONE = `SELECT link_id AS k, count(*) AS n, sum(julianday(done_on) - julianday(received_on)) AS days FROM request_links WHERE done_on BETWEEN @from AND @to AND ${LINK_IN_TOWN} GROUP BY k`;
const LINK_FOLLOWED = `SELECT link_id AS k, count(*) AS n, sum(satisfaction) AS s FROM request_links WHERE followed_on BETWEEN @from AND @to AND ${LINK_IN_TOWN} GROUP BY k`;

function labels(store: Store, by: Dimension): Map<string, string> {
  const table = { township: 'townships', crop: 'service_crops', link: 'service_links', provider: 'providers' } as const;
  if (by === 'month' || by === 'kind') return new Map();
  return new Map(all<{ id: number; name: string }>(store.sqlite, `SELECT id, name FROM ${table[by]}`).map((r) => [String(r.id), r.name]));
}

function labelOf(by: Dimension, key: string, names: Map<string, string>): string {
  if (key === '') return '（未填）';
  if (by === 'month') return `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`;
  if (by === 'kind') return key;
  return names.get(key) ?? `#${key}`;
}

interface Acc extends StatRow {
  daysSum: number;
  satisfactionSum: number;
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

function finish(a: Acc): StatRow {
  const { daysSum, satisfactionSum, ...r } = a;
  return { ...r, avgDays: r.done ? round(daysSum / r.done, 1) : null, satisfaction: r.followUps ? round(satisfactionSum / r.followUps, 2) : null };
}

/**
 * Service statistics for a period by one dimension. Requests are counted in the period they were
 * received, completions (and days to complete) when completed, satisfaction when followed up, and
 * 亩次, fees, subsidies and payments by the dates of the service records.
 */
export function serviceStats(store: Store, from: string, to: string, by: Dimension, townshipId: number | null = null): { rows: StatRow[]; totals: StatRow } {
  const params = { from, to, town: townshipId };
  const rows = new Map<string, Acc>();
  const names = labels(store, by);
  const blank = (key: string, label: string): Acc => ({ key, label, requests: 0, done: 0, avgDays: null, muTimes100: 0, feeFen: 0, subsidyFen: 0, paidFen: 0, followUps: 0, satisfaction: null, daysSum: 0, satisfactionSum: 0 });
  const row = (k: unknown): Acc => {
    const key = k === null || k === undefined ? '' : String(k);
    let r = rows.get(key);
    if (!r) rows.set(key, (r = blank(key, labelOf(by, key, names))));
    return r;
  };
  if (by === 'link') {
    for (const x of all<{ k: number; n: number }>(store.sqlite, LINK_RECEIVED, params)) row(x.k).requests = x.n;
    for (const x of all<{ k: number; n: number; days: number }>(store.sqlite, LINK_DONE, params)) Object.assign(row(x.k), { done: x.n, daysSum: x.days });
    for (const x of all<{ k: number; n: number; s: number }>(store.sqlite, LINK_FOLLOWED, params)) Object.assign(row(x.k), { followUps: x.n, satisfactionSum: x.s });
  } else {
    for (const x of all<{ k: unknown; n: number }>(store.sqlite, requestSql(by, 'received_on', 'count(*) AS n'), params)) row(x.k).requests = x.n;
    for (const x of all<{ k: unknown; n: number; days: number }>(store.sqlite, requestSql(by, 'done_on', 'count(*) AS n, sum(julianday(r.done_on) - julianday(r.received_on)) AS days'), params)) {
      const r = row(x.k);
      r.done = x.n;
      r.daysSum = x.days;
    }
    for (const x of all<{ k: unknown; n: number; s: number }>(store.sqlite, requestSql(by, 'followed_on', 'count(*) AS n, sum(r.satisfaction) AS s'), params)) {
      const r = row(x.k);
      r.followUps = x.n;
      r.satisfactionSum = x.s;
    }
  }
  for (const x of recordSums(store, by, from, to, townshipId)) {
    const r = row(x.key);
    r.muTimes100 = x.muTimes100;
    r.feeFen = x.feeFen;
    r.subsidyFen = x.subsidyFen;
    r.paidFen = x.paidFen;
  }
  const list = [...rows.values()].sort((a, b) => (by === 'month' ? a.key.localeCompare(b.key) : b.muTimes100 - a.muTimes100 || b.requests - a.requests));
  const total = blank('total', '合计');
  for (const r of list) for (const k of ['requests', 'done', 'muTimes100', 'feeFen', 'subsidyFen', 'paidFen', 'followUps', 'daysSum', 'satisfactionSum'] as const) total[k] += r[k];
  // By link a request counts once for each of its links; the totals count each request once.
  if (by === 'link') Object.assign(total, requestTotals(store, from, to, townshipId));
  return { rows: list.map(finish), totals: finish(total) };
}

function requestTotals(store: Store, from: string, to: string, townshipId: number | null) {
  const params = { from, to, town: townshipId };
  const received = one<{ n: number }>(store.sqlite, `SELECT count(*) AS n FROM service_requests r WHERE received_on BETWEEN @from AND @to AND ${IN_TOWN}`, params)!.n;
  const done = one<{ n: number; days: number | null }>(store.sqlite, `SELECT count(*) AS n, sum(julianday(done_on) - julianday(received_on)) AS days FROM service_requests r WHERE done_on BETWEEN @from AND @to AND ${IN_TOWN}`, params)!;
  const fu = one<{ n: number; s: number | null }>(store.sqlite, `SELECT count(*) AS n, sum(satisfaction) AS s FROM service_requests r WHERE followed_on BETWEEN @from AND @to AND ${IN_TOWN}`, params)!;
  return { requests: received, done: done.n, daysSum: done.days ?? 0, followUps: fu.n, satisfactionSum: fu.s ?? 0 };
}

/** 亩次 (hundredths) of the service records dated in [from, to]: the figure behind the plan's indicator 6. */
export function serviceMuTimes(store: Store, from: string, to: string): number {
  return recordSums(store, 'total', from, to).reduce((a, r) => a + r.muTimes100, 0);
}

/** Indicator 6 (开展农业生产社会化服务规模) for a year, in 万亩次 as the plan states its target. */
export function indicator6(store: Store, year: number, asOf?: string): { year: number; muTimes100: number; wanMuTimes: number } {
  const to = asOf && asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  const mu = serviceMuTimes(store, `${year}-01-01`, to);
  return { year, muTimes100: mu, wanMuTimes: Math.round(mu / 100) / 10000 };
}
