import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { addUser } from '../helpers/ledger-fixtures';
import { inspectPdf, merges, readXlsx, rowWhere } from '../helpers/reports';
import { todayOf } from '../../electron/core/tasks/dates';
import { serviceMuTimes, serviceStats } from '../../electron/core/requests/stats';
import type { CliClient } from '../../electron/cli/io';

type Env = Awaited<ReturnType<typeof setupCore>>;

let env: Env;
let today: string;
let frontdesk: CliClient;
let bookkeeper: CliClient;

const params = (period: string) => ({ period, unit: '云阳县为农服务中心', preparer: '王前台', reviewer: '陈主任', preparedOn: today });
const bytesOf = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

beforeAll(async () => {
  env = await setupCore({ demo: true });
  today = todayOf(env.core.store);
  frontdesk = await addUser(env, 'wqt', '王前台', 'frontdesk');
  bookkeeper = await addUser(env, 'lkj', '李会计', 'bookkeeper');
});
afterAll(() => env.close());

describe('service statistics (front desk)', () => {
  it('gives requests and 亩次 by township, crop, link, kind and month for the year, with the front desk’s own totals', async () => {
    // The demo's service records are dated relative to today; take the year they fall in.
    const year = (env.core.store.sqlite.prepare('SELECT max(done_on) FROM service_records').pluck().get() as string).slice(0, 4);
    const to = year === today.slice(0, 4) ? today : `${year}-12-31`;
    const f = await frontdesk.call<{ base64: string }>('reports.export', { key: 'service', params: params(year), format: 'xlsx' });
    const wb = await readXlsx(bytesOf(f));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按乡镇', '按作物', '按环节', '按服务类别', '按月份']);
    const ws = wb.getWorksheet('按乡镇')!;
    const h = rowWhere(ws, 1, '乡镇（街道）');
    expect(merges(ws)).toEqual(expect.arrayContaining([`A${h}:A${h + 1}`, `B${h}:D${h}`, `E${h}:E${h + 1}`, `F${h}:H${h}`]));
    const stats = serviceStats(env.core.store, `${year}-01-01`, to, 'township');
    expect(stats.totals.muTimes100).toBeGreaterThan(0);
    const total = rowWhere(ws, 1, '合计');
    expect(ws.getCell(total, 2).value).toBe(stats.totals.requests);
    expect(ws.getCell(total, 5).value).toBe(serviceMuTimes(env.core.store, `${year}-01-01`, to) / 100);
    expect(ws.getCell(total, 5).numFmt).toBe('#,##0.00');
    expect(ws.getCell(total, 6).value).toBe(stats.totals.feeFen / 100);
    expect(ws.getCell(total, 1).font?.bold).toBe(true);
    const first = stats.rows[0]!;
    expect(ws.getCell(rowWhere(ws, 1, first.label), 5).value).toBe(first.muTimes100 / 100);
    const link = wb.getWorksheet('按环节')!;
    expect(String(link.getCell(link.rowCount - 1, 1).value)).toContain('在各环节分别计数');
  });

  it('narrows to one township for its centre, with the same figures as that township’s row county-wide', async () => {
    const year = (env.core.store.sqlite.prepare('SELECT max(done_on) FROM service_records').pluck().get() as string).slice(0, 4);
    const to = year === today.slice(0, 4) ? today : `${year}-12-31`;
    const county = serviceStats(env.core.store, `${year}-01-01`, to, 'township');
    const town = county.rows[0]!;
    const cat = await frontdesk.call<{ reports: { key: string; scopes: { value: string; label: string }[] }[] }>('reports.catalog');
    expect(cat.reports.find((r) => r.key === 'service')!.scopes).toContainEqual({ value: `town:${town.key}`, label: town.label });
    const f = await frontdesk.call<{ name: string; base64: string }>('reports.export', { key: 'service', params: { ...params(year), scope: `town:${town.key}` }, format: 'xlsx' });
    expect(f.name).toContain(town.label);
    const wb = await readXlsx(bytesOf(f));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按作物', '按环节', '按服务类别', '按月份']);
    for (const name of ['按作物', '按环节', '按月份']) {
      const ws = wb.getWorksheet(name)!;
      expect(String(ws.getCell(3, 1).value) + String(ws.getCell(4, 1).value)).toContain(`范围：${town.label}`);
      const total = rowWhere(ws, 1, '合计');
      expect([ws.getCell(total, 2).value, ws.getCell(total, 5).value, ws.getCell(total, 6).value]).toEqual([town.requests, town.muTimes100 / 100, town.feeFen / 100]);
    }
  });

  it('prints a quarter one breakdown per page (months included), and the PDF reads back in Chinese', async () => {
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const f = await env.admin.call<{ base64: string }>('reports.export', { key: 'service', params: params(quarter), format: 'pdf' });
    const pdf = inspectPdf(bytesOf(f));
    expect(pdf.pngs).toHaveLength(pdf.pages);
    expect(pdf.pages).toBe(5);
    expect(pdf.text).toContain('农业生产社会化服务统计表（按作物）');
    expect(pdf.text).toContain('服务量（亩次）');
    expect(pdf.text).toContain('报告期：');
  });

  it('is offered to the front desk and refused to bookkeepers', async () => {
    const e = await refusal(() => bookkeeper.call('reports.export', { key: 'service', params: params(today.slice(0, 4)), format: 'csv' }));
    expect(e.code).toBe('FORBIDDEN');
  });
});
