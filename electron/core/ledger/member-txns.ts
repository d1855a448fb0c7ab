import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { requireActive, requireBook, closedError, periodStatus } from './books-read';
import { isMemberOf, listCoopMembers } from './members';
import { periodOf } from './dates';
import { checkPeriodOpen } from './voucher-rules';

/** A member's transaction with the cooperative (交易量 / 交易额), from the register or from a posted voucher line. */
export interface MemberTxn {
  id: number;
  source: 'register' | 'voucher';
  voucherId: number | null;
  voucher: string;
  memberId: number;
  memberName: string;
  date: string;
  product: string;
  unit: string;
  qtyMilli: number;
  amountFen: number;
  summary: string;
  version: number;
}

const VOUCHER_TXNS = `SELECT l.id, 'voucher' AS source, l.voucher_id AS voucherId, v.kind || '-' || v.number AS voucher, l.member_id AS memberId, l.date, l.product, l.unit,
  l.qty_milli AS qtyMilli, l.debit_fen + l.credit_fen AS amountFen, l.summary, 0 AS version
  FROM ledger_voucher_lines l JOIN ledger_vouchers v ON v.id = l.voucher_id
  WHERE l.book_id = ? AND l.posted = 1 AND l.product <> '' AND l.date BETWEEN ? AND ?`;
const REGISTER_TXNS = `SELECT id, 'register' AS source, NULL AS voucherId, '' AS voucher, member_id AS memberId, date, product, unit, qty_milli AS qtyMilli, amount_fen AS amountFen, summary, version
  FROM ledger_member_txns WHERE book_id = ? AND date BETWEEN ? AND ?`;

/**
 * All transactions in a date range. Voucher lines count once posted; their amount is the line's amount
 * (a red reversal subtracts).
 */
export function memberTxns(store: Store, bookId: number, from: string, to: string, memberId = 0): MemberTxn[] {
  const book = requireBook(store, bookId);
  const names = new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name]));
  const rows = store.sqlite
    .prepare(`SELECT * FROM (${VOUCHER_TXNS} UNION ALL ${REGISTER_TXNS}) WHERE (? = 0 OR memberId = ?) ORDER BY date, source, id`)
    .all(bookId, from, to, bookId, from, to, memberId, memberId) as Omit<MemberTxn, 'memberName'>[];
  return rows.map((r) => ({ ...r, memberName: names.get(r.memberId) ?? `#${r.memberId}` }));
}

export interface TxnInput {
  id?: number | undefined;
  version?: number | undefined;
  bookId: number;
  memberId: number;
  date: string;
  product: string;
  unit: string;
  qtyMilli: number;
  amountFen: number;
  summary: string;
}

/** Register entries follow the period lock: once a month is closed its transactions (the distribution basis) stay. */
export function saveTxn(store: Store, actor: Actor, input: TxnInput): MemberTxn {
  const id = store.write(actor, input.id ? 'ledger.txns.update' : 'ledger.txns.create', (audit) => {
    const book = requireBook(store, input.bookId);
    requireActive(book);
    checkPeriodOpen(store, book, input.date);
    if (!isMemberOf(store, book.coopId, input.memberId)) throw fieldError('memberId', '所选成员不属于本合作社');
    if (!input.product.trim()) throw fieldError('product', '产品不能为空');
    if (input.qtyMilli === 0 && input.amountFen === 0) throw fieldError('amountFen', '请填写交易数量或交易金额');
    const now = store.now();
    if (input.id) {
      const before = store.sqlite.prepare('SELECT book_id AS bookId, date, version FROM ledger_member_txns WHERE id = ?').get(input.id) as { bookId: number; date: string; version: number } | undefined;
      if (!before || before.bookId !== book.id) throw new AppError('NOT_FOUND', `交易记录 #${input.id} 不存在`);
      if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
      if (periodStatus(store, book.id, periodOf(before.date)) === 'closed') throw closedError(periodOf(before.date));
      store.sqlite
        .prepare('UPDATE ledger_member_txns SET member_id = ?, date = ?, product = ?, unit = ?, qty_milli = ?, amount_fen = ?, summary = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(input.memberId, input.date, input.product.trim(), input.unit.trim(), input.qtyMilli, input.amountFen, input.summary.trim(), now, input.id);
      audit.record({ entity: 'ledger_txn', ids: [input.id], summary: { book: book.id, member: input.memberId, product: input.product, amountFen: input.amountFen } });
      return input.id;
    }
    const r = store.sqlite
      .prepare('INSERT INTO ledger_member_txns (book_id, member_id, date, product, unit, qty_milli, amount_fen, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(book.id, input.memberId, input.date, input.product.trim(), input.unit.trim(), input.qtyMilli, input.amountFen, input.summary.trim(), now, now);
    const id = Number(r.lastInsertRowid);
    audit.record({ entity: 'ledger_txn', ids: [id], summary: { book: book.id, member: input.memberId, product: input.product, amountFen: input.amountFen } });
    return id;
  });
  return memberTxns(store, input.bookId, input.date, input.date).find((t) => t.source === 'register' && t.id === id)!;
}

export function deleteTxn(store: Store, actor: Actor, input: { id: number; version: number }): { ok: true } {
  return store.write(actor, 'ledger.txns.delete', (audit) => {
    const t = store.sqlite.prepare('SELECT book_id AS bookId, date, version FROM ledger_member_txns WHERE id = ?').get(input.id) as { bookId: number; date: string; version: number } | undefined;
    if (!t) throw new AppError('NOT_FOUND', `交易记录 #${input.id} 不存在`);
    if (t.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (periodStatus(store, t.bookId, periodOf(t.date)) === 'closed') throw closedError(periodOf(t.date));
    store.sqlite.prepare('DELETE FROM ledger_member_txns WHERE id = ?').run(input.id);
    audit.record({ entity: 'ledger_txn', ids: [input.id], summary: { book: t.bookId, deleted: true } });
    return { ok: true as const };
  });
}

/** Products already used in this book, with their unit, for suggestions and the volume basis. */
export function txnProducts(store: Store, bookId: number): { product: string; unit: string }[] {
  return store.sqlite
    .prepare(
      `SELECT product, max(unit) AS unit FROM (SELECT product, unit FROM ledger_member_txns WHERE book_id = ? UNION ALL SELECT product, unit FROM ledger_voucher_lines WHERE book_id = ? AND product <> '')
       GROUP BY product ORDER BY product`,
    )
    .all(bookId, bookId) as { product: string; unit: string }[];
}
