import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { users } from '../auth/schema';
import { AppError, fieldError } from '../../../shared/errors';
import { DUE_SOON_DAYS } from '../../../shared/tasks';
import { indicators, taskFiles, taskIndicators, taskMilestones, taskReports, taskUnitLinks, taskUnits, tasks } from './schema';
import { loadTaskRows, type TaskRow } from './queries';
import { milestoneState } from './status';
import { addDays, todayOf } from './dates';
import { PLAN_TASKS } from './plan';
import { insertIndicator, type IndicatorInput } from './indicators';
import { who } from './who';

type TaskDbRow = typeof tasks.$inferSelect;

const EDITORS = new Set(['admin', 'manager']);
export const canEditTasks = (actor: Actor) => EDITORS.has(actor.role);

/** Managers and the administrator report on any task; other staff on the tasks they own. */
export function canReport(actor: Actor, ownerId: number | null): boolean {
  return canEditTasks(actor) || (actor.userId !== null && ownerId === actor.userId);
}

export function requireTask(store: Store, id: number): TaskDbRow {
  const t = store.db.select().from(tasks).where(eq(tasks.id, id)).get();
  if (!t) throw new AppError('NOT_FOUND', `任务 #${id} 不存在`);
  return t;
}

function checkVersion(t: TaskDbRow, version: number): void {
  if (t.version !== version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
}

function bump(store: Store, t: TaskDbRow, set: Partial<TaskDbRow> = {}): void {
  store.db
    .update(tasks)
    .set({ ...set, updatedAt: store.now(), version: t.version + 1 })
    .where(eq(tasks.id, t.id))
    .run();
}

export function taskDetail(store: Store, actor: Actor, id: number) {
  requireTask(store, id);
  const today = todayOf(store);
  const row = loadTaskRows(store, today, {}, id)[0] as TaskRow;
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  const files = store.db.select().from(taskFiles).where(eq(taskFiles.taskId, id)).orderBy(asc(taskFiles.id)).all();
  const reports = store.db
    .select()
    .from(taskReports)
    .where(eq(taskReports.taskId, id))
    .orderBy(desc(taskReports.reportedOn), desc(taskReports.id))
    .all()
    .map((r) => ({
      id: r.id,
      reportedOn: r.reportedOn,
      periodKind: r.periodKind,
      period: r.period,
      text: r.text,
      figures: JSON.parse(r.figures) as { name: string; value: number; unit: string }[],
      progress: r.progress,
      reporterName: r.reporterName,
      createdAt: r.createdAt,
      files: files.filter((f) => f.reportId === r.id).map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: f.size, sha256: f.sha256 })),
    }));
  const milestones = store.db
    .select()
    .from(taskMilestones)
    .where(eq(taskMilestones.taskId, id))
    .orderBy(asc(taskMilestones.dueOn), asc(taskMilestones.id))
    .all()
    .map((m) => ({ id: m.id, title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, doneBy: m.doneBy, state: milestoneState(m, today, soonUntil) }));
  const linked = row.indicatorIds.length
    ? store.db.select({ id: indicators.id, no: indicators.no, name: indicators.name }).from(indicators).where(inArray(indicators.id, row.indicatorIds)).orderBy(asc(indicators.no)).all()
    : [];
  return { ...row, today, milestones, reports, indicators: linked, canReport: canReport(actor, row.ownerId), canEdit: canEditTasks(actor) };
}

export interface TaskFields {
  area: string;
  item: string;
  text: string;
  responsibleIds: number[];
  cooperatingIds: number[];
  ownerId: number | null;
  startOn: string;
  dueOn: string;
  indicatorIds: number[];
}

function checkFields(store: Store, f: TaskFields): void {
  if (f.startOn && f.dueOn && f.startOn > f.dueOn) throw fieldError('dueOn', '完成时限不能早于开始日期');
  const both = f.responsibleIds.filter((id) => f.cooperatingIds.includes(id));
  const unitIds = [...new Set([...f.responsibleIds, ...f.cooperatingIds])];
  const found = unitIds.length ? store.db.select().from(taskUnits).where(inArray(taskUnits.id, unitIds)).all() : [];
  if (both.length) throw fieldError('cooperatingIds', `“${found.find((u) => u.id === both[0])?.name ?? both[0]}”已是责任单位，不能同时作为配合单位`);
  for (const [field, ids] of [['responsibleIds', f.responsibleIds], ['cooperatingIds', f.cooperatingIds]] as const) {
    const missing = ids.find((id) => !found.some((u) => u.id === id));
    if (missing !== undefined) throw fieldError(field, `单位 #${missing} 不在单位名录中`);
  }
  if (f.ownerId !== null) {
    const u = store.db.select().from(users).where(eq(users.id, f.ownerId)).get();
    if (!u || !u.active) throw fieldError('ownerId', '所选责任人不存在或已停用');
  }
  if (f.indicatorIds.length) {
    const have = store.db.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, f.indicatorIds)).all();
    if (have.length !== new Set(f.indicatorIds).size) throw fieldError('indicatorIds', '所选指标不存在');
  }
}

function writeLinks(store: Store, taskId: number, f: TaskFields): void {
  store.db.delete(taskUnitLinks).where(eq(taskUnitLinks.taskId, taskId)).run();
  store.db.delete(taskIndicators).where(eq(taskIndicators.taskId, taskId)).run();
  [...new Set(f.responsibleIds)].forEach((unitId, i) => store.db.insert(taskUnitLinks).values({ taskId, unitId, role: 'responsible', sort: i }).run());
  [...new Set(f.cooperatingIds)].forEach((unitId, i) => store.db.insert(taskUnitLinks).values({ taskId, unitId, role: 'cooperating', sort: i }).run());
  for (const indicatorId of new Set(f.indicatorIds)) store.db.insert(taskIndicators).values({ taskId, indicatorId }).run();
}

/** A new task (numbered after the plan's 31), optionally with milestones and a new indicator of its own. */
export function createTask(store: Store, actor: Actor, input: TaskFields & { milestones: { title: string; dueOn: string }[]; newIndicator: IndicatorInput | null }) {
  return store.write(actor, 'tasks.create', (audit) => {
    const indicatorIds = [...input.indicatorIds];
    if (input.newIndicator) {
      const ind = insertIndicator(store, input.newIndicator);
      indicatorIds.push(ind.id);
      audit.record({ entity: 'indicator', ids: [ind.id], summary: { after: { no: ind.no, name: ind.name, unit: ind.unit, target2027: input.newIndicator.target2027 } } });
    }
    const fields = { ...input, indicatorIds };
    checkFields(store, fields);
    const last = store.db.select({ n: max(tasks.no) }).from(tasks).get()?.n ?? 0;
    const now = store.now();
    const row = store.db
      .insert(tasks)
      .values({ no: Math.max(last, PLAN_TASKS) + 1, area: input.area, item: input.item, text: input.text, ownerId: input.ownerId, startOn: input.startOn, dueOn: input.dueOn, source: 'added', createdAt: now, updatedAt: now })
      .returning()
      .get();
    writeLinks(store, row.id, fields);
    input.milestones.forEach((m, i) => {
      if (input.startOn && m.dueOn < input.startOn) throw fieldError(`milestones.${i}.dueOn`, `里程碑“${m.title}”的日期早于开始日期`);
      store.db.insert(taskMilestones).values({ taskId: row.id, title: m.title, dueOn: m.dueOn, createdAt: now }).run();
    });
    audit.record({ entity: 'task', ids: [row.id], summary: { after: { no: row.no, area: row.area, item: row.item, dueOn: row.dueOn, indicators: indicatorIds } } });
    return { id: row.id, no: row.no };
  });
}

export function updateTask(store: Store, actor: Actor, input: TaskFields & { id: number; version: number; progress: number }) {
  return store.write(actor, 'tasks.update', (audit) => {
    const before = requireTask(store, input.id);
    checkVersion(before, input.version);
    checkFields(store, input);
    const completedOn = input.progress >= 100 ? before.completedOn || todayOf(store) : '';
    bump(store, before, { area: input.area, item: input.item, text: input.text, ownerId: input.ownerId, startOn: input.startOn, dueOn: input.dueOn, progress: input.progress, completedOn });
    writeLinks(store, input.id, input);
    audit.record({
      entity: 'task',
      ids: [input.id],
      summary: {
        before: { text: before.text, ownerId: before.ownerId, startOn: before.startOn, dueOn: before.dueOn, progress: before.progress },
        after: { text: input.text, ownerId: input.ownerId, startOn: input.startOn, dueOn: input.dueOn, progress: input.progress, indicators: input.indicatorIds },
      },
    });
    return { id: input.id };
  });
}

/** 暂缓 is the one status set by hand, and only with a reason. */
export function holdTask(store: Store, actor: Actor, input: { id: number; version: number; reason: string }) {
  return store.write(actor, 'tasks.hold', (audit) => {
    const t = requireTask(store, input.id);
    checkVersion(t, input.version);
    if (t.held) throw new AppError('REFUSED', `任务 ${t.no} 已经是暂缓状态`);
    bump(store, t, { held: true, holdReason: input.reason });
    audit.record({ entity: 'task', ids: [t.id], summary: { held: true, reason: input.reason } });
    return { id: t.id };
  });
}

export function resumeTask(store: Store, actor: Actor, input: { id: number; version: number }) {
  return store.write(actor, 'tasks.resume', (audit) => {
    const t = requireTask(store, input.id);
    checkVersion(t, input.version);
    if (!t.held) throw new AppError('REFUSED', `任务 ${t.no} 没有暂缓`);
    bump(store, t, { held: false, holdReason: '' });
    audit.record({ entity: 'task', ids: [t.id], summary: { held: false, reasonWas: t.holdReason } });
    return { id: t.id };
  });
}

export function saveMilestone(store: Store, actor: Actor, input: { taskId: number; version: number; id?: number | undefined; title: string; dueOn: string }) {
  return store.write(actor, 'tasks.saveMilestone', (audit) => {
    const t = requireTask(store, input.taskId);
    checkVersion(t, input.version);
    if (t.startOn && input.dueOn < t.startOn) throw fieldError('dueOn', `里程碑日期不能早于任务开始日期 ${t.startOn}`);
    if (input.id) {
      const before = store.db.select().from(taskMilestones).where(and(eq(taskMilestones.id, input.id), eq(taskMilestones.taskId, t.id))).get();
      if (!before) throw new AppError('NOT_FOUND', `里程碑 #${input.id} 不存在`);
      store.db.update(taskMilestones).set({ title: input.title, dueOn: input.dueOn }).where(eq(taskMilestones.id, input.id)).run();
      audit.record({ entity: 'task_milestone', ids: [input.id], summary: { task: t.no, before: { title: before.title, dueOn: before.dueOn }, after: { title: input.title, dueOn: input.dueOn } } });
    } else {
      const m = store.db.insert(taskMilestones).values({ taskId: t.id, title: input.title, dueOn: input.dueOn, createdAt: store.now() }).returning().get();
      audit.record({ entity: 'task_milestone', ids: [m.id], summary: { task: t.no, after: { title: m.title, dueOn: m.dueOn } } });
    }
    bump(store, t);
    return { id: t.id };
  });
}

export function deleteMilestone(store: Store, actor: Actor, input: { taskId: number; version: number; id: number }) {
  return store.write(actor, 'tasks.deleteMilestone', (audit) => {
    const t = requireTask(store, input.taskId);
    checkVersion(t, input.version);
    const m = store.db.select().from(taskMilestones).where(and(eq(taskMilestones.id, input.id), eq(taskMilestones.taskId, t.id))).get();
    if (!m) throw new AppError('NOT_FOUND', `里程碑 #${input.id} 不存在`);
    store.db.delete(taskMilestones).where(eq(taskMilestones.id, m.id)).run();
    bump(store, t);
    audit.record({ entity: 'task_milestone', ids: [m.id], summary: { task: t.no, before: { title: m.title, dueOn: m.dueOn, doneOn: m.doneOn } } });
    return { id: t.id };
  });
}

/** Inside the caller's transaction; used by the milestone toggle and by progress reports. */
export function markMilestone(store: Store, actor: Actor, taskId: number, milestoneId: number, doneOn: string): typeof taskMilestones.$inferSelect {
  const m = store.db.select().from(taskMilestones).where(and(eq(taskMilestones.id, milestoneId), eq(taskMilestones.taskId, taskId))).get();
  if (!m) throw fieldError('milestoneIds', `里程碑 #${milestoneId} 不属于此任务`);
  store.db
    .update(taskMilestones)
    .set({ doneOn, doneBy: doneOn ? who(store, actor) : '' })
    .where(eq(taskMilestones.id, m.id))
    .run();
  return m;
}

export function setMilestoneDone(store: Store, actor: Actor, input: { taskId: number; version: number; id: number; doneOn: string }) {
  return store.write(actor, 'tasks.setMilestoneDone', (audit) => {
    const t = requireTask(store, input.taskId);
    checkVersion(t, input.version);
    if (input.doneOn && input.doneOn > todayOf(store)) throw fieldError('doneOn', '完成日期不能晚于今天');
    const m = markMilestone(store, actor, t.id, input.id, input.doneOn);
    bump(store, t);
    audit.record({ entity: 'task_milestone', ids: [m.id], summary: { task: t.no, title: m.title, before: { doneOn: m.doneOn }, after: { doneOn: input.doneOn } } });
    return { id: t.id };
  });
}

export function taskAreas(store: Store): string[] {
  return (store.sqlite.prepare('SELECT area FROM tasks GROUP BY area ORDER BY min(no)').pluck().all() as string[]);
}
