import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { finishJob } from '../helpers/jobs';
import { addUser } from '../helpers/ledger-fixtures';
import { inspectPdf, merges, readXlsx, readZip, rowWhere } from '../helpers/reports';
import { todayOf } from '../../electron/core/tasks/dates';
import { listCoopBooks } from '../../electron/core/ledger/books';
import { balanceSheet, equityStatement, surplusStatement } from '../../electron/core/ledger/reports/statements';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';
import type { CliClient } from '../../electron/cli/io';
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../electron/cli/main';

type Env = Awaited<ReturnType<typeof setupCore>>;
type History = Out<Contract['reports.history']>;

let env: Env;
let year: string;
let month: string;
let books: { bookId: number; coopName: string }[];
let bookkeeper: CliClient;
let frontdesk: CliClient;

const params = (period: string, scope = '') => ({ period, scope, unit: '云阳县为农服务中心', preparer: '李会计', reviewer: '陈主任', preparedOn: todayOf(env.core.store) });
const bytesOf = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

async function batch(c: CliClient, format: 'xlsx' | 'pdf' | 'csv', scope = ''): Promise<Buffer> {
  const { jobId } = await c.call<{ jobId: string }>('reports.exportBatch', { key: 'statements', params: params(year, scope), format });
  const s = await finishJob(c, jobId);
  expect(s.state).toBe('done');
  return bytesOf(await c.call<{ base64: string }>('jobs.download', { id: jobId }));
}

beforeAll(async () => {
  env = await setupCore({ demo: true });
  const today = todayOf(env.core.store);
  year = today.slice(0, 4);
  month = today.slice(0, 7);
  books = listCoopBooks(env.core.store)
    .filter((b) => b.bookId !== null)
    .map((b) => ({ bookId: b.bookId!, coopName: b.coopName }));
  bookkeeper = await addUser(env, 'lkj', '李会计', 'bookkeeper');
  frontdesk = await addUser(env, 'wqt', '王前台', 'frontdesk');
});
afterAll(() => env.close());

describe("each cooperative's statements as a batch", () => {
  it('puts the three statements of each cooperative on its own sheet, with the ledger’s figures', async () => {
    expect(books.length).toBeGreaterThanOrEqual(3);
    const wb = await readXlsx(await batch(bookkeeper, 'xlsx'));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(books.map((b) => b.coopName.slice(0, 31)).sort());
    const b = books[0]!;
    const ws = wb.getWorksheet(b.coopName.slice(0, 31))!;
    expect(ws.getCell('A1').value).toBe('资产负债表');
    expect(String(ws.getCell('A2').value)).toBe('会农社01表');
    expect(String(ws.getCell('A3').value)).toBe(`编制单位：${b.coopName}`);
    const bs = balanceSheet(env.core.store, { bookId: b.bookId, period: month });
    const total = rowWhere(ws, 1, '资产总计');
    expect(ws.getCell(total, 3).value).toBe(bs.lines.find((l) => l.line === 22)!.endFen / 100);
    expect(ws.getCell(total, 3).numFmt).toContain('#,##0.00');
    const second = rowWhere(ws, 1, '盈余及盈余分配表');
    expect(second).toBeGreaterThan(total);
    const ss = surplusStatement(env.core.store, { bookId: b.bookId, year: Number(year) });
    const income = rowWhere(ws, 1, '一、经营收入');
    expect(ws.getCell(income, 3).value).toBe(ss.lines[0]!.currentFen / 100);
    const third = rowWhere(ws, 1, '成员权益变动表');
    expect(third).toBeGreaterThan(income);
    expect(String(ws.getCell(third + 1, 1).value)).toBe('会农社03表');
    const eq = equityStatement(env.core.store, { bookId: b.bookId, year: Number(year) });
    const closing = eq.rows.find((r) => r.key === 'closing')!;
    const closingRow = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => r > third && String(ws.getCell(r, 1).value) === closing.item)!;
    expect(ws.getCell(closingRow, eq.columns.length + 2).value).toBe(closing.cells.total! / 100);
    expect(String(ws.getCell(ws.rowCount, 1).value)).toContain('审核人：陈主任');
    const h = await env.admin.call<History>('reports.history', { key: 'statements' });
    expect(h.rows[0]).toMatchObject({ format: 'xlsx', parts: books.length, userName: '李会计' });
  });

  it('writes one PDF per cooperative into a zip, each rendering with its name and forms', async () => {
    const entries = readZip(await batch(env.admin, 'pdf'));
    expect(entries.map((e) => e.name).sort()).toEqual(books.map((b) => `${b.coopName}.pdf`).sort());
    for (const e of entries) {
      const pdf = inspectPdf(e.bytes);
      expect(pdf.pngs).toHaveLength(pdf.pages);
      expect(pdf.text).toContain('资产负债表');
      expect(pdf.text).toContain('盈余及盈余分配表');
      expect(pdf.text).toContain('成员权益变动表');
      expect(pdf.text).toContain(e.name.replace(/\.pdf$/, ''));
      expect(pdf.pages).toBeGreaterThanOrEqual(3);
      expect(pdf.text).toMatch(new RegExp(`第\\s*1\\s*页\\s*共\\s*${pdf.pages}\\s*页`));
    }
  });

  it('limits the batch to one cooperative by scope', async () => {
    const b = books[1]!;
    const entries = readZip(await batch(env.admin, 'csv', `book:${b.bookId}`));
    expect(entries.map((e) => e.name)).toEqual([`${b.coopName}.csv`]);
    expect([...entries[0]!.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(entries[0]!.bytes.toString('utf8')).toContain('负债和所有者权益');
  });

  it('leaves no file, no record and no stored blob when cancelled', async () => {
    const count = (table: string) => env.core.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const before = { exports: count('report_exports'), blobs: count('file_blobs') };
    const { jobId } = await env.admin.call<{ jobId: string }>('reports.exportBatch', { key: 'statements', params: params(year), format: 'pdf' });
    await env.admin.call('jobs.cancel', { id: jobId });
    const s = await finishJob(env.admin, jobId);
    expect(s.state).toBe('cancelled');
    expect(s.file).toBeNull();
    expect((await refusal(() => env.admin.call('jobs.download', { id: jobId }))).message).toBe('这个任务没有生成文件');
    expect({ exports: count('report_exports'), blobs: count('file_blobs') }).toEqual(before);
  });

  it('checks a sent batch again as a job that counts the cooperatives and can be cancelled', async () => {
    await batch(bookkeeper, 'xlsx');
    const sent = (await env.admin.call<History>('reports.history', { key: 'statements' })).rows[0]!;
    const { jobId } = await env.admin.call<{ jobId: string }>('reports.regenerate', { id: sent.id });
    const s = await finishJob(env.admin, jobId);
    expect(s).toMatchObject({ state: 'done', done: books.length, total: books.length, file: null });
    expect(await env.admin.call('reports.regenerated', { jobId })).toMatchObject({ id: sent.id, matches: true, total: 0 });

    const again = await env.admin.call<{ jobId: string }>('reports.regenerate', { id: sent.id });
    await env.admin.call('jobs.cancel', { id: again.jobId });
    expect((await finishJob(env.admin, again.jobId)).state).toBe('cancelled');
    expect((await refusal(() => env.admin.call('reports.regenerated', { jobId: again.jobId }))).message).toBe('这个任务没有结果');
    expect((await refusal(() => env.admin.call('reports.regenerate', { id: 999_999 }))).message).toBe('上报记录 #999999 不存在');
  });

  it('runs a batch from the command line, waiting for the job', async () => {
    const out = path.join(env.dir, '年度报表.zip');
    const code = await main(['reports', 'export', 'statements', '--period', year, '--format', 'pdf', '--out', out, '--data-dir', env.dir, '--user', 'admin', '--password', 'admin-pass-1']);
    expect(code).toBe(0);
    expect(readZip(fs.readFileSync(out)).map((e) => e.name).sort()).toEqual(books.map((b) => `${b.coopName}.pdf`).sort());
  });

  it('refuses a year no book covers before starting a job', async () => {
    const e = await refusal(() => env.admin.call('reports.exportBatch', { key: 'statements', params: params('2019'), format: 'xlsx' }));
    expect(e.message).toBe('2019年度没有可导出的合作社');
  });
});

describe('bookkeeping service summary', () => {
  it('counts cooperatives, vouchers and closed periods, and totals the key figures for the year', async () => {
    const f = await bookkeeper.call<{ base64: string }>('reports.export', { key: 'ledger', params: params(year), format: 'xlsx' });
    const wb = await readXlsx(bytesOf(f));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['服务概况', '各合作社代账情况', '主要指标汇总']);
    const overview = wb.getWorksheet('服务概况')!;
    expect(overview.getCell(rowWhere(overview, 1, '代账合作社（已建账套）'), 2).value).toBe(books.length);
    const per = wb.getWorksheet('各合作社代账情况')!;
    const h = rowWhere(per, 1, '合作社');
    expect(merges(per)).toEqual(expect.arrayContaining([`D${h}:E${h}`, `F${h}:H${h}`, `A${h}:A${h + 1}`]));
    const sumRow = rowWhere(per, 1, '合计');
    const posted = books.map((_, i) => Number(per.getCell(h + 2 + i, 4).value));
    expect(per.getCell(sumRow, 4).value).toBe(posted.reduce((a, b) => a + b, 0));
    expect(posted.every((n) => n > 0)).toBe(true);
    const key = wb.getWorksheet('主要指标汇总')!;
    const total = rowWhere(key, 1, `合计（${books.length} 家）`);
    const assets = books.map((b) => balanceSheet(env.core.store, { bookId: b.bookId, period: month }).lines.find((l) => l.line === 22)!.endFen);
    expect(key.getCell(total, 2).value).toBeCloseTo(assets.reduce((a, b) => a + b, 0) / 100, 2);
    const surplus = books.map((b) => surplusStatement(env.core.store, { bookId: b.bookId, year: Number(year) }).lines.find((l) => l.line === 12)!.currentFen);
    expect(key.getCell(total, 4).value).toBeCloseTo(surplus.reduce((a, b) => a + b, 0) / 100, 2);
    expect(key.getCell(total, 5).value).toBeGreaterThan(0);
  });

  it('leaves income and surplus to the annual report for a month', async () => {
    const p = await env.admin.call<Out<Contract['reports.preview']>>('reports.preview', { key: 'ledger', params: params(month) });
    const key = p.sheets.find((s) => s.name === '主要指标汇总')!;
    expect(key.rows.every((r) => r[2] === '' && r[3] === '')).toBe(true);
    expect(key.footer[0]).toContain('请选择年报');
  });

  it('is offered to bookkeepers but not to the front desk, and bookkeepers get no tracker annexes', async () => {
    const keys = async (c: CliClient) => (await c.call<Out<Contract['reports.catalog']>>('reports.catalog')).reports.map((r) => r.key);
    expect(await keys(bookkeeper)).toEqual(['ledger', 'statements']);
    // The demo books start this January, so the statements offer this year rather than last year first.
    const cat = await bookkeeper.call<Out<Contract['reports.catalog']>>('reports.catalog');
    expect(cat.reports.find((r) => r.key === 'statements')!.suggested).toEqual({ year });
    expect(await keys(frontdesk)).not.toContain('ledger');
    expect((await refusal(() => frontdesk.call('reports.export', { key: 'ledger', params: params(year), format: 'xlsx' }))).code).toBe('FORBIDDEN');
  });
});
