import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { registryCounts } from '../../electron/core/members/counts';
import { addDays, addMonths, monthEnd, monthsBetween, todayOf } from '../../electron/core/tasks/dates';
import { figure, figureContext, listIndicators } from '../../electron/core/tasks/figures';
import { hasIndicatorSource } from '../../electron/core/tasks/indicator-sources';
import { tempDir } from '../helpers/tmp';
import { fmt, heading, line, sample, timeIt } from './lib';

const SCALE = { orgs: 5000, unions: 40, memberships: 8000, sites: 800, addedTasks: 269, milestonesPerTask: 4, reports: 30_000, snapshotMonths: 24 };

/**
 * The tracker at the scale of a busy county after three years: 300 tasks, 30,000 progress reports, 1,200
 * milestones, 24 months of snapshots, and a registry of 5,000 organisations behind the computed indicators.
 * Baseline: the dashboard's 12-month trends computed the plain way, one registry count per indicator and month.
 */
export default async function tasksBench(): Promise<void> {
  heading(`tasks: dashboard, task list and indicators (${SCALE.addedTasks + 31} tasks, ${SCALE.reports} reports, registry of ${SCALE.orgs} orgs)`);
  const tmp = tempDir('bench-tasks');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const client = new CliClient(core, createRouter());
    await client.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const store = core.store;
    const db = store.sqlite;
    const today = todayOf(store);
    const now = store.now();
    const gen = await timeIt(() =>
      db.transaction(() => {
        const org = db.prepare(`INSERT INTO orgs (kind, name, demo_level, demo_year, status, created_at, updated_at) VALUES ('农民专业合作社', ?, ?, ?, 'active', ?, ?)`);
        for (let i = 0; i < SCALE.orgs; i++) org.run(`合作社${i}`, i % 30 === 0 ? '县级' : '', i % 30 === 0 ? 2024 + (i % 3) : null, now, now);
        const union = db.prepare(`INSERT INTO unions (kind, level, name, established_on, status, created_at, updated_at) VALUES (?, 'township', ?, ?, 'active', ?, ?)`);
        for (let i = 0; i < SCALE.unions; i++) union.run(i % 4 === 0 ? 'industry' : 'regional', `农合联${i}`, addDays(today, -30 * (i % 30)), now, now);
        const mem = db.prepare(`INSERT INTO union_members (union_id, org_id, joined_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)`);
        for (let i = 0; i < SCALE.memberships; i++) mem.run(1 + (i % SCALE.unions), 1 + (i % SCALE.orgs), addDays(today, -(i % 900)), now, now);
        const kinds = ['乡镇为农服务中心', '农村综合服务社', '农村流通网点', '村级一站式服务站'];
        const site = db.prepare(`INSERT INTO service_sites (kind, name, opened_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)`);
        for (let i = 0; i < SCALE.sites; i++) site.run(kinds[i % kinds.length], `站点${i}`, addDays(today, -(i % 720)), now, now);
        const task = db.prepare(`INSERT INTO tasks (no, area, item, text, owner_id, start_on, due_on, progress, source, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, 'added', ?, ?)`);
        const link = db.prepare(`INSERT INTO task_unit_links (task_id, unit_id, role, sort) VALUES (?, ?, ?, 0)`);
        const units = db.prepare('SELECT id FROM task_units').pluck().all() as number[];
        for (let i = 0; i < SCALE.addedTasks; i++) {
          const id = Number(task.run(32 + i, `领域${i % 8}`, `事项${i % 40}`, `新增工作任务 ${i}`, '2024-09-01', addDays(today, (i % 400) - 100), i % 100, now, now).lastInsertRowid);
          link.run(id, units[i % units.length], 'responsible');
          link.run(id, units[(i + 7) % units.length], 'cooperating');
        }
        const ms = db.prepare(`INSERT INTO task_milestones (task_id, title, due_on, done_on, created_at) VALUES (?, ?, ?, ?, ?)`);
        const taskCount = 31 + SCALE.addedTasks;
        for (let t = 1; t <= taskCount; t++)
          for (let m = 0; m < SCALE.milestonesPerTask; m++) {
            const due = addDays(today, 60 * m - 90 + (t % 30));
            ms.run(t, `里程碑${m}`, due, due < today && t % 3 !== 0 ? due : '', now);
          }
        const rep = db.prepare(
          `INSERT INTO task_reports (task_id, reported_on, period_kind, period, text, figures, progress, reporter_id, reporter_name, created_at) VALUES (?, ?, 'month', ?, ?, '[]', ?, 1, '管理员', ?)`,
        );
        for (let i = 0; i < SCALE.reports; i++) {
          const on = addDays(today, -(i % 1000));
          rep.run(1 + (i % taskCount), on, on.slice(0, 7), `第 ${i} 次进展填报`, i % 100, new Date(Date.parse(now) - i * 60_000).toISOString());
        }
      })(),
    );
    line('generate data', fmt(gen.ms));
    db.prepare(`UPDATE tasks_meta SET value = ? WHERE key = 'trackingStart'`).run(addMonths(today.slice(0, 7), -SCALE.snapshotMonths));
    const first = await timeIt(() => client.call('tasks.dashboard'));
    line(`first view: freezes ${SCALE.snapshotMonths} past months`, fmt(first.ms), `${db.prepare('SELECT count(*) FROM indicator_snapshots').pluck().get()} snapshot rows`);

    const dash = await sample(50, () => client.call('tasks.dashboard'), 5);
    const list = await sample(50, () => client.call('tasks.list', {}), 5);
    const overdue = await sample(50, () => client.call('tasks.list', { due: 'overdue' }), 5);
    const detail = await sample(200, (i) => client.call('tasks.get', { id: 1 + (i % 300) }), 10);
    const indNow = await sample(100, () => client.call('indicators.list', {}), 5);
    const indPast = await sample(100, () => client.call('indicators.list', { period: addMonths(today.slice(0, 7), -6) }), 5);
    const bell = await sample(100, () => client.call('tasks.reminders'), 5);
    const search = await sample(50, (i) => client.call('search.global', { q: ['nhl', '农合联', 'gxs', '流通'][i % 4] }), 5);
    line('tasks.dashboard p50 / p95', `${fmt(dash.p50)} / ${fmt(dash.p95)}`);
    line('tasks.list (all 300) p50 / p95', `${fmt(list.p50)} / ${fmt(list.p95)}`);
    line('tasks.list overdue p50', fmt(overdue.p50));
    line('tasks.get (timeline of ~100 reports) p50', fmt(detail.p50));
    line('indicators.list this month (live) p50', fmt(indNow.p50));
    line('indicators.list 6 months ago (snapshot) p50', fmt(indPast.p50));
    line('tasks.reminders p50', fmt(bell.p50));
    line('search.global over tasks (pinyin) p50', fmt(search.p50));

    // Trends: 12 months of the six registry indicators, with the per-day memo versus one count per figure.
    const months = monthsBetween(addMonths(today.slice(0, 7), -11), today.slice(0, 7));
    const computed = listIndicators(store).filter((i) => hasIndicatorSource(i.no));
    const live = (p: string) => (p === today.slice(0, 7) ? today : monthEnd(p));
    const ours = await sample(30, () => {
      // No snapshots in this context, so every month is computed live as the months before tracking would be.
      const ctx = { ...figureContext(store, today.slice(0, 7)), snapshots: new Map() };
      for (const ind of computed) for (const p of months) figure(store, ind, p, today, ctx);
    }, 3);
    const baseline = await sample(30, () => {
      for (const _ind of computed) for (const p of months) registryCounts(store, live(p));
    }, 3);
    line('12-month trends, plain (count per figure) p50', fmt(baseline.p50), '(baseline)');
    line('12-month trends, shared per-day counts p50', fmt(ours.p50), `${(baseline.p50 / ours.p50).toFixed(1)}x faster than baseline`);
    core.close();
  } finally {
    tmp.cleanup();
  }
}
