import type { Store, Actor } from '../db/store';
import { findByUsername } from '../auth/users';
import { accountIndex } from './accounts';
import { activateBook, saveOpening } from './opening';
import { createBook, listCoopBooks } from './books';
import { listCoopMembers } from './members';
import { postVouchers, reviewVouchers, saveVoucher } from './vouchers';
import { closePeriod } from './periods';
import { makePeriod } from './dates';

/**
 * Demo books for up to three cooperatives of the registry's demo data (the registry's loader runs first):
 * a year of vouchers by the demo bookkeepers, months closed up to a quarter ago, and drafts waiting for
 * review, so the workload board and the statements show something real. Nothing is added once any books exist.
 */
export function loadLedgerDemo(store: Store): Record<string, number> {
  const kuaiji = findByUsername(store, 'kuaiji');
  const kuaiji2 = findByUsername(store, 'kuaiji2');
  // Demo books are made once: any existing books (demo or real) mean there is nothing to add.
  const anyBooks = store.sqlite.prepare('SELECT 1 FROM ledger_books LIMIT 1').get() !== undefined;
  if (!kuaiji || !kuaiji2 || anyBooks) return { 演示账套: 0, 演示凭证: 0 };
  const li: Actor = { userId: kuaiji.id, username: kuaiji.username, role: 'bookkeeper' };
  const zhou: Actor = { userId: kuaiji2.id, username: kuaiji2.username, role: 'bookkeeper' };
  const today = store.now().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let books = 0;
  let vouchers = 0;
  const candidates = listCoopBooks(store).filter((c) => c.bookId === null && listCoopMembers(store, c.coopId).length > 0);
  for (const coop of candidates.slice(0, 3)) {
    const members = listCoopMembers(store, coop.coopId);
    const book = createBook(store, li, { coopId: coop.coopId, startPeriod: makePeriod(year, 1), voucherKinds: 'general' });
    const idx = accountIndex(store, book.id);
    const id = (code: string) => idx.byCode.get(code)!.id;
    const capital = members.map(() => (5 + rnd(20)) * 100_000);
    const capitalTotal = capital.reduce((s, c) => s + c, 0);
    // Bank is what balances the rest: credits (152, 301, 31101, 33202) less cash and fixed assets.
    const bank = 500_000 + capitalTotal + 2_000_000 + 500_000 - 500_000 - 3_000_000;
    saveOpening(store, li, {
      bookId: book.id,
      rows: [
        { accountId: id('101'), memberId: 0, debitFen: 500_000, creditFen: 0 },
        { accountId: id('102'), memberId: 0, debitFen: bank, creditFen: 0 },
        { accountId: id('151'), memberId: 0, debitFen: 3_000_000, creditFen: 0 },
        { accountId: id('152'), memberId: 0, debitFen: 0, creditFen: 500_000 },
        ...members.map((m, i) => ({ accountId: id('301'), memberId: m.id, debitFen: 0, creditFen: capital[i]! })),
        { accountId: id('31101'), memberId: 0, debitFen: 0, creditFen: 2_000_000 },
        { accountId: id('33202'), memberId: 0, debitFen: 0, creditFen: 500_000 },
      ],
    });
    activateBook(store, li, book.id);
    const line = (summary: string, code: string, debitFen: number, creditFen: number, memberId = 0, product = '', qtyMilli = 0) => ({
      summary,
      accountId: id(code),
      memberId,
      debitFen,
      creditFen,
      product,
      qtyMilli,
      unit: product ? '公斤' : '',
    });
    for (let m = 1; m <= month; m++) {
      const p = makePeriod(year, m);
      const day = (d: number) => `${p}-${String(Math.min(d, 28)).padStart(2, '0')}`;
      const entries = [];
      const who = members[rnd(members.length)]!;
      const kg = 2000 + rnd(8000);
      // 3.20 元 per kilogram bought, sold at 30% more.
      const buy = kg * 320;
      const sale = kg * 416;
      entries.push({ date: day(5), lines: [line('收购成员柑橘', '121', buy, 0), line('收购成员柑橘', '114', 0, buy, who.id, '柑橘', kg * 1000)] });
      entries.push({ date: day(9), lines: [line('支付成员货款', '114', buy, 0, who.id), line('支付成员货款', '102', 0, buy)] });
      entries.push({ date: day(15), lines: [line('销售柑橘', '102', sale, 0), line('销售柑橘', '501', 0, sale)] });
      entries.push({ date: day(15), lines: [line('结转销售成本', '521', buy, 0), line('结转销售成本', '121', 0, buy)] });
      const fee = (3 + rnd(10)) * 10_000;
      entries.push({ date: day(25), lines: [line('支付办公费', '523', fee, 0), line('支付办公费', '101', 0, fee)] });
      const current = m === month;
      for (const [i, e] of entries.entries()) {
        if (current && i >= 2) break;
        const vid = saveVoucher(store, li, { bookId: book.id, date: e.date, kind: '记', attachments: 1 + rnd(3), lines: e.lines });
        vouchers++;
        if (current) continue;
        reviewVouchers(store, zhou, { ids: [vid] });
        postVouchers(store, li, { ids: [vid] });
      }
      if (m <= month - 3) closePeriod(store, li, { bookId: book.id, period: p });
    }
    books++;
  }
  return { 演示账套: books, 演示凭证: vouchers };
}
