import type Database from 'better-sqlite3';
import type { Store } from '../db/store';
import { yearOf, monthOf } from './dates';

/** Activity on a side; cd/cc is the part that came from closing transfers. */
export interface Movement {
  d: number;
  c: number;
  cd: number;
  cc: number;
}

export function addTo(map: Map<string, Movement>, key: string, d: number, c: number, cd: number, cc: number): void {
  const m = map.get(key);
  if (m) {
    m.d += d;
    m.c += c;
    m.cd += cd;
    m.cc += cc;
  } else map.set(key, { d, c, cd, cc });
}

/**
 * Balances of leaf accounts (key "accountId") or of members on member-dimension accounts (key
 * "accountId:memberId") over a period range. Opening and closing are nets, debit positive.
 */
export interface RangeBalances {
  opening: Map<string, number>;
  period: Map<string, Movement>;
  ytd: Map<string, Movement>;
  closing: Map<string, number>;
}

type RawRow = [month: number, key: string, d: number, c: number, cd: number, cc: number];

const stmtCache = new WeakMap<Database.Database, Record<string, Database.Statement>>();

function stmt(db: Database.Database, name: string, sql: string): Database.Statement {
  let c = stmtCache.get(db);
  if (!c) stmtCache.set(db, (c = {}));
  return (c[name] ??= db.prepare(sql).raw());
}

function accountRows(db: Database.Database, bookId: number, year: number, from: number, to: number): RawRow[] {
  return stmt(
    db,
    'acc',
    `SELECT month, CAST(account_id AS TEXT), debit_fen, credit_fen, close_debit_fen, close_credit_fen FROM ledger_balances
     WHERE book_id = ? AND year = ? AND month BETWEEN ? AND ?`,
  ).all(bookId, year, from, to) as RawRow[];
}

function memberRows(db: Database.Database, bookId: number, year: number, from: number, to: number, memberId: number | null): RawRow[] {
  if (memberId !== null)
    return stmt(
      db,
      'memOne',
      `SELECT month, account_id || ':' || member_id, debit_fen, credit_fen, 0, 0 FROM ledger_member_balances
       WHERE book_id = ? AND member_id = ? AND year = ? AND month BETWEEN ? AND ?`,
    ).all(bookId, memberId, year, from, to) as RawRow[];
  return stmt(
    db,
    'mem',
    `SELECT month, account_id || ':' || member_id, debit_fen, credit_fen, 0, 0 FROM ledger_member_balances
     WHERE book_id = ? AND year = ? AND month BETWEEN ? AND ?`,
  ).all(bookId, year, from, to) as RawRow[];
}

/**
 * Reads at most 14 rows per account (or member) whatever the history: the year's opening row (month 0,
 * which already holds every earlier year) and the months up to the end of the range.
 */
function range(read: (year: number, from: number, to: number) => RawRow[], from: string, to: string): RangeBalances {
  const y1 = yearOf(from);
  const m1 = monthOf(from);
  const y2 = yearOf(to);
  const m2 = monthOf(to);
  const opening = new Map<string, number>();
  const period = new Map<string, Movement>();
  const ytd = new Map<string, Movement>();
  const first = read(y1, 0, y1 === y2 ? m2 : 12);
  for (const [month, key, d, c, cd, cc] of first) {
    if (month < m1) opening.set(key, (opening.get(key) ?? 0) + d - c);
    else if (y1 < y2 || month <= m2) addTo(period, key, d, c, cd, cc);
    if (y1 === y2 && month >= 1) addTo(ytd, key, d, c, cd, cc);
  }
  for (let y = y1 + 1; y <= y2; y++) {
    const rows = y === y2 ? read(y, 1, m2) : read(y, 13, 13);
    for (const [, key, d, c, cd, cc] of rows) {
      addTo(period, key, d, c, cd, cc);
      if (y === y2) addTo(ytd, key, d, c, cd, cc);
    }
  }
  const closing = new Map(opening);
  for (const [key, m] of period) closing.set(key, (closing.get(key) ?? 0) + m.d - m.c);
  return { opening, period, ytd, closing };
}

export function accountBalances(store: Store, bookId: number, from: string, to: string): RangeBalances {
  return range((y, a, b) => accountRows(store.sqlite, bookId, y, a, b), from, to);
}

/** Member balances of every member (memberId null) or of one member. */
export function memberBalances(store: Store, bookId: number, from: string, to: string, memberId: number | null = null): RangeBalances {
  return range((y, a, b) => memberRows(store.sqlite, bookId, y, a, b, memberId), from, to);
}

/** Closing net (debit positive) of each leaf account at the end of `period`. */
export function closingNets(store: Store, bookId: number, period: string): Map<string, number> {
  const y = yearOf(period);
  const m = monthOf(period);
  const out = new Map<string, number>();
  for (const [, key, d, c] of accountRows(store.sqlite, bookId, y, 0, m)) out.set(key, (out.get(key) ?? 0) + d - c);
  return out;
}
