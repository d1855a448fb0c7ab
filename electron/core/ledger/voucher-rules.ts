import type { Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money';
import { isValidDate } from '../../../shared/zod';
import { CODES } from './chart2021';
import type { AccountIndex } from './accounts';
import { bookYears, closedError, periodStatus, type Book } from './books-read';
import { isMemberOf } from './members';
import { periodOf, periodLabel, yearOf } from './dates';
import { ensureYear } from './years';

export type VoucherKind = '记' | '收' | '付' | '转';

export interface LineInput {
  summary: string;
  accountId: number;
  /** 0 when the account has no member dimension. */
  memberId: number;
  debitFen: number;
  creditFen: number;
  product?: string;
  qtyMilli?: number;
  unit?: string;
}

export interface VoucherInput {
  bookId: number;
  date: string;
  kind: VoucherKind;
  attachments: number;
  lines: LineInput[];
}

export interface CheckedLine {
  summary: string;
  accountId: number;
  memberId: number;
  debitFen: number;
  creditFen: number;
  product: string;
  qtyMilli: number;
  unit: string;
}

export interface CheckedVoucher {
  bookId: number;
  date: string;
  period: string;
  kind: VoucherKind;
  attachments: number;
  lines: CheckedLine[];
  debitTotalFen: number;
}

export const kindLabel = (kind: VoucherKind, number: number) => `${kind}字第${number}号`;

/**
 * Makes sure the date can take a voucher: inside the books, in an open period. A period of the year after
 * the last opened one is opened on first use, so January can be entered before December is closed.
 */
export function checkPeriodOpen(store: Store, book: Book, date: string, dryRun = false): string {
  if (!isValidDate(date)) throw fieldError('date', '日期不是有效日期（格式 YYYY-MM-DD）');
  const period = periodOf(date);
  if (period < book.startPeriod) throw fieldError('date', `日期早于账套启用期间 ${periodLabel(book.startPeriod)}`);
  let status = periodStatus(store, book.id, period);
  if (status === null) {
    const years = bookYears(store, book.id);
    const next = (years[years.length - 1] ?? yearOf(book.startPeriod) - 1) + 1;
    if (yearOf(period) !== next) throw fieldError('date', `${yearOf(period)} 年不在账套范围内（已开启至 ${next - 1} 年）`);
    // A preview must not write: it only checks that the year could be opened.
    if (dryRun) return period;
    ensureYear(store, book, yearOf(period));
    status = periodStatus(store, book.id, period);
  }
  if (status === 'closed') throw closedError(period);
  return period;
}

const isCash = (code: string) => CODES.cashLike.some((c) => code.startsWith(c));

/**
 * Every rule a voucher must meet before it is stored (会计基础工作规范 arts. 50-53 and the 2021 chart):
 * at least two lines, leaf accounts of this book, a member of this cooperative on member-dimension
 * accounts, one side per line, debits equal to credits, and the kind matching the cash accounts used.
 */
export function checkVoucher(store: Store, book: Book, idx: AccountIndex, input: VoucherInput, dryRun = false): CheckedVoucher {
  if (input.bookId !== book.id) throw new AppError('VALIDATION', '凭证不属于该账套');
  const period = checkPeriodOpen(store, book, input.date, dryRun);
  const allowed: VoucherKind[] = book.voucherKinds === 'general' ? ['记'] : ['收', '付', '转'];
  if (!allowed.includes(input.kind)) throw fieldError('kind', book.voucherKinds === 'general' ? '本账套只使用“记”字凭证（可在账套设置中改用收/付/转）' : '本账套使用收、付、转字凭证');
  if (!Number.isInteger(input.attachments) || input.attachments < 0 || input.attachments > 999) throw fieldError('attachments', '附件张数应为 0-999 的整数');
  const lines: CheckedLine[] = [];
  let summary = '';
  input.lines.forEach((l, i) => {
    const at = (f: string, msg: string) => fieldError(`lines.${i}.${f}`, `第 ${i + 1} 行：${msg}`);
    summary = l.summary.trim() || summary;
    if (!summary) throw at('summary', '摘要不能为空');
    if (summary.length > 200) throw at('summary', '摘要不能超过200个字');
    const a = idx.byId.get(l.accountId);
    if (!a) throw at('accountId', '请选择科目');
    if (!a.leaf) throw at('accountId', `${a.code} ${a.name} 有明细科目，请选择明细科目`);
    if (!a.active) throw at('accountId', `${a.code} ${a.name} 已停用`);
    if (a.memberDim) {
      if (!l.memberId) throw at('memberId', `${a.code} ${a.name} 按成员核算，请选择成员`);
      if (!isMemberOf(store, book.coopId, l.memberId)) throw at('memberId', '所选成员不属于本合作社');
    } else if (l.memberId) throw at('memberId', `${a.code} ${a.name} 不按成员核算，不能指定成员`);
    if (!Number.isSafeInteger(l.debitFen) || !Number.isSafeInteger(l.creditFen)) throw at('debitFen', '金额必须精确到分');
    if (l.debitFen !== 0 && l.creditFen !== 0) throw at('debitFen', '一行只能填借方或贷方');
    if (l.debitFen === 0 && l.creditFen === 0) throw at('debitFen', '请填写借方或贷方金额');
    const product = (l.product ?? '').trim();
    const qtyMilli = l.qtyMilli ?? 0;
    if ((product || qtyMilli) && !a.memberDim) throw at('product', '只有按成员核算的科目可以登记成员交易');
    if (qtyMilli && !product) throw at('product', '填写了交易数量，请填写产品');
    if (!Number.isSafeInteger(qtyMilli)) throw at('qtyMilli', '数量最多三位小数');
    lines.push({ summary, accountId: a.id, memberId: a.memberDim ? l.memberId : 0, debitFen: l.debitFen, creditFen: l.creditFen, product, qtyMilli, unit: (l.unit ?? '').trim() });
  });
  if (lines.length < 2) throw fieldError('lines', '凭证至少需要两行分录');
  const debit = lines.reduce((s, l) => s + l.debitFen, 0);
  const credit = lines.reduce((s, l) => s + l.creditFen, 0);
  if (debit !== credit) throw fieldError('lines', `借贷不平衡：借方合计 ${formatFen(debit)}，贷方合计 ${formatFen(credit)}，差额 ${formatFen(debit - credit)}`);
  if (debit === 0) throw fieldError('lines', '凭证金额合计不能为零');
  if (book.voucherKinds === 'split') {
    const code = (id: number) => idx.get(id).code;
    if (input.kind === '收' && !lines.some((l) => l.debitFen !== 0 && isCash(code(l.accountId)))) throw fieldError('kind', '收款凭证的借方应为库存现金、银行存款或其他货币资金');
    if (input.kind === '付' && !lines.some((l) => l.creditFen !== 0 && isCash(code(l.accountId)))) throw fieldError('kind', '付款凭证的贷方应为库存现金、银行存款或其他货币资金');
    if (input.kind === '转' && lines.some((l) => isCash(code(l.accountId)))) throw fieldError('kind', '涉及现金或银行存款的业务请用收款或付款凭证');
  }
  return { bookId: book.id, date: input.date, period, kind: input.kind, attachments: input.attachments, lines, debitTotalFen: debit };
}
