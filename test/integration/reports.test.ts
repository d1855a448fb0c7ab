import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { regenerateReport } from '../helpers/jobs';
import { inspectPdf, merges, readXlsx, rowWhere } from '../helpers/reports';
import { readTable } from '../../electron/core/io/table';
import { addMonths, todayOf } from '../../electron/core/tasks/dates';
import { main } from '../../electron/cli/main';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';
import type { CliClient } from '../../electron/cli/io';

type Env = Awaited<ReturnType<typeof setupCore>>;
type Exported = Out<Contract['reports.export']>;
type History = Out<Contract['reports.history']>;

let env: Env;
let today: string;
let thisMonth: string;
let lastMonth: string;
let frontdesk: CliClient;

const sql = (q: string, ...args: unknown[]) => env.core.store.sqlite.prepare(q).run(...args);
const stamp = () => new Date().toISOString();
const addUnion = (name: string) => sql(`INSERT INTO unions (kind, level, name, established_on, status, created_at, updated_at) VALUES ('regional', 'township', ?, '', 'active', ?, ?)`, name, stamp(), stamp());
const params = (period: string, extra: Record<string, string> = {}) => ({ period, unit: '云阳县测试服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today, ...extra });
const exportAs = (c: CliClient, key: string, period: string, format: 'xlsx' | 'pdf' | 'csv', extra: Record<string, string> = {}) =>
  c.call<Exported>('reports.export', { key, params: params(period, extra), format });
const bytesOf = (f: { base64: string }) => Buffer.from(f.base64, 'base64');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  env = await setupCore();
  today = todayOf(env.core.store);
  thisMonth = today.slice(0, 7);
  lastMonth = addMonths(thisMonth, -1);
  addUnion('江口镇农合联');
  addUnion('南溪镇农合联');
  await env.admin.call('users.create', { username: 'qt', displayName: '王前台', role: 'frontdesk', password: 'front-pass-1' });
  frontdesk = await env.as('qt', 'front-pass-1');
  await frontdesk.call('auth.changePassword', { oldPassword: 'front-pass-1', newPassword: 'front-pass-2' });
});
afterAll(() => env.close());

describe('annex 1 (主要指标完成情况)', () => {
  it('writes the xlsx with merged two-row header, the unit/period/date and signature lines, per-row number formats and print setup', async () => {
    const f = await exportAs(env.admin, 'annex1', thisMonth, 'xlsx');
    expect(f.name).toMatch(/主要指标完成情况.*\.xlsx$/);
    const ws = (await readXlsx(bytesOf(f))).getWorksheet('主要指标完成情况')!;
    expect(ws.getCell('A1').value).toBe('生产、供销、信用“三位一体”改革主要指标完成情况');
    const lines = [2, 3, 4].map((r) => String(ws.getCell(r, 1).value));
    expect(lines).toEqual(['填报单位：云阳县测试服务中心', expect.stringMatching(/^报告期：\d{4}年\d{1,2}月$/), expect.stringMatching(/^制表日期：\d{4}年\d{1,2}月\d{1,2}日$/)]);
    const h = rowWhere(ws, 1, '序号');
    expect(merges(ws)).toEqual(expect.arrayContaining([`A${h}:A${h + 1}`, `B${h}:B${h + 1}`, `D${h}:F${h}`, `H${h}:I${h}`, `J${h}:K${h}`]));
    expect(ws.getCell(h, 4).value).toBe('目标');
    expect(ws.getCell(h + 1, 4).value).toBe('2024年目标');
    expect(ws.getCell(h + 1, 5).value).toBe('2027年目标');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h + 1 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: `${h}:${h + 1}` });
    expect(ws.headerFooter.oddFooter).toContain('第 &P 页 共 &N 页');
    const one = rowWhere(ws, 1, 1);
    expect(ws.getCell(one, 2).value).toBe('组建农合联（产业农合联）');
    expect(ws.getCell(one, 4).value).toBe(8);
    expect(ws.getCell(one, 5).value).toBe(14);
    expect(ws.getCell(one, 7).value).toBe(2); // the two unions in the registry
    expect(ws.getCell(one, 7).numFmt).toBe('#,##0');
    expect(ws.getCell(one, 9).value).toBeCloseTo(2 / 14, 6);
    expect(ws.getCell(one, 9).numFmt).toBe('0.0%');
    expect(ws.getCell(one, 10).value).toBe('系统计算');
    const six = rowWhere(ws, 1, 6);
    expect(ws.getCell(six, 4).value).toBe(42);
    expect(ws.getCell(six, 4).numFmt).toBe('#,##0.00');
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
    const last = ws.rowCount;
    expect(String(ws.getCell(last, 1).value)).toBe('制表人：王制表　　　　审核人：李审核');
  });

  it('renders every PDF page and carries the Chinese text and page numbers in the text layer', async () => {
    const f = await exportAs(env.admin, 'annex1', thisMonth, 'pdf');
    const pdf = inspectPdf(bytesOf(f));
    expect(pdf.pages).toBeGreaterThanOrEqual(1);
    expect(pdf.pngs).toHaveLength(pdf.pages);
    expect(pdf.text).toContain('改革主要指标完成情况');
    expect(pdf.text).toContain('撬动金融机构投入');
    expect(pdf.text).toContain('填报单位：云阳县测试服务中心');
    expect(pdf.text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
  });

  it('writes CSV in UTF-8 with BOM, one header line naming the group and the column', async () => {
    const f = await exportAs(env.admin, 'annex1', thisMonth, 'csv');
    const b = bytesOf(f);
    expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const t = await readTable('a.csv', b);
    expect(t.headers.slice(0, 5)).toEqual(['序号', '指标名称', '单位', '目标-2024年目标', '目标-2027年目标']);
    expect(t.rows[0]!.cells.slice(0, 4)).toEqual(['1', '组建农合联（产业农合联）', '个', '8']);
    expect(t.rows[5]!.cells[3]).toBe('42.00');
  });
});

describe('annex 2 (重点任务推进情况)', () => {
  it('merges 名称 and 事项 as the annex prints them and shows the latest report as of the period', async () => {
    const tasks = await env.admin.call<Out<Contract['tasks.list']>>('tasks.list', {});
    const t2 = tasks.rows.find((r) => r.no === 2)!;
    const lastMonthDay = `${lastMonth}-15`;
    await env.admin.call('tasks.report', { taskId: t2.id, reportedOn: lastMonthDay, periodKind: 'month', period: lastMonth, text: '已完成两个乡镇为农服务中心选址', progress: 30 });
    await env.admin.call('tasks.report', { taskId: t2.id, reportedOn: today, periodKind: 'month', period: thisMonth, text: '江口镇为农服务中心已挂牌运营', progress: 60 });

    const before = await readXlsx(bytesOf(await exportAs(env.admin, 'annex2', lastMonth, 'xlsx')));
    const ws = before.getWorksheet('重点任务推进情况')!;
    const h = rowWhere(ws, 1, '序号');
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => ws.getCell(h, c).value)).toEqual(['名称', '事项', '工作任务', '责任单位', '配合单位', '进展情况', '状态']);
    const r1 = rowWhere(ws, 1, 1);
    const r3 = rowWhere(ws, 1, 3);
    // Tasks 1-2 share an area; 3-9 share the next; 3-5 share 推动新型农业经营主体联合发展.
    expect(merges(ws)).toEqual(expect.arrayContaining([`B${r1}:B${r1 + 1}`, `C${r3}:C${r3 + 2}`]));
    expect(ws.getCell(r3, 3).value).toBe('推动新型农业经营主体联合发展');
    expect(ws.getCell(r1, 4).alignment?.wrapText).toBe(true);
    const r2 = rowWhere(ws, 1, 2);
    expect(String(ws.getCell(r2, 7).value)).toContain('已完成两个乡镇为农服务中心选址');
    expect(ws.getCell(r2, 8).value).toBe('推进中（30%）');
    expect(String(ws.getCell(r1, 7).value)).toBe('尚未填报进展');

    const now = (await readXlsx(bytesOf(await exportAs(env.admin, 'annex2', thisMonth, 'xlsx')))).getWorksheet('重点任务推进情况')!;
    expect(String(now.getCell(rowWhere(now, 1, 2), 7).value)).toContain('江口镇为农服务中心已挂牌运营');
  });

  it('limits to one unit’s tasks by scope and refuses a scope that does not exist', async () => {
    const cat = await env.admin.call<Out<Contract['reports.catalog']>>('reports.catalog');
    const scope = cat.reports.find((r) => r.key === 'annex2')!.scopes.find((s) => s.label.startsWith('县商务委'))!;
    const p = await env.admin.call<Out<Contract['reports.preview']>>('reports.preview', { key: 'annex2', params: params(thisMonth, { scope: scope.value }) });
    const rows = p.sheets[0]!.rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => `${r[4]}、${r[5]}`.includes('县商务委'))).toBe(true);
    expect(p.sheets[0]!.meta).toContain(`范围：${scope.label}`);
    const bad = await refusal(() => env.admin.call('reports.preview', { key: 'annex2', params: params(thisMonth, { scope: 'unit:99999' }) }));
    expect(bad.fields?.scope).toContain('范围不存在');
  });

  it('prints merged cells in the PDF and repeats them on every CSV row', async () => {
    const pdf = inspectPdf(bytesOf(await exportAs(env.admin, 'annex2', thisMonth, 'pdf')));
    expect(pdf.pngs).toHaveLength(pdf.pages);
    expect(pdf.pages).toBeGreaterThan(1);
    expect(pdf.text).toContain('重点任务推进情况');
    expect(pdf.text).toContain('保障措施');
    expect(pdf.text).toMatch(new RegExp(`第\\s*${pdf.pages}\\s*页\\s*共\\s*${pdf.pages}\\s*页`));
    const t = await readTable('b.csv', bytesOf(await exportAs(env.admin, 'annex2', thisMonth, 'csv')));
    expect(t.rows[1]!.cells[1]).toBe('构建以农合联为纽带的为农服务大平台');
  });
});

describe('member registry summary', () => {
  it('puts each breakdown on its own sheet with totals', async () => {
    const wb = await readXlsx(bytesOf(await exportAs(env.admin, 'members', thisMonth, 'xlsx')));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体情况', '按主体类型', '按乡镇', '按产业', '按农合联']);
    const unions = wb.getWorksheet('按农合联')!;
    expect(unions.getCell(rowWhere(unions, 1, '江口镇农合联'), 4).value).toBe(0);
    const kinds = wb.getWorksheet('按主体类型')!;
    const total = rowWhere(kinds, 1, '合计');
    expect(kinds.getCell(total, 1).font?.bold).toBe(true);
  });
});

describe('the record of what was sent', () => {
  it('records who, when, parameters, file name and SHA-256, and gives the original back', async () => {
    const f = await exportAs(env.admin, 'annex1', thisMonth, 'xlsx', { unit: '云阳县供销合作社联合社' });
    const h = await env.admin.call<History>('reports.history', {});
    const row = h.rows[0]!;
    expect(row).toMatchObject({ id: f.id, reportKey: 'annex1', period: thisMonth, format: 'xlsx', fileName: f.name, userName: '张管理', sha256: sha(bytesOf(f)) });
    expect(row.params).toMatchObject({ unit: '云阳县供销合作社联合社', preparer: '王制表', reviewer: '李审核' });
    const again = await env.admin.call<{ base64: string; name: string }>('reports.download', { id: f.id });
    expect(again.name).toBe(f.name);
    expect(sha(bytesOf(again))).toBe(row.sha256);
    const audit = await env.admin.call<Out<Contract['audit.list']>>('audit.list', { method: 'reports.export', limit: 1 });
    expect(audit.rows[0]!.entityIds).toContain(String(f.id));
    expect(() => sql('UPDATE report_exports SET file_name = ? WHERE id = ?', 'x.xlsx', f.id)).toThrow('上报记录不可修改');
    expect(() => sql('DELETE FROM report_exports WHERE id = ?', f.id)).toThrow('上报记录不可删除');
  });

  it('remembers the unit and the names for the next report, per user', async () => {
    const cat = await env.admin.call<Out<Contract['reports.catalog']>>('reports.catalog');
    expect(cat.prefs).toEqual({ unit: '云阳县供销合作社联合社', preparer: '王制表', reviewer: '李审核' });
  });

  it('regenerates a finished month from its month-end snapshot: still matches after the registry changed', async () => {
    const f = await exportAs(env.admin, 'annex1', lastMonth, 'xlsx');
    const frozen = env.core.store.sqlite.prepare('SELECT count(*) FROM indicator_snapshots WHERE period = ?').pluck().get(lastMonth) as number;
    expect(frozen).toBeGreaterThanOrEqual(8);
    addUnion('红狮镇农合联');
    const r = await regenerateReport(env.admin, f.id);
    expect(r.matches).toBe(true);
    expect(r.regeneratedSha256).toBe(r.contentSha256);
    expect(r.basis).toContain('月末快照');
  });

  it('regenerates the running month from live data and names the cells that differ', async () => {
    const f = await exportAs(env.admin, 'annex1', thisMonth, 'pdf');
    addUnion('农坝镇农合联');
    const r = await regenerateReport(env.admin, f.id);
    expect(r.matches).toBe(false);
    expect(r.regeneratedSha256).not.toBe(r.contentSha256);
    const cell = r.differences.find((d) => d.where.includes('组建农合联') && d.where.includes('截至'));
    expect(cell).toMatchObject({ was: '3', now: '4' });
  });

  it('exports from the command line, lists the history and verifies a record', async () => {
    const out = path.join(env.dir, '附件2.csv');
    const cli = (...args: string[]) => main([...args, '--data-dir', env.dir, '--user', 'admin', '--password', 'admin-pass-1']);
    expect(await cli('reports', 'export', 'annex2', '--period', thisMonth, '--out', out)).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('组建农合联');
    expect(await cli('reports', 'history', '--key', 'annex2')).toBe(0);
    const h = await env.admin.call<History>('reports.history', { key: 'annex2' });
    expect(h.rows[0]!.format).toBe('csv');
    expect(await cli('reports', 'verify', '--id', String(h.rows[0]!.id))).toBe(0);
  });
});

describe('roles and refusals', () => {
  it('offers front desk no tracker reports and refuses them, and hides the history', async () => {
    const cat = await frontdesk.call<Out<Contract['reports.catalog']>>('reports.catalog');
    expect(cat.reports.map((r) => r.key)).not.toContain('annex1');
    const e = await refusal(() => exportAs(frontdesk, 'annex1', thisMonth, 'xlsx'));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toContain('主要指标完成情况');
    expect((await refusal(() => frontdesk.call('reports.history', {}))).code).toBe('FORBIDDEN');
  });

  it('refuses a period not yet begun, a malformed one, a missing unit, and records nothing', async () => {
    const before = (await env.admin.call<History>('reports.history', {})).total;
    const future = await refusal(() => exportAs(env.admin, 'annex1', addMonths(thisMonth, 2), 'xlsx'));
    expect(future.fields?.period).toContain('尚未开始');
    const bad = await refusal(() => exportAs(env.admin, 'annex1', '2026/11', 'xlsx'));
    expect(bad.fields?.period).toContain('报告期格式');
    const noUnit = await refusal(() => exportAs(env.admin, 'annex1', thisMonth, 'xlsx', { unit: '' }));
    expect(noUnit.fields?.['params.unit']).toBe('填报单位不能为空');
    expect((await env.admin.call<History>('reports.history', {})).total).toBe(before);
  });
});
