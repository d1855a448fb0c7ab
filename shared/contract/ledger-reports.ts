import { z, int, id, period } from '../zod';
import { defineMethods } from './define';
import { fileDownload } from './common';

const bookId = id('账套');
const year = int('年度', 2000, 2100);
const from = period('开始期间');
const to = period('结束期间');

const lineAccount = z.object({ id: z.number(), code: z.string(), name: z.string() });
const dir = z.enum(['借', '贷', '平']);
const ledgerRow = z.object({
  kind: z.enum(['opening', 'line', 'month', 'year']),
  date: z.string(),
  voucherId: z.number().nullable(),
  voucher: z.string(),
  summary: z.string(),
  memberName: z.string(),
  debitFen: z.number(),
  creditFen: z.number(),
  dir,
  balanceFen: z.number(),
});
const trialRow = z.object({
  accountId: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.number(),
  leaf: z.boolean(),
  memberId: z.number(),
  memberName: z.string(),
  openingD: z.number(),
  openingC: z.number(),
  periodD: z.number(),
  periodC: z.number(),
  ytdD: z.number(),
  ytdC: z.number(),
  closingD: z.number(),
  closingC: z.number(),
});
const stock = { capitalPoverty: z.number(), capitalOther: z.number(), reserveShare: z.number(), subsidyShare: z.number(), donationShare: z.number() };

export const trialInput = z.object({
  bookId,
  from,
  to,
  level: int('科目级次', 0, 9).default(0),
  members: z.boolean().default(false),
  zeros: z.boolean().default(false),
});
export const generalInput = z.object({ bookId, year, accountId: int('科目').default(0) });
export const detailInput = z.object({ bookId, accountId: id('科目'), memberId: int('成员').default(0), from, to });
export const journalInput = z.object({ bookId, from, to });
export const balanceSheetInput = z.object({ bookId, period: period('期间') });
export const yearInput = z.object({ bookId, year });
export const memberAccountInput = z.object({ bookId, memberId: id('成员'), year });
const paging = { offset: int('起始行').default(0), limit: int('每页行数', 1, 5000).default(500) };

export const reportRequest = z.discriminatedUnion('report', [
  trialInput.extend({ report: z.literal('trial') }),
  generalInput.extend({ report: z.literal('general') }),
  detailInput.extend({ report: z.literal('detail') }),
  journalInput.extend({ report: z.literal('journal') }),
  balanceSheetInput.extend({ report: z.literal('balanceSheet') }),
  yearInput.extend({ report: z.literal('surplus') }),
  yearInput.extend({ report: z.literal('equity') }),
  memberAccountInput.extend({ report: z.literal('memberAccount') }),
  yearInput.extend({ report: z.literal('memberSummary') }),
  z.object({ report: z.literal('consolidated'), year }),
]);

export const ledgerReportsContract = defineMethods({
  'ledger.reports.trial': {
    title: '科目余额表',
    input: trialInput,
    output: z.object({
      coopName: z.string(),
      from: z.string(),
      to: z.string(),
      rows: z.array(trialRow),
      totals: trialRow.omit({ accountId: true, code: true, name: true, level: true, leaf: true, memberId: true, memberName: true }),
      balanced: z.boolean(),
    }),
  },
  'ledger.reports.general': {
    title: '总账',
    input: generalInput,
    output: z.object({ coopName: z.string(), year: z.number(), accounts: z.array(z.object({ accountId: z.number(), code: z.string(), name: z.string(), rows: z.array(ledgerRow) })) }),
  },
  'ledger.reports.detail': {
    title: '明细账',
    input: detailInput.extend(paging),
    output: z.object({
      coopName: z.string(),
      account: z.object({ id: z.number(), code: z.string(), name: z.string(), memberDim: z.boolean() }),
      memberName: z.string(),
      from: z.string(),
      to: z.string(),
      total: z.number(),
      rows: z.array(ledgerRow),
      closing: z.object({ dir, balanceFen: z.number() }),
    }),
  },
  'ledger.reports.journal': {
    title: '序时账',
    input: journalInput.extend(paging),
    output: z.object({
      coopName: z.string(),
      from: z.string(),
      to: z.string(),
      vouchers: z.number(),
      totalFen: z.number(),
      rows: z.array(
        z.object({
          voucherId: z.number(),
          first: z.boolean(),
          date: z.string(),
          voucher: z.string(),
          summary: z.string(),
          accountCode: z.string(),
          accountName: z.string(),
          memberName: z.string(),
          debitFen: z.number(),
          creditFen: z.number(),
        }),
      ),
    }),
  },
  'ledger.reports.balanceSheet': {
    title: '资产负债表',
    input: balanceSheetInput,
    output: z.object({
      coopName: z.string(),
      period: z.string(),
      title: z.string(),
      formNo: z.string(),
      lines: z.array(
        z.object({ line: z.number(), item: z.string(), indent: z.number(), total: z.boolean(), endFen: z.number(), beginFen: z.number(), accounts: z.array(lineAccount) }),
      ),
      balanced: z.boolean(),
      warnings: z.array(z.string()),
    }),
  },
  'ledger.reports.surplus': {
    title: '盈余及盈余分配表',
    input: yearInput,
    output: z.object({
      coopName: z.string(),
      year: z.number(),
      title: z.string(),
      formNo: z.string(),
      lines: z.array(z.object({ line: z.number(), item: z.string(), total: z.boolean(), currentFen: z.number(), priorFen: z.number().nullable(), accounts: z.array(lineAccount) })),
      warnings: z.array(z.string()),
    }),
  },
  'ledger.reports.equity': {
    title: '成员权益变动表',
    input: yearInput,
    output: z.object({
      coopName: z.string(),
      year: z.number(),
      title: z.string(),
      formNo: z.string(),
      asOf: z.string(),
      columns: z.array(z.object({ key: z.string(), title: z.string(), accounts: z.array(z.object({ id: z.number(), code: z.string(), name: z.string() })) })),
      rows: z.array(z.object({ key: z.string(), item: z.string(), group: z.string(), cells: z.record(z.string(), z.number()) })),
      foots: z.boolean(),
      warnings: z.array(z.string()),
      periodLabel: z.string(),
    }),
  },
  'ledger.reports.memberAccount': {
    title: '成员账户',
    input: memberAccountInput,
    output: z.object({
      coopName: z.string(),
      year: z.number(),
      member: z.object({ id: z.number(), name: z.string(), address: z.string(), joinedOn: z.string(), leftOn: z.string() }),
      products: z.array(z.object({ product: z.string(), unit: z.string() })),
      rows: z.array(
        z.object({
          ...stock,
          no: z.number(),
          kind: z.enum(['opening', 'entry', 'closing']),
          date: z.string(),
          summary: z.string(),
          voucherId: z.number().nullable(),
          trade: z.record(z.string(), z.object({ qtyMilli: z.number(), amountFen: z.number() })),
          patronage: z.number(),
          remainder: z.number(),
        }),
      ),
    }),
  },
  'ledger.reports.memberSummary': {
    title: '成员账户汇总',
    input: yearInput,
    output: z.array(
      z.object({
        memberId: z.number(),
        name: z.string(),
        pyInitials: z.string(),
        joinedOn: z.string(),
        leftOn: z.string(),
        capitalFen: z.number(),
        reserveShareFen: z.number(),
        subsidyShareFen: z.number(),
        donationShareFen: z.number(),
        tradeFen: z.number(),
        patronageFen: z.number(),
        remainderFen: z.number(),
        currentFen: z.number(),
      }),
    ),
  },
  'ledger.reports.consolidated': {
    title: '汇总科目余额表',
    input: z.object({ year }),
    output: z.object({
      year: z.number(),
      books: z.number(),
      rows: z.array(
        z.object({ code: z.string(), name: z.string(), openingD: z.number(), openingC: z.number(), periodD: z.number(), periodC: z.number(), closingD: z.number(), closingC: z.number() }),
      ),
      balanced: z.boolean(),
    }),
  },
  'ledger.reports.export': {
    title: '导出账表',
    input: z.object({ request: reportRequest, format: z.enum(['xlsx', 'csv', 'pdf']).default('xlsx') }),
    output: fileDownload,
  },
});
