import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { requireBook, type Book } from './books-read';
import { accountIndex, type AccountIndex } from './accounts';
import { isMemberOf, listCoopMembers } from './members';
import { readTable, mapColumns, cell } from '../io/table';
import { memberResolver, parseAmount, resolveAccount } from './import-common';
import { applyDeltas, type BalanceDelta } from './posting';
import { yearOf } from './dates';

/** P&L accounts are emptied every period; a mid-year start carries the year's result in 331. */
const PNL_OPENING = '损益类科目没有期初余额；年初至启用前的累计盈余请录入 331 本年盈余';

export interface OpeningRow {
  accountId: number;
  memberId: number;
  debitFen: number;
  creditFen: number;
}

export interface OpeningView {
  status: Book['status'];
  startPeriod: string;
  rows: (OpeningRow & { code: string; accountName: string; memberName: string })[];
  debitFen: number;
  creditFen: number;
}

export function listOpening(store: Store, bookId: number): OpeningView {
  const book = requireBook(store, bookId);
  const idx = accountIndex(store, bookId);
  const names = new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name]));
  const rows = (
    store.sqlite.prepare('SELECT account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen FROM ledger_opening WHERE book_id = ?').all(bookId) as OpeningRow[]
  )
    .map((r) => {
      const a = idx.get(r.accountId);
      return { ...r, code: a.code, accountName: a.fullName, memberName: r.memberId ? (names.get(r.memberId) ?? `#${r.memberId}`) : '' };
    })
    .sort((a, b) => a.code.localeCompare(b.code) || a.memberName.localeCompare(b.memberName, 'zh-CN'));
  return {
    status: book.status,
    startPeriod: book.startPeriod,
    rows,
    debitFen: rows.reduce((s, r) => s + r.debitFen, 0),
    creditFen: rows.reduce((s, r) => s + r.creditFen, 0),
  };
}

function requireSetup(book: Book): void {
  if (book.status !== 'setup') throw new AppError('REFUSED', '账套已启用，期初余额不能再修改');
}

function checkRows(store: Store, book: Book, idx: AccountIndex, rows: OpeningRow[]): void {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const a = idx.byId.get(r.accountId);
    const at = (f: string, msg: string) => fieldError(`rows.${i}.${f}`, `第 ${i + 1} 行：${msg}`);
    if (!a || a.bookId !== book.id) throw at('accountId', '科目不存在');
    if (!a.leaf) throw at('accountId', `${a.code} ${a.name} 有明细科目，请在明细科目上录入余额`);
    if (a.cls === 'pnl') throw at('accountId', PNL_OPENING);
    if (a.memberDim && !r.memberId) throw at('memberId', `${a.code} ${a.name} 按成员核算，请选择成员`);
    if (!a.memberDim && r.memberId) throw at('memberId', `${a.code} ${a.name} 不按成员核算，不能指定成员`);
    if (r.memberId && !isMemberOf(store, book.coopId, r.memberId)) throw at('memberId', '所选成员不属于本合作社');
    if (r.debitFen !== 0 && r.creditFen !== 0) throw at('debitFen', '借方和贷方只能填一个');
    const key = `${r.accountId}:${r.memberId}`;
    if (seen.has(key)) throw at('accountId', `${a.code} ${a.name} 重复`);
    seen.add(key);
  });
}

function replaceRows(store: Store, bookId: number, rows: OpeningRow[]): void {
  store.sqlite.prepare('DELETE FROM ledger_opening WHERE book_id = ?').run(bookId);
  const ins = store.sqlite.prepare('INSERT INTO ledger_opening (book_id, account_id, member_id, debit_fen, credit_fen) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) if (r.debitFen !== 0 || r.creditFen !== 0) ins.run(bookId, r.accountId, r.memberId || null, r.debitFen, r.creditFen);
}

/** Replaces all opening balances; allowed only before the books are activated. */
export function saveOpening(store: Store, actor: Actor, input: { bookId: number; rows: OpeningRow[] }): OpeningView {
  store.write(actor, 'ledger.opening.save', (audit) => {
    const book = requireBook(store, input.bookId);
    requireSetup(book);
    checkRows(store, book, accountIndex(store, book.id), input.rows);
    replaceRows(store, book.id, input.rows);
    const d = input.rows.reduce((s, r) => s + r.debitFen, 0);
    const c = input.rows.reduce((s, r) => s + r.creditFen, 0);
    audit.record({ entity: 'ledger_opening', ids: [book.id], summary: { rows: input.rows.length, debitFen: d, creditFen: c } });
  });
  return listOpening(store, input.bookId);
}

/**
 * Opens the books for use once opening debits equal credits: the balances become the start year's
 * opening (month 0) rows, and vouchers can be entered from the start period on.
 */
export function activateBook(store: Store, actor: Actor, bookId: number): Book {
  return store.write(actor, 'ledger.opening.activate', (audit) => {
    const book = requireBook(store, bookId);
    requireSetup(book);
    const rows = store.sqlite.prepare('SELECT account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS debitFen, credit_fen AS creditFen FROM ledger_opening WHERE book_id = ?').all(bookId) as OpeningRow[];
    const d = rows.reduce((s, r) => s + r.debitFen, 0);
    const c = rows.reduce((s, r) => s + r.creditFen, 0);
    if (d !== c) throw new AppError('REFUSED', `期初余额借贷不平衡：借方合计 ${formatFen(d)}，贷方合计 ${formatFen(c)}，差额 ${formatFen(d - c)}`);
    const year = yearOf(book.startPeriod);
    const deltas: BalanceDelta[] = [];
    for (const r of rows) {
      deltas.push({ year, month: 0, accountId: r.accountId, memberId: 0, d: r.debitFen, c: r.creditFen, cd: 0, cc: 0 });
      if (r.memberId) deltas.push({ year, month: 0, accountId: r.accountId, memberId: r.memberId, d: r.debitFen, c: r.creditFen, cd: 0, cc: 0 });
    }
    applyDeltas(store.sqlite, bookId, deltas);
    store.sqlite.prepare("UPDATE ledger_books SET status = 'active', updated_at = ?, version = version + 1 WHERE id = ?").run(store.now(), bookId);
    audit.record({ entity: 'ledger_book', ids: [bookId], summary: { activated: true, debitFen: d, creditFen: c } });
    return requireBook(store, bookId);
  });
}

export interface OpeningPreviewRow {
  line: number;
  code: string;
  name: string;
  accountCode: string;
  accountName: string;
  member: string;
  debitFen: number;
  creditFen: number;
  /** 'total': a parent-account row that equals the sum of its details in the file (checked, not imported). */
  status: 'ok' | 'total' | 'error';
  note: string;
  error: string;
}

export interface OpeningPreview {
  rows: OpeningPreviewRow[];
  errors: number;
  debitFen: number;
  creditFen: number;
}

interface Parsed {
  preview: OpeningPreview;
  rows: OpeningRow[];
}

async function parseOpening(store: Store, bookId: number, name: string, bytes: Buffer, use2007: boolean): Promise<Parsed> {
  const book = requireBook(store, bookId);
  const idx = accountIndex(store, bookId);
  const table = await readTable(name, bytes);
  const col = mapColumns(table.headers, {
    code: { names: ['科目编码', '科目代码', '编码'], required: true },
    name: { names: ['科目名称', '名称'], required: false },
    debit: { names: ['期初借方', '期初借方余额', '借方余额', '借方'], required: true },
    credit: { names: ['期初贷方', '期初贷方余额', '贷方余额', '贷方'], required: true },
    member: { names: ['成员', '成员姓名', '成员编号'], required: false },
  });
  const member = memberResolver(store, book.coopId);
  const out: OpeningPreviewRow[] = [];
  const accepted: OpeningRow[] = [];
  const parentRows: { row: OpeningPreviewRow; code: string }[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const code = cell(r.cells, col.code);
    const rawName = cell(r.cells, col.name);
    const row: OpeningPreviewRow = { line: r.line, code, name: rawName, accountCode: '', accountName: '', member: cell(r.cells, col.member), debitFen: 0, creditFen: 0, status: 'ok', note: '', error: '' };
    out.push(row);
    const fail = (msg: string) => {
      row.status = 'error';
      row.error = msg;
    };
    const d = parseAmount(cell(r.cells, col.debit), '期初借方');
    const c = parseAmount(cell(r.cells, col.credit), '期初贷方');
    if ('error' in d) {
      fail(d.error);
      continue;
    }
    if ('error' in c) {
      fail(c.error);
      continue;
    }
    row.debitFen = d.fen;
    row.creditFen = c.fen;
    const res = resolveAccount(idx, code, rawName, use2007);
    if ('error' in res) {
      fail(res.error);
      continue;
    }
    row.accountCode = res.account.code;
    row.accountName = res.account.fullName;
    row.note = res.note;
    if (res.account.cls === 'pnl' && (d.fen !== 0 || c.fen !== 0)) {
      fail(PNL_OPENING);
      continue;
    }
    // A parent account, or a member-dimension account without a member, is the total of the rows below it.
    if (!res.account.leaf || (res.account.memberDim && !row.member)) {
      row.status = 'total';
      parentRows.push({ row, code: res.account.code });
      continue;
    }
    if (d.fen !== 0 && c.fen !== 0) {
      fail('借方和贷方只能填一个');
      continue;
    }
    let memberId = 0;
    if (res.account.memberDim) {
      const m = member(row.member);
      if ('error' in m) {
        fail(m.error);
        continue;
      }
      memberId = m.id;
      row.member = m.name;
    } else if (row.member) {
      fail(`${res.account.code} ${res.account.name} 不按成员核算，请不要填写成员`);
      continue;
    }
    const key = `${res.account.id}:${memberId}`;
    if (seen.has(key)) {
      fail(`与第 ${seen.get(key)} 行重复`);
      continue;
    }
    seen.set(key, r.line);
    accepted.push({ accountId: res.account.id, memberId, debitFen: d.fen, creditFen: c.fen });
  }
  // Exported balance lists repeat each parent account as the total of its details: check, do not double count.
  for (const { row, code } of parentRows) {
    const net = out.filter((r) => r.status === 'ok' && r.accountCode.startsWith(code)).reduce((s, r) => s + r.debitFen - r.creditFen, 0);
    if (net !== row.debitFen - row.creditFen) {
      row.status = 'error';
      row.error = `${code} 是合计行（有明细科目或按成员核算）：本行 ${formatFen(row.debitFen - row.creditFen)} 与文件中明细合计 ${formatFen(net)} 不符`;
    } else row.note = [row.note, '合计行，已与明细核对，不重复导入'].filter(Boolean).join('；');
  }
  const ok = out.filter((r) => r.status === 'ok');
  return {
    preview: {
      rows: out,
      errors: out.filter((r) => r.status === 'error').length,
      debitFen: ok.reduce((s, r) => s + r.debitFen, 0),
      creditFen: ok.reduce((s, r) => s + r.creditFen, 0),
    },
    rows: accepted,
  };
}

export async function previewOpeningImport(store: Store, input: { bookId: number; name: string; bytes: Buffer; map2007: boolean }): Promise<OpeningPreview> {
  requireSetup(requireBook(store, input.bookId));
  return (await parseOpening(store, input.bookId, input.name, input.bytes, input.map2007)).preview;
}

/** All or nothing: any row error refuses the file; otherwise the file's balances replace the current ones. */
export async function commitOpeningImport(store: Store, actor: Actor, input: { bookId: number; name: string; bytes: Buffer; map2007: boolean }): Promise<OpeningView> {
  const parsed = await parseOpening(store, input.bookId, input.name, input.bytes, input.map2007);
  if (parsed.preview.errors > 0) {
    const first = parsed.preview.rows.find((r) => r.status === 'error')!;
    throw new AppError('VALIDATION', `有 ${parsed.preview.errors} 行错误，未导入任何数据（第 ${first.line} 行：${first.error}）`);
  }
  store.write(actor, 'ledger.opening.importCommit', (audit) => {
    const book = requireBook(store, input.bookId);
    requireSetup(book);
    replaceRows(store, book.id, parsed.rows);
    audit.record({ entity: 'ledger_opening', ids: [book.id], summary: { file: input.name, rows: parsed.rows.length, debitFen: parsed.preview.debitFen, creditFen: parsed.preview.creditFen } });
  });
  return listOpening(store, input.bookId);
}
