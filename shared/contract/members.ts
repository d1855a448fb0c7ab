import { z, text, optText, int, date, optDate, fen } from '../zod';
import { defineMethods } from './define';
import { fileDownload, ok } from './common';
import {
  coopMemberOut,
  edit,
  householdFields,
  householdFilter,
  householdOut,
  importKind,
  memberHit,
  memberKind,
  optId,
  orgFields,
  orgFilter,
  orgOut,
  ORG_KIND_VALUES,
  ORG_STATUS,
  reference,
  reqId,
  siteOut,
  SITE_KIND_VALUES,
  UNION_CATEGORIES,
  unionMemberOut,
  unionOut,
} from './memberFields';

const byId = z.object({ id: reqId('记录') });
const paging = { offset: int('起始行').default(0), limit: int('每页行数', 1, 500).default(50) };
const status = z.enum(ORG_STATUS, { error: '状态无效' });
const upload = { name: text('文件名', 255), base64: z.string({ error: '请选择文件' }).min(1, { error: '文件是空的' }) };

const importPreview = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.object({ line: z.number(), error: z.string(), values: z.array(z.string()) })),
  errors: z.number(),
  newIndustries: z.array(z.string()),
  encoding: z.string(),
});

const industryOut = z.object({ id: z.number(), name: z.string(), sort: z.number(), orgs: z.number(), unions: z.number() });

const summaryOut = z.object({
  totals: z.object({ households: z.number(), activeHouseholds: z.number(), orgs: z.number(), activeOrgs: z.number(), coopMembers: z.number(), unions: z.number(), sites: z.number() }),
  byKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  byTownship: z.array(z.object({ townshipId: z.number().nullable(), township: z.string(), households: z.number(), orgs: z.number(), coops: z.number() })),
  byIndustry: z.array(z.object({ industry: z.string(), orgs: z.number(), coops: z.number() })),
  byUnion: z.array(z.object({ unionId: z.number(), name: z.string(), kind: z.string(), level: z.string(), memberUnits: z.number() })),
  sitesByKind: z.array(z.object({ kind: z.string(), count: z.number() })),
  demoLevels: z.array(z.object({ level: z.string(), count: z.number() })),
  indicators: z.object({
    unions: z.number(),
    regionalUnions: z.number(),
    industryUnions: z.number(),
    memberUnits: z.number(),
    serviceCentres: z.number(),
    comprehensiveCoops: z.number(),
    distributionOutlets: z.number(),
    villageStations: z.number(),
    demoCoops: z.number(),
  }),
});

/**
 * The member registry (会员档案). Roles that see farmers' ID numbers and phones whole: admin and
 * frontdesk; bookkeeper and manager get them masked everywhere (lists, details, search, exports).
 */
export const membersContract = defineMethods({
  'members.search': {
    title: '查找会员',
    input: z.object({
      q: z.string().trim().max(60).default(''),
      kinds: z.array(memberKind).optional(),
      orgKinds: z.array(z.enum(ORG_KIND_VALUES)).optional(),
      activeOnly: z.boolean().default(false),
      coopId: z.number().int().positive().optional(),
      limit: int('条数', 1, 100).default(20),
    }),
    output: z.array(memberHit),
  },
  'members.summary': { title: '会员档案统计', input: z.object({}).default({}), output: summaryOut },
  'members.history': {
    title: '查看档案变更记录',
    input: z.object({ entity: z.enum(['org', 'household', 'union', 'site']), id: reqId('记录'), ...paging }),
    output: z.object({ total: z.number(), rows: z.array(z.object({ id: z.number(), at: z.string(), username: z.string(), method: z.string(), entity: z.string(), entityIds: z.string(), summary: z.string() })) }),
  },
  'members.export': {
    title: '导出会员名录',
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('households'), format: z.enum(['xlsx', 'csv']).default('xlsx'), filter: householdFilter.default(householdFilter.parse({})) }),
      z.object({ kind: z.literal('orgs'), format: z.enum(['xlsx', 'csv']).default('xlsx'), filter: orgFilter.default(orgFilter.parse({})) }),
      z.object({ kind: z.literal('coopMembers'), format: z.enum(['xlsx', 'csv']).default('xlsx'), coopId: reqId('合作社') }),
    ]),
    output: fileDownload,
  },
  'members.importTemplate': { title: '下载导入模板', input: z.object({ kind: importKind }), output: fileDownload },
  'members.importPreview': { title: '预览会员档案导入', input: z.object({ kind: importKind, ...upload }), output: importPreview },
  'members.importCommit': { title: '导入会员档案', input: z.object({ kind: importKind, ...upload }), output: z.object({ imported: z.number() }) },
  'members.reindex': { title: '重建会员搜索索引', input: z.object({}).default({}), output: z.object({ households: z.number(), orgs: z.number() }) },

  'orgs.list': { title: '查看主体', input: orgFilter.extend(paging), output: z.object({ total: z.number(), rows: z.array(orgOut) }) },
  'orgs.get': {
    title: '查看主体档案',
    input: byId,
    output: z.object({ org: orgOut, members: z.array(coopMemberOut), memberOf: z.array(coopMemberOut), unions: z.array(unionMemberOut), sites: z.array(siteOut), references: z.array(reference) }),
  },
  'orgs.save': { title: '保存主体', input: orgFields.extend(edit), output: orgOut },
  'orgs.setStatus': { title: '变更主体状态', input: z.object({ id: reqId('主体'), version: int('版本', 1), status }), output: orgOut },
  'orgs.remove': { title: '删除主体', input: byId, output: ok },

  'households.list': { title: '查看农户', input: householdFilter.extend(paging), output: z.object({ total: z.number(), rows: z.array(householdOut) }) },
  'households.get': { title: '查看农户档案', input: byId, output: z.object({ household: householdOut, memberOf: z.array(coopMemberOut), references: z.array(reference) }) },
  'households.save': { title: '保存农户', input: householdFields.extend(edit), output: householdOut },
  'households.setStatus': { title: '变更农户状态', input: z.object({ id: reqId('农户'), version: int('版本', 1), status: z.enum(['active', 'inactive']) }), output: householdOut },
  'households.remove': { title: '删除农户', input: byId, output: ok },

  'coopMembers.list': { title: '查看合作社成员', input: z.object({ coopId: reqId('合作社') }), output: z.array(coopMemberOut) },
  'coopMembers.save': {
    title: '保存合作社成员',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      coopId: reqId('合作社'),
      memberKind,
      memberId: reqId('成员'),
      joinedOn: date('入社日期'),
      leftOn: optDate('退社日期'),
      capitalPovertyFen: fen('扶贫项目资产出资').min(0, { error: '扶贫项目资产出资不能为负数' }).default(0),
      capitalOtherFen: fen('其他出资').min(0, { error: '其他出资不能为负数' }).default(0),
      notes: optText('备注', 200),
    }),
    output: coopMemberOut,
  },
  'coopMembers.remove': { title: '删除合作社成员记录', input: byId, output: ok },

  'unions.list': { title: '查看农合联', input: z.object({}).default({}), output: z.array(unionOut) },
  'unions.get': { title: '查看农合联档案', input: byId, output: z.object({ union: unionOut, members: z.array(unionMemberOut) }) },
  'unions.save': {
    title: '保存农合联',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      kind: z.enum(['regional', 'industry'], { error: '请选择农合联类型' }),
      level: z.enum(['county', 'township'], { error: '请选择层级' }).default('county'),
      name: text('名称', 60),
      industry: optText('产业', 20),
      establishedOn: optDate('成立日期'),
      notes: optText('备注', 500),
      townshipIds: z.array(reqId('乡镇')).max(100).default([]),
    }),
    output: unionOut,
  },
  'unions.setStatus': { title: '变更农合联状态', input: z.object({ id: reqId('农合联'), version: int('版本', 1), status }), output: unionOut },
  'unionMembers.save': {
    title: '保存农合联会员单位',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      unionId: reqId('农合联'),
      orgId: reqId('会员单位'),
      category: z.enum(UNION_CATEGORIES, { error: '请选择会员类别' }).default('会员单位'),
      joinedOn: date('加入日期'),
      leftOn: optDate('退出日期'),
      status: status.default('active'),
    }),
    output: unionMemberOut,
  },
  'unionMembers.remove': { title: '删除农合联会员记录', input: byId, output: ok },

  'sites.list': {
    title: '查看服务站点',
    input: z.object({ kind: z.enum(['', ...SITE_KIND_VALUES]).default(''), townshipId: optId('乡镇'), status: z.enum(['', ...ORG_STATUS]).default(''), q: z.string().trim().max(60).default('') }),
    output: z.array(siteOut),
  },
  'sites.save': {
    title: '保存服务站点',
    input: z.object({
      id: z.number().int().positive().optional(),
      version: z.number().int().positive().optional(),
      kind: z.enum(SITE_KIND_VALUES, { error: '请选择站点类型' }),
      name: text('站点名称', 60),
      townshipId: optId('乡镇（街道）'),
      villageId: optId('村（社区）'),
      address: optText('地址', 200),
      operatorOrgId: optId('运营主体'),
      operatorName: optText('运营方', 60),
      openedOn: optDate('开业日期'),
      status: status.default('active'),
      notes: optText('备注', 500),
    }),
    output: siteOut,
  },
  'sites.remove': { title: '删除服务站点', input: byId, output: ok },

  'industries.list': { title: '查看产业目录', input: z.object({}).default({}), output: z.array(industryOut) },
  'industries.save': { title: '保存产业', input: z.object({ id: z.number().int().positive().optional(), name: text('产业名称', 20), sort: int('排序').default(0) }), output: z.array(industryOut) },
  'industries.remove': { title: '删除产业', input: byId, output: z.array(industryOut) },
});
