import type { Store, Actor } from '../db/store';
import { AppError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { accountIndex, type AccountIndex } from './accounts';
import { actorName, firstOpenPeriod, lastClosedPeriod, requireActive, requireBook, type Book } from './books-read';
import { closingNets } from './balances';
import { CODES } from './chart2021';
import { lastDay, monthOf, periodLabel, yearOf } from './dates';
import { ensureYear } from './years';
import { insertPosted, type Signer } from './vouchers';
import type { CheckedLine, CheckedVoucher, VoucherKind } from './voucher-rules';

/** Days after a month ends before its close counts as overdue on the workload board. */
export const CLOSE_GRACE_DAYS = 15;

export interface PeriodInfo {
  period: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  closedBy: string;
  drafts: number;
  reviewed: number;
  posted: number;
  overdue: boolean;
}

export function isOverdue(period: string, today: string): boolean {
  const end = new Date(`${lastDay(period)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + CLOSE_GRACE_DAYS);
  return end.toISOString().slice(0, 10) < today;
}

export function listPeriods(store: Store, bookId: number, year: number): PeriodInfo[] {
  requireBook(store, bookId);
  const today = store.now().slice(0, 10);
  const counts = new Map<string, Record<string, number>>();
  for (const r of store.sqlite
    .prepare('SELECT period, status, count(*) AS n FROM ledger_vouchers WHERE book_id = ? AND period BETWEEN ? AND ? GROUP BY period, status')
    .all(bookId, `${year}-01`, `${year}-12`) as { period: string; status: string; n: number }[])
    counts.set(r.period, { ...counts.get(r.period), [r.status]: r.n });
  const rows = store.sqlite
    .prepare('SELECT period, status, closed_at AS closedAt, closed_by AS closedBy FROM ledger_periods WHERE book_id = ? AND period BETWEEN ? AND ? ORDER BY period')
    .all(bookId, `${year}-01`, `${year}-12`) as { period: string; status: 'open' | 'closed'; closedAt: string | null; closedBy: string }[];
  return rows.map((p) => {
    const c = counts.get(p.period) ?? {};
    return { ...p, drafts: c.draft ?? 0, reviewed: c.reviewed ?? 0, posted: c.posted ?? 0, overdue: p.status === 'open' && isOverdue(p.period, today) };
  });
}

function sumUnder(idx: AccountIndex, nets: Map<string, number>, code: string): number {
  return idx.leavesUnder(code).reduce((s, a) => s + (nets.get(String(a.id)) ?? 0), 0);
}

/** Transfer lines that empty `accounts` (nets debit-positive) into `target`. */
function transferLines(accounts: { id: number; net: number }[], target: number, summary: string): CheckedLine[] {
  const blank = { memberId: 0, product: '', qtyMilli: 0, unit: '', summary };
  const lines: CheckedLine[] = accounts.filter((a) => a.net !== 0).map((a) => ({ ...blank, accountId: a.id, debitFen: a.net < 0 ? -a.net : 0, creditFen: a.net > 0 ? a.net : 0 }));
  const total = accounts.reduce((s, a) => s + a.net, 0);
  if (total !== 0) lines.push({ ...blank, accountId: target, debitFen: total > 0 ? total : 0, creditFen: total < 0 ? -total : 0 });
  return lines;
}

function closingVoucher(book: Book, period: string, lines: CheckedLine[]): CheckedVoucher {
  const kind: VoucherKind = book.voucherKinds === 'general' ? '记' : '转';
  return { bookId: book.id, date: lastDay(period), period, kind, attachments: 0, lines, debitTotalFen: lines.reduce((s, l) => s + l.debitFen, 0) };
}

export interface CloseResult {
  period: string;
  vouchers: number[];
  nextYearOpened: number | null;
}

/**
 * Period close (结账). Refuses while the period has unposted vouchers, while 181 is not zero, or while the
 * trial balance does not balance; transfers P&L balances to 331 as a posted voucher and locks the period.
 * Closing December is also the year end: 331 goes to 332 未分配盈余, 332 各项分配 is cleared into it, and the
 * next year's periods open with the balances carried forward. Closing again after a reopen transfers only
 * what is left, so nothing is moved twice.
 */
export function closePeriod(store: Store, actor: Actor, input: { bookId: number; period: string }): CloseResult {
  return store.write(actor, 'ledger.periods.close', (audit) => {
    const book = requireBook(store, input.bookId);
    requireActive(book);
    const { period } = input;
    const first = firstOpenPeriod(store, book.id);
    if (first === null) throw new AppError('REFUSED', '没有未结账的期间');
    if (period !== first) throw new AppError('REFUSED', period < first ? `${periodLabel(period)}已结账` : `请先结账 ${periodLabel(first)}（须按月份顺序结账）`);
    const pending = store.sqlite.prepare("SELECT status, count(*) AS n FROM ledger_vouchers WHERE book_id = ? AND period = ? AND status <> 'posted' GROUP BY status").all(book.id, period) as {
      status: string;
      n: number;
    }[];
    if (pending.length) {
      const n = (s: string) => pending.find((p) => p.status === s)?.n ?? 0;
      throw new AppError('REFUSED', `${periodLabel(period)}还有 ${n('draft') + n('reviewed')} 张凭证未记账（未审核 ${n('draft')} 张，已审核未记账 ${n('reviewed')} 张），不能结账`);
    }
    const idx = accountIndex(store, book.id);
    let nets = closingNets(store, book.id, period);
    const suspense = sumUnder(idx, nets, CODES.suspense);
    if (suspense !== 0) throw new AppError('REFUSED', `181 待处理财产损溢期末余额为 ${formatFen(suspense)}，应在期末处理完毕（余额为零）后才能结账`);
    const imbalance = [...nets.values()].reduce((s, v) => s + v, 0);
    if (imbalance !== 0) throw new AppError('REFUSED', `试算不平衡：借方余额合计与贷方余额合计相差 ${formatFen(imbalance)}，不能结账`);
    const me: Signer = { id: actor.userId, name: actorName(store, actor) };
    const byCode = (code: string) => idx.byCode.get(code)!.id;
    const vouchers: number[] = [];
    const post = (lines: CheckedLine[], source: 'close' | 'yearend') => {
      if (lines.length >= 2) vouchers.push(insertPosted(store, closingVoucher(book, period, lines), { preparer: me, source }));
    };
    const pnl = idx.list.filter((a) => a.cls === 'pnl' && a.leaf).map((a) => ({ id: a.id, net: nets.get(String(a.id)) ?? 0 }));
    post(transferLines(pnl, byCode(CODES.yearSurplus), '结转本月损益'), 'close');
    let nextYearOpened: number | null = null;
    if (monthOf(period) === 12) {
      nets = closingNets(store, book.id, period);
      const surplus = idx.leavesUnder(CODES.yearSurplus).map((a) => ({ id: a.id, net: nets.get(String(a.id)) ?? 0 }));
      post(transferLines(surplus, byCode(CODES.undistributed), '结转本年盈余'), 'yearend');
      const items = idx.leavesUnder(CODES.distributionItems).map((a) => ({ id: a.id, net: nets.get(String(a.id)) ?? 0 }));
      post(transferLines(items, byCode(CODES.undistributed), '结转盈余分配各项分配'), 'yearend');
      const next = yearOf(period) + 1;
      if (!store.sqlite.prepare('SELECT 1 FROM ledger_periods WHERE book_id = ? AND period = ?').get(book.id, `${next}-01`)) {
        ensureYear(store, book, next);
        nextYearOpened = next;
      }
    }
    store.sqlite.prepare("UPDATE ledger_periods SET status = 'closed', closed_at = ?, closed_by = ? WHERE book_id = ? AND period = ?").run(store.now(), me.name, book.id, period);
    audit.record({ entity: 'ledger_period', ids: [book.id, period], summary: { closed: period, vouchers, nextYearOpened } });
    return { period, vouchers, nextYearOpened };
  });
}

/** Reopening (反结账) is for administrators, one period at a time from the latest, and always audited. */
export function reopenPeriod(store: Store, actor: Actor, input: { bookId: number; period: string; reason: string }): { period: string } {
  return store.write(actor, 'ledger.periods.reopen', (audit) => {
    if (actor.role !== 'admin') throw new AppError('FORBIDDEN', '只有管理员可以反结账');
    const book = requireBook(store, input.bookId);
    const last = lastClosedPeriod(store, book.id);
    if (last === null) throw new AppError('REFUSED', '没有已结账的期间');
    if (input.period !== last) throw new AppError('REFUSED', `只能从最后一个已结账期间（${periodLabel(last)}）开始反结账`);
    store.sqlite.prepare("UPDATE ledger_periods SET status = 'open', closed_at = NULL, closed_by = '' WHERE book_id = ? AND period = ?").run(book.id, input.period);
    audit.record({ entity: 'ledger_period', ids: [book.id, input.period], summary: { reopened: input.period, reason: input.reason } });
    return { period: input.period };
  });
}
