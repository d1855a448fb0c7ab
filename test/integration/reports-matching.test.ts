import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { addUser } from '../helpers/ledger-fixtures';
import { inspectPdf, readXlsx, rowWhere } from '../helpers/reports';
import { todayOf } from '../../electron/core/tasks/dates';
import { matchingFigures } from '../../electron/core/matching/figures';
import { readTable } from '../../electron/core/io/table';
import type { CliClient } from '../../electron/cli/io';

type Env = Awaited<ReturnType<typeof setupCore>>;

let env: Env;
let today: string;
let frontdesk: CliClient;

const params = (period: string) => ({ period, unit: '云阳县为农服务中心', preparer: '张管理', reviewer: '陈主任', preparedOn: today });
const bytesOf = (f: { base64: string }) => Buffer.from(f.base64, 'base64');

beforeAll(async () => {
  env = await setupCore({ demo: true });
  today = todayOf(env.core.store);
  frontdesk = await addUser(env, 'wqt', '王前台', 'frontdesk');
});
afterAll(() => env.close());

describe('supply-matching statistics', () => {
  it('gives deals, quantity and value by product, township and event with the matching capability’s own totals', async () => {
    // The demo's deals are dated relative to today; take the year they fall in.
    const year = (env.core.store.sqlite.prepare('SELECT max(signed_on) FROM deals').pluck().get() as string).slice(0, 4);
    const f = matchingFigures(env.core.store, { from: `${year}-01-01`, to: year === today.slice(0, 4) ? today : `${year}-12-31` });
    expect(f.totals.deals).toBeGreaterThan(0);
    const wb = await readXlsx(bytesOf(await env.admin.call<{ base64: string }>('reports.export', { key: 'matching', params: params(year), format: 'xlsx' })));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按产品', '按乡镇', '按活动', '按月份']);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell(rowWhere(sum, 1, '成交笔数（不含已取消）'), 2).value).toBe(f.totals.deals);
    const value = rowWhere(sum, 1, '成交金额');
    expect(sum.getCell(value, 2).value).toBe(f.totals.valueFen / 100);
    expect(sum.getCell(value, 2).numFmt).toBe('#,##0.00');
    expect(sum.getCell(rowWhere(sum, 1, '成交笔数（不含已取消）'), 2).numFmt).toBe('#,##0');
    const products = wb.getWorksheet('按产品')!;
    const p0 = f.byProduct[0]!;
    const r = rowWhere(products, 2, p0.product);
    expect([products.getCell(r, 3).value, products.getCell(r, 4).value, products.getCell(r, 6).value]).toEqual([p0.quantity, p0.unit, p0.valueFen / 100]);
    const total = rowWhere(products, 1, '合计');
    expect(products.getCell(total, 6).value).toBe(f.totals.valueFen / 100);
    const towns = wb.getWorksheet('按乡镇')!;
    expect(towns.getCell(rowWhere(towns, 1, f.byTownship[0]!.township), 3).value).toBe(f.byTownship[0]!.quantities);
    const events = wb.getWorksheet('按活动')!;
    expect(events.getCell(rowWhere(events, 1, f.byEvent[0]!.event), 4).value).toBe(f.byEvent[0]!.deals);
  });

  it('leaves out the month breakdown for a month, and prints and exports CSV in Chinese', async () => {
    const month = today.slice(0, 7);
    const pdf = inspectPdf(bytesOf(await env.admin.call<{ base64: string }>('reports.export', { key: 'matching', params: params(month), format: 'pdf' })));
    expect(pdf.pages).toBe(4);
    expect(pdf.pngs).toHaveLength(4);
    expect(pdf.text).toContain('产销对接统计表（按产品）');
    expect(pdf.text).not.toContain('按月份');
    const csv = await readTable('m.csv', bytesOf(await env.admin.call<{ base64: string }>('reports.export', { key: 'matching', params: params(month), format: 'csv' })));
    expect(csv.headers).toEqual(['产销对接统计表（汇总）']);
  });

  it('is for managers: the front desk is refused', async () => {
    expect((await refusal(() => frontdesk.call('reports.export', { key: 'matching', params: params(today.slice(0, 4)), format: 'xlsx' }))).code).toBe('FORBIDDEN');
  });
});
