import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { PLAN_YEARS } from '../../../shared/tasks';
import { indicatorEntries, indicatorSnapshots, indicatorYearTargets, indicators, taskIndicators, tasks } from './schema';
import { figure, figureContext, figuresFor, getIndicatorRow, liveFigure, listIndicators, sourcePeriod, yearTargetX100, type IndicatorRow } from './figures';
import { ensureMonthEndSnapshots } from './snapshots';
import { hasIndicatorSource } from './indicator-sources';
import { addMonths, monthsBetween, todayOf } from './dates';
import { fromX100, lineTarget, toX100 } from './values';
import { PLAN_INDICATORS } from './plan';
import { taskStatusMap } from './queries';
import { who } from './who';

function checkPeriod(store: Store, period: string): string {
  const today = todayOf(store);
  if (period > today.slice(0, 7)) throw fieldError('period', `${period} 尚未到来，只能查看本月及以前的指标`);
  return today;
}

/** All indicators for a month: frozen figures for months with a snapshot, live ones otherwise. */
export function indicatorList(store: Store, period?: string) {
  ensureMonthEndSnapshots(store);
  const today = todayOf(store);
  const p = period || today.slice(0, 7);
  checkPeriod(store, p);
  return { period: p, today, current: p === today.slice(0, 7), rows: figuresFor(store, p, today) };
}

function requireIndicator(store: Store, id: number): IndicatorRow {
  const row = getIndicatorRow(store, id);
  if (!row) throw new AppError('NOT_FOUND', `指标 #${id} 不存在`);
  return row;
}

export function indicatorDetail(store: Store, id: number, months: number) {
  ensureMonthEndSnapshots(store);
  const ind = requireIndicator(store, id);
  const today = todayOf(store);
  const current = today.slice(0, 7);
  const ctx = figureContext(store, current);
  const overrides = ctx.overrides;
  const history = monthsBetween(addMonths(current, -(months - 1)), current)
    .reverse()
    .map((p) => {
      const f = figure(store, ind, p, today, ctx);
      // A frozen month is also recomputed from today's data, so a drift since it was reported is visible.
      const recomputed = f.fromSnapshot ? fromX100(liveFigure(store, ind, sourcePeriod(p, today, ctx.memo), ctx.entries).valueX100) : f.value;
      return { period: p, value: f.value, basis: f.basis, how: f.how, fromSnapshot: f.fromSnapshot, computed: f.computed, manual: f.manual?.value ?? null, recomputed, yearTarget: f.yearTarget };
    });
  const linked = store.db
    .select({ id: tasks.id, no: tasks.no, item: tasks.item, text: tasks.text })
    .from(taskIndicators)
    .innerJoin(tasks, eq(tasks.id, taskIndicators.taskId))
    .where(eq(taskIndicators.indicatorId, id))
    .orderBy(asc(tasks.no))
    .all();
  const statuses = taskStatusMap(store, today);
  return {
    figure: figure(store, ind, current, today, ctx),
    yearTargets: PLAN_YEARS.map((year) => ({
      year,
      value: fromX100(yearTargetX100(ind, year, overrides)),
      manual: overrides.has(`${ind.id}:${year}`),
      line: fromX100(year === 2024 ? ind.target2024X100 : year === 2027 ? ind.target2027X100 : lineTarget(ind.target2024X100, ind.target2027X100, year, ind.decimals)),
    })),
    history,
    entries: store.db
      .select()
      .from(indicatorEntries)
      .where(eq(indicatorEntries.indicatorId, id))
      .orderBy(desc(indicatorEntries.id))
      .all()
      .map((e) => ({ id: e.id, period: e.period, value: e.valueX100 / 100, note: e.note, enteredBy: e.enteredBy, enteredAt: e.enteredAt, withdrawnAt: e.withdrawnAt, withdrawnBy: e.withdrawnBy })),
    snapshots: store.db
      .select()
      .from(indicatorSnapshots)
      .where(eq(indicatorSnapshots.indicatorId, id))
      .orderBy(desc(indicatorSnapshots.period))
      .all()
      .map((s) => ({ period: s.period, value: fromX100(s.valueX100), basis: s.basis, how: s.how, trigger: s.trigger, takenAt: s.takenAt, takenBy: s.takenBy })),
    tasks: linked.map((t) => ({ ...t, status: statuses.get(t.id) ?? '未启动' })),
  };
}

/** Refuses a value with more decimals than the indicator shows (e.g. 3.5 个). */
function checkDecimals(field: string, label: string, value: number, decimals: number): void {
  const x = value * 10 ** decimals;
  if (Math.abs(x - Math.round(x)) > 1e-6) throw fieldError(field, decimals === 0 ? `${label}必须是整数` : `${label}最多保留 ${decimals} 位小数`);
}

export interface IndicatorInput {
  name: string;
  unit: string;
  decimals: number;
  target2024: number | null;
  target2027: number;
  notes: string;
}

function checkTargets(input: IndicatorInput): void {
  checkDecimals('target2027', '2027年目标', input.target2027, input.decimals);
  if (input.target2024 !== null) checkDecimals('target2024', '2024年目标', input.target2024, input.decimals);
}

function clash(store: Store, name: string, exceptId?: number): void {
  const other = store.db.select().from(indicators).where(eq(indicators.name, name)).get();
  if (other && other.id !== exceptId) throw fieldError('name', `已有同名指标（第 ${other.no} 项）`, 'DUPLICATE');
}

/** Inside the caller's transaction; added indicators are numbered after the plan's eight. */
export function insertIndicator(store: Store, input: IndicatorInput): IndicatorRow {
  checkTargets(input);
  clash(store, input.name);
  const last = store.db.select({ n: max(indicators.no) }).from(indicators).get()?.n ?? 0;
  const now = store.now();
  return store.db
    .insert(indicators)
    .values({
      no: Math.max(last, PLAN_INDICATORS) + 1,
      name: input.name,
      unit: input.unit,
      decimals: input.decimals,
      target2024X100: input.target2024 === null ? null : toX100(input.target2024),
      target2027X100: toX100(input.target2027),
      notes: input.notes,
      source: 'added',
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export function createIndicator(store: Store, actor: Actor, input: IndicatorInput) {
  return store.write(actor, 'indicators.create', (audit) => {
    const row = insertIndicator(store, input);
    audit.record({ entity: 'indicator', ids: [row.id], summary: { after: { no: row.no, name: row.name, unit: row.unit, target2027: input.target2027 } } });
    return { id: row.id, no: row.no };
  });
}

export function updateIndicator(store: Store, actor: Actor, input: IndicatorInput & { id: number; version: number; yearTargets: { year: number; value: number | null }[] }) {
  return store.write(actor, 'indicators.update', (audit) => {
    const before = requireIndicator(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    checkTargets(input);
    clash(store, input.name, input.id);
    if (before.source === 'plan' && input.target2024 === null) throw fieldError('target2024', '实施方案的指标须有2024年目标');
    input.yearTargets.forEach((y, i) => {
      if (y.value !== null) checkDecimals(`yearTargets.${i}.value`, `${y.year}年目标`, y.value, input.decimals);
    });
    store.db
      .update(indicators)
      .set({
        name: input.name,
        unit: input.unit,
        decimals: input.decimals,
        target2024X100: input.target2024 === null ? null : toX100(input.target2024),
        target2027X100: toX100(input.target2027),
        notes: input.notes,
        updatedAt: store.now(),
        version: before.version + 1,
      })
      .where(eq(indicators.id, input.id))
      .run();
    // 2024 and 2027 are the base targets themselves; only the years between can depart from the line.
    for (const y of input.yearTargets) {
      if (y.year <= 2024 || y.year >= 2027) continue;
      store.db.delete(indicatorYearTargets).where(and(eq(indicatorYearTargets.indicatorId, input.id), eq(indicatorYearTargets.year, y.year))).run();
      if (y.value !== null) store.db.insert(indicatorYearTargets).values({ indicatorId: input.id, year: y.year, valueX100: toX100(y.value) }).run();
    }
    audit.record({
      entity: 'indicator',
      ids: [input.id],
      summary: {
        before: { name: before.name, unit: before.unit, target2024: fromX100(before.target2024X100), target2027: fromX100(before.target2027X100) },
        after: { name: input.name, unit: input.unit, target2024: input.target2024, target2027: input.target2027, yearTargets: input.yearTargets },
      },
    });
    return { id: input.id };
  });
}

/**
 * Enters a month's value by hand. Over a computed value this needs a note saying where the figure comes
 * from; the computed value is kept and shown beside it.
 */
export function setIndicatorValue(store: Store, actor: Actor, input: { id: number; period: string; value: number; note: string }) {
  const ind = requireIndicator(store, input.id);
  checkPeriod(store, input.period);
  checkDecimals('value', '数值', input.value, ind.decimals);
  if (input.value < 0) throw fieldError('value', '数值不能为负数');
  if (hasIndicatorSource(ind.no) && input.note.trim() === '') throw fieldError('note', '此指标由系统计算，手工填报须注明数据来源（如“县农业农村委 11 月统计”）');
  return store.write(actor, 'indicators.setValue', (audit) => {
    const frozen = store.db.select().from(indicatorSnapshots).where(and(eq(indicatorSnapshots.indicatorId, ind.id), eq(indicatorSnapshots.period, input.period))).get();
    if (frozen) throw fieldError('period', `${input.period} 已保存快照（${frozen.takenAt.slice(0, 10)}），不能再改这个月的数值；请填报到本月`, 'REFUSED');
    const row = store.db
      .insert(indicatorEntries)
      .values({ indicatorId: ind.id, period: input.period, valueX100: toX100(input.value), note: input.note, enteredBy: who(store, actor), enteredAt: store.now() })
      .returning()
      .get();
    audit.record({ entity: 'indicator', ids: [ind.id], summary: { period: input.period, value: input.value, note: input.note, entry: row.id } });
    return { entryId: row.id };
  });
}

/** Withdraws the month's hand-entered values (kept, stamped); the computed or carried value shows again. */
export function withdrawIndicatorValue(store: Store, actor: Actor, input: { id: number; period: string }) {
  const ind = requireIndicator(store, input.id);
  return store.write(actor, 'indicators.withdrawValue', (audit) => {
    const frozen = store.db.select().from(indicatorSnapshots).where(and(eq(indicatorSnapshots.indicatorId, ind.id), eq(indicatorSnapshots.period, input.period))).get();
    if (frozen) throw fieldError('period', `${input.period} 已保存快照，不能撤回这个月的数值`, 'REFUSED');
    const live = store.db
      .select()
      .from(indicatorEntries)
      .where(and(eq(indicatorEntries.indicatorId, ind.id), eq(indicatorEntries.period, input.period), eq(indicatorEntries.withdrawnAt, '')))
      .all();
    if (live.length === 0) throw fieldError('period', `${input.period} 没有手工填报的数值`, 'NOT_FOUND');
    store.db
      .update(indicatorEntries)
      .set({ withdrawnAt: store.now(), withdrawnBy: who(store, actor) })
      .where(and(eq(indicatorEntries.indicatorId, ind.id), eq(indicatorEntries.period, input.period), eq(indicatorEntries.withdrawnAt, '')))
      .run();
    audit.record({ entity: 'indicator', ids: [ind.id], summary: { period: input.period, withdrawn: live.map((e) => e.id) } });
    return { withdrawn: live.length };
  });
}

export { listIndicators };
