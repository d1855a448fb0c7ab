import { eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import plan from './reform-plan.json';
import { indicators, taskIndicators, taskUnitLinks, taskUnits, tasks } from './schema';
import { getMeta, setMeta } from './meta';
import { todayOf } from './dates';
import { toX100 } from './values';
import type { UnitKind } from '../../../shared/tasks';

/** The plan is in force from 2024-09-01 and its final targets are for 2027. */
export const PLAN_START = '2024-09-01';
export const PLAN_DUE = '2027-12-31';

/** Which of the plan's tasks carry which indicator (by the figures their text names). */
const TASK_INDICATORS: Record<number, number[]> = { 1: [1, 4], 2: [2], 3: [3], 4: [5], 8: [6], 12: [7], 21: [8] };

/** Plan numbers 1-31 and 1-8 stay reserved for the plan, so added rows never collide with a later seed. */
export const PLAN_TASKS = plan.tasks.length;
export const PLAN_INDICATORS = plan.indicators.length;

export function unitKind(name: string): UnitKind {
  if (name.includes('邮政')) return '邮政';
  if (/乡镇|街道/.test(name)) return '乡镇街道';
  if (/银行|农商行|金融监管/.test(name)) return '金融机构';
  if (name.startsWith('县')) return '县级部门';
  return '其他';
}

export const decimalsFor = (unit: string) => (unit.startsWith('万') || unit.startsWith('亿') ? 2 : 0);

/**
 * Goals the plan's body text sets beyond its annex (see the notes in reform-plan.json), offered when adding a
 * task: each can come with an indicator of its own.
 */
export const BODY_GOALS = [
  { key: 'farmers', area: '全面推进农业生产联合合作', item: '推动新型农业经营主体联合发展', text: '到2027年，培育高素质农民13000名。', indicator: '培育高素质农民', unit: '名', target2027: 13000 },
  { key: 'entities', area: '全面推进农业生产联合合作', item: '推动新型农业经营主体联合发展', text: '到2027年，培育家庭农场、农民合作社、农业企业等新型农业经营主体17000家。', indicator: '培育新型农业经营主体', unit: '家', target2027: 17000 },
  { key: 'counsellors', area: '全面推进农业生产联合合作', item: '提升新型农业生产社会化服务能力', text: '到2027年遴选100名新型农业经营主体辅导员。', indicator: '遴选新型农业经营主体辅导员', unit: '名', target2027: 100 },
  { key: 'creditTownships', area: '创新推进信用服务协作联动', item: '创新农村信用评价服务', text: '到2027年，创建信用乡镇30个。', indicator: '创建信用乡镇', unit: '个', target2027: 30 },
  { key: 'creditVillages', area: '创新推进信用服务协作联动', item: '创新农村信用评价服务', text: '到2027年，创建信用村150个。', indicator: '创建信用村', unit: '个', target2027: 150 },
  { key: 'brands', area: '大力推进供销服务深度融合', item: '共育农产品品牌', text: '打造30个小而精、精而美的县域农产品“爆品”品牌。', indicator: '打造县域农产品“爆品”品牌', unit: '个', target2027: 30 },
  { key: 'stations', area: '大力推进供销服务深度融合', item: '共用流通渠道', text: '打造“一站式”村级站点260个，提供收投快递、农村电商、政务服务、生活缴费等便民服务。', indicator: '打造“一站式”村级站点', unit: '个', target2027: 260 },
] as const;

export function isPlanSeeded(store: Store): boolean {
  return getMeta(store, 'planSeededAt') !== null;
}

/**
 * Writes the plan's units, 8 indicators and 31 tasks inside the caller's transaction, once per database:
 * later calls add nothing, so that tasks edited or removed by the centre are never brought back.
 */
export function insertPlan(store: Store): { tasks: number; indicators: number; units: number } {
  if (isPlanSeeded(store)) return { tasks: 0, indicators: 0, units: 0 };
  const now = store.now();
  let unitCount = 0;
  const unitIds = new Map(store.db.select().from(taskUnits).all().map((u) => [u.name, u.id]));
  const unitId = (name: string) => {
    let id = unitIds.get(name);
    if (id === undefined) {
      id = store.db.insert(taskUnits).values({ name, kind: unitKind(name), sort: unitIds.size + 1, createdAt: now, updatedAt: now }).returning().get().id;
      unitIds.set(name, id);
      unitCount++;
    }
    return id;
  };
  const indicatorIds = new Map<number, number>();
  for (const ind of plan.indicators) {
    const row = store.db
      .insert(indicators)
      .values({
        no: ind.no,
        name: ind.name,
        unit: ind.unit,
        decimals: decimalsFor(ind.unit),
        target2024X100: toX100(ind.target2024),
        target2027X100: toX100(ind.target2027),
        source: 'plan',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    indicatorIds.set(ind.no, row.id);
  }
  for (const t of plan.tasks) {
    const row = store.db
      .insert(tasks)
      .values({ no: t.no, area: t.area, item: t.item, text: t.task, startOn: PLAN_START, dueOn: PLAN_DUE, source: 'plan', createdAt: now, updatedAt: now })
      .returning()
      .get();
    t.responsible.forEach((name, i) => store.db.insert(taskUnitLinks).values({ taskId: row.id, unitId: unitId(name), role: 'responsible', sort: i }).run());
    t.cooperating.forEach((name, i) => store.db.insert(taskUnitLinks).values({ taskId: row.id, unitId: unitId(name), role: 'cooperating', sort: i }).run());
    for (const no of TASK_INDICATORS[t.no] ?? []) store.db.insert(taskIndicators).values({ taskId: row.id, indicatorId: indicatorIds.get(no)! }).run();
  }
  setMeta(store, 'planSeededAt', now);
  // Month-end snapshots are taken automatically from the month the tracker starts being used.
  if (getMeta(store, 'trackingStart') === null) setMeta(store, 'trackingStart', todayOf(store).slice(0, 7));
  return { tasks: plan.tasks.length, indicators: plan.indicators.length, units: unitCount };
}

/** The audited write behind first-run setup and the tracker's "载入实施方案" button. */
export function seedPlan(store: Store, actor: Actor): { tasks: number; indicators: number; units: number } {
  if (isPlanSeeded(store)) return { tasks: 0, indicators: 0, units: 0 };
  return store.write(actor, 'tasks.seedPlan', (audit) => {
    const added = insertPlan(store);
    audit.record({ entity: 'plan', ids: [], summary: { source: plan.source, ...added } });
    return added;
  });
}

export function planSource(): string {
  return plan.source;
}

export function taskIdByNo(store: Store, no: number): number | undefined {
  return store.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.no, no)).get()?.id;
}
