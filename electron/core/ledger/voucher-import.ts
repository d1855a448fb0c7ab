import type { Store, Actor } from '../db/store';
import { AppError } from '../../../shared/errors';
import { accountIndex } from './accounts';
import { actorName, requireActive, requireBook } from './books-read';
import { readTable, mapColumns, cell } from '../io/table';
import { memberResolver, parseAmount, resolveAccount } from './import-common';
import { checkVoucher, type CheckedVoucher, type LineInput, type VoucherKind } from './voucher-rules';
import { insertVoucher, numberAllocator } from './vouchers';
import { periodOf } from './dates';

export interface VoucherImportRow {
  line: number;
  date: string;
  voucher: string;
  /** The number the voucher will get in these books. */
  newVoucher: string;
  summary: string;
  accountCode: string;
  accountName: string;
  member: string;
  debitFen: number;
  creditFen: number;
  note: string;
  error: string;
}

export interface VoucherImportPreview {
  rows: VoucherImportRow[];
  totalRows: number;
  errors: number;
  vouchers: number;
  debitFen: number;
  creditFen: number;
}

/** Rows sent back to the screen; every row with an error is always included. */
const PREVIEW_ROWS = 2000;

/** Dates as Chinese software and Excel write them: 2024-03-05, 2024/3/5, 2024.3.5, 20240305. */
export function normalizeDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

const KINDS: Record<string, VoucherKind> = { 记: '记', 收: '收', 付: '付', 转: '转', 记账: '记', 收款: '收', 付款: '付', 转账: '转' };

interface Group {
  key: string;
  date: string;
  kind: VoucherKind;
  fileNumber: number;
  attachments: number;
  /** input is null for a row with its own error. */
  rows: { row: VoucherImportRow; input: LineInput | null }[];
}

interface Parsed {
  preview: VoucherImportPreview;
  vouchers: { group: Group; checked: CheckedVoucher }[];
}

/**
 * Reads vouchers in the layout most Chinese accounting software exports (日期, 凭证字, 凭证号, 摘要, 科目编码,
 * 科目名称, 借方金额, 贷方金额, optional 成员 and 附件数). Rows with the same period, kind and number form one
 * voucher, which must pass every rule a voucher entered by hand passes.
 */
async function parseVouchers(store: Store, bookId: number, name: string, bytes: Buffer, use2007: boolean): Promise<Parsed> {
  const book = requireBook(store, bookId);
  requireActive(book);
  const idx = accountIndex(store, book.id);
  const table = await readTable(name, bytes);
  const col = mapColumns(table.headers, {
    date: { names: ['日期', '凭证日期', '制单日期'], required: true },
    kind: { names: ['凭证字', '凭证类别', '凭证类型'], required: true },
    number: { names: ['凭证号', '凭证编号'], required: true },
    summary: { names: ['摘要'], required: true },
    code: { names: ['科目编码', '科目代码'], required: true },
    name: { names: ['科目名称', '科目'], required: false },
    debit: { names: ['借方金额', '借方'], required: true },
    credit: { names: ['贷方金额', '贷方'], required: true },
    member: { names: ['成员', '成员姓名', '成员编号'], required: false },
    attachments: { names: ['附件数', '附单据数', '附件'], required: false },
  });
  const member = memberResolver(store, book.coopId);
  const rows: VoucherImportRow[] = [];
  const groups = new Map<string, Group>();
  for (const r of table.rows) {
    const date = normalizeDate(cell(r.cells, col.date));
    const kindText = cell(r.cells, col.kind).replace(/(凭证|字)$/, '') || '记';
    const numberText = cell(r.cells, col.number);
    const row: VoucherImportRow = {
      line: r.line,
      date,
      voucher: `${kindText}-${numberText}`,
      newVoucher: '',
      summary: cell(r.cells, col.summary),
      accountCode: cell(r.cells, col.code),
      accountName: cell(r.cells, col.name),
      member: cell(r.cells, col.member),
      debitFen: 0,
      creditFen: 0,
      note: '',
      error: '',
    };
    rows.push(row);
    const kind = KINDS[kindText];
    if (!kind) {
      row.error = `凭证字“${kindText}”应为 记、收、付 或 转`;
      continue;
    }
    if (!/^\d+$/.test(numberText)) {
      row.error = `凭证号“${numberText}”应为数字`;
      continue;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      row.error = `日期“${date}”无法识别（如 2024-03-05）`;
      continue;
    }
    const key = `${periodOf(date)}|${kind}|${Number(numberText)}`;
    let g = groups.get(key);
    if (!g) {
      const att = Number(cell(r.cells, col.attachments) || 0);
      g = { key, date, kind, fileNumber: Number(numberText), attachments: Number.isInteger(att) && att >= 0 ? att : 0, rows: [] };
      groups.set(key, g);
    }
    const entry: Group['rows'][number] = { row, input: null };
    g.rows.push(entry);
    if (g.date !== date) {
      row.error = `同一张凭证（${row.voucher}）的日期不一致：${g.date} 与 ${date}`;
      continue;
    }
    const d = parseAmount(cell(r.cells, col.debit), '借方金额');
    const c = parseAmount(cell(r.cells, col.credit), '贷方金额');
    if ('error' in d || 'error' in c) {
      row.error = 'error' in d ? d.error : (c as { error: string }).error;
      continue;
    }
    row.debitFen = d.fen;
    row.creditFen = c.fen;
    const res = resolveAccount(idx, row.accountCode, row.accountName, use2007);
    if ('error' in res) {
      row.error = res.error;
      continue;
    }
    row.note = res.note;
    row.accountCode = res.account.code;
    row.accountName = res.account.fullName;
    let memberId = 0;
    if (res.account.memberDim) {
      const m = member(row.member);
      if ('error' in m) {
        row.error = m.error;
        continue;
      }
      memberId = m.id;
      row.member = m.name;
    } else if (row.member) {
      row.error = `${res.account.code} ${res.account.name} 不按成员核算，请不要填写成员`;
      continue;
    }
    entry.input = { summary: row.summary, accountId: res.account.id, memberId, debitFen: d.fen, creditFen: c.fen };
  }
  // Each voucher in file order within its period and kind, numbered after what the books already hold.
  const ordered = [...groups.values()].sort((a, b) => a.key.split('|')[0]!.localeCompare(b.key.split('|')[0]!) || a.kind.localeCompare(b.kind) || a.fileNumber - b.fileNumber);
  const numberFor = numberAllocator(store, book.id);
  const vouchers: Parsed['vouchers'] = [];
  for (const g of ordered) {
    const broken = g.rows.find((x) => x.row.error);
    if (broken) {
      for (const x of g.rows) if (!x.row.error) x.row.note = `凭证 ${x.row.voucher} 有错误（见第 ${broken.row.line} 行）`;
      continue;
    }
    try {
      const checked = checkVoucher(store, book, idx, { bookId: book.id, date: g.date, kind: g.kind, attachments: g.attachments, lines: g.rows.map((x) => x.input!) }, true);
      const n = numberFor(checked.period, checked.kind);
      for (const x of g.rows) x.row.newVoucher = `${g.kind}-${n}`;
      vouchers.push({ group: g, checked });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const field = Object.keys(e.fields ?? {})[0] ?? '';
      const at = /^lines\.(\d+)\./.exec(field);
      const target = at ? g.rows[Number(at[1])]!.row : g.rows[0]!.row;
      target.error = `凭证 ${target.voucher}：${e.message.replace(/^第 \d+ 行：/, '')}`;
      for (const x of g.rows) if (x.row !== target && !x.row.error) x.row.note = `凭证 ${target.voucher} 有错误（见第 ${target.line} 行）`;
    }
  }
  const withError = rows.filter((r) => r.error);
  const ok = rows.filter((r) => !r.error);
  return {
    preview: {
      rows: rows.filter((r, i) => r.error || i < PREVIEW_ROWS),
      totalRows: rows.length,
      errors: withError.length,
      vouchers: groups.size,
      debitFen: ok.reduce((s, r) => s + r.debitFen, 0),
      creditFen: ok.reduce((s, r) => s + r.creditFen, 0),
    },
    vouchers,
  };
}

export interface ImportInput {
  bookId: number;
  name: string;
  bytes: Buffer;
  map2007: boolean;
}

export async function previewVoucherImport(store: Store, input: ImportInput): Promise<VoucherImportPreview> {
  return (await parseVouchers(store, input.bookId, input.name, input.bytes, input.map2007)).preview;
}

/**
 * All or nothing: any row error refuses the file. Imported vouchers are drafts prepared by the importing
 * user, to be reviewed by someone else and posted like vouchers entered by hand.
 */
export async function commitVoucherImport(store: Store, actor: Actor, input: ImportInput): Promise<{ vouchers: number; lines: number; from: string; to: string }> {
  const parsed = await parseVouchers(store, input.bookId, input.name, input.bytes, input.map2007);
  if (parsed.preview.errors > 0) {
    const first = parsed.preview.rows.find((r) => r.error)!;
    throw new AppError('VALIDATION', `有 ${parsed.preview.errors} 行错误，未导入任何凭证（第 ${first.line} 行：${first.error}）`);
  }
  if (parsed.vouchers.length === 0) throw new AppError('VALIDATION', '文件里没有凭证');
  return store.write(actor, 'ledger.vouchers.importCommit', (audit) => {
    const book = requireBook(store, input.bookId);
    const idx = accountIndex(store, book.id);
    const me = { id: actor.userId, name: actorName(store, actor) };
    const numberFor = numberAllocator(store, book.id);
    let lines = 0;
    const ids: number[] = [];
    for (const { group, checked } of parsed.vouchers) {
      // Checked again inside the transaction: the period may have been closed since the preview.
      const fresh = checkVoucher(store, book, idx, { bookId: book.id, date: checked.date, kind: checked.kind, attachments: checked.attachments, lines: checked.lines });
      ids.push(insertVoucher(store, fresh, { preparer: me, source: 'import', ref: `${input.name} ${group.kind}-${group.fileNumber}`, number: numberFor(fresh.period, fresh.kind) }));
      lines += fresh.lines.length;
    }
    const dates = parsed.vouchers.map((v) => v.checked.date).sort();
    const result = { vouchers: ids.length, lines, from: dates[0]!, to: dates[dates.length - 1]! };
    audit.record({ entity: 'ledger_voucher', ids: [book.id], summary: { file: input.name, ...result } });
    return result;
  });
}
