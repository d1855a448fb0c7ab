import { asc, eq } from 'drizzle-orm';
import type { Store } from '../db/store';
import { users } from '../auth/schema';
import { taskUnits, tasks } from './schema';
import { startOverdue, taskStatus, type StatusFacts } from './status';
import { addDays, daysBetween } from './dates';
import { textMatches } from '../search/pinyin';
import { DUE_SOON_DAYS, type TaskStatus } from '../../../shared/tasks';

export interface UnitRef {
  id: number;
  name: string;
}

export interface LatestReport {
  id: number;
  reportedOn: string;
  period: string;
  text: string;
  reporterName: string;
  /** The progress percent this report set, if it set one. */
  progress: number | null;
}

export interface TaskRow {
  id: number;
  no: number;
  area: string;
  item: string;
  text: string;
  responsible: UnitRef[];
  cooperating: UnitRef[];
  ownerId: number | null;
  ownerName: string;
  startOn: string;
  dueOn: string;
  progress: number;
  status: TaskStatus;
  holdReason: string;
  completedOn: string;
  source: 'plan' | 'added';
  indicatorIds: number[];
  nextMilestone: { id: number; title: string; dueOn: string } | null;
  lateMilestones: number;
  daysLeft: number | null;
  startOverdue: boolean;
  /** 'overdue' (滞后) or 'soon' (the due date or the next milestone falls within 30 days). */
  attention: 'overdue' | 'soon' | '';
  latestReport: LatestReport | null;
  reportCount: number;
  version: number;
}

export interface TaskFilter {
  status?: TaskStatus | '';
  unitId?: number | undefined;
  ownerId?: number | undefined;
  indicatorId?: number | undefined;
  due?: '' | 'overdue' | 'soon' | 'attention';
  q?: string;
}

function group<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

/**
 * Every task with what its list rows show, status computed for `today`. A handful of queries whatever the
 * number of tasks; the tracker holds tens to hundreds of tasks, so filtering happens here in memory.
 */
export function loadTaskRows(store: Store, today: string, filter: TaskFilter = {}, onlyId?: number): TaskRow[] {
  const soonUntil = addDays(today, DUE_SOON_DAYS);
  const scope = <T>(sql: string, byTask: string): T[] =>
    (onlyId === undefined ? store.sqlite.prepare(sql).all() : store.sqlite.prepare(`${sql} WHERE ${byTask} = ?`).all(onlyId)) as T[];
  const names = new Map(store.db.select({ id: users.id, name: users.displayName }).from(users).all().map((u) => [u.id, u.name]));
  const unitNames = new Map(store.db.select({ id: taskUnits.id, name: taskUnits.name }).from(taskUnits).all().map((u) => [u.id, u.name]));
  const links = group(
    scope<{ taskId: number; unitId: number; role: 'responsible' | 'cooperating'; sort: number }>('SELECT task_id AS taskId, unit_id AS unitId, role, sort FROM task_unit_links', 'task_id').sort((a, b) => a.sort - b.sort),
    (l) => l.taskId,
  );
  const milestones = group(
    scope<{ id: number; taskId: number; title: string; dueOn: string; doneOn: string }>('SELECT id, task_id AS taskId, title, due_on AS dueOn, done_on AS doneOn FROM task_milestones', 'task_id').sort(
      (a, b) => a.dueOn.localeCompare(b.dueOn) || a.id - b.id,
    ),
    (m) => m.taskId,
  );
  const inds = group(scope<{ taskId: number; indicatorId: number }>('SELECT task_id AS taskId, indicator_id AS indicatorId FROM task_indicators', 'task_id'), (r) => r.taskId);
  // Reports dated after `today` do not count, so that a past day's view (the report centre's annex 2 for an
  // earlier month) shows what had been reported by then; for the real today this excludes nothing.
  const reportCounts = new Map(
    (onlyId === undefined
      ? (store.sqlite.prepare('SELECT task_id AS taskId, count(*) AS n FROM task_reports WHERE reported_on <= ? GROUP BY task_id').all(today) as { taskId: number; n: number }[])
      : (store.sqlite.prepare('SELECT task_id AS taskId, count(*) AS n FROM task_reports WHERE reported_on <= ? AND task_id = ?').all(today, onlyId) as { taskId: number; n: number }[])
    ).map((r) => [r.taskId, r.n]),
  );
  // One indexed look-up per task (task_reports_task), rather than a pass over every report.
  const latestSql = `SELECT t.id AS taskId, r.id, r.reported_on AS reportedOn, r.period, r.text, r.reporter_name AS reporterName, r.progress FROM tasks t
       JOIN task_reports r ON r.id = (SELECT x.id FROM task_reports x WHERE x.task_id = t.id AND x.reported_on <= ? ORDER BY x.reported_on DESC, x.id DESC LIMIT 1)`;
  const latest = new Map(
    ((onlyId === undefined ? store.sqlite.prepare(latestSql).all(today) : store.sqlite.prepare(`${latestSql} WHERE t.id = ?`).all(today, onlyId)) as (LatestReport & { taskId: number })[]).map(
      ({ taskId, ...r }) => [taskId, r],
    ),
  );
  const rows = store.db
    .select()
    .from(tasks)
    .where(onlyId === undefined ? undefined : eq(tasks.id, onlyId))
    .orderBy(asc(tasks.no))
    .all()
    .map((t): TaskRow => {
      const ms = milestones.get(t.id) ?? [];
      const facts: StatusFacts = { held: t.held, progress: t.progress, startOn: t.startOn, dueOn: t.dueOn, reportCount: reportCounts.get(t.id) ?? 0, milestones: ms };
      const status = taskStatus(facts, today);
      const next = ms.find((m) => m.doneOn === '') ?? null;
      const open = status !== '已完成' && status !== '暂缓';
      const soon = open && ((t.dueOn >= today && t.dueOn <= soonUntil) || (next !== null && next.dueOn >= today && next.dueOn <= soonUntil));
      const unitsOf = (role: 'responsible' | 'cooperating') =>
        (links.get(t.id) ?? []).filter((l) => l.role === role).map((l) => ({ id: l.unitId, name: unitNames.get(l.unitId) ?? '' }));
      return {
        id: t.id,
        no: t.no,
        area: t.area,
        item: t.item,
        text: t.text,
        responsible: unitsOf('responsible'),
        cooperating: unitsOf('cooperating'),
        ownerId: t.ownerId,
        ownerName: t.ownerId === null ? '' : (names.get(t.ownerId) ?? ''),
        startOn: t.startOn,
        dueOn: t.dueOn,
        progress: t.progress,
        status,
        holdReason: t.holdReason,
        completedOn: t.completedOn,
        source: t.source,
        indicatorIds: (inds.get(t.id) ?? []).map((r) => r.indicatorId),
        nextMilestone: next ? { id: next.id, title: next.title, dueOn: next.dueOn } : null,
        lateMilestones: open ? ms.filter((m) => m.doneOn === '' && m.dueOn < today).length : 0,
        daysLeft: t.dueOn ? daysBetween(today, t.dueOn) : null,
        startOverdue: startOverdue(facts, today),
        attention: status === '滞后' ? 'overdue' : soon ? 'soon' : '',
        latestReport: latest.get(t.id) ?? null,
        reportCount: reportCounts.get(t.id) ?? 0,
        version: t.version,
      };
    });
  return rows.filter((r) => matches(r, filter));
}

function matches(r: TaskRow, f: TaskFilter): boolean {
  if (f.status && r.status !== f.status) return false;
  if (f.unitId !== undefined && ![...r.responsible, ...r.cooperating].some((u) => u.id === f.unitId)) return false;
  if (f.ownerId !== undefined && r.ownerId !== f.ownerId) return false;
  if (f.indicatorId !== undefined && !r.indicatorIds.includes(f.indicatorId)) return false;
  if (f.due === 'overdue' && r.attention !== 'overdue') return false;
  if (f.due === 'soon' && r.attention !== 'soon') return false;
  if (f.due === 'attention' && r.attention === '') return false;
  if (f.q) {
    const q = f.q.trim();
    const hay = [r.text, r.item, r.area, r.ownerName, ...r.responsible.map((u) => u.name), ...r.cooperating.map((u) => u.name)];
    if (String(r.no) !== q && !hay.some((h) => textMatches(q, h))) return false;
  }
  return true;
}

export function taskStatusMap(store: Store, today: string): Map<number, TaskStatus> {
  return new Map(loadTaskRows(store, today).map((r) => [r.id, r.status]));
}
