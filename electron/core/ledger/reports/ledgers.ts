import type { Store } from '../../db/store';
import { AppError } from '../../../../shared/errors';
import { accountIndex, type Account } from '../accounts';
import { accountBalances, memberBalances } from '../balances';
import { requireBook } from '../books-read';
import { listCoopMembers } from '../members';
import { lastDay, makePeriod, monthOf, nextPeriod, periodOf, prevPeriod, yearOf } from '../dates';
import type { VoucherKind } from '../voucher-rules';

export type Direction = '借' | '贷' | '平';
export const direction = (net: number): Direction => (net > 0 ? '借' : net < 0 ? '贷' : '平');

export interface LedgerRow {
  kind: 'opening' | 'line' | 'month' | 'year';
  date: string;
  voucherId: number | null;
  voucher: string;
  summary: string;
  memberName: string;
  debitFen: number;
  creditFen: number;
  dir: Direction;
  /** Absolute balance; the direction says the side. */
  balanceFen: number;
}

const summaryOf = { opening: '期初余额', month: '本月合计', year: '本年累计' } as const;

/** 总账: each account's year opening, then per month the month's totals and the year to date, with balances. */
export function generalLedger(store: Store, input: { bookId: number; year: number; accountId: number }) {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const chosen = input.accountId ? [idx.get(input.accountId)] : idx.list.filter((a) => a.level === 1);
  const last = (store.sqlite.prepare("SELECT max(period) FROM ledger_periods WHERE book_id = ? AND period LIKE ? || '-%'").pluck().get(book.id, String(input.year)) as string | null) ?? null;
  if (!last) throw new AppError('NOT_FOUND', `${input.year} 年不在账套范围内`);
  const first = (store.sqlite.prepare("SELECT min(period) FROM ledger_periods WHERE book_id = ? AND period LIKE ? || '-%'").pluck().get(book.id, String(input.year)) as string)!;
  const months: { period: string; figures: Map<number, { opening: number; d: number; c: number; yd: number; yc: number; closing: number }> }[] = [];
  for (let m = monthOf(first); m <= monthOf(last); m++) {
    const p = makePeriod(input.year, m);
    const b = accountBalances(store, book.id, p, p);
    const figures = new Map<number, { opening: number; d: number; c: number; yd: number; yc: number; closing: number }>();
    for (const a of chosen) {
      const leaves = idx.leavesUnder(a.code).map((l) => String(l.id));
      const sum = (f: (k: string) => number) => leaves.reduce((s, k) => s + f(k), 0);
      figures.set(a.id, {
        opening: sum((k) => b.opening.get(k) ?? 0),
        d: sum((k) => b.period.get(k)?.d ?? 0),
        c: sum((k) => b.period.get(k)?.c ?? 0),
        yd: sum((k) => b.ytd.get(k)?.d ?? 0),
        yc: sum((k) => b.ytd.get(k)?.c ?? 0),
        closing: sum((k) => b.closing.get(k) ?? 0),
      });
    }
    months.push({ period: p, figures });
  }
  return {
    coopName: book.coopName,
    year: input.year,
    accounts: chosen.map((a) => {
      const rows: LedgerRow[] = [];
      const open = months[0]!.figures.get(a.id)!.opening;
      const row = (kind: LedgerRow['kind'], date: string, d: number, c: number, net: number): LedgerRow => ({
        kind,
        date,
        voucherId: null,
        voucher: '',
        summary: summaryOf[kind as keyof typeof summaryOf],
        memberName: '',
        debitFen: d,
        creditFen: c,
        dir: direction(net),
        balanceFen: Math.abs(net),
      });
      rows.push(row('opening', `${months[0]!.period}-01`, 0, 0, open));
      for (const m of months) {
        const f = m.figures.get(a.id)!;
        rows.push(row('month', lastDay(m.period), f.d, f.c, f.closing));
        rows.push(row('year', lastDay(m.period), f.yd, f.yc, f.closing));
      }
      return { accountId: a.id, code: a.code, name: a.fullName, rows };
    }),
  };
}

interface JournalLine {
  voucherId: number;
  kind: VoucherKind;
  number: number;
  date: string;
  summary: string;
  memberId: number;
  debitFen: number;
  creditFen: number;
}

/**
 * 明细账: the opening balance, every posted line with a running balance, and month and year-to-date
 * totals, for an account (with its details) and optionally one member. Reads the journal through its
 * (book, account, date) index; balances come from the balance rows.
 */
export function detailLedger(store: Store, input: { bookId: number; accountId: number; memberId: number; from: string; to: string; offset: number; limit: number }) {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const account: Account = idx.get(input.accountId);
  if (account.bookId !== book.id) throw new AppError('NOT_FOUND', '科目不属于该账套');
  const leaves = idx.leavesUnder(account.code);
  const keys = leaves.map((l) => String(l.id));
  const member = input.memberId || 0;
  const range = (from: string, to: string) => {
    if (!member) return accountBalances(store, book.id, from, to);
    const mb = memberBalances(store, book.id, from, to, member);
    const strip = <T>(m: Map<string, T>, merge: (a: T | undefined, b: T) => T) => {
      const out = new Map<string, T>();
      for (const [k, v] of m) {
        const acc = k.split(':')[0]!;
        out.set(acc, merge(out.get(acc), v));
      }
      return out;
    };
    return {
      opening: strip(mb.opening, (a, b) => (a ?? 0) + b),
      closing: strip(mb.closing, (a, b) => (a ?? 0) + b),
      period: strip(mb.period, (a, b) => ({ d: (a?.d ?? 0) + b.d, c: (a?.c ?? 0) + b.c, cd: 0, cc: 0 })),
      ytd: strip(mb.ytd, (a, b) => ({ d: (a?.d ?? 0) + b.d, c: (a?.c ?? 0) + b.c, cd: 0, cc: 0 })),
    };
  };
  const b = range(input.from, input.to);
  const opening = keys.reduce((s, k) => s + (b.opening.get(k) ?? 0), 0);
  // Year-to-date activity before the range, so the first 本年累计 row includes the earlier months.
  let ytdD = 0;
  let ytdC = 0;
  if (monthOf(input.from) > 1) {
    const before = range(makePeriod(yearOf(input.from), 1), prevPeriod(input.from));
    ytdD = keys.reduce((s, k) => s + (before.period.get(k)?.d ?? 0), 0);
    ytdC = keys.reduce((s, k) => s + (before.period.get(k)?.c ?? 0), 0);
  }
  const placeholders = leaves.map(() => '?').join(',');
  const lines = store.sqlite
    .prepare(
      `SELECT l.voucher_id AS voucherId, v.kind, v.number, l.date, l.summary, COALESCE(l.member_id, 0) AS memberId, l.debit_fen AS debitFen, l.credit_fen AS creditFen
       FROM ledger_voucher_lines l JOIN ledger_vouchers v ON v.id = l.voucher_id
       WHERE l.book_id = ? AND l.account_id IN (${placeholders}) AND l.date BETWEEN ? AND ? AND l.posted = 1 ${member ? 'AND l.member_id = ?' : ''}
       ORDER BY l.date, v.kind, v.number, l.line_no`,
    )
    .all(book.id, ...leaves.map((l) => l.id), `${input.from}-01`, lastDay(input.to), ...(member ? [member] : [])) as JournalLine[];
  const names = account.memberDim ? new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name])) : new Map<number, string>();
  const rows: LedgerRow[] = [];
  let bal = opening;
  rows.push({ kind: 'opening', date: `${input.from}-01`, voucherId: null, voucher: '', summary: '期初余额', memberName: '', debitFen: 0, creditFen: 0, dir: direction(bal), balanceFen: Math.abs(bal) });
  let i = 0;
  for (let p = input.from; p <= input.to; p = nextPeriod(p)) {
    if (monthOf(p) === 1) {
      ytdD = 0;
      ytdC = 0;
    }
    let md = 0;
    let mc = 0;
    for (; i < lines.length && periodOf(lines[i]!.date) === p; i++) {
      const l = lines[i]!;
      bal += l.debitFen - l.creditFen;
      md += l.debitFen;
      mc += l.creditFen;
      rows.push({
        kind: 'line',
        date: l.date,
        voucherId: l.voucherId,
        voucher: `${l.kind}-${l.number}`,
        summary: l.summary,
        memberName: l.memberId ? (names.get(l.memberId) ?? `#${l.memberId}`) : '',
        debitFen: l.debitFen,
        creditFen: l.creditFen,
        dir: direction(bal),
        balanceFen: Math.abs(bal),
      });
    }
    ytdD += md;
    ytdC += mc;
    rows.push({ kind: 'month', date: lastDay(p), voucherId: null, voucher: '', summary: '本月合计', memberName: '', debitFen: md, creditFen: mc, dir: direction(bal), balanceFen: Math.abs(bal) });
    rows.push({ kind: 'year', date: lastDay(p), voucherId: null, voucher: '', summary: '本年累计', memberName: '', debitFen: ytdD, creditFen: ytdC, dir: direction(bal), balanceFen: Math.abs(bal) });
  }
  const closing = keys.reduce((s, k) => s + (b.closing.get(k) ?? 0), 0);
  return {
    coopName: book.coopName,
    account: { id: account.id, code: account.code, name: account.fullName, memberDim: account.memberDim },
    memberName: member ? (listCoopMembers(store, book.coopId).find((m) => m.id === member)?.name ?? `#${member}`) : '',
    from: input.from,
    to: input.to,
    total: rows.length,
    rows: rows.slice(input.offset, input.offset + input.limit),
    /** Closing from the balance rows; equals the last running balance (the journal and balances agree). */
    closing: { dir: direction(closing), balanceFen: Math.abs(closing) },
  };
}

/** 序时账: posted vouchers in date order with their lines, paged by voucher. */
export function journal(store: Store, input: { bookId: number; from: string; to: string; offset: number; limit: number }) {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const where = "book_id = ? AND period BETWEEN ? AND ? AND status = 'posted'";
  const head = store.sqlite.prepare(`SELECT count(*) AS n, COALESCE(sum(debit_total_fen), 0) AS total FROM ledger_vouchers WHERE ${where}`).get(book.id, input.from, input.to) as {
    n: number;
    total: number;
  };
  const vouchers = store.sqlite
    .prepare(`SELECT id, kind, number, date FROM ledger_vouchers WHERE ${where} ORDER BY date, kind, number LIMIT ? OFFSET ?`)
    .all(book.id, input.from, input.to, input.limit, input.offset) as { id: number; kind: VoucherKind; number: number; date: string }[];
  const names = new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name]));
  const linesOf = store.sqlite.prepare(
    'SELECT summary, account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen FROM ledger_voucher_lines WHERE voucher_id = ? ORDER BY line_no',
  );
  const rows = vouchers.flatMap((v) =>
    (linesOf.all(v.id) as { summary: string; accountId: number; memberId: number; debitFen: number; creditFen: number }[]).map((l, i) => {
      const a = idx.get(l.accountId);
      return {
        voucherId: v.id,
        first: i === 0,
        date: v.date,
        voucher: `${v.kind}-${v.number}`,
        summary: l.summary,
        accountCode: a.code,
        accountName: a.fullName,
        memberName: l.memberId ? (names.get(l.memberId) ?? `#${l.memberId}`) : '',
        debitFen: l.debitFen,
        creditFen: l.creditFen,
      };
    }),
  );
  return { coopName: book.coopName, from: input.from, to: input.to, vouchers: head.n, totalFen: head.total, rows };
}
