import { eq, isNull } from 'drizzle-orm';
import type { Store } from '../db/store';
import { users } from '../auth/schema';
import { taskMilestones, taskReports, tasks } from './schema';
import { insertPlan } from './plan';
import { getMeta, setMeta } from './meta';
import { addDays, todayOf } from './dates';

/** Who owns which plan task in the demo: the bookkeeper the bookkeeping task, the front desk the services. */
const DEMO_OWNERS: Record<number, string> = { 5: 'kuaiji', 6: 'qiantai', 9: 'qiantai' };

/**
 * The plan itself, plus a little history so the dashboard has something to show: owners, milestones (one
 * late, one due soon), a few progress reports, a task on hold and hand-entered credit figures. Runs inside
 * demo.load's transaction; the history is added once.
 */
export function loadTasksDemo(store: Store): Record<string, number> {
  const seeded = insertPlan(store);
  if (getMeta(store, 'demoLoaded')) return { 任务台账任务: seeded.tasks, 任务台账指标: seeded.indicators };
  const userId = (username: string) => store.db.select().from(users).where(eq(users.username, username)).get();
  const manager = userId('fuzeren');
  if (!manager) return { 任务台账任务: seeded.tasks, 任务台账指标: seeded.indicators };
  const today = todayOf(store);
  const now = store.now();
  const task = (no: number) => store.db.select().from(tasks).where(eq(tasks.no, no)).get();
  for (const t of store.db.select().from(tasks).where(isNull(tasks.ownerId)).all()) {
    const owner = userId(DEMO_OWNERS[t.no] ?? 'fuzeren') ?? manager;
    store.db.update(tasks).set({ ownerId: owner.id }).where(eq(tasks.id, t.id)).run();
  }
  const milestone = (no: number, title: string, dueOn: string, doneOn = '') => {
    const t = task(no);
    if (t) store.db.insert(taskMilestones).values({ taskId: t.id, title, dueOn, doneOn, doneBy: doneOn ? manager.displayName : '', createdAt: now }).run();
  };
  milestone(2, '完成 2 个乡镇为农服务中心选址', addDays(today, -40), addDays(today, -45));
  milestone(2, '新建乡镇为农服务中心挂牌运行', addDays(today, 10));
  milestone(12, '完成首批 30 个农村流通网点改造', addDays(today, -5));
  milestone(5, '代账合作社扩大到 30 家', addDays(today, 60));
  const report = (no: number, daysAgo: number, text: string, progress: number, figures: { name: string; value: number; unit: string }[] = []) => {
    const t = task(no);
    if (!t) return;
    const owner = store.db.select().from(users).where(eq(users.id, t.ownerId ?? manager.id)).get() ?? manager;
    const on = addDays(today, -daysAgo);
    store.db
      .insert(taskReports)
      .values({ taskId: t.id, reportedOn: on, periodKind: 'month', period: on.slice(0, 7), text, figures: JSON.stringify(figures), progress, reporterId: owner.id, reporterName: owner.displayName, createdAt: now })
      .run();
    store.db.update(tasks).set({ progress }).where(eq(tasks.id, t.id)).run();
  };
  report(2, 45, '已完成江口镇、南溪镇两个乡镇为农服务中心选址，正在办理场地租赁。', 30);
  report(5, 20, '县级为农服务中心已为 12 家农民专业合作社提供统一代账服务，建账工作完成。', 40, [{ name: '代账合作社', value: 12, unit: '家' }]);
  report(21, 12, '联合农商行云阳支行推广“渝快助农贷”，本月新增授信农合联会员 86 户。', 35, [{ name: '新增授信', value: 2.3, unit: '亿元' }]);
  report(15, 3, '组织“云阳农合联”农产品展销活动 1 场，参展会员 24 家。', 20, [{ name: '参展会员', value: 24, unit: '家' }]);
  const held = task(19);
  if (held) store.db.update(tasks).set({ held: true, holdReason: '等待县金融工作服务中心统一部署整村授信试点' }).where(eq(tasks.id, held.id)).run();
  setMeta(store, 'demoLoaded', now);
  return { 任务台账任务: seeded.tasks, 任务台账指标: seeded.indicators, 任务进展: 4 };
}
