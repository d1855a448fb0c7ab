import { asc, desc, eq, lte, and } from 'drizzle-orm';
import type { Store } from '../db/store';
import { indicatorEntries, indicatorSnapshots, indicatorYearTargets, indicators, taskIndicators } from './schema';
import { indicatorSource, type SourcePeriod } from './indicator-sources';
import { fromX100, lineTarget, share, toX100 } from './values';
import { monthEnd } from './dates';
import './registry-sources';

export type IndicatorRow = typeof indicators.$inferSelect;
type EntryRow = typeof indicatorEntries.$inferSelect;
type SnapshotRow = typeof indicatorSnapshots.$inferSelect;
export type Basis = 'computed' | 'manual' | 'carried' | 'none';

/** What the app would report for an indicator and month right now (before any snapshot). */
export interface Live {
  valueX100: number | null;
  basis: Basis;
  computedX100: number | null;
  manual: EntryRow | null;
  carriedFrom: string;
  how: string;
  route: string;
}

export interface Figure {
  id: number;
  no: number;
  name: string;
  unit: string;
  decimals: number;
  source: 'plan' | 'added';
  notes: string;
  version: number;
  hasSource: boolean;
  target2024: number | null;
  target2027: number;
  year: number;
  yearTarget: number | null;
  period: string;
  value: number | null;
  basis: Basis;
  how: string;
  route: string;
  computed: number | null;
  manual: { value: number; note: string; by: string; at: string } | null;
  carriedFrom: string;
  fromSnapshot: boolean;
  snapshotAt: string;
  snapshotBy: string;
  snapshotTrigger: string;
  pctYear: number | null;
  pct2027: number | null;
  taskCount: number;
}

export type Memo = Map<string, unknown>;

export function sourcePeriod(period: string, today: string, memo: Memo): SourcePeriod {
  const current = today.slice(0, 7);
  return {
    period,
    asOf: period === current ? today : monthEnd(period),
    year: Number(period.slice(0, 4)),
    memo<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  };
}

export function listIndicators(store: Store): IndicatorRow[] {
  return store.db.select().from(indicators).orderBy(asc(indicators.no)).all();
}

export function yearTargetsX100(store: Store): Map<string, number> {
  return new Map(store.db.select().from(indicatorYearTargets).all().map((r) => [`${r.indicatorId}:${r.year}`, r.valueX100]));
}

/** The target for a year: set by hand, else the straight line between the 2024 and 2027 targets. */
export function yearTargetX100(ind: IndicatorRow, year: number, overrides: Map<string, number>): number | null {
  const y = Math.min(2027, Math.max(2024, year));
  return overrides.get(`${ind.id}:${y}`) ?? (y === 2024 ? ind.target2024X100 : y === 2027 ? ind.target2027X100 : lineTarget(ind.target2024X100, ind.target2027X100, y, ind.decimals));
}

const fmt = (x100: number, decimals: number) => (x100 / 100).toFixed(decimals);

/** Entries still in force (not withdrawn) up to a month, newest first per indicator and period. */
export function entriesUpTo(store: Store, period: string): EntryRow[] {
  return store.db
    .select()
    .from(indicatorEntries)
    .where(and(eq(indicatorEntries.withdrawnAt, ''), lte(indicatorEntries.period, period)))
    .orderBy(desc(indicatorEntries.period), desc(indicatorEntries.id))
    .all();
}

/**
 * A computed indicator shows its computed value unless someone entered a value for that month with a source
 * note (both are kept and shown). A hand-entered indicator shows the month's entry, or carries the latest
 * earlier entry forward, since its figures are running totals.
 */
export function liveFigure(store: Store, ind: IndicatorRow, sp: SourcePeriod, entries: EntryRow[]): Live {
  const source = indicatorSource(ind.no);
  const mine = entries.filter((e) => e.indicatorId === ind.id && e.period <= sp.period);
  const manual = mine.find((e) => e.period === sp.period) ?? null;
  let computedX100: number | null = null;
  let computedHow = '';
  let route = '';
  if (source) {
    try {
      const r = source(store, sp);
      computedX100 = toX100(r.value);
      computedHow = r.how;
      route = r.route ?? '';
    } catch (e) {
      computedHow = `系统计算失败：${(e as Error).message}`;
    }
  }
  const manualHow = (m: EntryRow) => `手工填报 ${fmt(m.valueX100, ind.decimals)}${ind.unit}：${m.note || '（未注明来源）'}（${m.enteredBy}，${m.enteredAt.slice(0, 10)}）`;
  if (manual) {
    const how = source ? `${manualHow(manual)}；系统计算值 ${computedX100 === null ? '—' : fmt(computedX100, ind.decimals) + ind.unit}（${computedHow}）` : manualHow(manual);
    return { valueX100: manual.valueX100, basis: 'manual', computedX100, manual, carriedFrom: '', how, route };
  }
  if (source) return { valueX100: computedX100, basis: computedX100 === null ? 'none' : 'computed', computedX100, manual: null, carriedFrom: '', how: computedHow, route };
  const earlier = mine[0];
  if (earlier) return { valueX100: earlier.valueX100, basis: 'carried', computedX100: null, manual: null, carriedFrom: earlier.period, how: `沿用 ${earlier.period} 的${manualHow(earlier)}`, route };
  return { valueX100: null, basis: 'none', computedX100: null, manual: null, carriedFrom: '', how: '尚未填报', route };
}

export interface FigureContext {
  entries: EntryRow[];
  snapshots: Map<string, SnapshotRow>;
  overrides: Map<string, number>;
  taskCounts: Map<number, number>;
  memo: Memo;
}

/** Loads what figures for months up to `lastPeriod` need, in a handful of queries. */
export function figureContext(store: Store, lastPeriod: string, memo: Memo = new Map()): FigureContext {
  const counts = new Map<number, number>();
  for (const r of store.db.select().from(taskIndicators).all()) counts.set(r.indicatorId, (counts.get(r.indicatorId) ?? 0) + 1);
  return {
    entries: entriesUpTo(store, lastPeriod),
    snapshots: new Map(store.db.select().from(indicatorSnapshots).where(lte(indicatorSnapshots.period, lastPeriod)).all().map((s) => [`${s.indicatorId}:${s.period}`, s])),
    overrides: yearTargetsX100(store),
    taskCounts: counts,
    memo,
  };
}

export function figure(store: Store, ind: IndicatorRow, period: string, today: string, ctx: FigureContext): Figure {
  const year = Number(period.slice(0, 4));
  const yearTarget = yearTargetX100(ind, year, ctx.overrides);
  const snap = ctx.snapshots.get(`${ind.id}:${period}`);
  const base = {
    id: ind.id,
    no: ind.no,
    name: ind.name,
    unit: ind.unit,
    decimals: ind.decimals,
    source: ind.source,
    notes: ind.notes,
    version: ind.version,
    hasSource: indicatorSource(ind.no) !== undefined,
    target2024: fromX100(ind.target2024X100),
    target2027: fromX100(ind.target2027X100),
    year,
    yearTarget: fromX100(yearTarget),
    period,
    taskCount: ctx.taskCounts.get(ind.id) ?? 0,
  };
  if (snap) {
    return {
      ...base,
      value: fromX100(snap.valueX100),
      basis: snap.basis,
      how: snap.how,
      route: '',
      computed: fromX100(snap.computedX100),
      manual: snap.manualX100 === null ? null : { value: snap.manualX100 / 100, note: '', by: '', at: '' },
      carriedFrom: '',
      fromSnapshot: true,
      snapshotAt: snap.takenAt,
      snapshotBy: snap.takenBy,
      snapshotTrigger: snap.trigger,
      pctYear: share(snap.valueX100, yearTarget),
      pct2027: share(snap.valueX100, ind.target2027X100),
    };
  }
  const live = liveFigure(store, ind, sourcePeriod(period, today, ctx.memo), ctx.entries);
  return {
    ...base,
    value: fromX100(live.valueX100),
    basis: live.basis,
    how: live.how,
    route: live.route,
    computed: fromX100(live.computedX100),
    manual: live.manual ? { value: live.manual.valueX100 / 100, note: live.manual.note, by: live.manual.enteredBy, at: live.manual.enteredAt } : null,
    carriedFrom: live.carriedFrom,
    fromSnapshot: false,
    snapshotAt: '',
    snapshotBy: '',
    snapshotTrigger: '',
    pctYear: share(live.valueX100, yearTarget),
    pct2027: share(live.valueX100, ind.target2027X100),
  };
}

export function figuresFor(store: Store, period: string, today: string, memo?: Memo): Figure[] {
  const ctx = figureContext(store, period, memo);
  return listIndicators(store).map((ind) => figure(store, ind, period, today, ctx));
}

export function getIndicatorRow(store: Store, id: number): IndicatorRow | undefined {
  return store.db.select().from(indicators).where(eq(indicators.id, id)).get();
}
