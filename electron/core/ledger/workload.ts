import type { Store } from '../db/store';
import { listCoopBooks } from './books';
import { CLOSE_GRACE_DAYS } from './periods';
import { periodOf } from './dates';

export interface WorkloadRow {
  coopId: number;
  coopName: string;
  pyInitials: string;
  bookId: number | null;
  bookStatus: 'none' | 'setup' | 'active';
  drafts: number;
  reviewed: number;
  /** Who has drafts waiting for review: preparer name and count. */
  waiting: { preparer: string; drafts: number }[];
  lastClosed: string | null;
  firstOpen: string | null;
  overdue: number;
}

/**
 * The centre's start page: for every cooperative, what waits for review or posting, the last closed
 * period and how many periods are overdue for closing. Reads only unposted vouchers (a partial index)
 * and the period rows, so it stays quick with hundreds of books.
 */
export function workload(store: Store): { rows: WorkloadRow[]; today: string; graceDays: number } {
  const today = store.now().slice(0, 10);
  const cutoffDate = new Date(`${today}T00:00:00Z`);
  cutoffDate.setUTCDate(cutoffDate.getUTCDate() - CLOSE_GRACE_DAYS);
  const cutoff = periodOf(cutoffDate.toISOString());
  const pending = store.sqlite
    .prepare("SELECT book_id AS bookId, status, preparer_name AS preparer, count(*) AS n FROM ledger_vouchers WHERE status <> 'posted' GROUP BY book_id, status, preparer_name")
    .all() as { bookId: number; status: 'draft' | 'reviewed'; preparer: string; n: number }[];
  const periods = store.sqlite
    .prepare(
      `SELECT book_id AS bookId, max(CASE WHEN status = 'closed' THEN period END) AS lastClosed, min(CASE WHEN status = 'open' THEN period END) AS firstOpen,
       sum(CASE WHEN status = 'open' AND period < ? THEN 1 ELSE 0 END) AS overdue FROM ledger_periods GROUP BY book_id`,
    )
    .all(cutoff) as { bookId: number; lastClosed: string | null; firstOpen: string | null; overdue: number }[];
  const byBook = new Map(periods.map((p) => [p.bookId, p]));
  const status = new Map((store.sqlite.prepare('SELECT id, status FROM ledger_books').raw().all() as [number, 'setup' | 'active'][]).map(([id, s]) => [id, s]));
  const rows = listCoopBooks(store).map((c): WorkloadRow => {
    const mine = c.bookId ? pending.filter((p) => p.bookId === c.bookId) : [];
    const p = c.bookId ? byBook.get(c.bookId) : undefined;
    return {
      coopId: c.coopId,
      coopName: c.coopName,
      pyInitials: c.pyInitials,
      bookId: c.bookId,
      bookStatus: c.bookId ? (status.get(c.bookId) ?? 'setup') : 'none',
      drafts: mine.filter((m) => m.status === 'draft').reduce((s, m) => s + m.n, 0),
      reviewed: mine.filter((m) => m.status === 'reviewed').reduce((s, m) => s + m.n, 0),
      waiting: mine.filter((m) => m.status === 'draft').map((m) => ({ preparer: m.preparer, drafts: m.n })),
      lastClosed: p?.lastClosed ?? null,
      firstOpen: p?.firstOpen ?? null,
      overdue: p?.overdue ?? 0,
    };
  });
  return { rows, today, graceDays: CLOSE_GRACE_DAYS };
}
