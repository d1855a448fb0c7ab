import type { Store } from '../../db/store';
import { AppError } from '../../../../shared/errors';
import { accountIndex, type AccountIndex } from '../accounts';
import { memberBalances } from '../balances';
import { requireBook } from '../books-read';
import { CODES } from '../chart2021';
import { getCoopMember, listCoopMembers } from '../members';
import { memberTxns } from '../member-txns';
import { makePeriod, yearOf } from '../dates';

export type ShareKind = 'reserve' | 'subsidy' | 'donation';

export interface MemberStock {
  capitalPoverty: number;
  capitalOther: number;
  reserveShare: number;
  subsidyShare: number;
  donationShare: number;
}

export interface MemberAccountRow extends MemberStock {
  no: number;
  kind: 'opening' | 'entry' | 'closing';
  date: string;
  summary: string;
  voucherId: number | null;
  /** Per product: quantity (thousandths) and amount. */
  trade: Record<string, { qtyMilli: number; amountFen: number }>;
  patronage: number;
  remainder: number;
}

const emptyStock = (): MemberStock => ({ capitalPoverty: 0, capitalOther: 0, reserveShare: 0, subsidyShare: 0, donationShare: 0 });
const shareColumn: Record<ShareKind, keyof MemberStock> = { reserve: 'reserveShare', subsidy: 'subsidyShare', donation: 'donationShare' };

function capitalColumn(idx: AccountIndex, accountId: number): 'capitalPoverty' | 'capitalOther' {
  return idx.get(accountId).tag === 'poverty' ? 'capitalPoverty' : 'capitalOther';
}

/** Distributions whose every voucher has a posted red reversal: they no longer stand, nor do their shares. */
export const VOIDED_DISTRIBUTIONS = `SELECT d.id FROM ledger_distributions d WHERE NOT EXISTS (
  SELECT 1 FROM json_each(d.voucher_ids) j WHERE NOT EXISTS (SELECT 1 FROM ledger_vouchers r WHERE r.reverses_id = j.value AND r.status = 'posted'))`;
const STANDING = `(distribution_id IS NULL OR distribution_id NOT IN (${VOIDED_DISTRIBUTIONS}))`;

/** Quantified shares per member up to (and excluding) a date. */
export function sharesBefore(store: Store, bookId: number, date: string): Map<number, Record<ShareKind, number>> {
  const out = new Map<number, Record<ShareKind, number>>();
  for (const r of store.sqlite.prepare(`SELECT member_id AS m, kind, sum(amount_fen) AS v FROM ledger_member_shares WHERE book_id = ? AND date < ? AND ${STANDING} GROUP BY member_id, kind`).all(bookId, date) as {
    m: number;
    kind: ShareKind;
    v: number;
  }[]) {
    const cur = out.get(r.m) ?? { reserve: 0, subsidy: 0, donation: 0 };
    cur[r.kind] += r.v;
    out.set(r.m, cur);
  }
  return out;
}

/**
 * 成员账户 for one member and year (农民专业合作社法 art. 43): contribution by source, quantified reserve,
 * subsidy and donation shares, transactions by product, and the surplus returned and distributed, with
 * the opening row, every dated entry and the closing row.
 */
export function memberAccount(store: Store, input: { bookId: number; memberId: number; year: number }) {
  const book = requireBook(store, input.bookId);
  const member = getCoopMember(store, book.coopId, input.memberId);
  if (!member) throw new AppError('NOT_FOUND', '该成员不属于本合作社');
  const idx = accountIndex(store, book.id);
  const year = input.year;
  const from = year === yearOf(book.startPeriod) ? book.startPeriod : makePeriod(year, 1);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const opening = emptyStock();
  const mb = memberBalances(store, book.id, from, makePeriod(year, 12), member.id);
  for (const a of idx.leavesUnder(CODES.capital)) opening[capitalColumn(idx, a.id)] -= mb.opening.get(`${a.id}:${member.id}`) ?? 0;
  const before = sharesBefore(store, book.id, first).get(member.id);
  if (before) for (const k of Object.keys(shareColumn) as ShareKind[]) opening[shareColumn[k]] += before[k];

  const entries: Omit<MemberAccountRow, 'no'>[] = [];
  const entry = (date: string, summary: string, voucherId: number | null): Omit<MemberAccountRow, 'no'> => ({
    ...emptyStock(),
    kind: 'entry',
    date,
    summary,
    voucherId,
    trade: {},
    patronage: 0,
    remainder: 0,
  });
  const ledgerAccounts = [...idx.leavesUnder(CODES.capital), ...idx.leavesUnder(CODES.patronagePayable), ...idx.leavesUnder(CODES.remainderPayable)];
  const lines = store.sqlite
    .prepare(
      `SELECT l.voucher_id AS voucherId, l.date, l.summary, l.account_id AS accountId, l.debit_fen AS d, l.credit_fen AS c
       FROM ledger_voucher_lines l WHERE l.book_id = ? AND l.account_id IN (${ledgerAccounts.map(() => '?').join(',')}) AND l.member_id = ? AND l.posted = 1 AND l.date BETWEEN ? AND ?
       ORDER BY l.date, l.id`,
    )
    .all(book.id, ...ledgerAccounts.map((a) => a.id), member.id, first, last) as { voucherId: number; date: string; summary: string; accountId: number; d: number; c: number }[];
  for (const l of lines) {
    const code = idx.get(l.accountId).code;
    const e = entry(l.date, l.summary, l.voucherId);
    if (code.startsWith(CODES.capital)) e[capitalColumn(idx, l.accountId)] = l.c - l.d;
    // Only credits are amounts allotted; a debit on 221/222 is the payment of what was allotted.
    else if (code.startsWith(CODES.patronagePayable)) {
      if (l.c === 0) continue;
      e.patronage = l.c;
    } else {
      if (l.c === 0) continue;
      e.remainder = l.c;
    }
    entries.push(e);
  }
  for (const s of store.sqlite
    .prepare(`SELECT date, kind, amount_fen AS v, summary FROM ledger_member_shares WHERE book_id = ? AND member_id = ? AND date BETWEEN ? AND ? AND ${STANDING} ORDER BY date, id`)
    .all(book.id, member.id, first, last) as { date: string; kind: ShareKind; v: number; summary: string }[]) {
    const e = entry(s.date, s.summary, null);
    e[shareColumn[s.kind]] = s.v;
    entries.push(e);
  }
  const products = new Set<string>();
  const txns = memberTxns(store, book.id, first, last, member.id);
  for (const t of txns) {
    const e = entry(t.date, t.summary || `交易：${t.product}`, t.voucherId);
    e.trade[t.product] = { qtyMilli: t.qtyMilli, amountFen: t.amountFen };
    products.add(t.product);
    entries.push(e);
  }
  entries.sort((a, b) => a.date.localeCompare(b.date));
  const closing: Omit<MemberAccountRow, 'no'> = { ...opening, kind: 'closing', date: last, summary: '本年合计 / 年末余额', voucherId: null, trade: {}, patronage: 0, remainder: 0 };
  for (const e of entries) {
    for (const k of Object.keys(opening) as (keyof MemberStock)[]) closing[k] += e[k];
    for (const [p, v] of Object.entries(e.trade)) {
      const cur = (closing.trade[p] ??= { qtyMilli: 0, amountFen: 0 });
      cur.qtyMilli += v.qtyMilli;
      cur.amountFen += v.amountFen;
    }
    closing.patronage += e.patronage;
    closing.remainder += e.remainder;
  }
  const rows: MemberAccountRow[] = [{ ...opening, no: 0, kind: 'opening', date: first, summary: '年初余额', voucherId: null, trade: {}, patronage: 0, remainder: 0 }];
  entries.forEach((e, i) => rows.push({ ...e, no: i + 1 }));
  rows.push({ ...closing, no: entries.length + 1 });
  const units = new Map(txns.map((t) => [t.product, t.unit]));
  return {
    coopName: book.coopName,
    year,
    member: { id: member.id, name: member.name, address: member.address, joinedOn: member.joinedOn, leftOn: member.leftOn },
    products: [...products].sort().map((p) => ({ product: p, unit: units.get(p) ?? '' })),
    rows,
  };
}

/** Every member's year-end figures, for the member list and for choosing whose account to open. */
export function memberAccountsSummary(store: Store, input: { bookId: number; year: number }) {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const year = input.year;
  const from = year === yearOf(book.startPeriod) ? book.startPeriod : makePeriod(year, 1);
  const mb = memberBalances(store, book.id, from, makePeriod(year, 12));
  const shares = sharesBefore(store, book.id, `${year + 1}-01-01`);
  const capital = new Set(idx.leavesUnder(CODES.capital).map((a) => String(a.id)));
  const patronage = new Set(idx.leavesUnder(CODES.patronagePayable).map((a) => String(a.id)));
  const remainder = new Set(idx.leavesUnder(CODES.remainderPayable).map((a) => String(a.id)));
  const receivable = new Set(idx.leavesUnder(CODES.members).map((a) => String(a.id)));
  const trade = new Map<number, number>();
  for (const t of memberTxns(store, book.id, `${year}-01-01`, `${year}-12-31`)) trade.set(t.memberId, (trade.get(t.memberId) ?? 0) + t.amountFen);
  const per = (m: number, set: Set<string>, map: Map<string, number>) => [...set].reduce((s, a) => s + (map.get(`${a}:${m}`) ?? 0), 0);
  const perCredit = (m: number, set: Set<string>) => [...set].reduce((s, a) => s + (mb.ytd.get(`${a}:${m}`)?.c ?? 0), 0);
  return listCoopMembers(store, book.coopId).map((m) => ({
    memberId: m.id,
    name: m.name,
    pyInitials: m.pyInitials,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    capitalFen: 0 - per(m.id, capital, mb.closing),
    reserveShareFen: shares.get(m.id)?.reserve ?? 0,
    subsidyShareFen: shares.get(m.id)?.subsidy ?? 0,
    donationShareFen: shares.get(m.id)?.donation ?? 0,
    tradeFen: trade.get(m.id) ?? 0,
    patronageFen: perCredit(m.id, patronage),
    remainderFen: perCredit(m.id, remainder),
    /** 114 net: positive the member owes the cooperative, negative the cooperative owes the member. */
    currentFen: per(m.id, receivable, mb.closing),
  }));
}
