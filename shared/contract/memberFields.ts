/** Field builders and record shapes of the member registry, shared by its contract and its forms. */
import { z, text, optText, int, optDate } from '../zod';
import { idNumberProblem, normalizeIdNumber } from '../validate/idNumber';
import { creditCodeProblem, normalizeCreditCode } from '../validate/creditCode';
import { normalizePhone, phoneProblem } from '../validate/phone';
import { isMasked } from '../format/mask';

export const ORG_KIND_VALUES = ['农民专业合作社', '家庭农场', '涉农企业', '村集体经济组织', '供销合作社基层社', '农村综合服务社', '为农服务中心', '金融机构', '担保机构', '行业协会', '其他'] as const;
export const SITE_KIND_VALUES = ['县级为农服务中心', '乡镇为农服务中心', '农村综合服务社', '农村流通网点', '村级一站式服务站'] as const;
export const ORG_STATUS = ['active', 'suspended', 'deregistered'] as const;
export const ORG_STATUS_LABELS: Record<(typeof ORG_STATUS)[number], string> = { active: '正常', suspended: '暂停', deregistered: '注销' };
export const HOUSEHOLD_STATUS_LABELS = { active: '正常', inactive: '已停用' } as const;
export const DEMO_LEVELS = ['国家级', '市级', '县级'] as const;
export const UNION_CATEGORIES = ['会员单位', '理事单位', '常务理事单位', '监事单位'] as const;

/** An 18-character ID number with a valid check digit, or empty; a masked value is passed back unchanged. */
export const idNumberField = (label = '身份证号') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .default('')
    .transform((v) => (isMasked(v) ? v : normalizeIdNumber(v)))
    .superRefine((v, ctx) => {
      if (!v || isMasked(v)) return;
      const p = idNumberProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });

export const creditCodeField = (label = '统一社会信用代码') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .default('')
    .transform(normalizeCreditCode)
    .superRefine((v, ctx) => {
      if (!v) return;
      const p = creditCodeProblem(v);
      if (p) ctx.addIssue({ code: 'custom', message: p });
    });

export const phoneField = (label = '联系电话') =>
  z
    .string({ error: `${label}必须是文字` })
    .trim()
    .default('')
    .superRefine((v, ctx) => {
      if (!v || isMasked(v) || normalizePhone(v) !== null) return;
      ctx.addIssue({ code: 'custom', message: `${label}：${phoneProblem(v)}` });
    });

export const optId = (label: string) => z.number({ error: `${label}无效` }).int({ error: `${label}无效` }).positive({ error: `${label}无效` }).nullable().default(null);
export const reqId = (label: string) => z.number({ error: `请选择${label}` }).int({ error: `请选择${label}` }).positive({ error: `请选择${label}` });
export const mu100 = (label: string) => int(label, 0, 1_000_000_000).default(0);
export const nameList = (label: string) => z.array(text(label, 20), { error: `${label}格式不正确` }).max(30, { error: `${label}最多 30 项` }).default([]);
export const edit = { id: z.number().int().positive().optional(), version: z.number().int().positive().optional(), confirmDuplicate: z.boolean().default(false) };

export const householdFields = z.object({
  name: text('姓名', 30),
  idNumber: idNumberField(),
  phone: phoneField(),
  townshipId: reqId('乡镇（街道）'),
  villageId: optId('村（社区）'),
  householdSize: int('家庭人口', 1, 50).default(1),
  landAreaMu100: mu100('耕地面积'),
  crops: nameList('主要作物'),
  notes: optText('备注', 500),
});

export const orgFields = z.object({
  kind: z.enum(ORG_KIND_VALUES, { error: '请选择主体类型' }),
  name: text('名称', 100),
  creditCode: creditCodeField(),
  legalRep: optText('法定代表人', 30),
  contactName: optText('联系人', 30),
  contactPhone: phoneField(),
  townshipId: optId('乡镇（街道）'),
  villageId: optId('村（社区）'),
  address: optText('地址', 200),
  industries: nameList('产业'),
  landAreaMu100: mu100('经营面积'),
  memberCount: int('成员数', 0, 1_000_000).default(0),
  demoLevel: z.enum(['', ...DEMO_LEVELS], { error: '示范等级无效' }).default(''),
  demoYear: int('示范年份', 1990, 2100).nullable().default(null),
  registeredOn: optDate('登记日期'),
  notes: optText('备注', 500),
});

export const householdOut = z.object({
  id: z.number(),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  townshipId: z.number().nullable(),
  villageId: z.number().nullable(),
  township: z.string(),
  village: z.string(),
  householdSize: z.number(),
  landAreaMu100: z.number(),
  crops: z.array(z.string()),
  notes: z.string(),
  status: z.enum(['active', 'inactive']),
  masked: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const orgOut = z.object({
  id: z.number(),
  kind: z.enum(ORG_KIND_VALUES),
  name: z.string(),
  creditCode: z.string(),
  legalRep: z.string(),
  contactName: z.string(),
  contactPhone: z.string(),
  townshipId: z.number().nullable(),
  villageId: z.number().nullable(),
  township: z.string(),
  village: z.string(),
  address: z.string(),
  industries: z.array(z.string()),
  landAreaMu100: z.number(),
  memberCount: z.number(),
  demoLevel: z.enum(['', ...DEMO_LEVELS]),
  demoYear: z.number().nullable(),
  registeredOn: z.string(),
  status: z.enum(ORG_STATUS),
  notes: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});

export const memberKind = z.enum(['household', 'org']);

export const coopMemberOut = z.object({
  id: z.number(),
  coopId: z.number(),
  coopName: z.string(),
  memberKind,
  memberId: z.number(),
  memberName: z.string(),
  memberCode: z.string(),
  township: z.string(),
  joinedOn: z.string(),
  leftOn: z.string(),
  current: z.boolean(),
  capitalPovertyFen: z.number(),
  capitalOtherFen: z.number(),
  notes: z.string(),
  version: z.number(),
});

export const unionOut = z.object({
  id: z.number(),
  kind: z.enum(['regional', 'industry']),
  level: z.enum(['county', 'township']),
  name: z.string(),
  industry: z.string(),
  establishedOn: z.string(),
  status: z.enum(ORG_STATUS),
  notes: z.string(),
  townshipIds: z.array(z.number()),
  townships: z.array(z.string()),
  memberUnits: z.number(),
  version: z.number(),
});

export const unionMemberOut = z.object({
  id: z.number(),
  unionId: z.number(),
  unionName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  orgKind: z.string(),
  township: z.string(),
  category: z.string(),
  joinedOn: z.string(),
  leftOn: z.string(),
  status: z.enum(ORG_STATUS),
  current: z.boolean(),
  version: z.number(),
});

export const siteOut = z.object({
  id: z.number(),
  kind: z.enum(SITE_KIND_VALUES),
  name: z.string(),
  townshipId: z.number().nullable(),
  villageId: z.number().nullable(),
  township: z.string(),
  village: z.string(),
  address: z.string(),
  operatorOrgId: z.number().nullable(),
  operatorOrg: z.string(),
  operatorName: z.string(),
  openedOn: z.string(),
  status: z.enum(ORG_STATUS),
  notes: z.string(),
  version: z.number(),
});

export const reference = z.object({ table: z.string(), column: z.string(), label: z.string(), count: z.number() });

export const memberHit = z.object({
  kind: memberKind,
  id: z.number(),
  name: z.string(),
  kindLabel: z.string(),
  orgKind: z.string(),
  townshipId: z.number().nullable(),
  villageId: z.number().nullable(),
  township: z.string(),
  village: z.string(),
  phone: z.string(),
  idNumber: z.string(),
  creditCode: z.string(),
  status: z.string(),
  active: z.boolean(),
  figures: z.string(),
  matched: z.string(),
  coopMemberId: z.number().nullable(),
});

export const householdFilter = z.object({
  q: z.string().trim().max(60).default(''),
  townshipId: optId('乡镇'),
  villageId: optId('村'),
  status: z.enum(['', 'active', 'inactive']).default(''),
  sort: z.enum(['id', 'name', 'land', 'updated']).default('id'),
  desc: z.boolean().default(true),
});

export const orgFilter = z.object({
  q: z.string().trim().max(60).default(''),
  kind: z.enum(['', ...ORG_KIND_VALUES]).default(''),
  townshipId: optId('乡镇'),
  industry: z.string().trim().max(20).default(''),
  status: z.enum(['', ...ORG_STATUS]).default(''),
  demoLevel: z.enum(['', 'any', ...DEMO_LEVELS]).default(''),
  sort: z.enum(['id', 'name', 'members', 'updated']).default('id'),
  desc: z.boolean().default(true),
});

export const importKind = z.enum(['households', 'orgs', 'coopMembers'], { error: '请选择导入类型' });
