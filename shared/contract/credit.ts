import { z, text, optText, int, date, optDate, fen } from '../zod';
import { defineMethods } from './define';
import { fileDownload, ok } from './common';
import { jobStarted } from './admin';
import { reqId } from './memberFields';
import { GRADES, RATING_STATUSES, STAFF_FACT_KINDS, SUBJECT_KINDS } from '../credit';

/** Credit profiles, the rating model and ratings (信用服务). Loans and products are in credit-loans.ts. */

export const subjectRef = { kind: z.enum(SUBJECT_KINDS, { error: '请选择主体或农户' }), id: reqId('会员') };
export const grade = z.enum(GRADES, { error: '信用等级无效' });
const version = int('版本', 1);
const paging = { offset: int('起始行').default(0), limit: int('每页行数', 1, 500).default(50) };
const score = (label: string) => z.number({ error: `${label}必须是数字` }).finite({ error: `${label}必须是数字` }).min(0, { error: `${label}不能小于0` }).max(100, { error: `${label}不能大于100` });

const level = z.object({
  at: z.number({ error: '档次门槛必须是数字' }).finite({ error: '档次门槛必须是数字' }).min(-1e9, { error: '档次门槛超出范围' }).max(1e9, { error: '档次门槛超出范围' }),
  pct: int('得分比例', 0, 100),
});

export const modelDefinition = z.object({
  indicators: z
    .array(
      z.object({
        fact: text('指标', 40),
        weight: int('权重', 1, 100),
        better: z.enum(['higher', 'lower'], { error: '请选择越高越好或越低越好' }),
        levels: z.array(level).min(1, { error: '每项指标至少设一个档次' }).max(8, { error: '每项指标最多 8 个档次' }),
        missingPct: int('无数据时得分比例', 0, 100),
      }),
    )
    .min(1, { error: '模型至少要有一项指标' })
    .max(30, { error: '模型最多 30 项指标' }),
  bands: z.array(z.object({ grade, min: score('等级最低分') })).length(GRADES.length, { error: `等级应为 ${GRADES.join('、')} 五档` }),
  validMonths: int('评级有效期（月）', 1, 60),
});

const modelVersionOut = z.object({ version: z.number(), definition: modelDefinition, note: z.string(), createdBy: z.string(), createdAt: z.string() });
const factInfo = z.object({ key: z.string(), label: z.string(), unit: z.string(), from: z.string(), help: z.string() });

export const scoredLine = z.object({
  fact: z.string(),
  label: z.string(),
  unit: z.string(),
  from: z.string(),
  weight: z.number(),
  applicable: z.boolean(),
  value: z.number().nullable(),
  detail: z.string(),
  pct: z.number().nullable(),
  pointsX100: z.number(),
  rule: z.string(),
});

export const ratingOut = z.object({
  id: z.number(),
  subjectKey: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  subjectId: z.number(),
  name: z.string(),
  kindLabel: z.string(),
  modelVersion: z.number(),
  asOf: z.string(),
  scoreX100: z.number(),
  computedGrade: grade,
  grade,
  adjustReason: z.string(),
  status: z.enum(RATING_STATUSES),
  ratedBy: z.string(),
  ratedAt: z.string(),
  approvedBy: z.string(),
  approvedAt: z.string(),
  validUntil: z.string(),
  lines: z.array(scoredLine),
  applicableWeight: z.number(),
  rawX100: z.number(),
});

const factReading = factInfo.extend({ applicable: z.boolean(), value: z.number().nullable(), detail: z.string() });

export const staffFactOut = z.object({
  id: z.number(),
  kind: z.enum(STAFF_FACT_KINDS),
  occurredOn: z.string(),
  endsOn: z.string(),
  title: z.string(),
  amountFen: z.number().nullable(),
  source: z.string(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  withdrawnAt: z.string(),
  withdrawnBy: z.string(),
  withdrawnReason: z.string(),
  version: z.number(),
});

export const evaluationOut = z.object({
  id: z.number(),
  evaluatorOrgId: z.number(),
  evaluatorName: z.string(),
  year: z.number(),
  score: z.number(),
  comment: z.string(),
  enteredBy: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const subjectOut = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.number(),
  key: z.string(),
  name: z.string(),
  kindLabel: z.string(),
  township: z.string(),
  industries: z.array(z.string()),
  active: z.boolean(),
});

const currentGrade = z.object({ grade, validUntil: z.string(), ratingId: z.number() }).nullable();

const profileLoan = z.object({
  id: z.number(),
  no: z.string(),
  productName: z.string(),
  bank: z.string(),
  status: z.string(),
  grantedFen: z.number().nullable(),
  disbursedFen: z.number(),
  outstandingFen: z.number(),
  decidedOn: z.string(),
});

const profileOut = z.object({
  subject: subjectOut,
  asOf: z.string(),
  facts: z.array(factReading),
  staffFacts: z.array(staffFactOut),
  evaluations: z.array(evaluationOut),
  ratings: z.array(ratingOut),
  current: currentGrade,
  loans: z.array(profileLoan),
  modelVersion: z.number().nullable(),
});

const ratingListRow = z.object({
  id: z.number(),
  subjectKey: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  subjectId: z.number(),
  name: z.string(),
  kindLabel: z.string(),
  township: z.string(),
  grade,
  computedGrade: grade,
  scoreX100: z.number(),
  status: z.enum(RATING_STATUSES),
  asOf: z.string(),
  modelVersion: z.number(),
  approvedAt: z.string(),
});

export const creditContract = defineMethods({
  'credit.model.get': {
    title: '查看评级模型',
    input: z.object({}).default({}),
    output: z.object({
      current: modelVersionOut.nullable(),
      default: modelDefinition,
      versions: z.array(z.object({ version: z.number(), note: z.string(), createdBy: z.string(), createdAt: z.string(), ratings: z.number() })),
      facts: z.array(factInfo),
    }),
  },
  'credit.model.version': { title: '查看评级模型历史版本', input: z.object({ version: int('版本', 1) }), output: modelVersionOut },
  'credit.model.save': {
    title: '保存评级模型新版本',
    input: z.object({ baseVersion: int('所依据的版本', 0), definition: modelDefinition, note: text('修改说明', 200) }),
    output: z.object({ version: z.number() }),
  },
  'credit.profile.get': { title: '查看信用档案', input: z.object(subjectRef), output: profileOut },
  'credit.profile.export': { title: '导出信用档案', input: z.object(subjectRef), output: fileDownload },
  'credit.facts.add': {
    title: '登记信用记录',
    input: z.object({
      ...subjectRef,
      factKind: z.enum(STAFF_FACT_KINDS, { error: '请选择记录类别' }),
      occurredOn: date('发生日期'),
      endsOn: optDate('担保到期日'),
      title: text('事项', 200),
      amountFen: fen('金额').min(0, { error: '金额不能为负数' }).nullable().default(null),
      source: optText('依据', 200),
    }),
    output: staffFactOut,
  },
  'credit.facts.withdraw': { title: '撤销信用记录', input: z.object({ id: reqId('记录'), version, reason: text('撤销理由', 200) }), output: ok },
  'credit.evaluations.save': {
    title: '登记会员互评',
    input: z.object({
      ...subjectRef,
      evaluationId: z.number().int().positive().nullable().default(null),
      version: z.number().int().positive().nullable().default(null),
      evaluatorOrgId: reqId('评价单位'),
      year: int('评价年度', 2000, 2100),
      score: int('评分', 1, 5),
      comment: optText('评语', 500),
    }),
    output: evaluationOut,
  },
  'credit.evaluations.remove': { title: '删除会员互评', input: z.object({ id: reqId('评价'), version }), output: ok },
  'credit.rate': { title: '信用评级', input: z.object({ ...subjectRef, approve: z.boolean().default(false) }), output: ratingOut },
  'credit.rateAll': {
    title: '批量信用评级',
    input: z.object({ approve: z.boolean().default(false), who: z.enum(['orgs', 'households']).default('orgs'), townshipId: reqId('乡镇').nullable().default(null) }),
    output: jobStarted,
  },
  'credit.ratings.approve': {
    title: '审批信用评级',
    input: z.object({ id: reqId('评级'), grade: grade.nullable().default(null), reason: optText('调整理由', 300) }),
    output: ratingOut,
  },
  'credit.ratings.list': {
    title: '信用评级列表',
    input: z.object({
      q: optText('查询', 50),
      grade: z.union([grade, z.literal('')]).default(''),
      status: z.enum(['', 'proposed', 'approved'], { error: '状态无效' }).default(''),
      ...paging,
    }),
    output: z.object({ total: z.number(), rows: z.array(ratingListRow), grades: z.record(z.string(), z.number()), proposed: z.number() }),
  },
});
