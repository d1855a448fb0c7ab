import { eq } from 'drizzle-orm';
import { servicePrices, subsidyRules } from './schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { catalogNames, listCrops } from './catalog';
import type { SubsidyRuleTerms } from './rules';
import { all, conflict, one } from './util';

const OPEN_END = '9999-12-31';
const end = (validTo: string) => validTo || OPEN_END;
const overlaps = (a: { validFrom: string; validTo: string }, b: { validFrom: string; validTo: string }) => a.validFrom <= end(b.validTo) && b.validFrom <= end(a.validTo);

function checkPeriod(validFrom: string, validTo: string): void {
  if (validTo && validTo < validFrom) throw fieldError('validTo', '有效期结束日期不能早于开始日期');
}

export interface PriceRow {
  id: number;
  linkId: number;
  link: string;
  cropId: number;
  crop: string;
  priceFen: number;
  validFrom: string;
  validTo: string;
  notes: string;
  version: number;
}

export function listPrices(store: Store, filter: { linkId?: number | null; cropId?: number | null; on?: string } = {}): PriceRow[] {
  const names = catalogNames(store);
  return store.db
    .select()
    .from(servicePrices)
    .all()
    .filter((p) => (!filter.linkId || p.linkId === filter.linkId) && (!filter.cropId || p.cropId === filter.cropId) && (!filter.on || (p.validFrom <= filter.on && filter.on <= end(p.validTo))))
    .map((p) => ({ ...p, link: names.link.get(p.linkId) ?? '', crop: names.crop.get(p.cropId) ?? '' }))
    .sort((a, b) => a.crop.localeCompare(b.crop, 'zh-CN') || a.linkId - b.linkId || b.validFrom.localeCompare(a.validFrom));
}

/** The price list's price per mu for a link on a crop on a day, or null when none is valid then. */
export function priceOn(store: Store, linkId: number, cropId: number, on: string): number | null {
  const row = one<{ price_fen: number }>(
    store.sqlite,
    `SELECT price_fen FROM service_prices WHERE link_id = ? AND crop_id = ? AND valid_from <= ? AND (valid_to = '' OR valid_to >= ?) ORDER BY valid_from DESC LIMIT 1`,
    linkId,
    cropId,
    on,
    on,
  );
  return row ? row.price_fen : null;
}

export interface PriceInput {
  id?: number | undefined;
  version?: number | undefined;
  linkId: number;
  cropId: number;
  priceFen: number;
  validFrom: string;
  validTo: string;
  notes: string;
}

/** Validates and writes one price inside an open transaction (the form and the demo data share it). */
export function writePrice(store: Store, input: PriceInput): number {
  checkPeriod(input.validFrom, input.validTo);
  const crop = listCrops(store).find((c) => c.id === input.cropId);
  if (!crop) throw fieldError('cropId', '所选作物不存在');
  const names = catalogNames(store);
  const link = names.link.get(input.linkId);
  if (!link) throw fieldError('linkId', '所选环节不存在');
  if (!crop.links.includes(input.linkId)) throw fieldError('linkId', `“${crop.name}”没有“${link}”环节，不能定价（可在“服务环节与作物”中为该作物添加环节）`);
  const clash = store.db
    .select()
    .from(servicePrices)
    .all()
    .find((p) => p.linkId === input.linkId && p.cropId === input.cropId && p.id !== input.id && overlaps(p, input));
  if (clash) throw fieldError('validFrom', `${crop.name}·${link} 在 ${clash.validFrom} 至 ${clash.validTo || '长期'} 已有价格，有效期不能重叠`);
  const values = { linkId: input.linkId, cropId: input.cropId, priceFen: input.priceFen, validFrom: input.validFrom, validTo: input.validTo, notes: input.notes, updatedAt: store.now() };
  if (!input.id) return store.db.insert(servicePrices).values({ ...values, createdAt: store.now() }).returning({ id: servicePrices.id }).get().id;
  const before = store.db.select().from(servicePrices).where(eq(servicePrices.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `价格 #${input.id} 不存在`);
  if (before.version !== input.version) throw conflict();
  store.db
    .update(servicePrices)
    .set({ ...values, version: before.version + 1 })
    .where(eq(servicePrices.id, input.id))
    .run();
  return input.id;
}

export function savePrice(store: Store, actor: Actor, input: PriceInput): PriceRow {
  return store.write(actor, 'servicePrices.save', (audit) => {
    const id = writePrice(store, input);
    audit.record({ entity: 'service_price', ids: [id], summary: { linkId: input.linkId, cropId: input.cropId, priceFen: input.priceFen, validFrom: input.validFrom, validTo: input.validTo } });
    return listPrices(store).find((p) => p.id === id)!;
  });
}

/** Prices frozen on dispatched requests are copies, so removing a list entry changes no order. */
export function removePrice(store: Store, actor: Actor, input: { id: number; version: number }): { ok: true } {
  return store.write(actor, 'servicePrices.remove', (audit) => {
    const before = store.db.select().from(servicePrices).where(eq(servicePrices.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', `价格 #${input.id} 不存在`);
    if (before.version !== input.version) throw conflict();
    store.db.delete(servicePrices).where(eq(servicePrices.id, input.id)).run();
    audit.record({ entity: 'service_price', ids: [input.id], summary: { removed: before } });
    return { ok: true as const };
  });
}

export interface SubsidyRuleRow {
  id: number;
  name: string;
  shareBp: number;
  capFenPerMu: number;
  cropId: number | null;
  crop: string;
  validFrom: string;
  validTo: string;
  active: boolean;
  notes: string;
  version: number;
}

export function listSubsidyRules(store: Store): SubsidyRuleRow[] {
  const names = catalogNames(store);
  return store.db
    .select()
    .from(subsidyRules)
    .all()
    .map((r) => ({ id: r.id, name: r.name, shareBp: r.shareBp, capFenPerMu: r.capFenPerMu, cropId: r.cropId, crop: r.cropId ? (names.crop.get(r.cropId) ?? '') : '', validFrom: r.validFrom, validTo: r.validTo, active: r.active, notes: r.notes, version: r.version }))
    .sort((a, b) => Number(b.active) - Number(a.active) || b.validFrom.localeCompare(a.validFrom));
}

export interface AppliedRule extends SubsidyRuleTerms {
  id: number;
  name: string;
}

/** The active rule for a crop on a day: a rule for that crop wins over one for every crop. */
export function ruleOn(store: Store, cropId: number | null, on: string): AppliedRule | null {
  const rows = all<{ id: number; name: string; share_bp: number; cap_fen_per_mu: number; crop_id: number | null }>(
    store.sqlite,
    `SELECT id, name, share_bp, cap_fen_per_mu, crop_id FROM subsidy_rules
     WHERE active = 1 AND valid_from <= ? AND (valid_to = '' OR valid_to >= ?) AND (crop_id IS NULL OR crop_id = ?)
     ORDER BY crop_id IS NULL, valid_from DESC, id DESC LIMIT 1`,
    on,
    on,
    cropId ?? -1,
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, shareBp: r.share_bp, capFenPerMu: r.cap_fen_per_mu } : null;
}

export interface SubsidyRuleInput {
  id?: number | undefined;
  version?: number | undefined;
  name: string;
  shareBp: number;
  capFenPerMu: number;
  cropId: number | null;
  validFrom: string;
  validTo: string;
  active: boolean;
  notes: string;
}

export function saveSubsidyRule(store: Store, actor: Actor, input: SubsidyRuleInput): SubsidyRuleRow {
  return store.write(actor, 'subsidyRules.save', (audit) => {
    checkPeriod(input.validFrom, input.validTo);
    if (input.cropId !== null && !listCrops(store).some((c) => c.id === input.cropId)) throw fieldError('cropId', '所选作物不存在');
    if (input.active) {
      const clash = store.db
        .select()
        .from(subsidyRules)
        .all()
        .find((r) => r.active && r.id !== input.id && r.cropId === input.cropId && overlaps(r, input));
      if (clash) throw fieldError('validFrom', `补助规则“${clash.name}”的有效期与此重叠；同一作物范围同一天只能有一条生效的规则`);
    }
    const values = { name: input.name, shareBp: input.shareBp, capFenPerMu: input.capFenPerMu, cropId: input.cropId, validFrom: input.validFrom, validTo: input.validTo, active: input.active, notes: input.notes, updatedAt: store.now() };
    let id = input.id;
    if (!id) {
      id = store.db.insert(subsidyRules).values({ ...values, createdAt: store.now() }).returning({ id: subsidyRules.id }).get().id;
    } else {
      const before = store.db.select().from(subsidyRules).where(eq(subsidyRules.id, id)).get();
      if (!before) throw new AppError('NOT_FOUND', `补助规则 #${id} 不存在`);
      if (before.version !== input.version) throw conflict();
      store.db
        .update(subsidyRules)
        .set({ ...values, version: before.version + 1 })
        .where(eq(subsidyRules.id, id))
        .run();
    }
    audit.record({ entity: 'subsidy_rule', ids: [id], summary: { name: input.name, shareBp: input.shareBp, capFenPerMu: input.capFenPerMu, cropId: input.cropId, validFrom: input.validFrom, validTo: input.validTo, active: input.active } });
    return listSubsidyRules(store).find((r) => r.id === id)!;
  });
}
