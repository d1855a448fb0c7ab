import { and, eq, gte, lte } from 'drizzle-orm';
import { SYSTEM_ACTOR, type Actor, type Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { indicatorSnapshots } from './schema';
import { entriesUpTo, listIndicators, liveFigure, sourcePeriod, yearTargetX100, yearTargetsX100, type IndicatorRow, type Memo } from './figures';
import { addMonths, monthEnd, monthsBetween, todayOf } from './dates';
import { getMeta } from './meta';
import { who } from './who';

function insertSnapshots(store: Store, actor: Actor, period: string, today: string, inds: IndicatorRow[], trigger: 'manual' | 'auto', memo: Memo): number {
  const takenBy = who(store, actor);
  const sp = sourcePeriod(period, today, memo);
  const entries = entriesUpTo(store, period);
  const overrides = yearTargetsX100(store);
  for (const ind of inds) {
    const live = liveFigure(store, ind, sp, entries);
    store.db
      .insert(indicatorSnapshots)
      .values({
        indicatorId: ind.id,
        period,
        valueX100: live.valueX100,
        computedX100: live.computedX100,
        manualX100: live.manual?.valueX100 ?? null,
        basis: live.basis,
        how: live.how,
        yearTargetX100: yearTargetX100(ind, sp.year, overrides),
        target2027X100: ind.target2027X100,
        trigger,
        takenAt: store.now(),
        takenBy,
      })
      .run();
  }
  return inds.length;
}

function missingFor(store: Store, period: string): IndicatorRow[] {
  const have = new Set(
    store.db
      .select({ id: indicatorSnapshots.indicatorId })
      .from(indicatorSnapshots)
      .where(eq(indicatorSnapshots.period, period))
      .all()
      .map((r) => r.id),
  );
  return listIndicators(store).filter((i) => !have.has(i.id) && existedIn(i, period));
}

/** The plan's indicators exist for every month; an added one from the month it was added. */
function existedIn(ind: IndicatorRow, period: string): boolean {
  return ind.source === 'plan' || ind.createdAt.slice(0, 10) <= monthEnd(period);
}

/**
 * Freezes the month's figures as they stand now. A month already frozen is refused: a reported figure is
 * never rewritten (only indicators added since then get their row).
 */
export function takeSnapshot(store: Store, actor: Actor, period: string): { period: string; taken: number } {
  const today = todayOf(store);
  if (period > today.slice(0, 7)) throw fieldError('period', `${period} 尚未到来，不能保存快照`);
  return store.write(actor, 'indicators.snapshot', (audit) => {
    const missing = missingFor(store, period);
    if (missing.length === 0) {
      const first = store.db.select().from(indicatorSnapshots).where(eq(indicatorSnapshots.period, period)).get();
      throw new AppError(
        'REFUSED',
        first ? `${period} 的指标快照已于 ${first.takenAt.slice(0, 10)} 由 ${first.takenBy} 保存，快照不可修改` : `${period} 没有可保存快照的指标`,
      );
    }
    const taken = insertSnapshots(store, actor, period, today, missing, 'manual', new Map());
    audit.record({ entity: 'indicator_snapshot', ids: [period], summary: { indicators: missing.map((i) => i.no) } });
    return { period, taken };
  });
}

/**
 * Past months since the tracker started are frozen the first time anyone looks at the indicators after the
 * month ended, so a month's figure does not drift as the registry changes later. Months before the tracker
 * was in use are not frozen automatically (their data was probably entered later); "保存快照" covers them.
 */
export function ensureMonthEndSnapshots(store: Store): number {
  const start = getMeta(store, 'trackingStart');
  if (!start) return 0;
  const today = todayOf(store);
  const last = addMonths(today.slice(0, 7), -1);
  if (last < start) return 0;
  const inds = listIndicators(store);
  const have = new Map<string, number>();
  for (const r of store.db
    .select({ period: indicatorSnapshots.period })
    .from(indicatorSnapshots)
    .where(and(gte(indicatorSnapshots.period, start), lte(indicatorSnapshots.period, last)))
    .all())
    have.set(r.period, (have.get(r.period) ?? 0) + 1);
  const due = monthsBetween(start, last).filter((p) => (have.get(p) ?? 0) < inds.filter((i) => existedIn(i, p)).length);
  if (due.length === 0) return 0;
  return store.write(SYSTEM_ACTOR, 'indicators.autoSnapshot', (audit) => {
    const memo: Memo = new Map();
    let n = 0;
    for (const p of due) n += insertSnapshots(store, SYSTEM_ACTOR, p, today, missingFor(store, p), 'auto', memo);
    audit.record({ entity: 'indicator_snapshot', ids: due, summary: { rows: n, note: '月末自动保存' } });
    return n;
  });
}
