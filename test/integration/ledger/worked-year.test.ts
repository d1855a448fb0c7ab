import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../../helpers/core';
import { addUser, createCoop, linesFor, y, type LineSpec } from '../../helpers/ledger-fixtures';
import type { CliClient } from '../../../electron/cli/io';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

/**
 * One small cooperative kept for a whole year through the API, with every statement figure worked out by
 * hand beforehand (the comments show the arithmetic). Opening at 2024-01:
 *   101 5,000 D · 102 120,000 D · 151 80,000 D · 152 10,000 C · 114 张大山 3,000 D · 114 王建国 2,000 C
 *   301 张大山 60,000 C · 李秀英 40,000 C · 王建国 20,000 C · 31101 50,000 C · 33202 26,000 C   (208,000 = 208,000)
 */
let env: Awaited<ReturnType<typeof setupCore>>;
let li: CliClient;
let zhou: CliClient;
let bookId: number;
let A: number;
let B: number;
let C: number;
let accounts: Out<Contract['ledger.accounts.list']>;

const voucher = async (date: string, summary: string, specs: LineSpec[]) => {
  const v = await li.call<Out<Contract['ledger.vouchers.save']>>('ledger.vouchers.save', { bookId, date, kind: '记', attachments: 1, lines: linesFor(accounts, summary, specs) });
  await zhou.call('ledger.vouchers.review', { ids: [v.id] });
  await li.call('ledger.vouchers.post', { ids: [v.id] });
  return v;
};
const acc = (code: string) => accounts.find((a) => a.code === code)!.id;

beforeAll(async () => {
  env = await setupCore();
  li = await addUser(env, 'kuaiji', '李会计', 'bookkeeper');
  zhou = await addUser(env, 'kuaiji2', '周会计', 'bookkeeper');
  const coop = createCoop(env.core.store, '云阳县红狮镇柑橘专业合作社', ['张大山', '李秀英', '王建国']);
  [A, B, C] = coop.memberIds as [number, number, number];
  const book = await li.call<{ id: number }>('ledger.books.create', { coopId: coop.coopId, startPeriod: '2024-01' });
  bookId = book.id;
  accounts = await li.call('ledger.accounts.list', { bookId });
  await li.call('ledger.opening.save', {
    bookId,
    rows: [
      { accountId: acc('101'), debitFen: y(5000), creditFen: 0 },
      { accountId: acc('102'), debitFen: y(120000), creditFen: 0 },
      { accountId: acc('151'), debitFen: y(80000), creditFen: 0 },
      { accountId: acc('152'), debitFen: 0, creditFen: y(10000) },
      { accountId: acc('114'), memberId: A, debitFen: y(3000), creditFen: 0 },
      { accountId: acc('114'), memberId: C, debitFen: 0, creditFen: y(2000) },
      { accountId: acc('301'), memberId: A, debitFen: 0, creditFen: y(60000) },
      { accountId: acc('301'), memberId: B, debitFen: 0, creditFen: y(40000) },
      { accountId: acc('301'), memberId: C, debitFen: 0, creditFen: y(20000) },
      { accountId: acc('31101'), debitFen: 0, creditFen: y(50000) },
      { accountId: acc('33202'), debitFen: 0, creditFen: y(26000) },
    ],
  });
  await li.call('ledger.opening.activate', { bookId });

  await voucher('2024-01-10', '收购成员柑橘', [
    { code: '121', d: 30000 },
    { code: '114', c: 15000, member: A, product: '柑橘', qty: 5000, unit: '公斤' },
    { code: '114', c: 10000, member: B, product: '柑橘', qty: 3500, unit: '公斤' },
    { code: '114', c: 5000, member: C, product: '柑橘', qty: 1500, unit: '公斤' },
  ]);
  await voucher('2024-01-20', '支付成员柑橘款', [
    { code: '114', d: 15000, member: A },
    { code: '114', d: 10000, member: B },
    { code: '102', c: 25000 },
  ]);
  await voucher('2024-02-15', '销售柑橘', [
    { code: '102', d: 45000 },
    { code: '501', c: 45000 },
  ]);
  await voucher('2024-02-15', '结转柑橘销售成本', [
    { code: '521', d: 30000 },
    { code: '121', c: 30000 },
  ]);
  await voucher('2024-03-31', '计提折旧', [
    { code: '523', d: 2400 },
    { code: '152', c: 2400 },
  ]);
  await voucher('2024-03-31', '支付管理人员工资', [
    { code: '523', d: 3600 },
    { code: '101', c: 3600 },
  ]);
  await voucher('2024-03-31', '银行存款利息', [
    { code: '102', d: 150 },
    { code: '524', c: 150 },
  ]);
  await voucher('2024-12-10', '收到农机购置补助', [
    { code: '102', d: 10000 },
    { code: '31101', c: 10000 },
  ]);
  await voucher('2024-12-20', '收到企业捐赠', [
    { code: '102', d: 2000 },
    { code: '31102', c: 2000 },
  ]);
  await voucher('2024-12-28', '缴纳印花税', [
    { code: '522', d: 300 },
    { code: '102', c: 300 },
  ]);
  for (let m = 1; m <= 11; m++) await li.call('ledger.periods.close', { bookId, period: `2024-${String(m).padStart(2, '0')}` });
}, 120_000);
afterAll(() => env.close());

const line = (lines: { line: number; endFen?: number; currentFen?: number }[], n: number) => lines.find((l) => l.line === n)!;

describe('a worked year of a small cooperative', () => {
  it('distributes D = 8,850 - 885 = 7,965.00: 60% returned by transaction amount, the rest by contribution + shares, to the fen', async () => {
    const input = { bookId, year: 2024, date: '2024-12-31', basis: 'amount' as const, product: '', shareBp: 6000, reserveFen: y(885), lossCoverFen: 0 };
    const plan = await li.call<Out<Contract['ledger.distribution.preview']>>('ledger.distribution.preview', input);
    // 本年盈余 = 45,000 - 30,000 - 300 - 6,000 + 150 = 8,850
    expect(plan.surplusFen).toBe(y(8850));
    expect(plan.distributableFen).toBe(y(7965));
    // R = 60% of 7,965 = 4,779; transactions 15,000 : 10,000 : 5,000
    expect(plan.patronageFen).toBe(y(4779));
    expect(plan.remainderFen).toBe(y(3186));
    const by = new Map(plan.members.map((m) => [m.memberId, m]));
    expect([A, B, C].map((m) => by.get(m)!.patronageFen)).toEqual([y(2389.5), y(1593), y(796.5)]);
    // Reserve 885 quantified 3:2:1 by patronage; subsidy 60,000 and donation 2,000 quantified by contribution 3:2:1
    expect([A, B, C].map((m) => by.get(m)!.newReserveFen)).toEqual([y(442.5), y(295), y(147.5)]);
    expect([A, B, C].map((m) => by.get(m)!.newSubsidyFen)).toEqual([y(30000), y(20000), y(10000)]);
    expect([A, B, C].map((m) => by.get(m)!.newDonationFen)).toEqual([y(1000), y(666.67), y(333.33)]);
    // Remainder 3,186 over 91,442.50 : 60,961.67 : 30,480.83 -> 1,593.00, 1,062.00 (106,200.0058 fen), 531.00 (53,099.994 rounded up by the last fen)
    expect([A, B, C].map((m) => by.get(m)!.remainderFen)).toEqual([y(1593), y(1062), y(531)]);
    const total = plan.members.reduce((s, m) => s + m.patronageFen + m.remainderFen, 0);
    expect(total).toBe(plan.distributableFen);

    const done = await li.call<{ vouchers: number[] }>('ledger.distribution.commit', input);
    expect(done.vouchers).toHaveLength(3);
    const again = await li.call('ledger.distribution.commit', input).catch((e: Error) => e);
    expect((again as Error).message).toContain('已经分配过');
  });

  it('closes December as the year end and opens 2025', async () => {
    const r = await li.call<{ vouchers: number[]; nextYearOpened: number | null }>('ledger.periods.close', { bookId, period: '2024-12' });
    expect(r.nextYearOpened).toBe(2025);
    // P&L of December, 331 -> 332, 各项分配 -> 未分配盈余
    expect(r.vouchers).toHaveLength(3);
    const trial = await li.call<Out<Contract['ledger.reports.trial']>>('ledger.reports.trial', { bookId, from: '2025-01', to: '2025-01', level: 1 });
    const row = (code: string) => trial.rows.find((x) => x.code === code);
    expect(row('331')).toBeUndefined();
    expect(row('332')!.openingC).toBe(y(26000));
    expect(row('102')!.openingD).toBe(y(151850));
    expect(trial.balanced).toBe(true);
  });

  it('draws a balance sheet whose two sides agree (line 22 = line 42), with every line as computed by hand', async () => {
    const bs = await li.call<Out<Contract['ledger.reports.balanceSheet']>>('ledger.reports.balanceSheet', { bookId, period: '2024-12' });
    const end = (n: number) => line(bs.lines, n).endFen;
    const begin = (n: number) => bs.lines.find((l) => l.line === n)!.beginFen;
    expect(end(1)).toBe(y(153250)); // 1,400 cash + 151,850 bank
    expect(end(2)).toBe(y(3000)); // 张大山 owes 3,000 (debit detail of 114)
    expect(end(3)).toBe(0);
    expect(end(5)).toBe(y(156250));
    expect([end(10), end(11), end(12)]).toEqual([y(80000), y(12400), y(67600)]);
    expect(end(21)).toBe(y(67600));
    expect(end(22)).toBe(y(223850));
    expect(end(24)).toBe(y(7000)); // the cooperative owes 王建国 2,000 + 5,000 (credit detail of 114)
    expect([end(29), end(30), end(31), end(35)]).toEqual([y(4779), y(3186), y(14965), y(14965)]);
    expect([end(36), end(37), end(38), end(39), end(40), end(41)]).toEqual([y(120000), y(62000), 0, y(885), y(26000), y(208885)]);
    expect(end(42)).toBe(end(22));
    expect([begin(1), begin(2), begin(12), begin(22), begin(24), begin(40), begin(42)]).toEqual([y(125000), y(3000), y(70000), y(198000), y(2000), y(26000), y(198000)]);
    expect(bs.balanced).toBe(true);
    expect(bs.warnings).toEqual([]);
  });

  it('draws the surplus statement (会农社02表) line by line', async () => {
    const s = await li.call<Out<Contract['ledger.reports.surplus']>>('ledger.reports.surplus', { bookId, year: 2024 });
    const v = (n: number) => s.lines.find((l) => l.line === n)!.currentFen;
    expect([v(1), v(2), v(3), v(4), v(5), v(6), v(7)]).toEqual([y(45000), 0, y(30000), y(300), y(6000), y(-150), y(8850)]);
    expect([v(8), v(9), v(10), v(11), v(12)]).toEqual([0, 0, y(8850), 0, y(8850)]);
    expect([v(13), v(14), v(15), v(16)]).toEqual([y(26000), 0, y(885), y(33965)]);
    expect([v(17), v(18), v(19), v(20)]).toEqual([y(4779), y(3186), 0, y(26000)]);
    expect(s.warnings).toEqual([]);
  });

  it('draws the members’ equity statement (会农社03表), every column footing', async () => {
    const e = await li.call<Out<Contract['ledger.reports.equity']>>('ledger.reports.equity', { bookId, year: 2024 });
    const row = (key: string) => e.rows.find((r) => r.key === key)!.cells;
    expect(row('opening')).toMatchObject({ capital: y(120000), fund: y(50000), capReserve: 0, surReserve: 0, undistributed: y(26000) });
    expect(row('increase.subsidy').fund).toBe(y(10000));
    expect(row('increase.donation').fund).toBe(y(2000));
    expect(row('increase.fromSurplus').surReserve).toBe(y(885));
    expect(row('increase.yearSurplus').undistributed).toBe(y(8850));
    expect(row('decrease.reserve').undistributed).toBe(y(885));
    expect(row('decrease.patronage').undistributed).toBe(y(4779));
    expect(row('decrease.remainder').undistributed).toBe(y(3186));
    expect(row('closing')).toMatchObject({ capital: y(120000), fund: y(62000), capReserve: 0, surReserve: y(885), undistributed: y(26000), total: y(208885) });
    expect(e.foots).toBe(true);
  });

  it('names the accounts behind every statement figure, subtotals included, for drill-down', async () => {
    const codes = (xs: { code: string }[]) => xs.map((a) => a.code.slice(0, 3)).sort();
    const bs = await li.call<Out<Contract['ledger.reports.balanceSheet']>>('ledger.reports.balanceSheet', { bookId, period: '2024-12' });
    const bsLine = (n: number) => codes(bs.lines.find((l) => l.line === n)!.accounts);
    expect(bsLine(1)).toEqual(['101', '102', '109']);
    expect(bsLine(5)).toEqual(expect.arrayContaining(['101', '102', '113', '114', '121', '141', '401']));
    expect(bsLine(22)).toEqual(expect.arrayContaining(['101', '131', '151', '152', '161']));
    const s = await li.call<Out<Contract['ledger.reports.surplus']>>('ledger.reports.surplus', { bookId, year: 2024 });
    expect(codes(s.lines.find((l) => l.line === 7)!.accounts)).toEqual(['501', '511', '521', '522', '523', '524']);
    const e = await li.call<Out<Contract['ledger.reports.equity']>>('ledger.reports.equity', { bookId, year: 2024 });
    expect(e.columns.map((c) => codes(c.accounts))).toEqual([['301'], ['311'], ['321'], ['322'], ['331', '332']]);
  });

  it('keeps 张大山’s member account: contribution, quantified shares, oranges sold, surplus returned and distributed', async () => {
    const m = await li.call<Out<Contract['ledger.reports.memberAccount']>>('ledger.reports.memberAccount', { bookId, memberId: A, year: 2024 });
    const opening = m.rows[0]!;
    const closing = m.rows[m.rows.length - 1]!;
    expect(opening).toMatchObject({ kind: 'opening', capitalOther: y(60000), capitalPoverty: 0, reserveShare: 0 });
    expect(m.products).toEqual([{ product: '柑橘', unit: '公斤' }]);
    expect(closing).toMatchObject({ kind: 'closing', capitalOther: y(60000), reserveShare: y(442.5), subsidyShare: y(30000), donationShare: y(1000), patronage: y(2389.5), remainder: y(1593) });
    expect(closing.trade['柑橘']).toEqual({ qtyMilli: 5_000_000, amountFen: y(15000) });
  });

  it('keeps the general ledger, the detail ledger with running balances and the journal consistent with the balances', async () => {
    const d = await li.call<Out<Contract['ledger.reports.detail']>>('ledger.reports.detail', { bookId, accountId: acc('102'), from: '2024-01', to: '2024-12', limit: 5000 });
    const lines = d.rows.filter((r) => r.kind === 'line');
    expect(lines.map((l) => l.summary)).toEqual(['支付成员柑橘款', '销售柑橘', '银行存款利息', '收到农机购置补助', '收到企业捐赠', '缴纳印花税']);
    expect(lines[lines.length - 1]).toMatchObject({ dir: '借', balanceFen: y(151850) });
    expect(d.closing).toEqual({ dir: '借', balanceFen: y(151850) });
    const dec = d.rows.filter((r) => r.kind === 'year');
    expect(dec[dec.length - 1]).toMatchObject({ debitFen: y(57150), creditFen: y(25300) });
    const g = await li.call<Out<Contract['ledger.reports.general']>>('ledger.reports.general', { bookId, year: 2024, accountId: acc('102') });
    const last = g.accounts[0]!.rows[g.accounts[0]!.rows.length - 1]!;
    expect(last).toMatchObject({ kind: 'year', debitFen: y(57150), creditFen: y(25300), dir: '借', balanceFen: y(151850) });
    const j = await li.call<Out<Contract['ledger.reports.journal']>>('ledger.reports.journal', { bookId, from: '2024-01', to: '2024-12', limit: 5000 });
    expect(j.rows.reduce((s, r) => s + r.debitFen, 0)).toBe(j.totalFen);
    expect(j.rows.reduce((s, r) => s + r.creditFen, 0)).toBe(j.totalFen);
  });
});
