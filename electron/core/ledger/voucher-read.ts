import type { Store } from '../db/store';
import { accountIndex } from './accounts';
import { requireBook } from './books-read';
import { listCoopMembers } from './members';
import { reversalOfId, voucherRow, type VoucherRow, type VoucherSource, type VoucherStatus } from './vouchers';
import type { VoucherKind } from './voucher-rules';

export interface VoucherLineView {
  lineNo: number;
  summary: string;
  accountId: number;
  accountCode: string;
  accountName: string;
  memberId: number;
  memberName: string;
  debitFen: number;
  creditFen: number;
  product: string;
  qtyMilli: number;
  unit: string;
}

export interface VoucherView {
  id: number;
  bookId: number;
  coopName: string;
  period: string;
  kind: VoucherKind;
  number: number;
  date: string;
  summary: string;
  attachments: number;
  status: VoucherStatus;
  source: VoucherSource;
  debitTotalFen: number;
  preparerName: string;
  reviewerName: string;
  posterName: string;
  preparerId: number | null;
  reviewerId: number | null;
  reverses: { id: number; label: string } | null;
  reversedBy: { id: number; label: string } | null;
  version: number;
  lines: VoucherLineView[];
}

const short = (v: Pick<VoucherRow, 'kind' | 'number'>) => `${v.kind}-${v.number}`;

export function getVoucher(store: Store, id: number): VoucherView {
  const v = voucherRow(store, id);
  const book = requireBook(store, v.book_id);
  const idx = accountIndex(store, v.book_id);
  const names = new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name]));
  const lines = store.sqlite
    .prepare(
      `SELECT line_no AS lineNo, summary, account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen, product, qty_milli AS qtyMilli, unit
       FROM ledger_voucher_lines WHERE voucher_id = ? ORDER BY line_no`,
    )
    .all(id) as Omit<VoucherLineView, 'accountCode' | 'accountName' | 'memberName'>[];
  const reversedBy = reversalOfId(store, id);
  return {
    id: v.id,
    bookId: v.book_id,
    coopName: book.coopName,
    period: v.period,
    kind: v.kind,
    number: v.number,
    date: v.date,
    summary: v.summary,
    attachments: v.attachments,
    status: v.status,
    source: v.source,
    debitTotalFen: v.debit_total_fen,
    preparerName: v.preparer_name,
    reviewerName: v.reviewer_name,
    posterName: v.poster_name,
    preparerId: v.preparer_id,
    reviewerId: v.reviewer_id,
    reverses: v.reverses_id !== null ? { id: v.reverses_id, label: short(voucherRow(store, v.reverses_id)) } : null,
    reversedBy: reversedBy !== null ? { id: reversedBy, label: short(voucherRow(store, reversedBy)) } : null,
    version: v.version,
    lines: lines.map((l) => {
      const a = idx.get(l.accountId);
      return { ...l, accountCode: a.code, accountName: a.fullName, memberName: l.memberId ? (names.get(l.memberId) ?? `#${l.memberId}`) : '' };
    }),
  };
}

export interface VoucherFilter {
  bookId: number;
  from: string;
  to: string;
  status: VoucherStatus | '';
  kind: VoucherKind | '';
  q: string;
  offset: number;
  limit: number;
}

export interface VoucherListRow {
  id: number;
  period: string;
  kind: VoucherKind;
  number: number;
  date: string;
  summary: string;
  attachments: number;
  status: VoucherStatus;
  source: VoucherSource;
  debitTotalFen: number;
  preparerName: string;
  reviewerName: string;
  posterName: string;
  preparerId: number | null;
  reviewerId: number | null;
  version: number;
}

/** Vouchers of a book in number order within each period, filtered and paged. */
export function listVouchers(store: Store, f: VoucherFilter): { total: number; rows: VoucherListRow[] } {
  const where = ['book_id = ?'];
  const args: unknown[] = [f.bookId];
  if (f.from) {
    where.push('period >= ?');
    args.push(f.from);
  }
  if (f.to) {
    where.push('period <= ?');
    args.push(f.to);
  }
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.kind) {
    where.push('kind = ?');
    args.push(f.kind);
  }
  if (f.q) {
    where.push("(summary LIKE ? ESCAPE '\\' OR id IN (SELECT voucher_id FROM ledger_voucher_lines WHERE book_id = ? AND summary LIKE ? ESCAPE '\\'))");
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, f.bookId, like);
  }
  const w = where.join(' AND ');
  const total = store.sqlite.prepare(`SELECT count(*) FROM ledger_vouchers WHERE ${w}`).pluck().get(...args) as number;
  const rows = store.sqlite
    .prepare(
      `SELECT id, period, kind, number, date, summary, attachments, status, source, debit_total_fen AS debitTotalFen, preparer_name AS preparerName,
       reviewer_name AS reviewerName, poster_name AS posterName, preparer_id AS preparerId, reviewer_id AS reviewerId, version
       FROM ledger_vouchers WHERE ${w} ORDER BY period DESC, kind, number DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as VoucherListRow[];
  return { total, rows };
}

/** Summaries used recently in this book, most frequent first, for the entry screen's suggestions. */
export function recentSummaries(store: Store, bookId: number): string[] {
  requireBook(store, bookId);
  return store.sqlite
    .prepare(
      `SELECT summary FROM ledger_voucher_lines WHERE voucher_id IN (SELECT id FROM ledger_vouchers WHERE book_id = ? ORDER BY id DESC LIMIT 500)
       GROUP BY summary ORDER BY count(*) DESC, max(id) DESC LIMIT 200`,
    )
    .pluck()
    .all(bookId) as string[];
}
