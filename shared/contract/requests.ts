import { z, text, optText, int, id, date, optDate, fen } from '../zod';
import { defineMethods } from './define';
import { fileDownload, ok } from './common';
import {
  REQUEST_KIND_VALUES,
  REQUEST_STATUS,
  STAT_DIMENSIONS,
  areaMu100,
  complaintOut,
  optId,
  quoteOut,
  reqId,
  requestDetail,
  requestFields,
  requestRow,
  statRow,
  suggestionOut,
  version,
} from './requestFields';

const changed = z.object({ id: z.number(), version: z.number() });
const step = z.object({ id: reqId('申请'), version, note: optText('说明', 200) });

const recordFields = {
  linkId: reqId('环节'),
  doneOn: date('作业日期'),
  areaMu100: areaMu100('作业面积'),
  operator: optText('机手（作业人）', 30),
  machine: optText('机械', 60),
  paidFen: fen('农户实付').min(0, { error: '农户实付不能为负数' }).default(0),
  notes: optText('备注', 200),
};

const groupCount = z.object({ id: z.number().nullable(), name: z.string(), count: z.number() });

/**
 * The front desk (前台受理): service requests, their lifecycle, service records in 亩次, complaints,
 * work orders and statistics. Methods that change requests are named requests.* so that other desks'
 * queues refresh on them (live topic 'requests').
 */
export const requestsContract = defineMethods({
  'requests.list': {
    title: '查看服务申请',
    input: z.object({
      status: z.enum([...REQUEST_STATUS, 'open', 'overdue', 'all']).default('open'),
      townshipId: optId('乡镇'),
      providerId: optId('服务主体'),
      handlerId: optId('经办人'),
      kind: z.enum(['', ...REQUEST_KIND_VALUES]).default(''),
      mine: z.boolean().default(false),
      q: z.string().trim().max(60).default(''),
      from: optDate('受理开始日期'),
      to: optDate('受理结束日期'),
      sort: z.enum(['receivedAt', 'code', 'wishedFrom', 'priority', 'township', 'status', 'areaMu100']).default('receivedAt'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      offset: int('起始行').default(0),
      limit: int('每页行数', 1, 500).default(50),
    }),
    output: z.object({
      total: z.number(),
      rows: z.array(requestRow),
      counts: z.record(z.string(), z.number()),
      byTownship: z.array(groupCount),
      byProvider: z.array(groupCount),
      byHandler: z.array(groupCount),
    }),
  },
  'requests.get': { title: '查看服务申请详情', input: z.object({ id: reqId('申请') }), output: requestDetail },
  'requests.quote': {
    title: '服务报价',
    input: z.object({
      kind: z.enum(REQUEST_KIND_VALUES, { error: '请选择服务类别' }),
      cropId: optId('作物'),
      linkIds: z.array(reqId('环节')).max(20).default([]),
      areaMu100: int('面积', 0, 100_000_000).default(0),
      on: optDate('日期'),
      contractId: optId('托管合同'),
    }),
    output: quoteOut,
  },
  'requests.create': { title: '受理服务申请', input: requestFields, output: z.object({ id: z.number(), code: z.string() }) },
  'requests.update': { title: '修改服务申请', input: requestFields.extend({ id: reqId('申请'), version, handlerId: optId('经办人') }), output: changed },
  'requests.suggest': { title: '推荐服务主体', input: z.object({ id: reqId('申请') }), output: z.array(suggestionOut) },
  'requests.dispatch': {
    title: '派单',
    input: z.object({ id: reqId('申请'), version, providerId: reqId('服务主体'), outsideReason: optText('跨范围派单原因', 200), note: optText('派单说明', 200) }),
    output: changed,
  },
  'requests.start': { title: '开始服务', input: step, output: changed },
  'requests.complete': { title: '完成服务申请', input: step, output: changed },
  'requests.cancel': { title: '取消服务申请', input: z.object({ id: reqId('申请'), version, reason: text('取消原因', 200) }), output: changed },
  'requests.followUp': {
    title: '回访',
    input: z.object({ id: reqId('申请'), version, satisfaction: int('满意度', 1, 5), comment: optText('回访意见', 500), complaint: optText('投诉内容', 500) }),
    output: changed,
  },
  'requests.addRecord': { title: '登记服务记录', input: z.object({ requestId: reqId('申请'), ...recordFields }), output: z.object({ id: z.number() }) },
  'requests.updateRecord': { title: '修改服务记录', input: z.object({ id: reqId('服务记录'), version, ...recordFields }), output: changed },
  'requests.removeRecord': { title: '删除服务记录', input: z.object({ id: reqId('服务记录'), version }), output: ok },
  'requests.addComplaint': { title: '登记投诉', input: z.object({ requestId: reqId('申请'), content: text('投诉内容', 500) }), output: z.object({ id: z.number() }) },
  'requests.resolveComplaint': { title: '处理投诉', input: z.object({ id: reqId('投诉'), version, resolution: text('处理结果', 500) }), output: changed },
  'requests.complaints': { title: '查看投诉', input: z.object({ status: z.enum(['', 'open', 'resolved']).default('open') }), output: z.array(complaintOut) },
  'requests.handlers': { title: '查看经办人', input: z.object({}).default({}), output: z.array(z.object({ id: z.number(), displayName: z.string() })) },

  'workOrders.print': { title: '打印派工单', input: z.object({ id: reqId('申请') }), output: fileDownload },

  'serviceStats.get': {
    title: '查看服务统计',
    input: z.object({ from: date('开始日期'), to: date('结束日期'), by: z.enum(STAT_DIMENSIONS).default('month'), townshipId: id('乡镇').optional() }),
    output: z.object({ rows: z.array(statRow), totals: statRow, indicator: z.object({ muTimes100: z.number(), wanMuTimes: z.number() }) }),
  },
  'serviceStats.export': {
    title: '导出服务统计',
    input: z.object({ from: date('开始日期'), to: date('结束日期'), by: z.enum([...STAT_DIMENSIONS, 'all']).default('all'), format: z.enum(['xlsx', 'csv', 'pdf']).default('xlsx'), townshipId: id('乡镇').optional() }),
    output: fileDownload,
  },
  'serviceStats.indicator': {
    title: '查看指标6（社会化服务规模）',
    input: z.object({ year: int('年份', 2000, 2100) }),
    output: z.object({ year: z.number(), muTimes100: z.number(), wanMuTimes: z.number() }),
  },
});
