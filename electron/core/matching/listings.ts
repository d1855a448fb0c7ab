import { eq } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { catalogCategories, listings } from './schema';
import { townships } from '../settings/schema';
import { getProduct, findUnit, baseLabel, type ProductRow } from './catalog';
import { partyFks, requireActiveParty, type PartyKind } from './parties';
import { AppError, fieldError } from '../../../shared/errors';
import { standardUnit, toBase, type BaseUnit, type UnitFactor } from '../../../shared/quantity';
import { CERTIFICATIONS } from '../../../shared/contract/matchingFields';
import { readListingView, type ListingView } from './listingViews';

export const CONFLICT_MESSAGE = '此记录已被他人修改，请刷新后重试';

export interface ListingInput {
  id?: number | undefined;
  version?: number | undefined;
  side: 'supply' | 'demand';
  partyKind: PartyKind;
  partyId: number;
  categoryId: number | null;
  productId: number | null;
  grade: string;
  quantity: string;
  unit: string;
  priceMinFen: number | null;
  priceMaxFen: number | null;
  priceUnit: string;
  windowFrom: string;
  windowTo: string;
  townshipId: number | null;
  place: string;
  certifications: string[];
  notes: string;
}

interface Resolved {
  kind: 'produce' | 'input';
  categoryId: number;
  productId: number | null;
  baseUnit: BaseUnit;
  unit: UnitFactor;
  priceUnit: UnitFactor;
  quantityBase: number;
}

/** Product (or category), units and quantity, or a field error naming what to fix. */
function resolve(store: Store, input: ListingInput): Resolved {
  let product: ProductRow | null = null;
  if (input.productId !== null) {
    product = getProductOr(store, input.productId);
    if (!product.active && !input.id) throw fieldError('productId', `产品“${product.label}”已停用，不能新挂牌`, 'REFUSED');
  } else if (input.side === 'supply') throw fieldError('productId', '供应挂牌须选择具体产品');
  else if (input.categoryId === null) throw fieldError('productId', '请选择产品或品类');
  const categoryId = product?.categoryId ?? input.categoryId!;
  const category = store.db.select().from(catalogCategories).where(eq(catalogCategories.id, categoryId)).get();
  if (!category) throw fieldError('categoryId', '所选品类不存在');
  if (input.categoryId !== null && product && input.categoryId !== product.categoryId) throw fieldError('productId', `产品“${product.label}”不属于所选品类`);

  let unit: UnitFactor | null;
  let baseUnit: BaseUnit;
  if (product) {
    unit = findUnit(product, input.unit);
    baseUnit = product.baseUnit;
    if (!unit) throw fieldError('unit', `单位“${input.unit}”不适用于${product.label}（可用：${product.units.map((u) => u.name).join('、')}）`);
  } else {
    const std = standardUnit(input.unit);
    if (!std) throw fieldError('unit', `按品类求购时单位只能是 斤、公斤、吨、头、升、件 等标准单位，“${input.unit}”不行`);
    unit = std.unit;
    baseUnit = std.base;
  }
  const priceUnitName = input.priceUnit || input.unit;
  const priceUnit = product ? findUnit(product, priceUnitName) : standardUnit(priceUnitName)?.base === baseUnit ? standardUnit(priceUnitName)!.unit : null;
  if (!priceUnit) throw fieldError('priceUnit', `价格单位“${priceUnitName}”与数量单位不能换算`);

  if (input.grade) {
    if (!product) throw fieldError('grade', '按品类求购时不能指定等级');
    if (!product.grades.includes(input.grade)) throw fieldError('grade', `${product.label}没有等级“${input.grade}”（可选：${product.grades.join('、') || '无'}）`);
  }
  const q = toBase(input.quantity, unit, baseLabel(baseUnit));
  if (!q.ok) throw fieldError('quantity', q.error);
  return { kind: category.kind, categoryId, productId: product?.id ?? null, baseUnit, unit, priceUnit, quantityBase: q.base };
}

function getProductOr(store: Store, id: number): ProductRow {
  try {
    return getProduct(store, id);
  } catch {
    throw fieldError('productId', '所选产品不存在');
  }
}

function checkCommon(store: Store, input: ListingInput): { priceMin: number | null; priceMax: number | null } {
  if (input.windowTo < input.windowFrom) throw fieldError('windowTo', '结束日期不能早于开始日期');
  let priceMin = input.priceMinFen;
  let priceMax = input.priceMaxFen;
  // One end given means a single price; neither means 面议.
  if (priceMin === null) priceMin = priceMax;
  if (priceMax === null) priceMax = priceMin;
  if (priceMin !== null && priceMax !== null && priceMin > priceMax) throw fieldError('priceMaxFen', '最高价不能低于最低价');
  if (priceMin === 0 && priceMax === 0) throw fieldError('priceMinFen', '价格不能为 0；不定价请留空（面议）');
  if (input.townshipId !== null && !store.db.select().from(townships).where(eq(townships.id, input.townshipId)).get()) throw fieldError('townshipId', '所选乡镇不存在');
  const bad = input.certifications.find((c) => !(CERTIFICATIONS as readonly string[]).includes(c));
  if (bad) throw fieldError('certifications', `认证“${bad}”不在可选范围内`);
  return { priceMin, priceMax };
}

/** Everything a listing row needs, checked against the catalogue and the registry; nothing is written. */
export function prepareListing(store: Store, input: ListingInput) {
  const what = input.side === 'supply' ? '供应方' : '需求方';
  requireActiveParty(store, input.partyKind, input.partyId, 'partyId', what);
  const r = resolve(store, input);
  const { priceMin, priceMax } = checkCommon(store, input);
  return {
    side: input.side,
    kind: r.kind,
    partyKind: input.partyKind,
    partyId: input.partyId,
    ...partyFks(input.partyKind, input.partyId),
    categoryId: r.categoryId,
    productId: r.productId,
    grade: input.grade,
    baseUnit: r.baseUnit,
    quantityBase: r.quantityBase,
    unit: r.unit.name,
    unitNum: r.unit.num,
    unitDen: r.unit.den,
    priceMinFen: priceMin,
    priceMaxFen: priceMax,
    priceUnit: r.priceUnit.name,
    priceNum: r.priceUnit.num,
    priceDen: r.priceUnit.den,
    windowFrom: input.windowFrom,
    windowTo: input.windowTo,
    townshipId: input.townshipId,
    place: input.place,
    certifications: JSON.stringify(input.side === 'supply' ? input.certifications : []),
    notes: input.notes,
    updatedAt: store.now(),
  };
}

export function insertListing(store: Store, actor: Actor, values: ReturnType<typeof prepareListing>): number {
  return store.db
    .insert(listings)
    .values({ ...values, createdBy: actor.username, createdAt: store.now() })
    .returning({ id: listings.id })
    .get().id;
}

/** Creates or edits a listing. A listing with deals keeps its side, party and product, and never drops below what deals hold. */
export function saveListing(store: Store, actor: Actor, input: ListingInput): ListingView {
  return store.write(actor, 'listings.save', (audit) => {
    const values = prepareListing(store, input);
    if (input.id) {
      const before = store.db.select().from(listings).where(eq(listings.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `挂牌 #${input.id} 不存在`);
      if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
      const dealCount = store.sqlite.prepare('SELECT count(*) FROM deals WHERE supply_id = ? OR demand_id = ?').pluck().get(input.id, input.id) as number;
      if (dealCount > 0) {
        if (before.side !== values.side || before.partyKind !== values.partyKind || before.partyId !== values.partyId) throw fieldError('partyId', `该挂牌已有 ${dealCount} 笔成交，不能更换主体`, 'REFUSED');
        if (before.productId !== values.productId || before.categoryId !== values.categoryId || before.baseUnit !== values.baseUnit)
          throw fieldError('productId', `该挂牌已有 ${dealCount} 笔成交，不能更换产品`, 'REFUSED');
      }
      if (values.quantityBase < before.committedBase) throw fieldError('quantity', '数量不能少于已成交的数量');
      const status = before.status === 'withdrawn' ? 'withdrawn' : values.quantityBase > before.committedBase ? 'open' : 'matched';
      store.db
        .update(listings)
        .set({ ...values, status, version: before.version + 1 })
        .where(eq(listings.id, input.id))
        .run();
      audit.record({ entity: 'listing', ids: [input.id], summary: { before: { quantityBase: before.quantityBase, window: [before.windowFrom, before.windowTo] }, after: { quantityBase: values.quantityBase, window: [values.windowFrom, values.windowTo] } } });
      return readListingView(store, input.id);
    }
    const row = { id: insertListing(store, actor, values) };
    audit.record({ entity: 'listing', ids: [row.id], summary: { side: values.side, productId: values.productId, categoryId: values.categoryId, quantityBase: values.quantityBase, unit: values.unit } });
    return readListingView(store, row.id);
  });
}

/** Withdraws (撤回) or reopens a listing; deals already signed stay as they are. */
export function setListingStatus(store: Store, actor: Actor, input: { id: number; version: number; status: 'open' | 'withdrawn'; reason: string }): ListingView {
  return store.write(actor, 'listings.setStatus', (audit) => {
    const before = store.db.select().from(listings).where(eq(listings.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', `挂牌 #${input.id} 不存在`);
    if (before.version !== input.version) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
    if (input.status === 'withdrawn' && !input.reason) throw fieldError('reason', '请填写撤回原因');
    let status: 'open' | 'matched' | 'withdrawn' = input.status;
    if (input.status === 'open') {
      if (before.status !== 'withdrawn') throw new AppError('REFUSED', '只有已撤回的挂牌可以重新开放');
      requireActiveParty(store, before.partyKind, before.partyId, 'partyId', before.side === 'supply' ? '供应方' : '需求方');
      status = before.quantityBase > before.committedBase ? 'open' : 'matched';
    }
    store.db
      .update(listings)
      .set({ status, statusReason: input.reason, updatedAt: store.now(), version: before.version + 1 })
      .where(eq(listings.id, input.id))
      .run();
    audit.record({ entity: 'listing', ids: [input.id], summary: { status: { from: before.status, to: status }, reason: input.reason } });
    return readListingView(store, input.id);
  });
}
