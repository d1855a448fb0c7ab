import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import { setupCore } from '../helpers/core';
import type { AppError } from '../../shared/errors';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';
import { addMonths, todayOf } from '../../electron/core/tasks/dates';
import { registryCounts } from '../../electron/core/members/counts';
import { registerIndicatorSource } from '../../electron/core/tasks/indicator-sources';

type Env = Awaited<ReturnType<typeof setupCore>>;
type List = Out<Contract['indicators.list']>;
type Detail = Out<Contract['indicators.get']>;

let env: Env;
let today: string;
let thisMonth: string;
let lastMonth: string;
let unregister: () => void;

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

const sql = (q: string, ...args: unknown[]) => env.core.store.sqlite.prepare(q).run(...args);
const now = () => new Date().toISOString();
const union = (name: string, kind: 'regional' | 'industry', establishedOn = '') =>
  Number(sql(`INSERT INTO unions (kind, level, name, established_on, status, created_at, updated_at) VALUES (?, 'county', ?, ?, 'active', ?, ?)`, kind, name, establishedOn, now(), now()).lastInsertRowid);
const org = (name: string, opts: { demoLevel?: string; demoYear?: number | null; status?: string } = {}) =>
  Number(
    sql(
      `INSERT INTO orgs (kind, name, demo_level, demo_year, status, created_at, updated_at) VALUES ('农民专业合作社', ?, ?, ?, ?, ?, ?)`,
      name,
      opts.demoLevel ?? '',
      opts.demoYear ?? null,
      opts.status ?? 'active',
      now(),
      now(),
    ).lastInsertRowid,
  );
const member = (unionId: number, orgId: number, joinedOn: string) =>
  sql(`INSERT INTO union_members (union_id, org_id, joined_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)`, unionId, orgId, joinedOn, now(), now());
const site = (kind: string, name: string, openedOn: string) =>
  sql(`INSERT INTO service_sites (kind, name, opened_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)`, kind, name, openedOn, now(), now());

const list = (period = '') => env.admin.call<List>('indicators.list', { period });
const byNo = (l: List, no: number) => l.rows.find((r) => r.no === no)!;

beforeAll(async () => {
  env = await setupCore();
  today = todayOf(env.core.store);
  thisMonth = today.slice(0, 7);
  lastMonth = addMonths(thisMonth, -1);
  // What the front desk will register for indicator 6: the year's 亩次 from its service records.
  sql('CREATE TABLE fd_service_records (done_on TEXT NOT NULL, mu_times INTEGER NOT NULL)');
  unregister = registerIndicatorSource(6, (store, p) => {
    const total = store.sqlite.prepare('SELECT coalesce(sum(mu_times), 0) FROM fd_service_records WHERE done_on BETWEEN ? AND ?').pluck().get(`${p.year}-01-01`, p.asOf) as number;
    return { value: total / 10000, how: `前台受理：${p.year} 年服务记录合计 ${total} 亩次`, route: '/requests/stats' };
  });
});
afterAll(() => {
  unregister();
  env.close();
});

describe('computed indicators', () => {
  it('counts unions, centres, service cooperatives, member units, demonstration cooperatives and outlets from the registry', async () => {
    const lastMonthDay = `${lastMonth}-15`;
    const county = union('云阳县农合联', 'regional', '2024-10-01');
    const jiangkou = union('江口镇农合联', 'regional', lastMonthDay);
    const citrus = union('云阳县柑橘产业农合联', 'industry', today);
    const a = org('江口柑橘专业合作社', { demoLevel: '市级', demoYear: 2025 });
    const b = org('南溪中药材专业合作社', { demoLevel: '县级', demoYear: 2024 });
    const c = org('红狮生猪专业合作社');
    const gone = org('已注销合作社', { status: 'deregistered' });
    member(county, a, '2024-11-01');
    member(jiangkou, a, lastMonthDay);
    member(county, b, lastMonthDay);
    member(citrus, c, today);
    member(county, gone, '2024-11-01');
    site('县级为农服务中心', '云阳县为农服务中心', '2024-09-01');
    site('乡镇为农服务中心', '江口镇为农服务中心', lastMonthDay);
    site('乡镇为农服务中心', '南溪镇为农服务中心', today);
    for (let i = 1; i <= 3; i++) site('农村综合服务社', `综合服务社${i}`, lastMonthDay);
    site('农村流通网点', '梨树村流通网点', today);
    site('村级一站式服务站', '大桥村一站式服务站', lastMonthDay);

    const now = await list();
    const values = (l: List) => [1, 2, 3, 4, 5, 7].map((no) => byNo(l, no).value);
    expect(values(now)).toEqual([3, 3, 3, 3, 2, 1]);
    const c2 = registryCounts(env.core.store, today);
    expect(values(now)).toEqual([c2.unions, c2.serviceCentres, c2.comprehensiveCoops, c2.memberUnits, c2.demoCoops, c2.distributionOutlets]);
    expect(byNo(now, 1)).toMatchObject({ basis: 'computed', hasSource: true, how: expect.stringContaining('区域农合联 2 个 + 产业农合联 1 个') });
    expect(byNo(now, 4).how).toContain('同一单位只计一次');
    expect(byNo(now, 3)).toMatchObject({ yearTarget: Number(today.slice(0, 4)) >= 2027 ? 260 : expect.any(Number), pct2027: 3 / 260 });

    // Last month's figure counts what existed at its end: today's arrivals are not in it.
    const before = await list(lastMonth);
    expect(values(before)).toEqual([2, 2, 3, 2, 2, 0]);
    expect(byNo(before, 2).how).toContain(`截至 ${lastMonth}-`);
  });

  it('takes indicator 6 from a registered front-desk source, for the year to date', async () => {
    sql('INSERT INTO fd_service_records VALUES (?, ?), (?, ?), (?, ?)', `${today.slice(0, 4)}-01-10`, 180_000, today, 60_000, `${Number(today.slice(0, 4)) - 1}-12-20`, 999_999);
    const six = byNo(await list(), 6);
    expect(six).toMatchObject({ value: 24, basis: 'computed', hasSource: true, route: '/requests/stats', how: '前台受理：' + today.slice(0, 4) + ' 年服务记录合计 240000 亩次' });
    expect(six.pctYear).toBeCloseTo(24 / six.yearTarget!);
  });

  it('lets a hand-entered value override a computed one only with a source note, and keeps both', async () => {
    const six = byNo(await list(), 6);
    const noNote = await refusal(() => env.admin.call('indicators.setValue', { id: six.id, period: thisMonth, value: 30, note: '' }));
    expect(noNote.fields?.note).toContain('须注明数据来源');
    await env.admin.call('indicators.setValue', { id: six.id, period: thisMonth, value: 30.5, note: '县农业农村委统计年报' });
    const over = byNo(await list(), 6);
    expect(over).toMatchObject({ value: 30.5, basis: 'manual', computed: 24, manual: { value: 30.5, note: '县农业农村委统计年报', by: '张管理' } });
    expect(over.how).toContain('系统计算值 24.00万亩次');
    await env.admin.call('indicators.withdrawValue', { id: six.id, period: thisMonth });
    expect(byNo(await list(), 6)).toMatchObject({ value: 24, basis: 'computed', manual: null });
    const d = await env.admin.call<Detail>('indicators.get', { id: six.id });
    expect(d.entries).toEqual([expect.objectContaining({ period: thisMonth, value: 30.5, note: '县农业农村委统计年报', withdrawnBy: '张管理' })]);
  });

  it('carries a hand-entered indicator forward and checks its decimals', async () => {
    // Every plan indicator has a source now (6 the front desk, 8 credit); removing this file's stand-in for 6 leaves it entered by hand.
    unregister();
    const six = byNo(await list(), 6);
    expect(six).toMatchObject({ hasSource: false, value: null, basis: 'none', how: '尚未填报' });
    const tooFine = await refusal(() => env.admin.call('indicators.setValue', { id: six.id, period: lastMonth, value: 18.555, note: '' }));
    expect(tooFine.fields?.value).toBe('数值最多保留 2 位小数');
    const oneId = byNo(await list(), 1).id;
    const wholeOnly = await refusal(() => env.admin.call('indicators.setValue', { id: oneId, period: thisMonth, value: 2.5, note: '民政局' }));
    expect(wholeOnly.fields?.value).toBe('数值必须是整数');
    await env.admin.call('indicators.setValue', { id: six.id, period: lastMonth, value: 18.5, note: '县农业农村委' });
    expect(byNo(await list(), 6)).toMatchObject({ value: 18.5, basis: 'carried', carriedFrom: lastMonth, pct2027: 18.5 / 60 });
  });
});

describe('month-end snapshots', () => {
  it('keeps a past month at the figure reported then, whatever changes later', async () => {
    const frozen = await env.admin.call<{ taken: number }>('indicators.snapshot', { period: lastMonth });
    expect(frozen.taken).toBe(8);
    const reported = byNo(await list(lastMonth), 1);
    expect(reported).toMatchObject({ value: 2, fromSnapshot: true, snapshotBy: '张管理', snapshotTrigger: 'manual' });
    // A union registered later without a founding date counts for every day, last month included.
    union('外郎乡农合联', 'regional');
    expect(byNo(await list(lastMonth), 1).value).toBe(2);
    expect(byNo(await list(), 1).value).toBe(4);
    const hist = (await env.admin.call<Detail>('indicators.get', { id: reported.id })).history.find((h) => h.period === lastMonth)!;
    expect(hist).toMatchObject({ value: 2, fromSnapshot: true, recomputed: 3 });
    const again = await refusal(() => env.admin.call('indicators.snapshot', { period: lastMonth }));
    expect(again.code).toBe('REFUSED');
    expect(again.message).toContain('快照不可修改');
    const sixId = byNo(await list(), 6).id;
    const late = await refusal(() => env.admin.call('indicators.setValue', { id: sixId, period: lastMonth, value: 20, note: '补报' }));
    expect(late.fields?.period).toContain('已保存快照');
    expect(() => sql('UPDATE indicator_snapshots SET value_x100 = 999 WHERE period = ?', lastMonth)).toThrow('指标快照不可修改');
    expect(() => sql('DELETE FROM indicator_snapshots WHERE period = ?', lastMonth)).toThrow('指标快照不可删除');
    expect(byNo(await list(lastMonth), 6)).toMatchObject({ value: 18.5, fromSnapshot: true, basis: 'manual' });
  });

  it('freezes past months automatically from the month the tracker started, once', async () => {
    const start = addMonths(thisMonth, -3);
    sql(`UPDATE tasks_meta SET value = ? WHERE key = 'trackingStart'`, start);
    const rows = () => env.core.store.sqlite.prepare(`SELECT period, trigger, taken_by AS takenBy FROM indicator_snapshots WHERE period < ? ORDER BY period`).all(thisMonth) as { period: string; trigger: string; takenBy: string }[];
    await env.admin.call('tasks.dashboard', {});
    const auto = rows().filter((r) => r.trigger === 'auto');
    expect([...new Set(auto.map((r) => r.period))]).toEqual([start, addMonths(thisMonth, -2)]);
    expect(auto).toHaveLength(16);
    expect(auto.every((r) => r.takenBy === '系统')).toBe(true);
    const total = rows().length;
    await list();
    expect(rows()).toHaveLength(total);
    expect(byNo(await list(start), 1).fromSnapshot).toBe(true);
    const future = await refusal(() => list(addMonths(thisMonth, 1)));
    expect(future.fields?.period).toContain('尚未到来');
  });
});

describe('month-end snapshots without anyone looking', () => {
  it('are taken when the app starts (and hourly after), before the tracker is opened', async () => {
    const fresh = await setupCore();
    try {
      const month = todayOf(fresh.core.store).slice(0, 7);
      fresh.core.store.sqlite.prepare(`UPDATE tasks_meta SET value = ? WHERE key = 'trackingStart'`).run(addMonths(month, -2));
      const periods = () => fresh.core.store.sqlite.prepare(`SELECT DISTINCT period FROM indicator_snapshots WHERE trigger = 'auto' ORDER BY period`).pluck().all();
      expect(periods()).toEqual([]);
      fresh.core.startAutoBackups();
      expect(periods()).toEqual([addMonths(month, -2), addMonths(month, -1)]);
      // Let the day's backup that the same start began finish before the database closes.
      await expect.poll(() => fs.readdirSync(fresh.core.paths.backups).length).toBeGreaterThan(0);
    } finally {
      fresh.close();
    }
  });
});

describe('targets', () => {
  it('follows the straight line between 2024 and 2027 unless a year is set by hand', async () => {
    const three = byNo(await list(), 3);
    const d0 = await env.admin.call<Detail>('indicators.get', { id: three.id });
    expect(d0.yearTargets.map((y) => [y.year, y.value, y.manual])).toEqual([
      [2024, 62, false],
      [2025, 128, false],
      [2026, 194, false],
      [2027, 260, false],
    ]);
    const base = { id: three.id, name: three.name, unit: three.unit, decimals: 0, target2024: 62, target2027: 260, notes: '' };
    await env.admin.call('indicators.update', { ...base, version: three.version, yearTargets: [{ year: 2025, value: 100 }] });
    const d1 = await env.admin.call<Detail>('indicators.get', { id: three.id });
    expect(d1.yearTargets[1]).toEqual({ year: 2025, value: 100, manual: true, line: 128 });
    const stale = await refusal(() => env.admin.call('indicators.update', { ...base, version: three.version, yearTargets: [] }));
    expect(stale.code).toBe('CONFLICT');
    await env.admin.call('indicators.update', { ...base, version: three.version + 1, yearTargets: [{ year: 2025, value: null }] });
    expect((await env.admin.call<Detail>('indicators.get', { id: three.id })).yearTargets[1]).toMatchObject({ value: 128, manual: false });
  });
});
