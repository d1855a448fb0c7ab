import { z, text, optText, int, date, optDate } from '../zod';
import { defineMethods } from './define';
import { fileDownload, fileUpload, ok } from './common';
import { contractFields, contractOut, optId, priceFen, priceOut, providerFields, providerOut, reqId, rollupLine, subsidyRuleOut, version } from './requestFields';

const edit = { id: z.number().int().positive().optional(), version: z.number().int().positive().optional() };
const linkOut = z.object({ id: z.number(), name: z.string(), sort: z.number(), core: z.boolean(), active: z.boolean(), version: z.number() });
const cropOut = z.object({ id: z.number(), name: z.string(), sort: z.number(), links: z.array(z.number()), active: z.boolean(), version: z.number() });
const settingsOut = z.object({ startOverdueDays: z.number() });

const providerPreviewRow = z.object({ line: z.number(), name: z.string(), kind: z.string(), status: z.enum(['new', 'update', 'error']), error: z.string() });

/** What the front desk works with: links and crops, providers, the price list, subsidy rules, 托管 contracts. */
export const serviceSetupContract = defineMethods({
  'serviceCatalog.get': { title: '查看服务环节与作物', input: z.object({}).default({}), output: z.object({ links: z.array(linkOut), crops: z.array(cropOut), settings: settingsOut }) },
  'serviceCatalog.saveLink': {
    title: '保存服务环节',
    input: z.object({ ...edit, name: text('环节名称', 10), sort: int('排序').default(0), core: z.boolean().default(false), active: z.boolean().default(true) }),
    output: linkOut,
  },
  'serviceCatalog.saveCrop': {
    title: '保存作物',
    input: z.object({ ...edit, name: text('作物名称', 20), sort: int('排序').default(0), links: z.array(reqId('环节')).max(30).default([]), active: z.boolean().default(true) }),
    output: cropOut,
  },
  'serviceCatalog.saveSettings': { title: '保存前台设置', input: z.object({ startOverdueDays: int('派单后开始服务期限（天）', 1, 60) }), output: settingsOut },

  'providers.list': { title: '查看服务主体', input: z.object({ q: z.string().trim().max(60).default(''), activeOnly: z.boolean().default(false) }), output: z.array(providerOut) },
  'providers.save': { title: '保存服务主体', input: providerFields.extend(edit), output: providerOut },
  'providers.export': { title: '导出服务主体', input: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }), output: fileDownload },
  'providers.importPreview': { title: '预览服务主体导入', input: fileUpload, output: z.object({ rows: z.array(providerPreviewRow), errors: z.number() }) },
  'providers.importCommit': { title: '导入服务主体', input: fileUpload, output: z.object({ created: z.number(), updated: z.number() }) },

  'servicePrices.list': { title: '查看价目表', input: z.object({ linkId: optId('环节'), cropId: optId('作物'), on: optDate('日期') }), output: z.array(priceOut) },
  'servicePrices.save': {
    title: '保存价格',
    input: z.object({ ...edit, linkId: reqId('环节'), cropId: reqId('作物'), priceFen: priceFen('单价'), validFrom: date('有效期开始'), validTo: optDate('有效期结束'), notes: optText('备注', 200) }),
    output: priceOut,
  },
  'servicePrices.remove': { title: '删除价格', input: z.object({ id: reqId('价格'), version }), output: ok },

  'subsidyRules.list': { title: '查看补助规则', input: z.object({}).default({}), output: z.array(subsidyRuleOut) },
  'subsidyRules.save': {
    title: '保存补助规则',
    input: z.object({
      ...edit,
      name: text('规则名称', 60),
      shareBp: int('补助比例', 0, 10000),
      capFenPerMu: priceFen('每亩每季上限'),
      cropId: optId('作物'),
      validFrom: date('有效期开始'),
      validTo: optDate('有效期结束'),
      active: z.boolean().default(true),
      notes: optText('备注', 200),
    }),
    output: subsidyRuleOut,
  },

  'serviceContracts.list': {
    title: '查看托管合同',
    input: z.object({ status: z.enum(['', 'active', 'closed']).default(''), q: z.string().trim().max(60).default('') }),
    output: z.array(
      z.object({
        id: z.number(),
        code: z.string(),
        party: z.string(),
        partyKind: z.enum(['household', 'org']),
        partyId: z.number(),
        term: z.enum(['season', 'year']),
        model: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        status: z.enum(['active', 'closed']),
        areaMu100: z.number(),
        requests: z.number(),
        muTimes100: z.number(),
      }),
    ),
  },
  'serviceContracts.get': {
    title: '查看托管合同详情',
    input: z.object({ id: reqId('合同') }),
    output: z.object({
      contract: contractOut,
      rollup: z.object({
        lines: z.array(rollupLine),
        requests: z.array(z.object({ id: z.number(), code: z.string(), status: z.string(), links: z.string(), areaMu100: z.number(), receivedOn: z.string(), muTimes100: z.number(), feeFen: z.number() })),
        totals: z.object({ plannedMuTimes100: z.number(), muTimes100: z.number(), feeFen: z.number(), subsidyFen: z.number(), paidFen: z.number() }),
      }),
    }),
  },
  'serviceContracts.save': { title: '保存托管合同', input: contractFields.extend(edit), output: contractOut },
  'serviceContracts.close': { title: '结束托管合同', input: z.object({ id: reqId('合同'), version }), output: contractOut },
});
