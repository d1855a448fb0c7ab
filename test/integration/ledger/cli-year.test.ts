import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { setupCore } from '../../helpers/core';
import { addUser, createCoop } from '../../helpers/ledger-fixtures';
import { COMMANDS } from '../../../electron/cli/commands';
import type { CliClient } from '../../../electron/cli/io';
import { main } from '../../../electron/cli/main';
import { readTable } from '../../../electron/core/io/table';
import { formatFen } from '../../../shared/money';

let env: Awaited<ReturnType<typeof setupCore>>;
let li: CliClient;
let zhou: CliClient;
let coopId: number;
const MEMBERS = ['张大山', '李秀英', '王建国', '赵小红', '孙有田'];

/** Runs a command exactly as `weinong <name> ...` would, minus argv parsing. */
async function cli(client: CliClient, name: string, values: Record<string, string | boolean>, positionals: string[] = []) {
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) throw new Error(`no command ${name}`);
  return cmd.run(client, { values, positionals });
}

async function writeXlsx(file: string, header: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
}

/** A deterministic year of 300 vouchers as another program would export them, and the bank balance it implies. */
function yearOfVouchers(): { rows: (string | number)[][]; bank: number; vouchers: number; last: string } {
  let seed = 20240101;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const rows: (string | number)[][] = [];
  let bank = 12_000_000;
  let count = 0;
  let last = '';
  for (let m = 1; m <= 12; m++) {
    const days = Array.from({ length: 25 }, () => 1 + rnd(28)).sort((a, b) => a - b);
    days.forEach((day, i) => {
      const date = `2024/${m}/${day}`;
      const no = i + 1;
      last = `2024-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const amt = 1000 + rnd(900_000);
      const yuan = (f: number) => (f / 100).toFixed(2);
      const member = MEMBERS[rnd(MEMBERS.length)]!;
      const row = (summary: string, code: string, name: string, d: number, c: number, who = '') => rows.push([date, '记', no, summary, code, name, d ? yuan(d) : '', c ? yuan(c) : '', who]);
      count++;
      switch (rnd(6)) {
        case 0:
          row('销售柑橘', '102', '银行存款', amt, 0);
          row('销售柑橘', '501', '经营收入', 0, amt);
          bank += amt;
          break;
        case 1:
          row('收购成员柑橘', '121', '产品物资', amt, 0);
          row('收购成员柑橘', '114', '成员往来', 0, amt, member);
          break;
        case 2:
          row('支付成员货款', '114', '成员往来', amt, 0, member);
          row('支付成员货款', '102', '银行存款', 0, amt);
          bank -= amt;
          break;
        case 3:
          row('结转销售成本', '521', '经营支出', amt, 0);
          row('结转销售成本', '121', '产品物资', 0, amt);
          break;
        case 4: {
          const part = Math.floor(amt / 3);
          row('支付办公费和手续费', '523', '管理费用', amt - part, 0);
          row('支付办公费和手续费', '524', '财务费用', part, 0);
          row('支付办公费和手续费', '102', '银行存款', 0, amt);
          bank -= amt;
          break;
        }
        default:
          row('提取备用金', '101', '库存现金', amt, 0);
          row('提取备用金', '102', '银行存款', 0, amt);
          bank -= amt;
      }
    });
  }
  return { rows, bank, vouchers: count, last };
}

beforeAll(async () => {
  env = await setupCore();
  li = await addUser(env, 'kuaiji', '李会计', 'bookkeeper');
  zhou = await addUser(env, 'kuaiji2', '周会计', 'bookkeeper');
  coopId = createCoop(env.core.store, '云阳县盘龙街道柑橘专业合作社', MEMBERS).coopId;
});
afterAll(() => env.close());

describe('a bookkeeper loads and closes a year from the command line', () => {
  it('creates the books, imports the opening balances and 300 vouchers, reviews, posts, closes the year and prints the statements', async () => {
    const dir = path.join(env.dir, 'import-files');
    fs.mkdirSync(dir);
    const opening = path.join(dir, '期初余额.xlsx');
    await writeXlsx(
      opening,
      ['科目编码', '科目名称', '期初借方', '期初贷方', '成员'],
      [
        ['101', '库存现金', '3,000.00', '', ''],
        ['102', '银行存款', '120000', '', ''],
        ['301', '股金', '', '100000.00', ''],
        ['301', '股金', '', '60000', '张大山'],
        ['301', '股金', '', '40000', '李秀英'],
        ['332', '盈余分配', '', '23000', ''],
        ['33202', '盈余分配-未分配盈余', '', '23000', ''],
      ],
    );
    const year = yearOfVouchers();
    const vouchers = path.join(dir, '2024年凭证.xlsx');
    await writeXlsx(vouchers, ['日期', '凭证字', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '成员'], year.rows);

    const book = (await cli(li, 'ledger books create', { coop: String(coopId), start: '2024-01' })) as { id: number };
    const byName = { book: '盘龙街道柑橘' };
    const open = (await cli(li, 'ledger opening import', byName, [opening])) as Record<string, unknown>;
    // The 301 and 332 rows are totals of their details and are checked, not imported twice.
    expect(open).toEqual({ 行数: 5, 借方合计: 123000, 贷方合计: 123000, 平衡: true });
    await cli(li, 'ledger opening activate', byName);
    const preview = (await cli(li, 'ledger vouchers import', { ...byName, preview: true }, [vouchers])) as { 凭证: number; 错误: number };
    expect(preview).toMatchObject({ 凭证: 300, 错误: 0 });
    expect(await cli(li, 'ledger vouchers import', byName, [vouchers])).toMatchObject({ vouchers: 300, to: year.last });

    // The importer cannot review its own vouchers; a second bookkeeper does.
    expect(await cli(li, 'ledger vouchers review', byName)).toEqual({ reviewed: 0, skippedOwn: 300 });
    expect(await cli(zhou, 'ledger vouchers review', byName)).toEqual({ reviewed: 300, skippedOwn: 0 });
    expect(await cli(li, 'ledger vouchers post', byName)).toEqual({ posted: 300 });
    const closed = (await cli(li, 'ledger periods close', { ...byName, through: '2024-12' })) as { 已结账: string[] };
    expect(closed.已结账).toHaveLength(12);

    const csv = path.join(dir, '资产负债表.csv');
    await cli(li, 'ledger report', { book: String(book.id), period: '2024-12', format: 'csv', out: csv }, ['balance-sheet']);
    const table = await readTable('bs.csv', fs.readFileSync(csv));
    const cellOf = (item: string, side: 'a' | 'c') => {
      const r = table.rows.find((x) => x.cells[side === 'a' ? 0 : 4] === item)!;
      return r.cells[side === 'a' ? 2 : 6]!;
    };
    expect(cellOf('货币资金', 'a')).not.toBe('');
    expect(cellOf('资产总计', 'a')).toBe(cellOf('负债和所有者权益总计', 'c'));

    const trial = (await cli(li, 'ledger report', { book: String(book.id), from: '2024-01', to: '2024-12', format: 'json', level: '1' }, ['trial'])) as {
      balanced: boolean;
      rows: { code: string; closingD: number; closingC: number }[];
    };
    expect(trial.balanced).toBe(true);
    const bank = trial.rows.find((r) => r.code === '102')!;
    expect(formatFen(bank.closingD - bank.closingC)).toBe(formatFen(year.bank));
    const books = (await cli(li, 'ledger books', {})) as { 账套: number; 已结账至: string; 待审核: number }[];
    expect(books.find((b) => b.账套 === book.id)).toMatchObject({ 已结账至: '2024-12', 待审核: 0 });

    // The same through the real command line, argv and all.
    const xlsx = path.join(dir, '盈余及盈余分配表.xlsx');
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const code = await main(['ledger', 'report', 'surplus', '--book', String(book.id), '--year', '2024', '--format', 'xlsx', '--out', xlsx, '--data-dir', env.dir, '--user', 'kuaiji', '--password', 'kuaiji-pass-2']);
      expect(code).toBe(0);
    } finally {
      out.mockRestore();
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('盈余及盈余分配表');
  }, 120_000);
});
