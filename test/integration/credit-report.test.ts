import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { addUser } from '../helpers/ledger-fixtures';
import { readXlsx, rowWhere } from '../helpers/reports';
import { todayOf } from '../../electron/core/tasks/dates';
import { figuresBetween } from '../../electron/core/credit/figures';
import type { CliClient } from '../../electron/cli/io';

let env: Awaited<ReturnType<typeof setupCore>>;
let today: string;
let desk: CliClient;
const params = (period: string) => ({ period, unit: '云阳县为农服务中心', preparer: '张管理', reviewer: '陈主任', preparedOn: today });

beforeAll(async () => {
  env = await setupCore({ demo: true });
  today = todayOf(env.core.store);
  desk = await addUser(env, 'wqt', '王前台', 'frontdesk');
});
afterAll(() => env.close());

describe('credit statistics in the report centre', () => {
  it('reports the year’s loan assistance with credit’s own figures and indicator 8, for managers only', async () => {
    const year = today.slice(0, 4);
    const f = figuresBetween(env.core.store, `${year}-01-01`, today);
    expect(f.totals.disbursedFen).toBeGreaterThan(0);
    const file = await env.admin.call<{ base64: string }>('reports.export', { key: 'credit', params: params(year), format: 'xlsx' });
    const wb = await readXlsx(Buffer.from(file.base64, 'base64'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按银行', '按产品', '按产业', '按乡镇', '按月份']);
    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell(rowWhere(sum, 1, '放款金额'), 2).value).toBe(f.totals.disbursedFen / 100);
    expect(sum.getCell(rowWhere(sum, 1, `指标 8（${year} 年累计）`), 2).value).toBe(f.indicator.value);
    const banks = wb.getWorksheet('按银行')!;
    expect(banks.getCell(rowWhere(banks, 1, f.byBank[0]!.key), 6).value).toBe(f.byBank[0]!.disbursedFen / 100);
    expect((await refusal(() => desk.call('reports.export', { key: 'credit', params: params(year), format: 'xlsx' }))).code).toBe('FORBIDDEN');
  });
});
