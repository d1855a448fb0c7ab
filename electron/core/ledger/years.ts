import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { bookYears, type Book } from './books-read';
import { makePeriod, yearOf, monthOf } from './dates';

/**
 * Opens a fiscal year: its twelve periods, and its opening balances (month 0) carried forward from the
 * previous year's opening plus that year's total. Postings into an earlier year later on keep these rows
 * right (posting.ts adds to the month-0 row of every later year), so carrying forward happens once.
 */
export function ensureYear(store: Store, book: Book, year: number): void {
  const years = bookYears(store, book.id);
  if (years.includes(year)) return;
  const startYear = yearOf(book.startPeriod);
  const last = years.length ? years[years.length - 1]! : startYear - 1;
  if (year !== last + 1) throw new AppError('REFUSED', `${year} 年不在账套范围内（已开启至 ${last} 年）`, { date: `${year} 年尚未开启` });
  const firstMonth = year === startYear ? monthOf(book.startPeriod) : 1;
  const insert = store.sqlite.prepare("INSERT INTO ledger_periods (book_id, period, status, closed_by) VALUES (?, ?, 'open', '')");
  for (let m = firstMonth; m <= 12; m++) insert.run(book.id, makePeriod(year, m));
  if (year === startYear) return;
  store.sqlite
    .prepare(
      `INSERT INTO ledger_balances (book_id, year, month, account_id, debit_fen, credit_fen)
       SELECT book_id, ?, 0, account_id, sum(debit_fen), sum(credit_fen) FROM ledger_balances
       WHERE book_id = ? AND year = ? AND month IN (0, 13) GROUP BY account_id`,
    )
    .run(year, book.id, year - 1);
  store.sqlite
    .prepare(
      `INSERT INTO ledger_member_balances (book_id, year, month, account_id, member_id, debit_fen, credit_fen)
       SELECT book_id, ?, 0, account_id, member_id, sum(debit_fen), sum(credit_fen) FROM ledger_member_balances
       WHERE book_id = ? AND year = ? AND month IN (0, 13) GROUP BY account_id, member_id`,
    )
    .run(year, book.id, year - 1);
}
