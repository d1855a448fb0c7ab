import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { CHART_2021, PRESET_SUBS, type AccountClass, type Side } from './chart2021';
import { pinyinKeys } from '../search/pinyin';
import { requireBook } from './books-read';

export interface Account {
  id: number;
  bookId: number;
  code: string;
  name: string;
  parentId: number | null;
  cls: AccountClass;
  side: Side;
  memberDim: boolean;
  tag: '' | 'poverty';
  builtin: boolean;
  active: boolean;
  pyInitials: string;
  version: number;
  /** Derived: 1 for the chart's accounts, +1 per detail level. */
  level: number;
  leaf: boolean;
  /** "102 银行存款 / 10201 农商行": the full name used on vouchers and in lookups. */
  fullName: string;
}

interface Row {
  id: number;
  book_id: number;
  code: string;
  name: string;
  parent_id: number | null;
  cls: AccountClass;
  side: Side;
  member_dim: number;
  tag: '' | 'poverty';
  builtin: number;
  active: number;
  py_initials: string;
  version: number;
}

/** All accounts of a book ordered by code, with level, leaf flag and full name worked out. */
export function loadAccounts(store: Store, bookId: number): Account[] {
  const rows = store.sqlite.prepare('SELECT * FROM ledger_accounts WHERE book_id = ? ORDER BY code').all(bookId) as Row[];
  const byId = new Map<number, Account>();
  const parents = new Set(rows.map((r) => r.parent_id).filter((p): p is number => p !== null));
  const out: Account[] = [];
  for (const r of rows) {
    const parent = r.parent_id !== null ? byId.get(r.parent_id) : undefined;
    const a: Account = {
      id: r.id,
      bookId: r.book_id,
      code: r.code,
      name: r.name,
      parentId: r.parent_id,
      cls: r.cls,
      side: r.side,
      memberDim: r.member_dim === 1,
      tag: r.tag,
      builtin: r.builtin === 1,
      active: r.active === 1,
      pyInitials: r.py_initials,
      version: r.version,
      level: parent ? parent.level + 1 : 1,
      leaf: !parents.has(r.id),
      fullName: parent ? `${parent.fullName}/${r.name}` : r.name,
    };
    byId.set(a.id, a);
    out.push(a);
  }
  return out;
}

export class AccountIndex {
  readonly byId: Map<number, Account>;
  readonly byCode: Map<string, Account>;
  constructor(readonly list: Account[]) {
    this.byId = new Map(list.map((a) => [a.id, a]));
    this.byCode = new Map(list.map((a) => [a.code, a]));
  }
  /** The account and everything below it, by code prefix. */
  subtree(code: string): Account[] {
    return this.list.filter((a) => a.code.startsWith(code));
  }
  leavesUnder(code: string): Account[] {
    return this.subtree(code).filter((a) => a.leaf);
  }
  top(a: Account): Account {
    let cur = a;
    while (cur.parentId !== null) cur = this.byId.get(cur.parentId)!;
    return cur;
  }
  get(id: number): Account {
    const a = this.byId.get(id);
    if (!a) throw new AppError('NOT_FOUND', `科目 #${id} 不存在`);
    return a;
  }
}

export const accountIndex = (store: Store, bookId: number) => new AccountIndex(loadAccounts(store, bookId));

/** Inserts the 2021 chart and its preset details into a new book (inside the caller's transaction). */
export function preloadChart(store: Store, bookId: number): number {
  const now = store.now();
  const insert = store.sqlite.prepare(
    `INSERT INTO ledger_accounts (book_id, code, name, parent_id, cls, side, member_dim, builtin, py_initials, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  );
  const ids = new Map<string, number>();
  for (const a of CHART_2021) {
    const r = insert.run(bookId, a.code, a.name, null, a.cls, a.side, a.memberDim ? 1 : 0, pinyinKeys(a.name).initials, now, now);
    ids.set(a.code, Number(r.lastInsertRowid));
  }
  for (const s of PRESET_SUBS) {
    const parent = CHART_2021.find((a) => a.code === s.parent)!;
    insert.run(bookId, s.code, s.name, ids.get(s.parent)!, parent.cls, parent.side, parent.memberDim ? 1 : 0, pinyinKeys(s.name).initials, now, now);
  }
  return CHART_2021.length + PRESET_SUBS.length;
}

/** True when anything (opening balance or any voucher line, draft or posted) refers to the account. */
export function accountInUse(store: Store, bookId: number, accountId: number): boolean {
  const opening = store.sqlite.prepare('SELECT 1 FROM ledger_opening WHERE book_id = ? AND account_id = ? AND (debit_fen <> 0 OR credit_fen <> 0)').get(bookId, accountId);
  const lines = store.sqlite.prepare('SELECT 1 FROM ledger_voucher_lines WHERE book_id = ? AND account_id = ? LIMIT 1').get(bookId, accountId);
  return opening !== undefined || lines !== undefined;
}

export interface NewAccount {
  bookId: number;
  parentId: number;
  code: string;
  name: string;
  memberDim: boolean;
  tag: '' | 'poverty';
}

/**
 * A detail account (明细科目) takes its parent's code plus two digits. An account that already carries
 * balances or entries cannot get details: its posted entries would then sit on a non-leaf account and
 * posted entries never move.
 */
export function createAccount(store: Store, actor: Actor, input: NewAccount): Account {
  return store.write(actor, 'ledger.accounts.create', (audit) => {
    requireBook(store, input.bookId);
    const idx = accountIndex(store, input.bookId);
    const parent = idx.byId.get(input.parentId);
    if (!parent || parent.bookId !== input.bookId) throw fieldError('parentId', '上级科目不存在');
    if (!new RegExp(`^${parent.code}\\d{2}$`).test(input.code)) throw fieldError('code', `科目编码应为上级编码 ${parent.code} 加两位数字，如 ${parent.code}01`);
    if (idx.byCode.has(input.code)) throw fieldError('code', `科目编码 ${input.code} 已存在`, 'DUPLICATE');
    if (idx.list.some((a) => a.parentId === parent.id && a.name === input.name)) throw fieldError('name', `“${parent.name}”下已有明细科目“${input.name}”`, 'DUPLICATE');
    if (parent.leaf && accountInUse(store, input.bookId, parent.id))
      throw new AppError('REFUSED', `科目 ${parent.code} ${parent.name} 已有期初余额或凭证分录，不能再增设明细科目；已记账的分录不能改挂到明细科目上`);
    const memberDim = parent.memberDim || input.memberDim;
    if (input.tag === 'poverty' && !parent.code.startsWith('301')) throw fieldError('tag', '只有股金（301）的明细科目可以标记为扶贫项目资产出资');
    const now = store.now();
    const r = store.sqlite
      .prepare(
        `INSERT INTO ledger_accounts (book_id, code, name, parent_id, cls, side, member_dim, tag, builtin, py_initials, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      )
      .run(input.bookId, input.code, input.name, parent.id, parent.cls, parent.side, memberDim ? 1 : 0, input.tag, pinyinKeys(input.name).initials, now, now);
    const id = Number(r.lastInsertRowid);
    audit.record({ entity: 'ledger_account', ids: [id], summary: { book: input.bookId, code: input.code, name: input.name, memberDim } });
    return accountIndex(store, input.bookId).get(id);
  });
}

export interface AccountPatch {
  id: number;
  version: number;
  name: string;
  memberDim: boolean;
  active: boolean;
  tag: '' | 'poverty';
}

export function updateAccount(store: Store, actor: Actor, input: AccountPatch): Account {
  return store.write(actor, 'ledger.accounts.update', (audit) => {
    const row = store.sqlite.prepare('SELECT book_id AS bookId FROM ledger_accounts WHERE id = ?').get(input.id) as { bookId: number } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `科目 #${input.id} 不存在`);
    const idx = accountIndex(store, row.bookId);
    const a = idx.get(input.id);
    if (a.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (a.builtin && input.name !== a.name) throw fieldError('name', '制度规定的科目名称不能修改');
    if (input.memberDim !== a.memberDim) {
      if (a.builtin && a.memberDim) throw fieldError('memberDim', `${a.code} ${a.name} 按制度必须按成员核算`);
      const parent = a.parentId !== null ? idx.get(a.parentId) : null;
      if (!input.memberDim && parent?.memberDim) throw fieldError('memberDim', `上级科目 ${parent.code} 按成员核算，明细科目也必须按成员核算`);
      const used = idx.subtree(a.code).some((s) => accountInUse(store, a.bookId, s.id));
      if (used) throw fieldError('memberDim', '科目已有余额或分录，不能更改是否按成员核算', 'REFUSED');
    }
    if (input.tag !== a.tag && !a.code.startsWith('301')) throw fieldError('tag', '只有股金（301）的明细科目可以标记为扶贫项目资产出资');
    if (input.name !== a.name && idx.list.some((s) => s.parentId === a.parentId && s.id !== a.id && s.name === input.name))
      throw fieldError('name', `同级已有科目“${input.name}”`, 'DUPLICATE');
    const now = store.now();
    store.sqlite
      .prepare('UPDATE ledger_accounts SET name = ?, member_dim = ?, active = ?, tag = ?, py_initials = ?, updated_at = ?, version = version + 1 WHERE id = ?')
      .run(input.name, input.memberDim ? 1 : 0, input.active ? 1 : 0, input.tag, pinyinKeys(input.name).initials, now, a.id);
    // A member-dimension mark flows down to the details, which must agree with their parent.
    if (input.memberDim && !a.memberDim) store.sqlite.prepare("UPDATE ledger_accounts SET member_dim = 1 WHERE book_id = ? AND code LIKE ? || '%'").run(a.bookId, a.code);
    audit.record({
      entity: 'ledger_account',
      ids: [a.id],
      summary: { before: { name: a.name, memberDim: a.memberDim, active: a.active, tag: a.tag }, after: { name: input.name, memberDim: input.memberDim, active: input.active, tag: input.tag } },
    });
    return accountIndex(store, a.bookId).get(a.id);
  });
}
