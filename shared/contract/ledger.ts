import { z, text, optText, int, id, fen, date, period } from '../zod';
import { defineMethods } from './define';
import { fileUpload, ok } from './common';

/** 成员账户 column titles (../shared/reference/coop-accounting.md, "成员账户"), in the order of the form. */
export const MEMBER_ACCOUNT_TITLES = {
  capitalPoverty: '成员出资（扶贫项目资产）',
  capitalOther: '成员出资（其他来源）',
  reserveShare: '公积金份额',
  subsidyShare: '财政直接补助形成财产量化份额',
  donationShare: '他人捐赠形成财产量化份额',
  patronage: '盈余返还金额',
  remainder: '剩余盈余分配金额',
} as const;
export const bookId = id('账套');
const year = int('年度', 2000, 2100);

export const book = z.object({
  id: z.number(),
  coopId: z.number(),
  coopName: z.string(),
  startPeriod: z.string(),
  status: z.enum(['setup', 'active']),
  voucherKinds: z.enum(['general', 'split']),
  patronageBasis: z.enum(['amount', 'volume']),
  subsidyQuantify: z.enum(['capital', 'equal']),
  reserveQuantify: z.enum(['patronage', 'capital']),
  headName: z.string(),
  cashierName: z.string(),
  createdAt: z.string(),
  version: z.number(),
});

export const account = z.object({
  id: z.number(),
  bookId: z.number(),
  code: z.string(),
  name: z.string(),
  parentId: z.number().nullable(),
  cls: z.enum(['asset', 'liability', 'equity', 'cost', 'pnl']),
  side: z.enum(['D', 'C']),
  memberDim: z.boolean(),
  tag: z.enum(['', 'poverty']),
  builtin: z.boolean(),
  active: z.boolean(),
  pyInitials: z.string(),
  version: z.number(),
  level: z.number(),
  leaf: z.boolean(),
  fullName: z.string(),
});

export const member = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(['household', 'org']),
  address: z.string(),
  joinedOn: z.string(),
  leftOn: z.string(),
  pyInitials: z.string(),
});

const openingRow = z.object({ accountId: id('科目'), memberId: int('成员').default(0), debitFen: fen('期初借方'), creditFen: fen('期初贷方') });
const openingView = z.object({
  status: z.enum(['setup', 'active']),
  startPeriod: z.string(),
  rows: z.array(openingRow.extend({ code: z.string(), accountName: z.string(), memberName: z.string() })),
  debitFen: z.number(),
  creditFen: z.number(),
});

export const importFile = fileUpload.extend({ bookId, map2007: z.boolean().default(false) });

const periodInfo = z.object({
  period: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: z.string().nullable(),
  closedBy: z.string(),
  drafts: z.number(),
  reviewed: z.number(),
  posted: z.number(),
  overdue: z.boolean(),
});

const txn = z.object({
  id: z.number(),
  source: z.enum(['register', 'voucher']),
  voucherId: z.number().nullable(),
  voucher: z.string(),
  memberId: z.number(),
  memberName: z.string(),
  date: z.string(),
  product: z.string(),
  unit: z.string(),
  qtyMilli: z.number(),
  amountFen: z.number(),
  summary: z.string(),
  version: z.number(),
});

export const distributionInput = z.object({
  bookId,
  year,
  date: date('分配日期'),
  basis: z.enum(['amount', 'volume'], { error: '请选择返还依据' }),
  product: optText('产品', 50),
  shareBp: int('盈余返还比例', 0, 10000),
  reserveFen: fen('提取盈余公积').default(0),
  lossCoverFen: fen('弥补亏损').default(0),
});

const distributionPlan = z.object({
  year: z.number(),
  surplusFen: z.number(),
  priorLossFen: z.number(),
  lossCoverFen: z.number(),
  reserveFen: z.number(),
  distributableFen: z.number(),
  shareBp: z.number(),
  patronageFen: z.number(),
  remainderFen: z.number(),
  basis: z.enum(['amount', 'volume']),
  product: z.string(),
  unit: z.string(),
  subsidyQuantify: z.enum(['capital', 'equal']),
  reserveQuantify: z.enum(['patronage', 'capital']),
  unquantifiedSubsidyFen: z.number(),
  unquantifiedDonationFen: z.number(),
  members: z.array(
    z.object({
      memberId: z.number(),
      name: z.string(),
      patronageBasis: z.number(),
      patronageFen: z.number(),
      capitalFen: z.number(),
      reserveShareFen: z.number(),
      newReserveFen: z.number(),
      subsidyShareFen: z.number(),
      newSubsidyFen: z.number(),
      donationShareFen: z.number(),
      newDonationFen: z.number(),
      remainderBasisFen: z.number(),
      remainderFen: z.number(),
      totalFen: z.number(),
    }),
  ),
});

export const ledgerContract = defineMethods({
  'ledger.workload': {
    title: '查看代账工作台',
    input: z.object({}).default({}),
    output: z.object({
      today: z.string(),
      graceDays: z.number(),
      rows: z.array(
        z.object({
          coopId: z.number(),
          coopName: z.string(),
          pyInitials: z.string(),
          bookId: z.number().nullable(),
          bookStatus: z.enum(['none', 'setup', 'active']),
          drafts: z.number(),
          reviewed: z.number(),
          waiting: z.array(z.object({ preparer: z.string(), drafts: z.number() })),
          lastClosed: z.string().nullable(),
          firstOpen: z.string().nullable(),
          overdue: z.number(),
        }),
      ),
    }),
  },
  'ledger.books.create': {
    title: '建立账套',
    input: z.object({ coopId: id('合作社'), startPeriod: period('启用期间'), voucherKinds: z.enum(['general', 'split']).default('general') }),
    output: book,
  },
  'ledger.books.get': { title: '查看账套', input: z.object({ bookId }), output: book.extend({ years: z.array(z.number()), firstOpen: z.string().nullable(), lastClosed: z.string().nullable() }) },
  'ledger.books.update': {
    title: '修改账套设置',
    input: z.object({
      id: bookId,
      version: int('版本', 1),
      voucherKinds: z.enum(['general', 'split']),
      patronageBasis: z.enum(['amount', 'volume']),
      subsidyQuantify: z.enum(['capital', 'equal']),
      reserveQuantify: z.enum(['patronage', 'capital']),
      headName: optText('会计主管', 20),
      cashierName: optText('出纳', 20),
    }),
    output: book,
  },
  'ledger.members': { title: '查看合作社成员', input: z.object({ bookId }), output: z.array(member) },

  'ledger.accounts.list': { title: '查看会计科目', input: z.object({ bookId }), output: z.array(account) },
  'ledger.accounts.create': {
    title: '增设明细科目',
    input: z.object({
      bookId,
      parentId: id('上级科目'),
      code: z.string({ error: '请填写科目编码' }).trim().regex(/^\d{5,11}$/, { error: '科目编码应为上级编码加两位数字' }),
      name: text('科目名称', 40),
      memberDim: z.boolean().default(false),
      tag: z.enum(['', 'poverty']).default(''),
    }),
    output: account,
  },
  'ledger.accounts.update': {
    title: '修改会计科目',
    input: z.object({ id: id('科目'), version: int('版本', 1), name: text('科目名称', 40), memberDim: z.boolean(), active: z.boolean(), tag: z.enum(['', 'poverty']).default('') }),
    output: account,
  },

  'ledger.opening.list': { title: '查看期初余额', input: z.object({ bookId }), output: openingView },
  'ledger.opening.save': { title: '保存期初余额', input: z.object({ bookId, rows: z.array(openingRow).max(20000) }), output: openingView },
  'ledger.opening.importPreview': {
    title: '预览期初余额导入',
    input: importFile,
    output: z.object({
      rows: z.array(
        z.object({
          line: z.number(),
          code: z.string(),
          name: z.string(),
          accountCode: z.string(),
          accountName: z.string(),
          member: z.string(),
          debitFen: z.number(),
          creditFen: z.number(),
          status: z.enum(['ok', 'total', 'error']),
          note: z.string(),
          error: z.string(),
        }),
      ),
      errors: z.number(),
      debitFen: z.number(),
      creditFen: z.number(),
    }),
  },
  'ledger.opening.importCommit': { title: '导入期初余额', input: importFile, output: openingView },
  'ledger.opening.activate': { title: '启用账套', input: z.object({ bookId }), output: book },

  'ledger.periods.list': { title: '查看会计期间', input: z.object({ bookId, year }), output: z.array(periodInfo) },
  'ledger.periods.close': {
    title: '期末结账',
    input: z.object({ bookId, period: period('结账期间') }),
    output: z.object({ period: z.string(), vouchers: z.array(z.number()), nextYearOpened: z.number().nullable() }),
  },
  'ledger.periods.reopen': { title: '反结账', input: z.object({ bookId, period: period('反结账期间'), reason: text('反结账原因', 200) }), output: z.object({ period: z.string() }) },

  'ledger.txns.list': {
    title: '查看成员交易',
    input: z.object({ bookId, from: date('开始日期'), to: date('结束日期'), memberId: int('成员').default(0) }),
    output: z.array(txn),
  },
  'ledger.txns.save': {
    title: '登记成员交易',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().optional(),
      bookId,
      memberId: id('成员'),
      date: date('交易日期'),
      product: text('产品', 50),
      unit: optText('单位', 10),
      qtyMilli: z.number({ error: '数量必须是数字' }).int({ error: '数量最多三位小数' }).default(0),
      amountFen: fen('交易金额').default(0),
      summary: optText('摘要', 200),
    }),
    output: txn,
  },
  'ledger.txns.delete': { title: '删除成员交易', input: z.object({ id: id('交易记录'), version: int('版本', 1) }), output: ok },
  'ledger.txns.products': { title: '查看交易产品', input: z.object({ bookId }), output: z.array(z.object({ product: z.string(), unit: z.string() })) },

  'ledger.distribution.preview': { title: '预览盈余分配', input: distributionInput, output: distributionPlan },
  'ledger.distribution.commit': {
    title: '盈余分配',
    input: distributionInput,
    output: z.object({ id: z.number(), vouchers: z.array(z.number()), plan: distributionPlan }),
  },
});
