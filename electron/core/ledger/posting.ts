import type Database from 'better-sqlite3';
import { yearOf, monthOf } from './dates';

/** One posted amount as the balance tables see it. */
export interface PostingLine {
  accountId: number;
  /** 0 when the account has no member dimension. */
  memberId: number;
  debitFen: number;
  creditFen: number;
}

/** A change to one balance row; memberId 0 is the account row, > 0 the member row. */
export interface BalanceDelta {
  year: number;
  month: number;
  accountId: number;
  memberId: number;
  d: number;
  c: number;
  /** The closing-transfer part (account rows only). */
  cd: number;
  cc: number;
}

/**
 * What posting `lines` in `period` does to the balance tables: the month row, the year-total row (13),
 * and the opening row (month 0) of every later year that already exists, for the account and, when the
 * line names a member, for the member. The benchmark's bulk loader accumulates the same deltas, so the
 * generated balances are exactly what posting would have written.
 */
export function balanceDeltas(period: string, lines: readonly PostingLine[], laterYears: readonly number[], closing: boolean): BalanceDelta[] {
  const year = yearOf(period);
  const month = monthOf(period);
  const merged = new Map<string, PostingLine>();
  for (const l of lines) {
    const key = `${l.accountId}:${l.memberId}`;
    const m = merged.get(key);
    if (m) {
      m.debitFen += l.debitFen;
      m.creditFen += l.creditFen;
    } else merged.set(key, { ...l });
  }
  const out: BalanceDelta[] = [];
  const push = (y: number, mo: number, l: PostingLine, memberId: number, withClose: boolean) =>
    out.push({ year: y, month: mo, accountId: l.accountId, memberId, d: l.debitFen, c: l.creditFen, cd: withClose ? l.debitFen : 0, cc: withClose ? l.creditFen : 0 });
  for (const l of merged.values()) {
    push(year, month, l, 0, closing);
    push(year, 13, l, 0, closing);
    for (const y of laterYears) push(y, 0, l, 0, false);
    if (l.memberId > 0) {
      push(year, month, l, l.memberId, false);
      push(year, 13, l, l.memberId, false);
      for (const y of laterYears) push(y, 0, l, l.memberId, false);
    }
  }
  return out;
}

interface Statements {
  account: Database.Statement;
  member: Database.Statement;
  laterYears: Database.Statement;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      account: db.prepare(
        `INSERT INTO ledger_balances (book_id, year, month, account_id, debit_fen, credit_fen, close_debit_fen, close_credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (book_id, year, month, account_id) DO UPDATE SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen,
           close_debit_fen = close_debit_fen + excluded.close_debit_fen, close_credit_fen = close_credit_fen + excluded.close_credit_fen`,
      ),
      member: db.prepare(
        `INSERT INTO ledger_member_balances (book_id, year, month, account_id, member_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (book_id, year, month, account_id, member_id) DO UPDATE SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen`,
      ),
      laterYears: db.prepare("SELECT DISTINCT CAST(substr(period, 1, 4) AS INTEGER) FROM ledger_periods WHERE book_id = ? AND period > ?").pluck(),
    };
    cache.set(db, s);
  }
  return s;
}

export function applyDeltas(db: Database.Database, bookId: number, deltas: readonly BalanceDelta[]): void {
  const s = statements(db);
  for (const d of deltas) {
    if (d.memberId === 0) s.account.run(bookId, d.year, d.month, d.accountId, d.d, d.c, d.cd, d.cc);
    else s.member.run(bookId, d.year, d.month, d.accountId, d.memberId, d.d, d.c);
  }
}

export function laterYears(db: Database.Database, bookId: number, period: string): number[] {
  return statements(db).laterYears.all(bookId, `${yearOf(period)}-12`) as number[];
}

/** Adds a voucher's lines to the balances; runs inside the posting transaction. */
export function postToBalances(db: Database.Database, bookId: number, period: string, lines: readonly PostingLine[], closing: boolean): void {
  applyDeltas(db, bookId, balanceDeltas(period, lines, laterYears(db, bookId, period), closing));
}
