import { and, asc, eq, lte } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { TASK_STATUSES } from '../../../shared/tasks';
import { taskMilestones } from './schema';
import { loadTaskRows } from './queries';
import { figure, figureContext, listIndicators, type Memo } from './figures';
import { ensureMonthEndSnapshots } from './snapshots';
import { hasIndicatorSource } from './indicator-sources';
import { addDays, addMonths, daysBetween, monthsBetween, todayOf } from './dates';
import { isPlanSeeded } from './plan';
import { reminderDays, setMeta } from './meta';
import { canEditTasks } from './tasks';

export const TREND_MONTHS = 12;

function latestReports(store: Store, limit: number) {
  return store.sqlite
    .prepare(
      `SELECT r.id, r.task_id AS taskId, t.no AS taskNo, t.item AS taskItem, r.reported_on AS reportedOn, r.period, r.text, r.progress,
              r.reporter_name AS reporterName, (SELECT count(*) FROM task_files f WHERE f.report_id = r.id) AS files
       FROM task_reports r JOIN tasks t ON t.id = r.task_id ORDER BY r.created_at DESC, r.id DESC LIMIT ?`,
    )
    .all(limit) as { id: number; taskId: number; taskNo: number; taskItem: string; reportedOn: string; period: string; text: string; progress: number | null; reporterName: string; files: number }[];
}

/** The manager's first screen: indicators against targets, tasks by status, what is late, what was reported. */
export function dashboard(store: Store) {
  ensureMonthEndSnapshots(store);
  const today = todayOf(store);
  const period = today.slice(0, 7);
  const memo: Memo = new Map();
  const ctx = figureContext(store, period, memo);
  const inds = listIndicators(store);
  const rows = loadTaskRows(store, today);
  const months = monthsBetween(addMonths(period, -(TREND_MONTHS - 1)), period);
  return {
    today,
    period,
    year: Number(today.slice(0, 4)),
    seeded: isPlanSeeded(store),
    indicators: inds.map((ind) => figure(store, ind, period, today, ctx)),
    total: rows.length,
    statusCounts: TASK_STATUSES.map((status) => ({ status, count: rows.filter((r) => r.status === status).length })),
    dueSoon: rows.filter((r) => r.attention === 'soon').length,
    startOverdue: rows.filter((r) => r.startOverdue).length,
    overdue: rows
      .filter((r) => r.status === '滞后')
      .map((r) => {
        const byDue = r.dueOn !== '' && r.dueOn < today;
        const late = byDue ? r.dueOn : (r.nextMilestone?.dueOn ?? today);
        return {
          id: r.id,
          no: r.no,
          item: r.item,
          text: r.text,
          ownerId: r.ownerId,
          ownerName: r.ownerName,
          dueOn: late,
          lateDays: daysBetween(late, today),
          reason: byDue ? `已过完成时限 ${r.dueOn}` : `里程碑“${r.nextMilestone?.title ?? ''}”逾期`,
        };
      })
      .sort((a, b) => b.lateDays - a.lateDays),
    latestReports: latestReports(store, 8),
    trends: inds
      .filter((ind) => hasIndicatorSource(ind.no))
      .map((ind) => {
        const points = months.map((p) => {
          const f = figure(store, ind, p, today, ctx);
          return { period: p, value: f.value, fromSnapshot: f.fromSnapshot };
        });
        const now = figure(store, ind, period, today, ctx);
        return { id: ind.id, no: ind.no, name: ind.name, unit: ind.unit, decimals: ind.decimals, yearTarget: now.yearTarget, target2027: now.target2027, points };
      }),
  };
}

export type ReminderKind = 'taskOverdue' | 'milestoneOverdue' | 'milestoneSoon' | 'taskSoon';

/**
 * What the bell shows: overdue tasks and milestones, and milestones or due dates within the reminder window.
 * Managers and the administrator see every task; other staff see the tasks they own.
 */
export function reminders(store: Store, actor: Actor) {
  const days = reminderDays(store);
  const today = todayOf(store);
  const until = addDays(today, days);
  const rows = loadTaskRows(store, today).filter((r) => r.status !== '已完成' && r.status !== '暂缓' && (canEditTasks(actor) || r.ownerId === actor.userId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items: { kind: ReminderKind; taskId: number; taskNo: number; item: string; title: string; dueOn: string; days: number; ownerName: string }[] = [];
  for (const r of rows) {
    if (r.dueOn && r.dueOn < today) items.push({ kind: 'taskOverdue', taskId: r.id, taskNo: r.no, item: r.item, title: '任务已过完成时限', dueOn: r.dueOn, days: daysBetween(today, r.dueOn), ownerName: r.ownerName });
    else if (r.dueOn && r.dueOn <= until) items.push({ kind: 'taskSoon', taskId: r.id, taskNo: r.no, item: r.item, title: '任务即将到期', dueOn: r.dueOn, days: daysBetween(today, r.dueOn), ownerName: r.ownerName });
  }
  const pending = store.db
    .select()
    .from(taskMilestones)
    .where(and(eq(taskMilestones.doneOn, ''), lte(taskMilestones.dueOn, until)))
    .orderBy(asc(taskMilestones.dueOn))
    .all();
  for (const m of pending) {
    const r = byId.get(m.taskId);
    if (!r) continue;
    items.push({ kind: m.dueOn < today ? 'milestoneOverdue' : 'milestoneSoon', taskId: r.id, taskNo: r.no, item: r.item, title: m.title, dueOn: m.dueOn, days: daysBetween(today, m.dueOn), ownerName: r.ownerName });
  }
  items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.taskNo - b.taskNo);
  return { days, today, items };
}

export function trackerSettings(store: Store) {
  return { reminderDays: reminderDays(store) };
}

export function updateTrackerSettings(store: Store, actor: Actor, input: { reminderDays: number }) {
  return store.write(actor, 'tasks.updateSettings', (audit) => {
    const before = reminderDays(store);
    setMeta(store, 'reminderDays', String(input.reminderDays));
    audit.record({ entity: 'tasks_settings', ids: ['reminderDays'], summary: { from: before, to: input.reminderDays } });
    return { reminderDays: input.reminderDays };
  });
}
