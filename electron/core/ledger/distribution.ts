import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { allocate, formatFen } from '../../../shared/money';
import { accountIndex } from './accounts';
import { memberBalances } from './balances';
import { actorName, bookYears, requireActive, requireBook, type Book } from './books-read';
import { CODES } from './chart2021';
import { makePeriod, yearOf } from './dates';
import { listCoopMembers } from './members';
import { memberTxns } from './member-txns';
import { sharesBefore, VOIDED_DISTRIBUTIONS } from './reports/member-account';
import { surplusStatement } from './reports/statements';
import { insertPosted, type Signer } from './vouchers';
import { checkPeriodOpen, type CheckedLine, type CheckedVoucher } from './voucher-rules';

/** Art. 44: the patronage return is at least 60% of the distributable surplus. */
export const MIN_PATRONAGE_BP = 6000;

export interface DistributionInput {
  bookId: number;
  year: number;
  /** Date of the distribution vouchers; must be in an open period. */
  date: string;
  basis: 'amount' | 'volume';
  /** For the volume basis: the product whose quantities count. */
  product: string;
  /** Patronage share in basis points of D (6000 = 60%). */
  shareBp: number;
  /** Reserve drawn from the year's surplus (提取盈余公积). */
  reserveFen: number;
  /** Loss of earlier years covered from this year's surplus (弥补亏损). */
  lossCoverFen: number;
}

export interface DistributionMember {
  memberId: number;
  name: string;
  /** Transactions on the chosen basis: fen (amount) or thousandths of the unit (volume). */
  patronageBasis: number;
  patronageFen: number;
  capitalFen: number;
  /** Reserve share before this distribution, and what this year's reserve adds. */
  reserveShareFen: number;
  newReserveFen: number;
  subsidyShareFen: number;
  newSubsidyFen: number;
  donationShareFen: number;
  newDonationFen: number;
  remainderBasisFen: number;
  remainderFen: number;
  totalFen: number;
}

export interface DistributionPlan {
  year: number;
  surplusFen: number;
  priorLossFen: number;
  lossCoverFen: number;
  reserveFen: number;
  distributableFen: number;
  shareBp: number;
  patronageFen: number;
  remainderFen: number;
  basis: 'amount' | 'volume';
  product: string;
  unit: string;
  subsidyQuantify: Book['subsidyQuantify'];
  reserveQuantify: Book['reserveQuantify'];
  unquantifiedSubsidyFen: number;
  unquantifiedDonationFen: number;
  members: DistributionMember[];
}

/**
 * Works out a distribution without writing anything (农民专业合作社法 arts. 42-44): D = the year's surplus
 * less loss cover and reserve; the patronage return (at least 60% of D) pro rata to each member's
 * transactions by amount or volume; the rest pro rata to contribution + reserve share + quantified
 * subsidy and donation shares. Every split uses largest-remainder allocation, so the parts add up to the
 * whole in fen. Subsidies and donations not yet quantified are quantified here by the book's setting.
 */
export function planDistribution(store: Store, input: DistributionInput): DistributionPlan {
  const book = requireBook(store, input.bookId);
  requireActive(book);
  if (!bookYears(store, book.id).includes(input.year)) throw fieldError('year', `${input.year} 年不在账套范围内`);
  if (!Number.isInteger(input.shareBp) || input.shareBp > 10000) throw fieldError('shareBp', '盈余返还比例应在 60% 到 100% 之间');
  if (input.shareBp < MIN_PATRONAGE_BP)
    throw fieldError('shareBp', `按交易量（额）返还的比例不得低于可分配盈余的 60%（农民专业合作社法第四十四条），当前为 ${(input.shareBp / 100).toFixed(2)}%`, 'REFUSED');
  if (input.reserveFen < 0) throw fieldError('reserveFen', '提取盈余公积不能为负数');
  if (input.lossCoverFen < 0) throw fieldError('lossCoverFen', '弥补亏损不能为负数');
  const statement = surplusStatement(store, { bookId: book.id, year: input.year });
  const line = (n: number) => statement.lines.find((l) => l.line === n)!.currentFen;
  const surplus = line(12);
  const priorLoss = Math.max(0, -line(13));
  if (surplus <= 0) throw new AppError('REFUSED', `${input.year} 年本年盈余为 ${formatFen(surplus)}，没有可分配的盈余`);
  if (input.lossCoverFen > priorLoss) throw fieldError('lossCoverFen', `弥补亏损不能超过年初未弥补亏损 ${formatFen(priorLoss)}`);
  const distributable = surplus - input.lossCoverFen - input.reserveFen;
  if (distributable <= 0) throw fieldError('reserveFen', `本年盈余 ${formatFen(surplus)} 弥补亏损和提取公积后没有可分配盈余`);
  // Rounded up so that the return is never below the chosen share of D, not even by a fen.
  const patronage = Number((BigInt(distributable) * BigInt(input.shareBp) + 9999n) / 10000n);
  const remainder = distributable - patronage;

  const members = listCoopMembers(store, book.coopId);
  const yearEnd = `${input.year}-12-31`;
  const current = members.filter((m) => m.joinedOn <= yearEnd && (m.leftOn === '' || m.leftOn >= `${input.year}-01-01`));
  if (current.length === 0) throw new AppError('REFUSED', `${input.year} 年没有成员，无法分配`);
  const idx = accountIndex(store, book.id);
  const from = input.year === yearOf(book.startPeriod) ? book.startPeriod : makePeriod(input.year, 1);
  const mb = memberBalances(store, book.id, from, makePeriod(input.year, 12));
  const capitalOf = (id: number) => -idx.leavesUnder(CODES.capital).reduce((s, a) => s + (mb.closing.get(`${a.id}:${id}`) ?? 0), 0);
  const txns = memberTxns(store, book.id, `${input.year}-01-01`, yearEnd);
  let unit = '';
  const basisOf = new Map<number, number>();
  for (const t of txns) {
    if (input.basis === 'volume' && t.product !== input.product) continue;
    if (input.basis === 'volume') unit ||= t.unit;
    basisOf.set(t.memberId, (basisOf.get(t.memberId) ?? 0) + (input.basis === 'amount' ? t.amountFen : t.qtyMilli));
  }
  if (input.basis === 'volume' && !input.product) throw fieldError('product', '按交易量返还时请选择产品');
  const patronageWeights = current.map((m) => Math.max(0, basisOf.get(m.id) ?? 0));
  if (patronageWeights.every((w) => w === 0))
    throw new AppError('REFUSED', input.basis === 'amount' ? `${input.year} 年没有成员交易额记录，无法按交易额返还` : `${input.year} 年没有成员“${input.product}”的交易量记录`);
  const patronageParts = allocate(patronage, patronageWeights);
  const capital = current.map((m) => Math.max(0, capitalOf(m.id)));

  const shares = sharesBefore(store, book.id, `${input.year + 1}-01-01`);
  const reserveWeights = book.reserveQuantify === 'capital' && capital.some((c) => c > 0) ? capital : patronageWeights;
  const newReserve = allocate(input.reserveFen, reserveWeights);
  const fundNet = (code: string, exclude?: string) =>
    -idx
      .leavesUnder(code)
      .filter((a) => !exclude || !a.code.startsWith(exclude))
      .reduce((s, a) => s + (memberlessClosing(store, book.id, a.id, input.year) ?? 0), 0);
  const quantified = (kind: 'subsidy' | 'donation') => [...shares.values()].reduce((s, v) => s + v[kind], 0);
  const unquantifiedSubsidy = Math.max(0, fundNet(CODES.specialFund, CODES.donationFund) - quantified('subsidy'));
  const unquantifiedDonation = Math.max(0, fundNet(CODES.donationFund) - quantified('donation'));
  const quantifyWeights = book.subsidyQuantify === 'equal' || capital.every((c) => c === 0) ? current.map(() => 1) : capital;
  const newSubsidy = allocate(unquantifiedSubsidy, quantifyWeights);
  const newDonation = allocate(unquantifiedDonation, quantifyWeights);

  const rows: DistributionMember[] = current.map((m, i) => {
    const s = shares.get(m.id) ?? { reserve: 0, subsidy: 0, donation: 0 };
    return {
      memberId: m.id,
      name: m.name,
      patronageBasis: basisOf.get(m.id) ?? 0,
      patronageFen: patronageParts[i]!,
      capitalFen: capital[i]!,
      reserveShareFen: s.reserve,
      newReserveFen: newReserve[i]!,
      subsidyShareFen: s.subsidy,
      newSubsidyFen: newSubsidy[i]!,
      donationShareFen: s.donation,
      newDonationFen: newDonation[i]!,
      remainderBasisFen: 0,
      remainderFen: 0,
      totalFen: 0,
    };
  });
  for (const r of rows)
    r.remainderBasisFen = Math.max(0, r.capitalFen + r.reserveShareFen + r.newReserveFen + r.subsidyShareFen + r.newSubsidyFen + r.donationShareFen + r.newDonationFen);
  if (remainder > 0 && rows.every((r) => r.remainderBasisFen === 0))
    throw new AppError('REFUSED', '成员没有出资、公积金份额或量化的补助和捐赠份额，剩余盈余无法分配；可将返还比例设为 100%');
  const remainderParts = allocate(remainder, rows.map((r) => r.remainderBasisFen));
  rows.forEach((r, i) => {
    r.remainderFen = remainderParts[i]!;
    r.totalFen = r.patronageFen + r.remainderFen;
  });
  return {
    year: input.year,
    surplusFen: surplus,
    priorLossFen: priorLoss,
    lossCoverFen: input.lossCoverFen,
    reserveFen: input.reserveFen,
    distributableFen: distributable,
    shareBp: input.shareBp,
    patronageFen: patronage,
    remainderFen: remainder,
    basis: input.basis,
    product: input.basis === 'volume' ? input.product : '',
    unit,
    subsidyQuantify: book.subsidyQuantify,
    reserveQuantify: book.reserveQuantify,
    unquantifiedSubsidyFen: unquantifiedSubsidy,
    unquantifiedDonationFen: unquantifiedDonation,
    members: rows,
  };
}

/** Closing net of one leaf account at the end of a year. */
function memberlessClosing(store: Store, bookId: number, accountId: number, year: number): number {
  const r = store.sqlite
    .prepare('SELECT COALESCE(sum(debit_fen - credit_fen), 0) FROM ledger_balances WHERE book_id = ? AND year = ? AND month IN (0, 13) AND account_id = ?')
    .pluck()
    .get(bookId, year, accountId) as number;
  return r;
}

/**
 * Posts the distribution: 332 各项分配 to 322 (reserve), to 221 per member (patronage return) and to 222
 * per member (remainder), records the quantified shares in the member accounts, and keeps the plan.
 * Refused while an earlier distribution of the same year stands; once all its vouchers are reversed
 * (posted red vouchers) it no longer counts, nor do the shares it quantified.
 */
export function commitDistribution(store: Store, actor: Actor, input: DistributionInput): { id: number; vouchers: number[]; plan: DistributionPlan } {
  return store.write(actor, 'ledger.distribution.commit', (audit) => {
    const plan = planDistribution(store, input);
    const book = requireBook(store, input.bookId);
    const standing = store.sqlite.prepare(`SELECT id FROM ledger_distributions WHERE book_id = ? AND year = ? AND id NOT IN (${VOIDED_DISTRIBUTIONS})`).pluck().get(book.id, input.year) as number | undefined;
    if (standing !== undefined) throw new AppError('REFUSED', `${input.year} 年的盈余已经分配过（分配记录 #${standing}）；如需重新分配，请先红字冲销原分配凭证并记账`);
    const period = checkPeriodOpen(store, book, input.date);
    const idx = accountIndex(store, book.id);
    const id = (code: string) => idx.byCode.get(code)!.id;
    const leafOf = (code: string) => {
      const a = idx.byCode.get(code)!;
      if (!a.leaf) throw new AppError('REFUSED', `${a.code} ${a.name} 有明细科目，自动分配凭证只能记到 ${a.code} 本身，请先停用其明细科目或手工做分配凭证`);
      return a.id;
    };
    const kind = book.voucherKinds === 'general' ? '记' : '转';
    const me: Signer = { id: actor.userId, name: actorName(store, actor) };
    const blank = { product: '', qtyMilli: 0, unit: '' };
    const voucher = (summary: string, credits: { accountId: number; memberId: number; fen: number }[]): CheckedVoucher => {
      const total = credits.reduce((s, c) => s + c.fen, 0);
      const lines: CheckedLine[] = [
        { ...blank, summary, accountId: leafOf(CODES.distributionItems), memberId: 0, debitFen: total, creditFen: 0 },
        ...credits.filter((c) => c.fen !== 0).map((c) => ({ ...blank, summary, accountId: c.accountId, memberId: c.memberId, debitFen: 0, creditFen: c.fen })),
      ];
      return { bookId: book.id, date: input.date, period, kind, attachments: 0, lines, debitTotalFen: total };
    };
    const vouchers: number[] = [];
    const y = input.year;
    if (plan.reserveFen > 0) vouchers.push(insertPosted(store, voucher(`${y}年提取盈余公积`, [{ accountId: id(CODES.surplusReserve), memberId: 0, fen: plan.reserveFen }]), { preparer: me, source: 'distribution' }));
    vouchers.push(
      insertPosted(store, voucher(`${y}年盈余返还`, plan.members.map((m) => ({ accountId: leafOf(CODES.patronagePayable), memberId: m.memberId, fen: m.patronageFen }))), { preparer: me, source: 'distribution' }),
    );
    if (plan.remainderFen > 0)
      vouchers.push(
        insertPosted(store, voucher(`${y}年剩余盈余分配`, plan.members.map((m) => ({ accountId: leafOf(CODES.remainderPayable), memberId: m.memberId, fen: m.remainderFen }))), {
          preparer: me,
          source: 'distribution',
        }),
      );
    const now = store.now();
    const r = store.sqlite
      .prepare(
        `INSERT INTO ledger_distributions (book_id, year, date, surplus_fen, loss_cover_fen, reserve_fen, distributable_fen, patronage_fen, remainder_fen, share_bp, basis, product, voucher_ids, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(book.id, y, input.date, plan.surplusFen, plan.lossCoverFen, plan.reserveFen, plan.distributableFen, plan.patronageFen, plan.remainderFen, plan.shareBp, plan.basis, plan.product, JSON.stringify(vouchers), me.name, now);
    const distributionId = Number(r.lastInsertRowid);
    const share = store.sqlite.prepare('INSERT INTO ledger_member_shares (book_id, member_id, date, kind, amount_fen, distribution_id, summary, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const m of plan.members) {
      if (m.newReserveFen) share.run(book.id, m.memberId, input.date, 'reserve', m.newReserveFen, distributionId, `${y}年公积金量化`, now);
      if (m.newSubsidyFen) share.run(book.id, m.memberId, input.date, 'subsidy', m.newSubsidyFen, distributionId, '财政补助形成财产量化', now);
      if (m.newDonationFen) share.run(book.id, m.memberId, input.date, 'donation', m.newDonationFen, distributionId, '捐赠形成财产量化', now);
    }
    audit.record({
      entity: 'ledger_distribution',
      ids: [distributionId, ...vouchers],
      summary: { book: book.id, year: y, distributableFen: plan.distributableFen, patronageFen: plan.patronageFen, remainderFen: plan.remainderFen, shareBp: plan.shareBp, basis: plan.basis },
    });
    return { id: distributionId, vouchers, plan };
  });
}
