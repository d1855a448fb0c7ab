import { z, text, int, id, optText, date } from '../zod';
import { defineMethods } from './define';
import { empty, ok, fileUpload, fileDownload } from './common';
import { jobStarted } from './admin';
import {
  categoryKind,
  categoryOut,
  dealInput,
  dealOut,
  deliveryOut,
  edit,
  eventInput,
  eventOut,
  figuresOut,
  listingFilter,
  listingInput,
  listingOut,
  matchingSettings,
  participantOut,
  partyKind,
  periodIn,
  productInput,
  productOut,
  qtyText,
  scorePart,
  suggestion,
} from './matchingFields';

const byId = (label: string) => z.object({ id: id(label) });
const paging = { offset: int('起始行').default(0), limit: int('每页行数', 1, 500).default(50) };
const versioned = (label: string) => ({ id: id(label), version: int('版本', 1) });

const candidate = z.object({ listing: listingOut, score: z.number(), parts: z.array(scorePart), suggestion });

export const proposalPair = z.object({
  supplyId: z.number(),
  demandId: z.number(),
  supplyCode: z.string(),
  demandCode: z.string(),
  seller: z.string(),
  buyer: z.string(),
  kind: categoryKind,
  productId: z.number(),
  product: z.string(),
  quantityBase: z.number(),
  score: z.number(),
  suggestion,
  supplyRemaining: z.string(),
  demandRemaining: z.string(),
  demandUnit: z.string(),
});

const importPreview = z.object({
  rows: z.array(z.object({ line: z.number(), error: z.string(), side: z.string(), party: z.string(), product: z.string(), quantity: z.string(), window: z.string() })),
  errors: z.number(),
});

/** Supply-matching (产销对接): catalogue, listings, ranked matches, batch proposals, deals, events, figures. */
export const matchingContract = defineMethods({
  'catalog.list': { title: '查看产品目录', input: empty, output: z.object({ categories: z.array(categoryOut), products: z.array(productOut) }) },
  'catalog.saveCategory': {
    title: '保存品类',
    input: z.object({ ...edit, name: text('品类名称', 20), kind: categoryKind, sort: int('排序').default(0) }),
    output: z.object({ id: z.number() }),
  },
  'catalog.saveProduct': { title: '保存产品', input: productInput, output: productOut },
  'catalog.saveUnit': {
    title: '保存单位换算',
    input: z.object({ productId: id('产品'), name: text('单位名称', 20), amount: qtyText('换算数量'), of: text('换算单位', 20) }),
    output: productOut,
  },
  'catalog.removeUnit': { title: '删除单位', input: z.object({ productId: id('产品'), name: text('单位名称', 20) }), output: productOut },

  'listings.list': { title: '查看挂牌信息', input: listingFilter.extend(paging), output: z.object({ total: z.number(), rows: z.array(listingOut) }) },
  'listings.get': {
    title: '查看挂牌详情',
    input: byId('挂牌'),
    output: z.object({ listing: listingOut, photos: z.array(z.object({ id: z.number(), name: z.string() })), deals: z.array(dealOut) }),
  },
  'listings.save': { title: '保存挂牌', input: listingInput, output: listingOut },
  'listings.setStatus': {
    title: '撤回或重开挂牌',
    input: z.object({ ...versioned('挂牌'), status: z.enum(['open', 'withdrawn']), reason: optText('原因', 200) }),
    output: listingOut,
  },
  'listings.addPhoto': { title: '上传挂牌照片', input: fileUpload.extend({ listingId: id('挂牌') }), output: ok },
  'listings.photo': { title: '查看挂牌照片', input: byId('照片'), output: fileDownload },
  'listings.removePhoto': { title: '删除挂牌照片', input: byId('照片'), output: ok },
  'listings.export': { title: '导出挂牌信息', input: listingFilter.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), output: fileDownload },
  'listings.importTemplate': { title: '下载挂牌导入模板', input: empty, output: fileDownload },
  'listings.importPreview': { title: '预览挂牌导入', input: fileUpload, output: importPreview },
  'listings.importCommit': { title: '导入挂牌信息', input: fileUpload, output: z.object({ imported: z.number() }) },

  'matching.rank': {
    title: '查看匹配推荐',
    input: z.object({ listingId: id('挂牌'), limit: int('条数', 1, 100).default(20) }),
    output: z.object({
      listing: listingOut,
      candidates: z.array(candidate),
      considered: z.number(),
      feasible: z.number(),
      excluded: z.array(z.object({ reason: z.string(), count: z.number() })),
      closed: z.string(),
    }),
  },
  'matching.propose': {
    title: '生成撮合方案',
    input: z.object({ kind: categoryKind.optional(), categoryId: z.number().int().positive().optional() }),
    output: jobStarted,
  },
  'matching.proposal': {
    title: '查看撮合方案',
    input: z.object({ jobId: text('任务', 32) }),
    output: z.object({
      pairs: z.array(proposalPair),
      openSupplies: z.number(),
      openDemands: z.number(),
      matchedSupplies: z.number(),
      matchedDemands: z.number(),
      weighted: z.number(),
      tookMs: z.number(),
    }),
  },
  'matching.accept': {
    title: '确认撮合方案',
    input: z.object({ items: z.array(dealInput).min(1, { error: '请至少选择一条配对' }).max(5000, { error: '一次最多确认 5000 条' }) }),
    output: z.object({ deals: z.array(z.number()) }),
  },
  'matching.getSettings': { title: '查看撮合权重', input: empty, output: matchingSettings },
  'matching.saveSettings': { title: '修改撮合权重', input: matchingSettings, output: matchingSettings },
  'matching.figures': { title: '查看产销对接统计', input: periodIn, output: figuresOut },
  'matching.exportFigures': { title: '导出产销对接统计', input: periodIn, output: fileDownload },

  'deals.list': {
    title: '查看成交',
    input: z.object({
      status: z.enum(['open', 'completed', 'cancelled', 'all']).default('all'),
      kind: categoryKind.optional(),
      productId: z.number().int().positive().optional(),
      eventId: z.number().int().positive().optional(),
      from: date('开始日期').or(z.literal('')).default(''),
      to: date('结束日期').or(z.literal('')).default(''),
      q: z.string().trim().max(60).default(''),
      ...paging,
    }),
    output: z.object({ total: z.number(), rows: z.array(dealOut) }),
  },
  'deals.get': { title: '查看成交详情', input: byId('成交'), output: z.object({ deal: dealOut, deliveries: z.array(deliveryOut) }) },
  'deals.create': { title: '确认成交', input: dealInput, output: dealOut },
  'deals.deliver': {
    title: '登记交货',
    input: z.object({ ...versioned('成交'), date: date('交货日期'), quantity: qtyText('交货数量'), unit: text('单位', 20), note: optText('备注', 200) }),
    output: dealOut,
  },
  'deals.cancel': { title: '取消成交', input: z.object({ ...versioned('成交'), reason: text('取消原因', 200) }), output: dealOut },

  'matchEvents.list': { title: '查看对接活动', input: z.object({ q: z.string().trim().max(60).default(''), ...paging }), output: z.object({ total: z.number(), rows: z.array(eventOut) }) },
  'matchEvents.get': { title: '查看对接活动详情', input: byId('活动'), output: z.object({ event: eventOut, participants: z.array(participantOut), deals: z.array(dealOut) }) },
  'matchEvents.save': { title: '保存对接活动', input: eventInput, output: eventOut },
  'matchEvents.addParticipant': {
    title: '添加活动参与方',
    input: z.object({ eventId: id('活动'), partyKind, partyId: id('参与方'), role: z.enum(['seller', 'buyer', 'other']).default('other') }),
    output: z.array(participantOut),
  },
  'matchEvents.removeParticipant': { title: '移除活动参与方', input: z.object({ eventId: id('活动'), partyKind, partyId: id('参与方') }), output: z.array(participantOut) },
});
