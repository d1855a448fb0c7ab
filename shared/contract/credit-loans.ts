import { z, text, optText, int, date, optDate, fen } from '../zod';
import { defineMethods } from './define';
import { fileDownload, fileUpload } from './common';
import { reqId, nameList } from './memberFields';
import { grade, subjectOut, subjectRef } from './credit';
import { APP_STATUSES, APPLICANT_KINDS, CAMPAIGN_KINDS, PRODUCT_KINDS, SUBJECT_KINDS } from '../credit';

/** Loan products, loan assistance (金融代办), credit villages and the figures (信用服务). */

const version = int('版本', 1);
const paging = { offset: int('起始行').default(0), limit: int('每页行数', 1, 500).default(50) };
const money = (label: string) => fen(label).min(0, { error: `${label}不能为负数` });
const rate = (label: string) => int(label, 0, 10_000);

export const productFields = {
  name: text('产品名称', 50),
  bank: text('银行', 100),
  kind: z.enum(PRODUCT_KINDS, { error: '请选择贷款方式' }),
  minFen: money('最低额度'),
  maxFen: money('最高额度'),
  termMinMonths: int('最短期限（月）', 1, 360),
  termMaxMonths: int('最长期限（月）', 1, 360),
  rateMinBp: rate('最低年利率'),
  rateMaxBp: rate('最高年利率'),
  applicantKinds: z.array(z.enum(APPLICANT_KINDS, { error: '申请对象无效' })).min(1, { error: '请至少选择一类申请对象' }),
  minGrade: z.union([grade, z.literal('')]).default(''),
  industries: nameList('适用产业'),
  documents: z.array(text('所需材料', 50)).max(30, { error: '所需材料最多 30 项' }).default([]),
  online: z.boolean().default(false),
  active: z.boolean().default(true),
  example: z.boolean().default(false),
  notes: optText('说明', 500),
};

export const productOut = z.object({
  id: z.number(),
  name: z.string(),
  bank: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  minFen: z.number(),
  maxFen: z.number(),
  termMinMonths: z.number(),
  termMaxMonths: z.number(),
  rateMinBp: z.number(),
  rateMaxBp: z.number(),
  applicantKinds: z.array(z.string()),
  minGrade: z.string(),
  industries: z.array(z.string()),
  documents: z.array(z.string()),
  online: z.boolean(),
  active: z.boolean(),
  example: z.boolean(),
  notes: z.string(),
  applications: z.number(),
  version: z.number(),
});

const status = z.enum(APP_STATUSES);

/** Amounts are null for roles that may not see them (the front desk); `amountsHidden` says so. */
export const appRow = z.object({
  id: z.number(),
  no: z.string(),
  subjectKey: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  subjectId: z.number(),
  name: z.string(),
  kindLabel: z.string(),
  productId: z.number(),
  productName: z.string(),
  bank: z.string(),
  township: z.string(),
  industry: z.string(),
  purpose: z.string(),
  status,
  createdAt: z.string(),
  createdBy: z.string(),
  submittedOn: z.string(),
  decidedOn: z.string(),
  requestedFen: z.number().nullable(),
  grantedFen: z.number().nullable(),
  disbursedFen: z.number().nullable(),
  docsReceived: z.number(),
  docsRequired: z.number(),
  overdue: z.boolean(),
  amountsHidden: z.boolean(),
  version: z.number(),
});

const appDetail = appRow.extend({
  termMonths: z.number().nullable(),
  rateBp: z.number().nullable(),
  decisionNote: z.string(),
  withdrawnOn: z.string(),
  notes: z.string(),
  productDocuments: z.array(z.string()),
  docs: z.array(
    z.object({ id: z.number(), name: z.string(), required: z.boolean(), received: z.boolean(), fileName: z.string(), size: z.number(), receivedBy: z.string(), receivedAt: z.string(), sha256: z.string() }),
  ),
  disbursements: z.array(
    z.object({ id: z.number(), disbursedOn: z.string(), amountFen: z.number().nullable(), dueOn: z.string(), repaidOn: z.string(), notes: z.string(), overdue: z.boolean(), version: z.number() }),
  ),
});

const matchRow = z.object({ product: productOut, eligible: z.boolean(), rank: z.number(), reasons: z.array(z.object({ ok: z.boolean(), text: z.string() })) });

const campaignFields = {
  kind: z.enum(CAMPAIGN_KINDS, { error: '请选择类别' }),
  townshipId: reqId('乡镇（街道）'),
  villageId: z.number().int().positive().nullable().default(null),
  bank: text('授信银行', 100),
  assessedOn: date('评定日期'),
  awardedOn: optDate('授信（挂牌）日期'),
  households: int('授信户数', 0, 1_000_000).default(0),
  lineFen: money('授信总额').default(0),
  notes: optText('备注', 500),
};

const campaignOut = z.object({
  id: z.number(),
  kind: z.enum(CAMPAIGN_KINDS),
  townshipId: z.number(),
  township: z.string(),
  villageId: z.number().nullable(),
  village: z.string(),
  bank: z.string(),
  assessedOn: z.string(),
  awardedOn: z.string(),
  households: z.number(),
  lineFen: z.number(),
  notes: z.string(),
  version: z.number(),
});

const figureRow = z.object({ key: z.string(), applications: z.number(), approvals: z.number(), grantedFen: z.number(), disbursements: z.number(), disbursedFen: z.number() });

const figuresOut = z.object({
  year: z.number(),
  from: z.string(),
  to: z.string(),
  totals: z.object({
    applications: z.number(),
    submitted: z.number(),
    approvals: z.number(),
    rejections: z.number(),
    grantedFen: z.number(),
    disbursements: z.number(),
    disbursedFen: z.number(),
    outstandingFen: z.number(),
    overdue: z.number(),
  }),
  byBank: z.array(figureRow),
  byProduct: z.array(figureRow),
  byIndustry: z.array(figureRow),
  byTownship: z.array(figureRow),
  byMonth: z.array(z.object({ month: z.string(), disbursedFen: z.number() })),
  campaigns: z.object({ villages: z.number(), townships: z.number(), wholeVillage: z.number(), households: z.number(), lineFen: z.number() }),
  indicator: z.object({ value: z.number(), how: z.string() }),
});

export const creditLoansContract = defineMethods({
  'credit.products.list': { title: '贷款产品列表', input: z.object({ activeOnly: z.boolean().default(false) }), output: z.array(productOut) },
  'credit.products.save': {
    title: '保存贷款产品',
    input: z.object({ ...productFields, id: z.number().int().positive().optional(), version: z.number().int().positive().optional() }),
    output: productOut,
  },
  'credit.products.seedExamples': { title: '载入方案所列贷款产品（示例）', input: z.object({}).default({}), output: z.object({ added: z.number() }) },
  'credit.match': {
    title: '匹配贷款产品',
    input: z.object({ ...subjectRef, amountFen: money('拟贷金额').nullable().default(null) }),
    output: z.object({ subject: subjectOut, grade: grade.nullable(), validUntil: z.string(), rows: z.array(matchRow) }),
  },
  'credit.applications.list': {
    title: '金融代办列表',
    input: z.object({ status: z.union([status, z.literal('')]).default(''), q: optText('查询', 50), subjectKey: optText('会员', 40), ...paging }),
    output: z.object({ total: z.number(), rows: z.array(appRow), counts: z.record(z.string(), z.number()) }),
  },
  'credit.applications.get': { title: '查看金融代办', input: z.object({ id: reqId('申请') }), output: appDetail },
  'credit.applications.create': {
    title: '受理金融代办',
    input: z.object({ ...subjectRef, productId: reqId('贷款产品'), purpose: text('贷款用途', 200), industry: optText('所属产业', 20), notes: optText('备注', 500) }),
    output: appDetail,
  },
  'credit.applications.update': {
    title: '修改金融代办',
    input: z.object({ id: reqId('申请'), version, purpose: text('贷款用途', 200), industry: optText('所属产业', 20), notes: optText('备注', 500) }),
    output: appDetail,
  },
  'credit.applications.uploadDoc': {
    title: '上传申请材料',
    input: z.object({ id: reqId('申请'), docId: z.number().int().positive().nullable().default(null), name: optText('材料名称', 50), file: fileUpload }),
    output: appDetail,
  },
  'credit.applications.doc': { title: '下载申请材料', input: z.object({ docId: reqId('材料') }), output: fileDownload },
  'credit.applications.submit': {
    title: '提交银行',
    input: z.object({ id: reqId('申请'), version, submittedOn: date('提交日期'), requestedFen: money('申请金额'), termMonths: int('申请期限（月）', 1, 360) }),
    output: appDetail,
  },
  'credit.applications.decide': {
    title: '登记银行审批结果',
    input: z.object({
      id: reqId('申请'),
      version,
      decidedOn: date('审批日期'),
      approved: z.boolean({ error: '请选择是否批准' }),
      grantedFen: money('批准金额').nullable().default(null),
      rateBp: rate('执行年利率').nullable().default(null),
      termMonths: int('批准期限（月）', 1, 360).nullable().default(null),
      note: optText('审批意见', 300),
    }),
    output: appDetail,
  },
  'credit.applications.withdraw': {
    title: '撤回金融代办',
    input: z.object({ id: reqId('申请'), version, withdrawnOn: date('撤回日期'), reason: text('撤回原因', 200) }),
    output: appDetail,
  },
  'credit.disbursements.save': {
    title: '登记放款或还款',
    input: z.object({
      applicationId: reqId('申请'),
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      disbursedOn: date('放款日期'),
      amountFen: money('放款金额'),
      dueOn: date('到期日'),
      repaidOn: optDate('还清日期'),
      notes: optText('备注', 200),
    }),
    output: appDetail,
  },
  'credit.campaigns.list': {
    title: '信用村镇列表',
    input: z.object({ kind: z.union([z.enum(CAMPAIGN_KINDS), z.literal('')]).default('') }),
    output: z.object({ rows: z.array(campaignOut), totals: z.object({ villages: z.number(), townships: z.number(), wholeVillage: z.number(), households: z.number(), lineFen: z.number() }) }),
  },
  'credit.campaigns.save': {
    title: '保存信用村镇',
    input: z.object({ ...campaignFields, id: z.number().int().positive().optional(), version: z.number().int().positive().optional() }),
    output: campaignOut,
  },
  'credit.figures': { title: '信用服务统计', input: z.object({ year: int('年度', 2000, 2100) }), output: figuresOut },
  'credit.figures.export': { title: '导出信用服务统计', input: z.object({ year: int('年度', 2000, 2100) }), output: fileDownload },
});
