import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setupCore } from '../helpers/core';
import Database from 'better-sqlite3';
import { refusal } from '../helpers/refusal';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';
import { todayOf, addDays, addMonths } from '../../electron/core/tasks/dates';
import { COMMANDS } from '../../electron/cli/commands';

type Env = Awaited<ReturnType<typeof setupCore>>;
type TaskList = Out<Contract['tasks.list']>;
type TaskDetail = Out<Contract['tasks.get']>;

let env: Env;
let today: string;

const count = (table: string) => env.core.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const taskByNo = async (no: number) => (await env.admin.call<TaskList>('tasks.list', {})).rows.find((r) => r.no === no)!;
const detail = (id: number) => env.admin.call<TaskDetail>('tasks.get', { id });

beforeAll(async () => {
  env = await setupCore();
  today = todayOf(env.core.store);
  await env.admin.call('users.create', { username: 'kuaiji', displayName: '李会计', role: 'bookkeeper', password: 'book-pass-1' });
  await env.admin.call('users.create', { username: 'qiantai', displayName: '王前台', role: 'frontdesk', password: 'front-pass-1' });
  for (const [u, p] of [['kuaiji', 'book-pass-1'], ['qiantai', 'front-pass-1']] as const) {
    const c = await env.as(u, p);
    await c.call('auth.changePassword', { oldPassword: p, newPassword: `${p}x` });
  }
});
afterAll(() => env.close());

describe('the plan as initial data', () => {
  it('seeds the 31 tasks, 8 indicators and the units directory at setup', async () => {
    const list = await env.admin.call<TaskList>('tasks.list', {});
    expect(list.seeded).toBe(true);
    expect(list.rows).toHaveLength(31);
    expect(list.areas[0]).toBe('构建以农合联为纽带的为农服务大平台');
    expect(list.areas).toHaveLength(6);
    const t22 = list.rows.find((r) => r.no === 22)!;
    expect(t22.responsible.map((u) => u.name)).toEqual(['县金融工作服务中心']);
    expect(t22.cooperating.map((u) => u.name)).not.toContain('县金融工作服务中心');
    expect(list.rows.find((r) => r.no === 10)!.cooperating).toEqual([]);
    expect(list.rows.every((r) => r.status === '未启动' && r.dueOn === '2027-12-31')).toBe(true);
    const inds = await env.admin.call<Out<Contract['indicators.list']>>('indicators.list', {});
    expect(inds.rows.map((r) => [r.no, r.unit, r.target2024, r.target2027])).toEqual([
      [1, '个', 8, 14],
      [2, '个', 7, 11],
      [3, '家', 62, 260],
      [4, '个', 200, 400],
      [5, '家', 120, 150],
      [6, '万亩次', 42, 60],
      [7, '个', 62, 260],
      [8, '亿元', 15, 30],
    ]);
    const units = await env.admin.call<Out<Contract['units.list']>>('units.list', {});
    const kind = (n: string) => units.find((u) => u.name === n)?.kind;
    expect(kind('中国邮政云阳分公司')).toBe('邮政');
    expect(kind('农商行云阳支行')).toBe('金融机构');
    expect(kind('各乡镇(街道)')).toBe('乡镇街道');
    expect(units.find((u) => u.name === '县供销社')!.responsibleCount).toBeGreaterThan(10);
  });

  it('seeds once: the button and the demo loader add nothing to a seeded database', async () => {
    const before = [count('tasks'), count('indicators'), count('task_units')];
    expect(await env.admin.call('tasks.seedPlan', {})).toEqual({ tasks: 0, indicators: 0, units: 0 });
    await env.admin.call('demo.load', {});
    await env.admin.call('demo.load', {});
    expect([count('tasks'), count('indicators'), count('task_units')]).toEqual(before);
  });
});

describe('tasks, milestones and status', () => {
  it('adds a task linked to a new indicator from the plan body, numbered after the plan', async () => {
    const opts = await env.admin.call<Out<Contract['tasks.options']>>('tasks.options', {});
    const gongxiao = opts.units.find((u) => u.name === '县供销社')!.id;
    const nongye = opts.units.find((u) => u.name === '县农业农村委')!.id;
    const created = await env.admin.call<{ id: number; no: number }>('tasks.create', {
      area: '全面推进农业生产联合合作',
      item: '推动新型农业经营主体联合发展',
      text: '到2027年，培育高素质农民13000名。',
      responsibleIds: [nongye],
      cooperatingIds: [gongxiao],
      dueOn: '2027-12-31',
      startOn: '2025-01-01',
      newIndicator: { name: '培育高素质农民', unit: '名', target2027: 13000 },
      milestones: [{ title: '年度培训计划印发', dueOn: addDays(today, 20) }],
    });
    expect(created.no).toBe(32);
    const d = await detail(created.id);
    expect(d.indicators).toEqual([{ id: expect.any(Number), no: 9, name: '培育高素质农民' }]);
    expect(d.milestones[0]).toMatchObject({ title: '年度培训计划印发', state: 'soon' });
    const sug = await env.admin.call<Out<Contract['tasks.suggestions']>>('tasks.suggestions', {});
    expect(sug.find((s) => s.key === 'farmers')!.added).toBe(true);
    expect(sug.find((s) => s.key === 'brands')!.added).toBe(false);
  });

  it('refuses bad task input naming the field, and changes nothing', async () => {
    const before = [count('tasks'), count('task_unit_links'), count('audit_log')];
    const opts = await env.admin.call<Out<Contract['tasks.options']>>('tasks.options', {});
    const unit = opts.units[0]!.id;
    const e1 = await refusal(() => env.admin.call('tasks.create', { area: '保障措施', item: '加强政策支持', text: 'x', responsibleIds: [], dueOn: '2027-12-31' }));
    expect(e1.fields?.responsibleIds).toBe('请至少选择一个责任单位');
    const e2 = await refusal(() => env.admin.call('tasks.create', { area: '保障措施', item: '加强政策支持', text: 'x', responsibleIds: [unit], cooperatingIds: [unit], dueOn: '2027-12-31' }));
    expect(e2.fields?.cooperatingIds).toContain('已是责任单位');
    const e3 = await refusal(() => env.admin.call('tasks.create', { area: '保障措施', item: '加强政策支持', text: 'x', responsibleIds: [unit], startOn: '2027-01-01', dueOn: '2026-12-31' }));
    expect(e3.fields?.dueOn).toBe('完成时限不能早于开始日期');
    const e4 = await refusal(() => env.admin.call('tasks.create', { area: '保障措施', item: '加强政策支持', text: 'x', responsibleIds: [unit], dueOn: '2027-02-30' }));
    expect(e4.fields?.dueOn).toContain('完成时限不是有效日期');
    expect([count('tasks'), count('task_unit_links'), count('audit_log')]).toEqual(before);
  });

  it('computes 滞后 from a missed milestone, 推进中 once it is reported done, and 暂缓 only with a reason', async () => {
    const t = await taskByNo(13);
    await env.admin.call('tasks.saveMilestone', { taskId: t.id, version: t.version, title: '客货邮站点方案', dueOn: addDays(today, -3) });
    let d = await detail(t.id);
    expect(d.status).toBe('滞后');
    expect(d.milestones[0]!.state).toBe('late');
    const dash = await env.admin.call<Out<Contract['tasks.dashboard']>>('tasks.dashboard', {});
    expect(dash.overdue.find((o) => o.no === 13)).toMatchObject({ lateDays: 3, reason: '里程碑“客货邮站点方案”逾期' });
    await env.admin.call('tasks.report', { taskId: t.id, reportedOn: today, period: today.slice(0, 7), text: '方案已报县政府', milestoneIds: [d.milestones[0]!.id] });
    d = await detail(t.id);
    expect(d.status).toBe('推进中');
    expect(d.milestones[0]).toMatchObject({ state: 'done', doneOn: today, doneBy: '张管理' });
    const noReason = await refusal(() => env.admin.call('tasks.hold', { id: t.id, version: d.version, reason: '  ' }));
    expect(noReason.fields?.reason).toBe('暂缓原因不能为空');
    await env.admin.call('tasks.hold', { id: t.id, version: d.version, reason: '等待县交通运输委统筹' });
    d = await detail(t.id);
    expect(d).toMatchObject({ status: '暂缓', holdReason: '等待县交通运输委统筹' });
    const stale = await refusal(() => env.admin.call('tasks.resume', { id: t.id, version: d.version - 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('此记录已被他人修改，请刷新后重试');
    await env.admin.call('tasks.resume', { id: t.id, version: d.version });
    expect((await detail(t.id)).status).toBe('推进中');
  });

  it('marks a task 已完成 when a report brings it to 100 %', async () => {
    const t = await taskByNo(26);
    const r = await env.admin.call<{ status: string; progress: number }>('tasks.report', { taskId: t.id, reportedOn: today, period: today.slice(0, 7), text: '专项资金管理办法已印发', progress: 100 });
    expect(r).toMatchObject({ status: '已完成', progress: 100 });
    expect((await detail(t.id)).completedOn).toBe(today);
  });
});

describe('roles', () => {
  it('lets bookkeepers read the tracker and report only on the tasks they own', async () => {
    const book = await env.as('kuaiji', 'book-pass-1x');
    const me = (await env.admin.call<{ id: number; username: string }[]>('users.list')).find((u) => u.username === 'kuaiji')!;
    // Task 7 belongs to the demo manager (陈主任) until the administrator hands it over.
    const t5 = await taskByNo(7);
    expect(t5.ownerName).toBe('陈主任');
    const list = await book.call<TaskList>('tasks.list', {});
    expect(list.rows).toHaveLength(32);
    const notMine = await refusal(() => book.call('tasks.report', { taskId: t5.id, reportedOn: today, period: today.slice(0, 7), text: '辅导员遴选方案已起草' }));
    expect(notMine.code).toBe('FORBIDDEN');
    expect(notMine.message).toContain('只能为自己负责的任务填报进展');
    const edit = await refusal(() => book.call('tasks.hold', { id: t5.id, version: t5.version, reason: 'x' }));
    expect(edit.message).toBe('您的角色（会计）无权执行“暂缓任务”');
    const full = await detail(t5.id);
    await env.admin.call('tasks.update', {
      id: t5.id,
      version: full.version,
      area: full.area,
      item: full.item,
      text: full.text,
      responsibleIds: full.responsible.map((u) => u.id),
      cooperatingIds: full.cooperating.map((u) => u.id),
      ownerId: me.id,
      startOn: full.startOn,
      dueOn: full.dueOn,
      indicatorIds: full.indicatorIds,
      progress: full.progress,
    });
    expect((await book.call<TaskDetail>('tasks.get', { id: t5.id })).canReport).toBe(true);
    const r = await book.call<{ status: string }>('tasks.report', { taskId: t5.id, reportedOn: today, periodKind: 'quarter', period: `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`, text: '已遴选辅导员 30 名', progress: 30 });
    expect(r.status).toBe('推进中');
    expect((await detail(t5.id)).reports[0]).toMatchObject({ reporterName: '李会计', periodKind: 'quarter' });
    const front = await env.as('qiantai', 'front-pass-1x');
    expect((await refusal(() => front.call('tasks.dashboard', {}))).code).toBe('FORBIDDEN');
    const bell = await front.call<Out<Contract['tasks.reminders']>>('tasks.reminders', {});
    expect(bell.items).toEqual([]);
  });
});

describe('progress reports with evidence', () => {
  it('stores evidence in the database with its SHA-256, gives back the same bytes, and backups carry it', async () => {
    const t = await taskByNo(8);
    const bytes = Buffer.from('%PDF-1.4 托管服务验收单 第 8 项');
    const r = await env.admin.call<{ reportId: number; status: string }>('tasks.report', {
      taskId: t.id,
      reportedOn: today,
      period: today.slice(0, 7),
      text: '完成水稻全程托管 1.2 万亩次',
      figures: [{ name: '托管服务', value: 1.2, unit: '万亩次' }],
      progress: 25,
      files: [{ name: '验收单.pdf', base64: bytes.toString('base64') }],
    });
    expect(r.status).toBe('推进中');
    const d = await detail(t.id);
    const f = d.reports[0]!.files[0]!;
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(f).toMatchObject({ name: '验收单.pdf', mime: 'application/pdf', size: bytes.length, sha256: sha });
    const backup = await env.admin.call<{ name: string }>('backup.create');
    const copy = new Database(path.join(env.core.paths.backups, backup.name), { readonly: true });
    expect(copy.prepare('SELECT bytes FROM file_blobs WHERE sha256 = ?').pluck().get(sha)).toEqual(bytes);
    copy.close();
    const back = await env.admin.call<{ name: string; base64: string }>('tasks.file', { id: f.id });
    expect(Buffer.from(back.base64, 'base64')).toEqual(bytes);
    expect(d.reports[0]!.figures).toEqual([{ name: '托管服务', value: 1.2, unit: '万亩次' }]);
  });

  it('refuses to hand out evidence whose content no longer matches its checksum', async () => {
    const t = await taskByNo(9);
    const bytes = Buffer.from('原始照片');
    await env.admin.call('tasks.report', { taskId: t.id, reportedOn: today, period: today.slice(0, 7), text: '农机服务队组建', files: [{ name: 'photo.jpg', base64: bytes.toString('base64') }] });
    const f = (await detail(t.id)).reports[0]!.files[0]!;
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    env.core.store.sqlite.prepare('UPDATE file_blobs SET bytes = ? WHERE sha256 = ?').run(Buffer.from('被替换的内容'), sha);
    const e = await refusal(() => env.admin.call('tasks.file', { id: f.id }));
    expect(e.message).toContain('校验值与上传时不符');
    expect(() => env.core.store.sqlite.prepare("UPDATE task_files SET sha256 = 'x' WHERE id = ?").run(f.id)).toThrow('佐证材料记录不可修改');
  });

  it('leaves nothing behind when a report is refused', async () => {
    const t = await taskByNo(10);
    const before = [count('task_reports'), count('task_files'), count('file_blobs'), count('audit_log')];
    const good = { name: 'ok.txt', base64: Buffer.from('新的佐证').toString('base64') };
    const future = await refusal(() => env.admin.call('tasks.report', { taskId: t.id, reportedOn: addDays(today, 1), period: today.slice(0, 7), text: '提前填报', files: [good] }));
    expect(future.fields?.reportedOn).toBe('填报日期不能晚于今天');
    const empty = await refusal(() => env.admin.call('tasks.report', { taskId: t.id, reportedOn: today, period: today.slice(0, 7), text: '空文件', files: [good, { name: 'empty.txt', base64: '' }] }));
    expect(empty.fields?.['files.1.base64']).toBe('文件是空的');
    const badMilestone = await refusal(() => env.admin.call('tasks.report', { taskId: t.id, reportedOn: today, period: today.slice(0, 7), text: '里程碑不对', milestoneIds: [999], files: [good] }));
    expect(badMilestone.fields?.milestoneIds).toContain('不属于此任务');
    const badPeriod = await refusal(() => env.admin.call('tasks.report', { taskId: t.id, reportedOn: today, periodKind: 'quarter', period: today.slice(0, 7), text: '期间不对' }));
    expect(badPeriod.fields?.period).toContain('YYYY-Qn');
    expect([count('task_reports'), count('task_files'), count('file_blobs'), count('audit_log')]).toEqual(before);
  });
});

describe('reminders', () => {
  it('lists overdue tasks and milestones due within the reminder window', async () => {
    const t = await taskByNo(14);
    await env.admin.call('tasks.updateSettings', { reminderDays: 10 });
    await env.admin.call('tasks.saveMilestone', { taskId: t.id, version: t.version, title: '品牌目录发布', dueOn: addDays(today, 9) });
    const t2 = await taskByNo(14);
    await env.admin.call('tasks.saveMilestone', { taskId: t.id, version: t2.version, title: '品牌评审', dueOn: addDays(today, 11) });
    const bell = await env.admin.call<Out<Contract['tasks.reminders']>>('tasks.reminders', {});
    expect(bell.days).toBe(10);
    const mine = bell.items.filter((i) => i.taskNo === 14);
    expect(mine).toEqual([{ kind: 'milestoneSoon', taskId: t.id, taskNo: 14, item: '共育农产品品牌', title: '品牌目录发布', dueOn: addDays(today, 9), days: 9, ownerName: '陈主任' }]);
    expect((await refusal(() => env.admin.call('tasks.updateSettings', { reminderDays: 0 }))).fields?.reminderDays).toBe('提醒提前天数不能小于1');
  });
});

describe('search', () => {
  it('finds tasks and indicators in the Ctrl+K box by pinyin initials', async () => {
    const hits = await env.admin.call<{ kind: string; title: string; route: string }[]>('search.global', { q: 'zjnhl' });
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'task', title: '1. 组建农合联', route: expect.stringMatching(/^\/tasks\/item\/\d+$/) }));
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'indicator', title: '指标 1：组建农合联（产业农合联）' }));
    const byUnit = await env.admin.call<TaskList>('tasks.list', { q: '邮政' });
    expect(byUnit.rows.map((r) => r.no)).toEqual([12, 13]);
  });
});

describe('command line', () => {
  const cmd = (name: string) => COMMANDS.find((c) => c.name === name)!;
  const args = (values: Record<string, string | string[]>) => ({ values, positionals: [] });

  it('lists, reports with a file, shows and freezes indicators', async () => {
    const file = path.join(env.dir, 'cli-evidence.txt');
    fs.writeFileSync(file, '命令行佐证');
    const r = await cmd('tasks report').run(env.admin, args({ task: '11', text: '命令行填报：县域集采集配中心选址完成', progress: '15', file: [file] }));
    expect(r).toMatchObject({ status: '推进中', progress: 15 });
    const t11 = await detail((await taskByNo(11)).id);
    expect(t11.reports[0]!.files[0]).toMatchObject({ name: 'cli-evidence.txt', sha256: crypto.createHash('sha256').update('命令行佐证').digest('hex') });
    const rows = (await cmd('tasks list').run(env.admin, args({ status: '推进中' }))) as { 序号: number }[];
    expect(rows.map((x) => x.序号)).toContain(11);
    await expect(cmd('tasks list').run(env.admin, args({ status: '进行中' }))).rejects.toThrow('--status');
    await expect(cmd('tasks report').run(env.admin, args({ task: '99', text: 'x' }))).rejects.toThrow('没有序号为 99 的任务');
    const shown = (await cmd('indicators show').run(env.admin, args({}))) as Record<string, string>[];
    expect(shown.map((x) => x['序号'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const period = addMonths(today.slice(0, 7), -1);
    expect(await cmd('indicators snapshot').run(env.admin, args({ period }))).toEqual({ period, taken: 8 });
    const frozen = (await cmd('indicators show').run(env.admin, args({ period }))) as Record<string, string>[];
    expect(frozen[0]!['来源']).toMatch(/^快照/);
  });
});
