import type { Impls } from './router';
import type { requestsContract } from '../../shared/contract/requests';
import type { serviceSetupContract } from '../../shared/contract/serviceSetup';
import { AppError } from '../../shared/errors';
import { createRequest, updateRequest } from '../core/requests/intake';
import { getRequest, listComplaints } from '../core/requests/detail';
import { listQueue } from '../core/requests/queue';
import { quote } from '../core/requests/quote';
import { dispatchRequest, suggestProviders } from '../core/requests/dispatch';
import { addComplaint, cancelRequest, completeRequest, followUpRequest, resolveComplaint, startRequest } from '../core/requests/lifecycle';
import { addRecord, removeRecord, updateRecord } from '../core/requests/records';
import { workOrderPdf } from '../core/requests/workorder';
import { indicator6, serviceStats } from '../core/requests/stats';
import { requireTownship } from '../core/settings/geo';
import { exportProviders, exportStats } from '../core/requests/exports';
import { getCatalog, saveCrop, saveFrontDeskSettings, saveLink } from '../core/requests/catalog';
import { listProviders, saveProvider } from '../core/requests/providers';
import { commitProviderImport, previewProviderImport } from '../core/requests/providerImport';
import { listPrices, removePrice, savePrice, listSubsidyRules, saveSubsidyRule } from '../core/requests/prices';
import { closeContract, contractRollup, getContract, listContracts, saveContract } from '../core/requests/contracts';
import { today } from '../core/requests/util';
import '../core/requests/indicator';

/** Everyone on the staff reads; the front desk and the administrator take requests in and serve them. */
const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;
const DESK = ['admin', 'frontdesk'] as const;
/** Managers export figures for the county; bookkeepers read only. */
const EXPORTERS = ['admin', 'frontdesk', 'manager'] as const;

function decode(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的', { file: '文件是空的' });
  return bytes;
}

export const requestsHandlers: Impls<typeof requestsContract> = {
  'requests.list': { access: STAFF, handler: (ctx, input) => listQueue(ctx.store, ctx.actor, input) },
  'requests.get': { access: STAFF, handler: (ctx, input) => getRequest(ctx.store, ctx.actor, input.id) },
  'requests.quote': { access: STAFF, handler: (ctx, input) => quote(ctx.store, { ...input, on: input.on || today(ctx.store) }) },
  'requests.create': { access: DESK, handler: (ctx, input) => createRequest(ctx.store, ctx.actor, input) },
  'requests.update': { access: DESK, handler: (ctx, input) => updateRequest(ctx.store, ctx.actor, input) },
  'requests.suggest': { access: DESK, handler: (ctx, input) => suggestProviders(ctx.store, input.id, today(ctx.store)) },
  'requests.dispatch': { access: DESK, handler: (ctx, input) => dispatchRequest(ctx.store, ctx.actor, input) },
  'requests.start': { access: DESK, handler: (ctx, input) => startRequest(ctx.store, ctx.actor, input) },
  'requests.complete': { access: DESK, handler: (ctx, input) => completeRequest(ctx.store, ctx.actor, input) },
  'requests.cancel': { access: DESK, handler: (ctx, input) => cancelRequest(ctx.store, ctx.actor, input) },
  'requests.followUp': { access: DESK, handler: (ctx, input) => followUpRequest(ctx.store, ctx.actor, input) },
  'requests.addRecord': { access: DESK, handler: (ctx, input) => addRecord(ctx.store, ctx.actor, input) },
  'requests.updateRecord': { access: DESK, handler: (ctx, input) => updateRecord(ctx.store, ctx.actor, input) },
  'requests.removeRecord': { access: DESK, handler: (ctx, input) => removeRecord(ctx.store, ctx.actor, input) },
  'requests.addComplaint': { access: DESK, handler: (ctx, input) => addComplaint(ctx.store, ctx.actor, input) },
  'requests.resolveComplaint': { access: DESK, handler: (ctx, input) => resolveComplaint(ctx.store, ctx.actor, input) },
  'requests.complaints': { access: STAFF, handler: (ctx, input) => listComplaints(ctx.store, { status: input.status }) },
  'requests.handlers': {
    access: STAFF,
    handler: (ctx) => ctx.store.sqlite.prepare(`SELECT id, display_name AS displayName FROM users WHERE active = 1 AND role IN ('frontdesk', 'admin') ORDER BY role DESC, id`).all() as { id: number; displayName: string }[],
  },

  'workOrders.print': { access: DESK, handler: (ctx, input) => workOrderPdf(ctx.store, ctx.actor, input.id) },

  'serviceStats.get': {
    access: STAFF,
    handler: (ctx, input) => {
      if (input.to < input.from) throw new AppError('VALIDATION', '结束日期不能早于开始日期', { to: '结束日期不能早于开始日期' });
      const s = serviceStats(ctx.store, input.from, input.to, input.by, input.townshipId === undefined ? null : requireTownship(ctx.store, input.townshipId).id);
      return { ...s, indicator: { muTimes100: s.totals.muTimes100, wanMuTimes: Math.round(s.totals.muTimes100 / 100) / 10000 } };
    },
  },
  'serviceStats.export': {
    access: EXPORTERS,
    handler: (ctx, input) => {
      if (input.to < input.from) throw new AppError('VALIDATION', '结束日期不能早于开始日期', { to: '结束日期不能早于开始日期' });
      if (input.by === 'all' && input.format !== 'xlsx') throw new AppError('VALIDATION', '全部维度只能导出为 xlsx 工作簿', { format: '全部维度只能导出为 xlsx' });
      return exportStats(ctx.store, ctx.actor, { ...input, township: input.townshipId === undefined ? null : requireTownship(ctx.store, input.townshipId) });
    },
  },
  'serviceStats.indicator': { access: STAFF, handler: (ctx, input) => indicator6(ctx.store, input.year) },
};

export const serviceSetupHandlers: Impls<typeof serviceSetupContract> = {
  'serviceCatalog.get': { access: STAFF, handler: (ctx) => getCatalog(ctx.store) },
  'serviceCatalog.saveLink': { access: DESK, handler: (ctx, input) => saveLink(ctx.store, ctx.actor, input) },
  'serviceCatalog.saveCrop': { access: DESK, handler: (ctx, input) => saveCrop(ctx.store, ctx.actor, input) },
  'serviceCatalog.saveSettings': { access: DESK, handler: (ctx, input) => saveFrontDeskSettings(ctx.store, ctx.actor, input) },

  'providers.list': { access: STAFF, handler: (ctx, input) => listProviders(ctx.store, input) },
  'providers.save': { access: DESK, handler: (ctx, input) => saveProvider(ctx.store, ctx.actor, input) },
  'providers.export': { access: EXPORTERS, handler: (ctx, input) => exportProviders(ctx.store, ctx.actor, input.format) },
  'providers.importPreview': { access: DESK, handler: (ctx, input) => previewProviderImport(ctx.store, input.name, decode(input.base64)) },
  'providers.importCommit': { access: DESK, handler: (ctx, input) => commitProviderImport(ctx.store, ctx.actor, input.name, decode(input.base64)) },

  'servicePrices.list': { access: STAFF, handler: (ctx, input) => listPrices(ctx.store, { linkId: input.linkId, cropId: input.cropId, on: input.on }) },
  'servicePrices.save': { access: DESK, handler: (ctx, input) => savePrice(ctx.store, ctx.actor, input) },
  'servicePrices.remove': { access: DESK, handler: (ctx, input) => removePrice(ctx.store, ctx.actor, input) },

  'subsidyRules.list': { access: STAFF, handler: (ctx) => listSubsidyRules(ctx.store) },
  'subsidyRules.save': { access: DESK, handler: (ctx, input) => saveSubsidyRule(ctx.store, ctx.actor, input) },

  'serviceContracts.list': { access: STAFF, handler: (ctx, input) => listContracts(ctx.store, input) },
  'serviceContracts.get': { access: STAFF, handler: (ctx, input) => ({ contract: getContract(ctx.store, ctx.actor, input.id), rollup: contractRollup(ctx.store, input.id) }) },
  'serviceContracts.save': { access: DESK, handler: (ctx, input) => saveContract(ctx.store, ctx.actor, input) },
  'serviceContracts.close': { access: DESK, handler: (ctx, input) => closeContract(ctx.store, ctx.actor, input) },
};
