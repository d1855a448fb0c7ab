import type { Store, Actor } from '../db/store';
import { AppError } from '../../../shared/errors';
import { accountIndex } from './accounts';
import { actorName, closedError, periodStatus, requireActive, requireBook, type Book } from './books-read';
import { checkPeriodOpen, checkVoucher, kindLabel, type CheckedLine, type CheckedVoucher, type VoucherInput, type VoucherKind } from './voucher-rules';
import { postToBalances } from './posting';
import { monthDay } from './dates';
import { stmt } from './sql';

export type VoucherSource = 'manual' | 'import' | 'reversal' | 'close' | 'yearend' | 'distribution';
export type VoucherStatus = 'draft' | 'reviewed' | 'posted';

/** Sources whose postings are closing transfers (excluded from the surplus statement's activity). */
export const CLOSING_SOURCES: readonly VoucherSource[] = ['close', 'yearend'];

export interface VoucherRow {
  id: number;
  book_id: number;
  period: string;
  kind: VoucherKind;
  number: number;
  date: string;
  summary: string;
  attachments: number;
  status: VoucherStatus;
  source: VoucherSource;
  reverses_id: number | null;
  debit_total_fen: number;
  preparer_id: number | null;
  preparer_name: string;
  reviewer_id: number | null;
  reviewer_name: string;
  poster_name: string;
  version: number;
}

export function voucherRow(store: Store, id: number): VoucherRow {
  const v = stmt(store.sqlite, 'SELECT * FROM ledger_vouchers WHERE id = ?').get(id) as VoucherRow | undefined;
  if (!v) throw new AppError('NOT_FOUND', `凭证 #${id} 不存在`);
  return v;
}

const label = (v: Pick<VoucherRow, 'kind' | 'number'>) => `${v.kind}-${v.number}`;

/**
 * The next number in a book, period and kind: one past the last, or the lowest gap left by a deleted draft
 * that could not be closed up because a posted voucher followed it.
 */
export function nextNumber(store: Store, bookId: number, period: string, kind: VoucherKind): number {
  return numberAllocator(store, bookId)(period, kind);
}

/**
 * Numbers for new vouchers, lowest free first, per period and kind: each slot's used numbers are read
 * once, so a 50,000-voucher import does not read its month again for every voucher.
 */
export function numberAllocator(store: Store, bookId: number): (period: string, kind: VoucherKind) => number {
  const slots = new Map<string, { used: Set<number>; next: number }>();
  const read = stmt(store.sqlite, 'SELECT number FROM ledger_vouchers WHERE book_id = ? AND period = ? AND kind = ?');
  return (period, kind) => {
    const key = `${period}|${kind}`;
    let slot = slots.get(key);
    if (!slot) slots.set(key, (slot = { used: new Set(read.pluck().all(bookId, period, kind) as number[]), next: 1 }));
    while (slot.used.has(slot.next)) slot.next++;
    slot.used.add(slot.next);
    return slot.next;
  };
}

/**
 * After a voucher leaves a number, later unposted vouchers move up one so numbering stays continuous.
 * Posted vouchers never change, so when one follows, the gap stays and the next new voucher takes it.
 */
function closeGap(store: Store, bookId: number, period: string, kind: VoucherKind, number: number): void {
  const later = store.sqlite.prepare('SELECT id, number, status FROM ledger_vouchers WHERE book_id = ? AND period = ? AND kind = ? AND number > ? ORDER BY number').all(bookId, period, kind, number) as {
    id: number;
    number: number;
    status: VoucherStatus;
  }[];
  if (later.some((v) => v.status === 'posted')) return;
  const move = store.sqlite.prepare('UPDATE ledger_vouchers SET number = number - 1 WHERE id = ?');
  for (const v of later) move.run(v.id);
}

function insertLines(store: Store, voucherId: number, v: CheckedVoucher): void {
  const ins = stmt(
    store.sqlite,
    `INSERT INTO ledger_voucher_lines (voucher_id, book_id, line_no, summary, account_id, member_id, debit_fen, credit_fen, date, posted, product, qty_milli, unit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  );
  v.lines.forEach((l, i) => ins.run(voucherId, v.bookId, i + 1, l.summary, l.accountId, l.memberId || null, l.debitFen, l.creditFen, v.date, l.product, l.qtyMilli, l.unit));
}

export interface Signer {
  id: number | null;
  name: string;
}

/** Stores a checked voucher as a draft; the one insert path for manual, imported and generated vouchers. */
export function insertVoucher(store: Store, v: CheckedVoucher, opts: { preparer: Signer; source: VoucherSource; reversesId?: number | null; ref?: string; number?: number }): number {
  const now = store.now();
  const number = opts.number ?? nextNumber(store, v.bookId, v.period, v.kind);
  const r = stmt(
    store.sqlite,
    `INSERT INTO ledger_vouchers (book_id, period, kind, number, date, summary, attachments, status, source, reverses_id, debit_total_fen, preparer_id, preparer_name, ref, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.bookId, v.period, v.kind, number, v.date, v.lines[0]!.summary, v.attachments, opts.source, opts.reversesId ?? null, v.debitTotalFen, opts.preparer.id, opts.preparer.name, opts.ref ?? '', now, now);
  const id = Number(r.lastInsertRowid);
  insertLines(store, id, v);
  return id;
}

/** Posts one reviewed voucher: lines and voucher become immutable and the balances move, all in the caller's transaction. */
export function postRow(store: Store, v: VoucherRow, posterName: string): void {
  if (periodStatus(store, v.book_id, v.period) === 'closed') throw closedError(v.period);
  const lines = stmt(store.sqlite, 'SELECT account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen FROM ledger_voucher_lines WHERE voucher_id = ?').all(v.id) as { accountId: number; memberId: number; debitFen: number; creditFen: number }[];
  const now = store.now();
  stmt(store.sqlite, 'UPDATE ledger_voucher_lines SET posted = 1 WHERE voucher_id = ?').run(v.id);
  stmt(store.sqlite, "UPDATE ledger_vouchers SET status = 'posted', poster_name = ?, posted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(posterName, now, now, v.id);
  postToBalances(store.sqlite, v.book_id, v.period, lines, CLOSING_SOURCES.includes(v.source));
}

/** Generated vouchers (closing transfers, distribution) are reviewed by the system and posted at once. */
export function insertPosted(store: Store, v: CheckedVoucher, opts: { preparer: Signer; source: VoucherSource; reversesId?: number | null }): number {
  const id = insertVoucher(store, v, opts);
  stmt(store.sqlite, "UPDATE ledger_vouchers SET status = 'reviewed', reviewer_name = '系统自动', reviewed_at = ? WHERE id = ?").run(store.now(), id);
  postRow(store, voucherRow(store, id), opts.preparer.name);
  return id;
}

export type SaveInput = VoucherInput & { id?: number | undefined; version?: number | undefined };

export function saveVoucher(store: Store, actor: Actor, input: SaveInput): number {
  return store.write(actor, input.id ? 'ledger.vouchers.update' : 'ledger.vouchers.create', (audit) => {
    const book = requireBook(store, input.bookId);
    requireActive(book);
    const checked = checkVoucher(store, book, accountIndex(store, book.id), input);
    const me: Signer = { id: actor.userId, name: actorName(store, actor) };
    if (!input.id) {
      const id = insertVoucher(store, checked, { preparer: me, source: 'manual' });
      const v = voucherRow(store, id);
      audit.record({ entity: 'ledger_voucher', ids: [id], summary: { book: book.id, voucher: label(v), period: v.period, debitFen: v.debit_total_fen } });
      return id;
    }
    const before = voucherRow(store, input.id);
    if (before.book_id !== book.id) throw new AppError('VALIDATION', '凭证不属于该账套');
    if (before.status === 'posted') throw new AppError('REFUSED', `凭证 ${label(before)} 已记账，不能修改；请用红字凭证冲销`);
    if (before.status === 'reviewed') throw new AppError('REFUSED', `凭证 ${label(before)} 已审核，请先取消审核再修改`);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (periodStatus(store, book.id, before.period) === 'closed') throw closedError(before.period);
    let number = before.number;
    const moved = before.period !== checked.period || before.kind !== checked.kind;
    if (moved) {
      // Park the voucher out of its slot, close the gap it leaves, then give it a number in the new slot.
      store.sqlite.prepare('UPDATE ledger_vouchers SET number = -id WHERE id = ?').run(before.id);
      closeGap(store, book.id, before.period, before.kind, before.number);
      number = nextNumber(store, book.id, checked.period, checked.kind);
    }
    store.sqlite.prepare('DELETE FROM ledger_voucher_lines WHERE voucher_id = ?').run(before.id);
    store.sqlite
      .prepare(
        `UPDATE ledger_vouchers SET period = ?, kind = ?, number = ?, date = ?, summary = ?, attachments = ?, debit_total_fen = ?, preparer_id = ?, preparer_name = ?,
         updated_at = ?, version = version + 1 WHERE id = ?`,
      )
      .run(checked.period, checked.kind, number, checked.date, checked.lines[0]!.summary, checked.attachments, checked.debitTotalFen, me.id, me.name, store.now(), before.id);
    insertLines(store, before.id, checked);
    audit.record({
      entity: 'ledger_voucher',
      ids: [before.id],
      summary: { book: book.id, before: { voucher: label(before), debitFen: before.debit_total_fen }, after: { voucher: `${checked.kind}-${number}`, debitFen: checked.debitTotalFen } },
    });
    return before.id;
  });
}

export function deleteVoucher(store: Store, actor: Actor, input: { id: number; version: number }): { ok: true } {
  return store.write(actor, 'ledger.vouchers.delete', (audit) => {
    const v = voucherRow(store, input.id);
    if (v.status !== 'draft') throw new AppError('REFUSED', v.status === 'posted' ? `凭证 ${label(v)} 已记账，不能删除；请用红字凭证冲销` : `凭证 ${label(v)} 已审核，请先取消审核`);
    if (v.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (periodStatus(store, v.book_id, v.period) === 'closed') throw closedError(v.period);
    store.sqlite.prepare('DELETE FROM ledger_voucher_lines WHERE voucher_id = ?').run(v.id);
    store.sqlite.prepare('DELETE FROM ledger_vouchers WHERE id = ?').run(v.id);
    closeGap(store, v.book_id, v.period, v.kind, v.number);
    audit.record({ entity: 'ledger_voucher', ids: [v.id], summary: { book: v.book_id, deleted: label(v), period: v.period, debitFen: v.debit_total_fen } });
    return { ok: true as const };
  });
}

function selectIds(store: Store, bookId: number, status: VoucherStatus, period: string): number[] {
  return store.sqlite
    .prepare(`SELECT id FROM ledger_vouchers WHERE book_id = ? AND status = ? AND (? = '' OR period <= ?) ORDER BY period, kind, number`)
    .pluck()
    .all(bookId, status, period, period) as number[];
}

/** Review (审核) by someone other than the preparer; a batch is all or nothing. */
export function reviewVouchers(store: Store, actor: Actor, input: { ids: number[] }): { reviewed: number } {
  return store.write(actor, 'ledger.vouchers.review', (audit) => {
    if (input.ids.length === 0) throw new AppError('VALIDATION', '请选择要审核的凭证');
    const name = actorName(store, actor);
    const now = store.now();
    for (const id of input.ids) {
      const v = voucherRow(store, id);
      if (v.status !== 'draft') throw new AppError('REFUSED', `凭证 ${label(v)} ${v.status === 'posted' ? '已记账' : '已审核'}，不需要再审核`);
      if (v.preparer_id !== null && v.preparer_id === actor.userId)
        throw new AppError('REFUSED', `审核人不能是制单人：凭证 ${label(v)} 由 ${v.preparer_name} 制单，请由其他会计审核`);
      if (periodStatus(store, v.book_id, v.period) === 'closed') throw closedError(v.period);
      stmt(store.sqlite, "UPDATE ledger_vouchers SET status = 'reviewed', reviewer_id = ?, reviewer_name = ?, reviewed_at = ?, updated_at = ?, version = version + 1 WHERE id = ?").run(actor.userId, name, now, now, id);
    }
    audit.record({ entity: 'ledger_voucher', ids: input.ids, summary: { reviewed: input.ids.length } });
    return { reviewed: input.ids.length };
  });
}

/** Reviews every draft up to a period that someone else prepared; the user's own drafts are left and counted. */
export function reviewAll(store: Store, actor: Actor, input: { bookId: number; period: string }): { reviewed: number; skippedOwn: number } {
  requireBook(store, input.bookId);
  const ids = selectIds(store, input.bookId, 'draft', input.period);
  const own = ids.filter((id) => voucherRow(store, id).preparer_id === actor.userId);
  const others = ids.filter((id) => !own.includes(id));
  if (others.length === 0) return { reviewed: 0, skippedOwn: own.length };
  return { ...reviewVouchers(store, actor, { ids: others }), skippedOwn: own.length };
}

export function unreviewVouchers(store: Store, actor: Actor, input: { ids: number[] }): { unreviewed: number } {
  return store.write(actor, 'ledger.vouchers.unreview', (audit) => {
    if (input.ids.length === 0) throw new AppError('VALIDATION', '请选择凭证');
    for (const id of input.ids) {
      const v = voucherRow(store, id);
      if (v.status === 'posted') throw new AppError('REFUSED', `凭证 ${label(v)} 已记账，不能取消审核；请用红字凭证冲销`);
      if (v.status !== 'reviewed') throw new AppError('REFUSED', `凭证 ${label(v)} 尚未审核`);
      if (v.reviewer_id !== actor.userId && actor.role !== 'admin') throw new AppError('REFUSED', `凭证 ${label(v)} 由 ${v.reviewer_name} 审核，只有审核人或管理员可以取消审核`);
      store.sqlite.prepare("UPDATE ledger_vouchers SET status = 'draft', reviewer_id = NULL, reviewer_name = '', reviewed_at = NULL, updated_at = ?, version = version + 1 WHERE id = ?").run(store.now(), id);
    }
    audit.record({ entity: 'ledger_voucher', ids: input.ids, summary: { unreviewed: input.ids.length } });
    return { unreviewed: input.ids.length };
  });
}

/** Posting (记账) of reviewed vouchers, all or nothing. */
export function postVouchers(store: Store, actor: Actor, input: { ids: number[] }): { posted: number } {
  return store.write(actor, 'ledger.vouchers.post', (audit) => {
    if (input.ids.length === 0) throw new AppError('VALIDATION', '请选择要记账的凭证');
    const name = actorName(store, actor);
    for (const id of input.ids) {
      const v = voucherRow(store, id);
      if (v.status === 'posted') throw new AppError('REFUSED', `凭证 ${label(v)} 已记账`);
      if (v.status !== 'reviewed') throw new AppError('REFUSED', `凭证 ${label(v)} 尚未审核，不能记账`);
      postRow(store, v, name);
    }
    audit.record({ entity: 'ledger_voucher', ids: input.ids, summary: { posted: input.ids.length } });
    return { posted: input.ids.length };
  });
}

export function postAll(store: Store, actor: Actor, input: { bookId: number; period: string }): { posted: number } {
  requireBook(store, input.bookId);
  const ids = selectIds(store, input.bookId, 'reviewed', input.period);
  return ids.length ? postVouchers(store, actor, { ids }) : { posted: 0 };
}

/** The red lines that cancel `original`: same accounts and sides, amounts and quantities negated. */
export function reversalOf(book: Book, original: VoucherRow, lines: CheckedLine[], date: string, period: string, summary: string): CheckedVoucher {
  return {
    bookId: book.id,
    date,
    period,
    kind: original.kind,
    attachments: 0,
    lines: lines.map((l) => ({ ...l, summary, debitFen: -l.debitFen, creditFen: -l.creditFen, qtyMilli: -l.qtyMilli })),
    debitTotalFen: -original.debit_total_fen,
  };
}

export function voucherLines(store: Store, voucherId: number): CheckedLine[] {
  return store.sqlite
    .prepare(
      `SELECT summary, account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen, product, qty_milli AS qtyMilli, unit
       FROM ledger_voucher_lines WHERE voucher_id = ? ORDER BY line_no`,
    )
    .all(voucherId) as CheckedLine[];
}

export function reversalOfId(store: Store, id: number): number | null {
  return (stmt(store.sqlite, 'SELECT id FROM ledger_vouchers WHERE reverses_id = ? LIMIT 1').get(id) as { id: number } | undefined)?.id ?? null;
}

/**
 * A red voucher "注销某月某日某号凭证" that cancels a posted voucher; it goes through review and posting
 * like any other. The correct entry is then made as a new voucher.
 */
export function reverseVoucher(store: Store, actor: Actor, input: { id: number; date: string }): number {
  return store.write(actor, 'ledger.vouchers.reverse', (audit) => {
    const original = voucherRow(store, input.id);
    const book = requireBook(store, original.book_id);
    if (original.status !== 'posted') throw new AppError('REFUSED', `凭证 ${label(original)} 尚未记账，可直接修改或删除，不需要冲销`);
    if (CLOSING_SOURCES.includes(original.source)) throw new AppError('REFUSED', '结账自动生成的凭证不能手工冲销；如需更正请由管理员反结账');
    if (original.reverses_id !== null) throw new AppError('REFUSED', '红字冲销凭证不能再冲销；如有错误请另做凭证');
    const existing = reversalOfId(store, original.id);
    if (existing !== null) throw new AppError('REFUSED', `凭证 ${label(original)} 已被 ${label(voucherRow(store, existing))} 冲销`);
    const period = checkPeriodOpen(store, book, input.date);
    const summary = `注销${monthDay(original.date)}${kindLabel(original.kind, original.number)}凭证`;
    const red = reversalOf(book, original, voucherLines(store, original.id), input.date, period, summary);
    const id = insertVoucher(store, red, { preparer: { id: actor.userId, name: actorName(store, actor) }, source: 'reversal', reversesId: original.id });
    audit.record({ entity: 'ledger_voucher', ids: [id, original.id], summary: { book: book.id, reverses: label(original), voucher: label(voucherRow(store, id)) } });
    return id;
  });
}

