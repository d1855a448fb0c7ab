import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../../helpers/core';
import { addUser, createCoop, linesFor, y, type LineSpec } from '../../helpers/ledger-fixtures';
import type { CliClient } from '../../../electron/cli/io';
import { AppError } from '../../../shared/errors';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

let env: Awaited<ReturnType<typeof setupCore>>;
let li: CliClient;
let zhou: CliClient;
let bookId: number;
let A: number;
let B: number;
let accounts: Out<Contract['ledger.accounts.list']>;
type Plan = Out<Contract['ledger.distribution.preview']>;

async function posted(date: string, specs: LineSpec[]) {
  const v = await li.call<{ id: number }>('ledger.vouchers.save', { bookId, date, kind: '记', attachments: 0, lines: linesFor(accounts, '业务', specs) });
  await zhou.call('ledger.vouchers.review', { ids: [v.id] });
  await li.call('ledger.vouchers.post', { ids: [v.id] });
  return v.id;
}

/**
 * Two members: A contributed 3,000 and sold 300 kg of 茶叶 for 1,500; B contributed 1,000 and sold 100 kg
 * for 1,500 (a better price). The year's surplus is 1,000; 2,000 of subsidies wait to be quantified.
 */
beforeAll(async () => {
  env = await setupCore();
  li = await addUser(env, 'kuaiji', '李会计', 'bookkeeper');
  zhou = await addUser(env, 'kuaiji2', '周会计', 'bookkeeper');
  const coop = createCoop(env.core.store, '云阳县龙角镇茶叶专业合作社', ['甲农户', '乙农户']);
  [A, B] = coop.memberIds as [number, number];
  bookId = (await li.call<{ id: number }>('ledger.books.create', { coopId: coop.coopId, startPeriod: '2025-01' })).id;
  accounts = await li.call('ledger.accounts.list', { bookId });
  await li.call('ledger.opening.activate', { bookId });
  await posted('2025-01-05', [{ code: '102', d: 4000 }, { code: '301', c: 3000, member: A }, { code: '301', c: 1000, member: B }]);
  await posted('2025-03-10', [{ code: '121', d: 3000 }, { code: '114', c: 1500, member: A, product: '茶叶', qty: 300, unit: '公斤' }, { code: '114', c: 1500, member: B, product: '茶叶', qty: 100, unit: '公斤' }]);
  await posted('2025-04-10', [{ code: '102', d: 4000 }, { code: '501', c: 4000 }]);
  await posted('2025-04-10', [{ code: '521', d: 3000 }, { code: '121', c: 3000 }]);
  await posted('2025-05-10', [{ code: '102', d: 2000 }, { code: '31101', c: 2000 }]);
});
afterAll(() => env.close());

const base = () => ({ bookId, year: 2025, date: '2025-06-30', basis: 'amount' as const, product: '', shareBp: 6000, reserveFen: 0, lossCoverFen: 0 });

describe('surplus distribution options', () => {
  it('returns by volume when the charter says so (茶叶 300 : 100), by amount otherwise (1,500 : 1,500)', async () => {
    const byVolume = await li.call<Plan>('ledger.distribution.preview', { ...base(), basis: 'volume', product: '茶叶' });
    expect(byVolume.unit).toBe('公斤');
    expect(byVolume.members.map((m) => m.patronageFen)).toEqual([y(450), y(150)]);
    const byAmount = await li.call<Plan>('ledger.distribution.preview', base());
    expect(byAmount.members.map((m) => m.patronageFen)).toEqual([y(300), y(300)]);
    const noProduct = await li.call('ledger.distribution.preview', { ...base(), basis: 'volume', product: '' }).catch((e: AppError) => e);
    expect((noProduct as AppError).fields?.product).toBe('按交易量返还时请选择产品');
  });

  it('quantifies subsidies by contribution or equally per head, as the book is set', async () => {
    const byCapital = await li.call<Plan>('ledger.distribution.preview', base());
    expect(byCapital.members.map((m) => m.newSubsidyFen)).toEqual([y(1500), y(500)]);
    // Remainder 400 over (3,000 + 1,500) : (1,000 + 500)
    expect(byCapital.members.map((m) => m.remainderFen)).toEqual([y(300), y(100)]);
    const book = await li.call<Out<Contract['ledger.books.get']>>('ledger.books.get', { bookId });
    await li.call('ledger.books.update', { ...book, id: bookId, subsidyQuantify: 'equal' });
    const equal = await li.call<Plan>('ledger.distribution.preview', base());
    expect(equal.members.map((m) => m.newSubsidyFen)).toEqual([y(1000), y(1000)]);
    // Remainder 400 over 4,000 : 2,000
    expect(equal.members.map((m) => m.remainderFen)).toEqual([y(266.67), y(133.33)]);
  });

  it('allows a distribution again only after the first one was reversed, and the statement follows the reversal', async () => {
    const first = await li.call<{ vouchers: number[] }>('ledger.distribution.commit', base());
    const again = await li.call('ledger.distribution.commit', base()).catch((e: AppError) => e);
    expect((again as AppError).code).toBe('REFUSED');
    let s = await li.call<Out<Contract['ledger.reports.surplus']>>('ledger.reports.surplus', { bookId, year: 2025 });
    expect(s.lines.find((l) => l.line === 17)!.currentFen).toBe(y(600));
    for (const id of first.vouchers) {
      const red = await li.call<{ id: number }>('ledger.vouchers.reverse', { id, date: '2025-06-30' });
      await zhou.call('ledger.vouchers.review', { ids: [red.id] });
      await li.call('ledger.vouchers.post', { ids: [red.id] });
    }
    s = await li.call('ledger.reports.surplus', { bookId, year: 2025 });
    expect([s.lines.find((l) => l.line === 17)!.currentFen, s.lines.find((l) => l.line === 18)!.currentFen]).toEqual([0, 0]);
    expect(s.warnings).toEqual([]);
    const redo = await li.call<{ plan: Plan }>('ledger.distribution.commit', { ...base(), shareBp: 10000 });
    expect(redo.plan.members.map((m) => m.patronageFen)).toEqual([y(500), y(500)]);
    // The shares the reversed distribution quantified no longer stand: the subsidy is quantified afresh.
    expect(redo.plan.unquantifiedSubsidyFen).toBe(y(2000));
    const e = await li.call<Out<Contract['ledger.reports.equity']>>('ledger.reports.equity', { bookId, year: 2025 });
    expect(e.foots).toBe(true);
    expect(e.rows.find((r) => r.key === 'decrease.patronage')!.cells.undistributed).toBe(y(1000));
  });
});
