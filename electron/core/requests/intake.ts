import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { contractPlots, requestLinks, serviceContracts, serviceRequests } from './schema';
import { villages, townships } from '../settings/schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { RequestFields } from '../../../shared/contract/requestFields';
import { listCrops, listLinks } from './catalog';
import { checkParty, partyColumns } from './party';
import { isProduction } from './rules';
import { addEvent, opOf, requestFor, type Op } from './events';

/**
 * Checks an intake or an edit against the catalogue and the registry, and returns the values to store.
 * Production kinds need a crop, links the crop offers, an area above zero and a township; the kind's
 * scope decides how many links (单环节 one, 多环节 two or more, 全程 every core link of the crop).
 */
export function checkRequest(store: Store, input: RequestFields) {
  checkParty(store, input.party.kind, input.party.id);
  if (input.wishedFrom && input.wishedTo && input.wishedTo < input.wishedFrom) throw fieldError('wishedTo', '期望结束日期不能早于开始日期');
  if (input.villageId !== null) {
    const v = store.db.select().from(villages).where(eq(villages.id, input.villageId)).get();
    if (!v) throw fieldError('villageId', '所选村（社区）不存在');
    if (input.townshipId !== null && v.townshipId !== input.townshipId) throw fieldError('villageId', '所选村（社区）不属于所选乡镇');
  }
  if (input.townshipId !== null && !store.db.select().from(townships).where(eq(townships.id, input.townshipId)).get()) throw fieldError('townshipId', '所选乡镇不存在');
  if (input.contractId !== null) checkContract(store, input);
  const production = isProduction(input.kind);
  const crop = input.cropId === null ? null : listCrops(store).find((c) => c.id === input.cropId);
  if (input.cropId !== null && !crop) throw fieldError('cropId', '所选作物不存在');
  if (!production) return { linkIds: [] as number[], crop };
  if (!crop) throw fieldError('cropId', '请选择作物');
  if (!crop.active) throw fieldError('cropId', `作物“${crop.name}”已停用`);
  if (input.areaMu100 <= 0) throw fieldError('areaMu100', '面积必须大于 0');
  if (input.townshipId === null) throw fieldError('townshipId', '请选择地块所在乡镇');
  const linkIds = [...new Set(input.linkIds)];
  if (linkIds.length === 0) throw fieldError('linkIds', '请选择服务环节');
  const links = new Map(listLinks(store).map((l) => [l.id, l]));
  for (const id of linkIds) {
    const link = links.get(id);
    if (!link) throw fieldError('linkIds', `环节 #${id} 不存在`);
    if (!crop.links.includes(id)) throw fieldError('linkIds', `“${crop.name}”没有“${link.name}”环节，请另选环节或作物`);
    if (!link.active) throw fieldError('linkIds', `环节“${link.name}”已停用`);
  }
  if (input.kind === '生产托管·单环节' && linkIds.length !== 1) throw fieldError('linkIds', '单环节托管只能选一个环节');
  if (input.kind === '生产托管·多环节' && linkIds.length < 2) throw fieldError('linkIds', '多环节托管至少选两个环节');
  if (input.kind === '生产托管·全程') {
    const missing = crop.links.filter((id) => links.get(id)?.core && links.get(id)?.active && !linkIds.includes(id));
    if (missing.length) throw fieldError('linkIds', `全程托管应包含${crop.name}的全部主要环节，缺少：${missing.map((id) => links.get(id)!.name).join('、')}`);
  }
  const sorted = [...links.values()].filter((l) => linkIds.includes(l.id)).map((l) => l.id);
  return { linkIds: sorted, crop };
}

function checkContract(store: Store, input: RequestFields): void {
  const c = store.db.select().from(serviceContracts).where(eq(serviceContracts.id, input.contractId!)).get();
  if (!c) throw fieldError('contractId', '所选托管合同不存在');
  if (c.status !== 'active') throw fieldError('contractId', `托管合同 ${c.code} 已结束`);
  const same = input.party.kind === 'household' ? c.householdId === input.party.id : c.orgId === input.party.id;
  if (!same) throw fieldError('contractId', `托管合同 ${c.code} 不是该农户（主体）的合同`);
  if (input.contractPlotId !== null) {
    const plot = store.db.select().from(contractPlots).where(eq(contractPlots.id, input.contractPlotId)).get();
    if (!plot || plot.contractId !== c.id) throw fieldError('contractPlotId', '所选地块不属于该合同');
    if (input.cropId !== null && plot.cropId !== input.cropId) throw fieldError('cropId', '作物与合同地块的作物不一致');
    if (input.areaMu100 > plot.areaMu100) throw fieldError('areaMu100', `面积超过合同地块面积（${plot.areaMu100 / 100} 亩）`);
  }
}

/** FW2025-00042: the year of receipt and a running number within it. */
function nextCode(store: Store, year: string): string {
  const prefix = `FW${year}-`;
  const last = store.db
    .select({ code: sql<string>`max(${serviceRequests.code})` })
    .from(serviceRequests)
    .where(and(gte(serviceRequests.code, prefix), lt(serviceRequests.code, `FW${year}.`)))
    .get()?.code;
  const n = last ? Number(last.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(n).padStart(5, '0')}`;
}

function values(input: RequestFields, linkIds: number[]) {
  const production = isProduction(input.kind);
  return {
    ...partyColumns(input.party),
    channel: input.channel,
    kind: input.kind,
    cropId: input.cropId,
    areaMu100: production || input.areaMu100 > 0 ? input.areaMu100 : 0,
    townshipId: input.townshipId,
    villageId: input.villageId,
    location: input.location,
    wishedFrom: input.wishedFrom,
    wishedTo: input.wishedTo,
    priority: input.priority,
    notes: input.notes,
    contractId: input.contractId,
    contractPlotId: input.contractPlotId,
    linkIds,
  };
}

/** Inserts a received request inside an open transaction; the handler is the clerk who took it in. */
export function insertRequest(op: Op, input: RequestFields): { id: number; code: string } {
  const { linkIds } = checkRequest(op.store, input);
  const { linkIds: _ids, ...v } = values(input, linkIds);
  const code = nextCode(op.store, op.today.slice(0, 4));
  const row = op.store.db
    .insert(serviceRequests)
    .values({ ...v, code, status: 'received', handlerId: op.actor.userId, receivedOn: op.today, receivedAt: op.at, createdAt: op.at, updatedAt: op.at })
    .returning({ id: serviceRequests.id })
    .get();
  for (const linkId of linkIds) op.store.db.insert(requestLinks).values({ requestId: row.id, linkId }).run();
  addEvent(op, row.id, 'create', '', 'received', `${input.channel}受理`);
  return { id: row.id, code };
}

export function createRequest(store: Store, actor: Actor, input: RequestFields): { id: number; code: string } {
  return store.write(actor, 'requests.create', (audit) => {
    const r = insertRequest(opOf(store, actor), input);
    audit.record({ entity: 'service_request', ids: [r.id], summary: { code: r.code, kind: input.kind, party: input.party, areaMu100: input.areaMu100, linkIds: input.linkIds } });
    return r;
  });
}

/**
 * Edits a request. Before dispatch everything may change; once dispatched, what the provider was sent
 * (party, kind, crop, links, area, plot) stays, and only dates, priority, notes and the handler change.
 */
export function updateRequest(store: Store, actor: Actor, input: RequestFields & { id: number; version: number; handlerId: number | null }): { id: number; version: number } {
  return store.write(actor, 'requests.update', (audit) => {
    const op = opOf(store, actor);
    const row = requestFor(store, input.id, 'edit', input.version);
    const { linkIds } = checkRequest(store, input);
    const { linkIds: _ids, ...v } = values(input, linkIds);
    const currentLinks = store.db.select().from(requestLinks).where(eq(requestLinks.requestId, row.id)).all().map((l) => l.linkId);
    if (row.status !== 'received') {
      const changed =
        v.householdId !== row.householdId ||
        v.orgId !== row.orgId ||
        v.kind !== row.kind ||
        v.cropId !== row.cropId ||
        v.areaMu100 !== row.areaMu100 ||
        v.townshipId !== row.townshipId ||
        v.villageId !== row.villageId ||
        v.location !== row.location ||
        v.contractId !== row.contractId ||
        linkIds.join(',') !== currentLinks.join(',');
      if (changed) throw new AppError('REFUSED', '已派单的申请不能修改农户、类别、作物、环节、面积和地块；如需变更请取消后重新受理');
    }
    if (input.handlerId !== null && !store.sqlite.prepare(`SELECT 1 FROM users WHERE id = ? AND active = 1 AND role IN ('frontdesk','admin')`).get(input.handlerId)) {
      throw fieldError('handlerId', '经办人须为在用的前台或管理员账号');
    }
    const version = row.version + 1;
    store.db
      .update(serviceRequests)
      .set({ ...v, handlerId: input.handlerId, version, updatedAt: op.at })
      .where(eq(serviceRequests.id, row.id))
      .run();
    if (row.status === 'received') {
      store.db.delete(requestLinks).where(eq(requestLinks.requestId, row.id)).run();
      for (const linkId of linkIds) store.db.insert(requestLinks).values({ requestId: row.id, linkId }).run();
    }
    addEvent(op, row.id, 'edit', row.status, row.status);
    audit.record({ entity: 'service_request', ids: [row.id], summary: { code: row.code, before: { wishedFrom: row.wishedFrom, wishedTo: row.wishedTo, areaMu100: row.areaMu100, handlerId: row.handlerId }, after: { wishedFrom: v.wishedFrom, wishedTo: v.wishedTo, areaMu100: v.areaMu100, handlerId: input.handlerId } } });
    return { id: row.id, version };
  });
}
