import type { Store, Actor } from '../db/store';
import { AppError } from '../../../shared/errors';
import { periodLabel } from './dates';
import { stmt } from './sql';

export interface Book {
  id: number;
  coopId: number;
  coopName: string;
  startPeriod: string;
  status: 'setup' | 'active';
  voucherKinds: 'general' | 'split';
  patronageBasis: 'amount' | 'volume';
  subsidyQuantify: 'capital' | 'equal';
  reserveQuantify: 'patronage' | 'capital';
  headName: string;
  cashierName: string;
  createdAt: string;
  version: number;
}

const BOOK_SQL = `SELECT b.id, b.coop_id AS coopId, COALESCE(o.name, '') AS coopName, b.start_period AS startPeriod, b.status,
  b.voucher_kinds AS voucherKinds, b.patronage_basis AS patronageBasis, b.subsidy_quantify AS subsidyQuantify,
  b.reserve_quantify AS reserveQuantify, b.head_name AS headName, b.cashier_name AS cashierName, b.created_at AS createdAt, b.version
  FROM ledger_books b LEFT JOIN orgs o ON o.id = b.coop_id`;

export function findBook(store: Store, bookId: number): Book | undefined {
  return stmt(store.sqlite, `${BOOK_SQL} WHERE b.id = ?`).get(bookId) as Book | undefined;
}

export function requireBook(store: Store, bookId: number): Book {
  const b = findBook(store, bookId);
  if (!b) throw new AppError('NOT_FOUND', `账套 #${bookId} 不存在`);
  return b;
}

export function requireActive(book: Book): void {
  if (book.status !== 'active') throw new AppError('REFUSED', `“${book.coopName}”的账套尚未启用：请先录入期初余额并试算平衡后启用`);
}

export type PeriodStatus = 'open' | 'closed';

export function periodStatus(store: Store, bookId: number, period: string): PeriodStatus | null {
  const r = stmt(store.sqlite, 'SELECT status FROM ledger_periods WHERE book_id = ? AND period = ?').get(bookId, period) as { status: PeriodStatus } | undefined;
  return r?.status ?? null;
}

/** Years that have periods in this book, ascending. */
export function bookYears(store: Store, bookId: number): number[] {
  return (store.sqlite.prepare("SELECT DISTINCT CAST(substr(period, 1, 4) AS INTEGER) FROM ledger_periods WHERE book_id = ? ORDER BY 1").pluck().all(bookId) as number[]);
}

export function firstOpenPeriod(store: Store, bookId: number): string | null {
  return (store.sqlite.prepare("SELECT min(period) FROM ledger_periods WHERE book_id = ? AND status = 'open'").pluck().get(bookId) as string | null) ?? null;
}

export function lastClosedPeriod(store: Store, bookId: number): string | null {
  return (store.sqlite.prepare("SELECT max(period) FROM ledger_periods WHERE book_id = ? AND status = 'closed'").pluck().get(bookId) as string | null) ?? null;
}

export function closedError(period: string): AppError {
  return new AppError('REFUSED', `${periodLabel(period)}已结账，不能录入、修改或记账该期间的凭证（如需更正请由管理员反结账）`, { date: `${periodLabel(period)}已结账` });
}

/** The user's display name for signatures on vouchers. */
export function actorName(store: Store, actor: Actor): string {
  if (actor.userId === null) return actor.username;
  return (stmt(store.sqlite, 'SELECT display_name AS n FROM users WHERE id = ?').get(actor.userId) as { n: string } | undefined)?.n ?? actor.username;
}
