import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { preloadChart } from './accounts';
import { requireBook, type Book } from './books-read';
import { getCoop, listCoops } from './members';
import { ensureYear } from './years';
import { yearOf } from './dates';

export interface NewBook {
  coopId: number;
  startPeriod: string;
  voucherKinds: 'general' | 'split';
}

/** A set of books for a cooperative from the registry, with the 2021 chart and the first year's periods. */
export function createBook(store: Store, actor: Actor, input: NewBook): Book {
  return store.write(actor, 'ledger.books.create', (audit) => {
    const coop = getCoop(store, input.coopId);
    if (!coop) throw fieldError('coopId', '所选单位不存在或不是农民专业合作社');
    const existing = store.sqlite.prepare('SELECT id FROM ledger_books WHERE coop_id = ?').pluck().get(input.coopId);
    if (existing !== undefined) throw fieldError('coopId', `“${coop.name}”已经建账`, 'DUPLICATE');
    if (yearOf(input.startPeriod) < 2000) throw fieldError('startPeriod', '启用期间不能早于 2000 年');
    const now = store.now();
    const r = store.sqlite
      .prepare("INSERT INTO ledger_books (coop_id, start_period, status, voucher_kinds, created_at, updated_at) VALUES (?, ?, 'setup', ?, ?, ?)")
      .run(input.coopId, input.startPeriod, input.voucherKinds, now, now);
    const id = Number(r.lastInsertRowid);
    const accounts = preloadChart(store, id);
    const book = requireBook(store, id);
    ensureYear(store, book, yearOf(input.startPeriod));
    audit.record({ entity: 'ledger_book', ids: [id], summary: { coop: coop.name, startPeriod: input.startPeriod, accounts } });
    return book;
  });
}

export interface BookSettings {
  id: number;
  version: number;
  voucherKinds: 'general' | 'split';
  patronageBasis: 'amount' | 'volume';
  subsidyQuantify: 'capital' | 'equal';
  reserveQuantify: 'patronage' | 'capital';
  headName: string;
  cashierName: string;
}

export function updateBook(store: Store, actor: Actor, input: BookSettings): Book {
  return store.write(actor, 'ledger.books.update', (audit) => {
    const before = requireBook(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    store.sqlite
      .prepare(
        `UPDATE ledger_books SET voucher_kinds = ?, patronage_basis = ?, subsidy_quantify = ?, reserve_quantify = ?, head_name = ?, cashier_name = ?,
         updated_at = ?, version = version + 1 WHERE id = ?`,
      )
      .run(input.voucherKinds, input.patronageBasis, input.subsidyQuantify, input.reserveQuantify, input.headName, input.cashierName, store.now(), input.id);
    const after = requireBook(store, input.id);
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const k of ['voucherKinds', 'patronageBasis', 'subsidyQuantify', 'reserveQuantify', 'headName', 'cashierName'] as const)
      if (before[k] !== after[k]) changed[k] = { from: before[k], to: after[k] };
    audit.record({ entity: 'ledger_book', ids: [input.id], summary: changed });
    return after;
  });
}

export interface CoopBooks {
  coopId: number;
  coopName: string;
  pyInitials: string;
  bookId: number | null;
}

/** Every cooperative in the registry with its set of books, if any. */
export function listCoopBooks(store: Store): CoopBooks[] {
  const books = new Map((store.sqlite.prepare('SELECT coop_id, id FROM ledger_books').raw().all() as [number, number][]).map(([c, b]) => [c, b]));
  return listCoops(store).map((c) => ({ coopId: c.id, coopName: c.name, pyInitials: c.pyInitials, bookId: books.get(c.id) ?? null }));
}

