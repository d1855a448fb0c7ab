import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { contractPlots, contractPrices, serviceContracts, serviceRequests } from './schema';
import { townships, villages } from '../settings/schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { z } from '../../../shared/zod';
import type { contractFields } from '../../../shared/contract/requestFields';
import { catalogNames, listCrops } from './catalog';
import { checkParty, partyColumns, partyOf, partyRef } from './party';
import { muTimes100 } from './rules';
import { all, conflict } from './util';

export type ContractInput = z.output<typeof contractFields> & { id?: number | undefined; version?: number | undefined };

function checkContractInput(store: Store, input: ContractInput): void {
  checkParty(store, input.party.kind, input.party.id);
  if (input.endsOn < input.startsOn) throw fieldError('endsOn', '结束日期不能早于开始日期');
  const crops = new Map(listCrops(store).map((c) => [c.id, c]));
  const names = catalogNames(store);
  input.plots.forEach((p, i) => {
    if (!crops.has(p.cropId)) throw fieldError(`plots.${i}.cropId`, `第 ${i + 1} 块地：作物不存在`);
    if (!store.db.select().from(townships).where(eq(townships.id, p.townshipId)).get()) throw fieldError(`plots.${i}.townshipId`, `第 ${i + 1} 块地：乡镇不存在`);
    if (p.villageId !== null) {
      const v = store.db.select().from(villages).where(eq(villages.id, p.villageId)).get();
      if (!v || v.townshipId !== p.townshipId) throw fieldError(`plots.${i}.villageId`, `第 ${i + 1} 块地：村（社区）不属于所选乡镇`);
    }
  });
  const plotCrops = new Set(input.plots.map((p) => p.cropId));
  const seen = new Set<string>();
  input.prices.forEach((p, i) => {
    const crop = crops.get(p.cropId);
    if (!crop) throw fieldError(`prices.${i}.cropId`, `第 ${i + 1} 个约定单价：作物不存在`);
    const link = names.link.get(p.linkId) ?? `#${p.linkId}`;
    if (!crop.links.includes(p.linkId)) throw fieldError(`prices.${i}.linkId`, `“${crop.name}”没有“${link}”环节`);
    if (!plotCrops.has(p.cropId)) throw fieldError(`prices.${i}.cropId`, `约定单价的作物“${crop.name}”不在合同地块中`);
    const key = `${p.linkId}/${p.cropId}`;
    if (seen.has(key)) throw fieldError(`prices.${i}.linkId`, `“${crop.name}·${link}”的约定单价重复`);
    seen.add(key);
  });
}

function nextCode(store: Store, year: string): string {
  const prefix = `TG${year}-`;
  const last = store.db
    .select({ code: sql<string>`max(${serviceContracts.code})` })
    .from(serviceContracts)
    .where(and(gte(serviceContracts.code, prefix), lt(serviceContracts.code, `TG${year}.`)))
    .get()?.code;
  return `${prefix}${String(last ? Number(last.slice(prefix.length)) + 1 : 1).padStart(3, '0')}`;
}

/** Writes a contract, its plots and agreed prices inside an open transaction. */
export function writeContract(store: Store, input: ContractInput): number {
  checkContractInput(store, input);
  const values = { ...partyColumns(input.party), term: input.term, model: input.model, startsOn: input.startsOn, endsOn: input.endsOn, signedOn: input.signedOn, notes: input.notes, updatedAt: store.now() };
  let id = input.id;
  if (!id) {
    id = store.db
      .insert(serviceContracts)
      .values({ ...values, code: nextCode(store, input.startsOn.slice(0, 4)), createdAt: store.now() })
      .returning({ id: serviceContracts.id })
      .get().id;
  } else {
    const before = store.db.select().from(serviceContracts).where(eq(serviceContracts.id, id)).get();
    if (!before) throw new AppError('NOT_FOUND', `托管合同 #${id} 不存在`);
    if (before.version !== input.version) throw conflict();
    if (before.householdId !== values.householdId || before.orgId !== values.orgId) {
      const used = store.db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.contractId, id)).get();
      if (used) throw fieldError('party', '合同已有服务申请，不能更换农户（主体）');
    }
    store.db
      .update(serviceContracts)
      .set({ ...values, version: before.version + 1 })
      .where(eq(serviceContracts.id, id))
      .run();
  }
  const keep = new Set(input.plots.map((p) => p.id).filter((x): x is number => x !== undefined));
  for (const old of store.db.select().from(contractPlots).where(eq(contractPlots.contractId, id)).all()) {
    if (keep.has(old.id)) continue;
    if (store.db.select({ id: serviceRequests.id }).from(serviceRequests).where(eq(serviceRequests.contractPlotId, old.id)).get()) {
      throw fieldError('plots', `地块“${old.location || old.id}”已有服务申请，不能删除`);
    }
    store.db.delete(contractPlots).where(eq(contractPlots.id, old.id)).run();
  }
  for (const p of input.plots) {
    const v = { contractId: id, townshipId: p.townshipId, villageId: p.villageId, location: p.location, cropId: p.cropId, areaMu100: p.areaMu100 };
    if (p.id !== undefined) {
      const own = store.db.select().from(contractPlots).where(eq(contractPlots.id, p.id)).get();
      if (!own || own.contractId !== id) throw fieldError('plots', `地块 #${p.id} 不属于该合同`);
      store.db.update(contractPlots).set(v).where(eq(contractPlots.id, p.id)).run();
    } else store.db.insert(contractPlots).values(v).run();
  }
  store.db.delete(contractPrices).where(eq(contractPrices.contractId, id)).run();
  for (const p of input.prices) store.db.insert(contractPrices).values({ contractId: id, linkId: p.linkId, cropId: p.cropId, priceFen: p.priceFen }).run();
  return id;
}

export function saveContract(store: Store, actor: Actor, input: ContractInput) {
  return store.write(actor, 'serviceContracts.save', (audit) => {
    const id = writeContract(store, input);
    audit.record({ entity: 'service_contract', ids: [id], summary: { party: input.party, term: input.term, model: input.model, startsOn: input.startsOn, endsOn: input.endsOn, plots: input.plots.length, prices: input.prices } });
    return getContract(store, actor, id);
  });
}

export function closeContract(store: Store, actor: Actor, input: { id: number; version: number }) {
  return store.write(actor, 'serviceContracts.close', (audit) => {
    const c = store.db.select().from(serviceContracts).where(eq(serviceContracts.id, input.id)).get();
    if (!c) throw new AppError('NOT_FOUND', `托管合同 #${input.id} 不存在`);
    if (c.version !== input.version) throw conflict();
    const open = all<{ n: number }>(store.sqlite, `SELECT count(*) AS n FROM service_requests WHERE contract_id = ? AND status IN ('received','dispatched','in_service')`, c.id)[0]!.n;
    if (open > 0) throw new AppError('REFUSED', `合同 ${c.code} 还有 ${open} 个未完成的服务申请，不能结束`);
    store.db.update(serviceContracts).set({ status: 'closed', version: c.version + 1, updatedAt: store.now() }).where(eq(serviceContracts.id, c.id)).run();
    audit.record({ entity: 'service_contract', ids: [c.id], summary: { status: 'closed' } });
    return getContract(store, actor, c.id);
  });
}

export function getContract(store: Store, actor: Actor, id: number) {
  const c = store.db.select().from(serviceContracts).where(eq(serviceContracts.id, id)).get();
  if (!c) throw new AppError('NOT_FOUND', `托管合同 #${id} 不存在`);
  const names = catalogNames(store);
  const tNames = new Map(store.db.select().from(townships).all().map((t) => [t.id, t.name]));
  const plots = store.db
    .select()
    .from(contractPlots)
    .where(eq(contractPlots.contractId, id))
    .all()
    .map((p) => ({
      id: p.id,
      townshipId: p.townshipId,
      township: tNames.get(p.townshipId) ?? '',
      villageId: p.villageId,
      village: p.villageId ? (store.db.select().from(villages).where(eq(villages.id, p.villageId)).get()?.name ?? '') : '',
      location: p.location,
      cropId: p.cropId,
      crop: names.crop.get(p.cropId) ?? '',
      areaMu100: p.areaMu100,
    }));
  const prices = store.db
    .select()
    .from(contractPrices)
    .where(eq(contractPrices.contractId, id))
    .all()
    .map((p) => ({ linkId: p.linkId, link: names.link.get(p.linkId) ?? '', cropId: p.cropId, crop: names.crop.get(p.cropId) ?? '', priceFen: p.priceFen }));
  const ref = partyRef(c);
  return {
    id: c.id,
    code: c.code,
    party: partyOf(store, actor, ref.kind, ref.id),
    term: c.term,
    model: c.model,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    signedOn: c.signedOn,
    status: c.status,
    notes: c.notes,
    plots,
    prices,
    areaMu100: plots.reduce((a, p) => a + p.areaMu100, 0),
    version: c.version,
  };
}

/**
 * The contract's service so far, per link: planned 亩次 (each plot's area once for every link agreed for
 * its crop) beside the 亩次, fees, subsidies and payments of the records of its requests.
 */
export function contractRollup(store: Store, id: number) {
  const names = catalogNames(store);
  const plots = store.db.select().from(contractPlots).where(eq(contractPlots.contractId, id)).all();
  const prices = store.db.select().from(contractPrices).where(eq(contractPrices.contractId, id)).all();
  const planned = new Map<number, number>();
  for (const p of prices) {
    const area = plots.filter((pl) => pl.cropId === p.cropId).reduce((a, pl) => a + pl.areaMu100, 0);
    planned.set(p.linkId, (planned.get(p.linkId) ?? 0) + muTimes100(area));
  }
  const done = all<{ link_id: number; mu: number; fee: number; subsidy: number; paid: number }>(
    store.sqlite,
    `SELECT link_id, sum(mu_times100) AS mu, sum(fee_fen) AS fee, sum(subsidy_fen) AS subsidy, sum(paid_fen) AS paid FROM service_records WHERE contract_id = ? GROUP BY link_id`,
    id,
  );
  const linkIds = [...new Set([...planned.keys(), ...done.map((d) => d.link_id)])];
  const lines = linkIds.map((linkId) => {
    const d = done.find((x) => x.link_id === linkId);
    return { linkId, link: names.link.get(linkId) ?? '', plannedMuTimes100: planned.get(linkId) ?? 0, muTimes100: d?.mu ?? 0, feeFen: d?.fee ?? 0, subsidyFen: d?.subsidy ?? 0, paidFen: d?.paid ?? 0 };
  });
  const requests = all<{ id: number; code: string; status: string; links: string; area_mu100: number; mu: number; fee: number; received_on: string }>(
    store.sqlite,
    `SELECT r.id, r.code, r.status, r.area_mu100, r.received_on,
            coalesce((SELECT group_concat(sl.name, '、') FROM request_links rl JOIN service_links sl ON sl.id = rl.link_id WHERE rl.request_id = r.id), '') AS links,
            coalesce((SELECT sum(mu_times100) FROM service_records s WHERE s.request_id = r.id), 0) AS mu,
            coalesce((SELECT sum(fee_fen) FROM service_records s WHERE s.request_id = r.id), 0) AS fee
     FROM service_requests r WHERE r.contract_id = ? ORDER BY r.id`,
    id,
  ).map((r) => ({ id: r.id, code: r.code, status: r.status, links: r.links, areaMu100: r.area_mu100, receivedOn: r.received_on, muTimes100: r.mu, feeFen: r.fee }));
  const total = (k: 'plannedMuTimes100' | 'muTimes100' | 'feeFen' | 'subsidyFen' | 'paidFen') => lines.reduce((a, l) => a + l[k], 0);
  return {
    lines,
    requests,
    totals: { plannedMuTimes100: total('plannedMuTimes100'), muTimes100: total('muTimes100'), feeFen: total('feeFen'), subsidyFen: total('subsidyFen'), paidFen: total('paidFen') },
  };
}

export function listContracts(store: Store, filter: { status: '' | 'active' | 'closed'; q: string }) {
  const q = filter.q.trim();
  return all<{ id: number; code: string; party: string; term: 'season' | 'year'; model: string; starts_on: string; ends_on: string; status: 'active' | 'closed'; area: number; requests: number; mu: number; household_id: number | null; org_id: number | null }>(
    store.sqlite,
    `SELECT c.id, c.code, coalesce(h.name, o.name, '') AS party, c.household_id, c.org_id, c.term, c.model, c.starts_on, c.ends_on, c.status,
            coalesce((SELECT sum(area_mu100) FROM contract_plots p WHERE p.contract_id = c.id), 0) AS area,
            (SELECT count(*) FROM service_requests r WHERE r.contract_id = c.id) AS requests,
            coalesce((SELECT sum(mu_times100) FROM service_records s WHERE s.contract_id = c.id), 0) AS mu
     FROM service_contracts c LEFT JOIN households h ON h.id = c.household_id LEFT JOIN orgs o ON o.id = c.org_id
     WHERE (@status = '' OR c.status = @status) AND (@q = '' OR c.code LIKE @qa OR h.name LIKE @qa OR o.name LIKE @qa OR h.py_initials LIKE @qp OR o.py_initials LIKE @qp)
     ORDER BY c.status, c.starts_on DESC, c.id DESC`,
    { status: filter.status, q, qa: `%${q}%`, qp: `${q.toLowerCase()}%` },
  ).map((c) => ({
    id: c.id,
    code: c.code,
    party: c.party,
    partyKind: c.household_id !== null ? ('household' as const) : ('org' as const),
    partyId: (c.household_id ?? c.org_id)!,
    term: c.term,
    model: c.model,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    status: c.status,
    areaMu100: c.area,
    requests: c.requests,
    muTimes100: c.mu,
  }));
}
