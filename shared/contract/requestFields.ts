/** Field builders, value lists and record shapes of the front desk, shared by its contract and its screens. */
import { z, text, optText, int, date, optDate } from '../zod';

export const REQUEST_STATUS = ['received', 'dispatched', 'in_service', 'done', 'followed_up', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUS)[number];
export const STATUS_LABELS: Record<RequestStatus, string> = {
  received: '受理',
  dispatched: '派单',
  in_service: '服务中',
  done: '已完成',
  followed_up: '回访',
  cancelled: '已取消',
};

export const REQUEST_KIND_VALUES = [
  '农资配送',
  '农机作业',
  '生产托管·单环节',
  '生产托管·多环节',
  '生产托管·全程',
  '农技指导',
  '金融代办',
  '政策咨询',
  '项目申报',
  '财务代账',
  '产品流通',
  '其他',
] as const;
export const PRODUCTION_KIND_VALUES = ['农机作业', '生产托管·单环节', '生产托管·多环节', '生产托管·全程'] as const;
export const CHANNEL_VALUES = ['来访', '电话', '乡镇转办', '网上'] as const;
export const PRIORITY_LABELS = ['普通', '加急', '紧急'] as const;
export const PROVIDER_KIND_VALUES = ['专业化服务队', '综合服务合作社', '农机专业合作社', '个体农机手'] as const;
export const PAY_STATE_LABELS = { unpaid: '未付', partial: '部分付款', paid: '已付清' } as const;
export const STAT_DIMENSIONS = ['month', 'township', 'crop', 'link', 'provider', 'kind'] as const;
export const STAT_DIMENSION_LABELS: Record<(typeof STAT_DIMENSIONS)[number], string> = {
  month: '月份',
  township: '乡镇',
  crop: '作物',
  link: '环节',
  provider: '服务主体',
  kind: '服务类别',
};

export const reqId = (label: string) => z.number({ error: `请选择${label}` }).int({ error: `请选择${label}` }).positive({ error: `请选择${label}` });
export const optId = (label: string) => z.number({ error: `${label}无效` }).int({ error: `${label}无效` }).positive({ error: `${label}无效` }).nullable().default(null);
export const version = z.number({ error: '缺少版本号' }).int().positive();
/** An area in hundredths of a mu; zero or less is refused with the field's name. */
export const areaMu100 = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}最多两位小数` })
    .positive({ error: `${label}必须大于 0` })
    .max(100_000_000, { error: `${label}过大` });
export const priceFen = (label: string) =>
  z.number({ error: `${label}必须是金额` }).int({ error: `${label}必须精确到分` }).min(0, { error: `${label}不能为负数` }).max(100_000_000, { error: `${label}过大` });

export const party = z.object({ kind: z.enum(['household', 'org'], { error: '请选择农户或主体' }), id: reqId('农户或主体') }, { error: '请选择农户或主体' });

export const partyOut = z.object({
  kind: z.enum(['household', 'org']),
  id: z.number(),
  name: z.string(),
  phone: z.string(),
  township: z.string(),
  village: z.string(),
});

export const requestFields = z.object({
  party,
  channel: z.enum(CHANNEL_VALUES, { error: '请选择受理渠道' }),
  kind: z.enum(REQUEST_KIND_VALUES, { error: '请选择服务类别' }),
  cropId: optId('作物'),
  linkIds: z.array(reqId('环节')).max(20).default([]),
  /** 0 for kinds without a plot; production kinds require more than 0. */
  areaMu100: int('面积', 0, 100_000_000).default(0),
  townshipId: optId('乡镇'),
  villageId: optId('村（社区）'),
  location: optText('地块位置', 100),
  wishedFrom: optDate('期望开始日期'),
  wishedTo: optDate('期望结束日期'),
  priority: int('优先级', 0, 2).default(0),
  notes: optText('备注', 500),
  contractId: optId('托管合同'),
  contractPlotId: optId('合同地块'),
});
export type RequestFields = z.output<typeof requestFields>;

export const quoteLine = z.object({
  linkId: z.number(),
  link: z.string(),
  priceFen: z.number().nullable(),
  /** Where the price comes from: 价目表 or 合同. */
  priceSource: z.string(),
  areaMu100: z.number(),
  muTimes100: z.number(),
  feeFen: z.number(),
  subsidyFen: z.number(),
  dueFen: z.number(),
});
export const quoteOut = z.object({
  lines: z.array(quoteLine),
  muTimes100: z.number(),
  feeFen: z.number(),
  subsidyFen: z.number(),
  dueFen: z.number(),
  subsidyRule: z.string(),
  problems: z.array(z.string()),
});

export const requestRow = z.object({
  id: z.number(),
  code: z.string(),
  party: z.string(),
  partyKind: z.enum(['household', 'org']),
  kind: z.string(),
  channel: z.string(),
  crop: z.string(),
  links: z.string(),
  areaMu100: z.number(),
  township: z.string(),
  village: z.string(),
  wishedFrom: z.string(),
  wishedTo: z.string(),
  priority: z.number(),
  status: z.enum(REQUEST_STATUS),
  provider: z.string(),
  handler: z.string(),
  receivedAt: z.string(),
  overdue: z.array(z.string()),
  version: z.number(),
});

export const recordOut = z.object({
  id: z.number(),
  requestId: z.number(),
  linkId: z.number(),
  link: z.string(),
  doneOn: z.string(),
  areaMu100: z.number(),
  muTimes100: z.number(),
  operator: z.string(),
  machine: z.string(),
  priceFen: z.number(),
  feeFen: z.number(),
  subsidyFen: z.number(),
  dueFen: z.number(),
  paidFen: z.number(),
  payState: z.enum(['unpaid', 'partial', 'paid']),
  notes: z.string(),
  provider: z.string(),
  createdBy: z.string(),
  version: z.number(),
});

export const eventOut = z.object({ id: z.number(), action: z.string(), label: z.string(), fromStatus: z.string(), toStatus: z.string(), at: z.string(), username: z.string(), displayName: z.string(), note: z.string() });

export const complaintOut = z.object({
  id: z.number(),
  requestId: z.number(),
  requestCode: z.string(),
  party: z.string(),
  content: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.string(),
  receivedAt: z.string(),
  receivedBy: z.string(),
  resolvedAt: z.string(),
  resolvedBy: z.string(),
  version: z.number(),
});

export const requestDetail = z.object({
  id: z.number(),
  code: z.string(),
  party: partyOut,
  channel: z.enum(CHANNEL_VALUES),
  kind: z.enum(REQUEST_KIND_VALUES),
  production: z.boolean(),
  cropId: z.number().nullable(),
  crop: z.string(),
  links: z.array(z.object({ linkId: z.number(), name: z.string(), priceFen: z.number().nullable() })),
  areaMu100: z.number(),
  townshipId: z.number().nullable(),
  township: z.string(),
  villageId: z.number().nullable(),
  village: z.string(),
  location: z.string(),
  wishedFrom: z.string(),
  wishedTo: z.string(),
  priority: z.number(),
  notes: z.string(),
  status: z.enum(REQUEST_STATUS),
  provider: z.object({ id: z.number(), name: z.string(), kind: z.string(), contactName: z.string(), phone: z.string() }).nullable(),
  handlerId: z.number().nullable(),
  handler: z.string(),
  contract: z.object({ id: z.number(), code: z.string() }).nullable(),
  contractPlotId: z.number().nullable(),
  outsideReason: z.string(),
  cancelReason: z.string(),
  satisfaction: z.number().nullable(),
  followComment: z.string(),
  receivedOn: z.string(),
  receivedAt: z.string(),
  overdue: z.array(z.string()),
  events: z.array(eventOut),
  records: z.array(recordOut),
  /** Per link: planned area, area done so far. */
  progress: z.array(z.object({ linkId: z.number(), link: z.string(), plannedMu100: z.number(), doneMu100: z.number() })),
  quote: quoteOut,
  totals: z.object({ muTimes100: z.number(), feeFen: z.number(), subsidyFen: z.number(), paidFen: z.number(), dueFen: z.number() }),
  complaints: z.array(complaintOut),
  /** Lifecycle actions the request's status allows now (the role is checked separately). */
  actions: z.array(z.enum(['dispatch', 'start', 'record', 'complete', 'followUp', 'cancel', 'edit'])),
  version: z.number(),
});
export type RequestDetail = z.output<typeof requestDetail>;

export const machine = z.object({ name: text('机械名称', 40), kind: optText('机械类型', 20), count: int('台数', 1, 999).default(1) });

export const providerFields = z.object({
  name: text('服务主体名称', 60),
  kind: z.enum(PROVIDER_KIND_VALUES, { error: '请选择服务主体类型' }),
  orgId: optId('关联主体'),
  contactName: optText('联系人', 30),
  phone: optText('联系电话', 30),
  linkIds: z.array(reqId('环节')).max(30).default([]),
  cropIds: z.array(reqId('作物')).max(50).default([]),
  townshipIds: z.array(reqId('乡镇')).max(100).default([]),
  machines: z.array(machine).max(50).default([]),
  capacityMu100: int('日作业能力', 0, 100_000_000).default(0),
  notes: optText('备注', 500),
  active: z.boolean().default(true),
});

export const providerOut = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(PROVIDER_KIND_VALUES),
  orgId: z.number().nullable(),
  org: z.string(),
  contactName: z.string(),
  phone: z.string(),
  linkIds: z.array(z.number()),
  links: z.array(z.string()),
  cropIds: z.array(z.number()),
  crops: z.array(z.string()),
  townshipIds: z.array(z.number()),
  townships: z.array(z.string()),
  machines: z.array(z.object({ name: z.string(), kind: z.string(), count: z.number() })),
  capacityMu100: z.number(),
  notes: z.string(),
  active: z.boolean(),
  openRequests: z.number(),
  version: z.number(),
});

export const suggestionOut = z.object({
  providerId: z.number(),
  name: z.string(),
  kind: z.string(),
  rank: z.number(),
  /** Offers every link and the crop; a provider that does not cannot be chosen. */
  eligible: z.boolean(),
  coversTownship: z.boolean(),
  hasCapacity: z.boolean(),
  freeMuTimes100: z.number(),
  needMuTimes100: z.number(),
  reason: z.string(),
  warnings: z.array(z.string()),
});

export const priceOut = z.object({
  id: z.number(),
  linkId: z.number(),
  link: z.string(),
  cropId: z.number(),
  crop: z.string(),
  priceFen: z.number(),
  validFrom: z.string(),
  validTo: z.string(),
  notes: z.string(),
  version: z.number(),
});

export const subsidyRuleOut = z.object({
  id: z.number(),
  name: z.string(),
  shareBp: z.number(),
  capFenPerMu: z.number(),
  cropId: z.number().nullable(),
  crop: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  active: z.boolean(),
  notes: z.string(),
  version: z.number(),
});

export const contractPlot = z.object({
  id: z.number().int().positive().optional(),
  townshipId: reqId('地块乡镇'),
  villageId: optId('地块村'),
  location: optText('地块位置', 100),
  cropId: reqId('地块作物'),
  areaMu100: areaMu100('地块面积'),
});
export const contractPrice = z.object({ linkId: reqId('环节'), cropId: reqId('作物'), priceFen: priceFen('约定单价') });

export const contractFields = z.object({
  party,
  term: z.enum(['season', 'year'], { error: '请选择合同期限' }),
  model: z.enum(['全程托管', '多环节托管', '单环节托管'], { error: '请选择托管方式' }),
  startsOn: date('开始日期'),
  endsOn: date('结束日期'),
  signedOn: optDate('签订日期'),
  notes: optText('备注', 500),
  plots: z.array(contractPlot).min(1, { error: '请至少填写一块地' }).max(100),
  prices: z.array(contractPrice).min(1, { error: '请至少填写一个环节的约定单价' }).max(200),
});

export const rollupLine = z.object({ linkId: z.number(), link: z.string(), plannedMuTimes100: z.number(), muTimes100: z.number(), feeFen: z.number(), subsidyFen: z.number(), paidFen: z.number() });

export const contractOut = z.object({
  id: z.number(),
  code: z.string(),
  party: partyOut,
  term: z.enum(['season', 'year']),
  model: z.enum(['全程托管', '多环节托管', '单环节托管']),
  startsOn: z.string(),
  endsOn: z.string(),
  signedOn: z.string(),
  status: z.enum(['active', 'closed']),
  notes: z.string(),
  plots: z.array(z.object({ id: z.number(), townshipId: z.number(), township: z.string(), villageId: z.number().nullable(), village: z.string(), location: z.string(), cropId: z.number(), crop: z.string(), areaMu100: z.number() })),
  prices: z.array(z.object({ linkId: z.number(), link: z.string(), cropId: z.number(), crop: z.string(), priceFen: z.number() })),
  areaMu100: z.number(),
  version: z.number(),
});

export const statRow = z.object({
  key: z.string(),
  label: z.string(),
  requests: z.number(),
  done: z.number(),
  /** Average days from 受理 to 完成 over the requests completed in the period; null when none. */
  avgDays: z.number().nullable(),
  muTimes100: z.number(),
  feeFen: z.number(),
  subsidyFen: z.number(),
  paidFen: z.number(),
  followUps: z.number(),
  satisfaction: z.number().nullable(),
});
export type StatRow = z.output<typeof statRow>;
