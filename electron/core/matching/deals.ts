import { eq } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { deals, dealDeliveries, listings, matchingEvents } from './schema';
import { getProduct, findUnit, baseLabel, type ProductRow } from './catalog';
import { requireActiveParty } from './parties';
import { listingCode } from './listingViews';
import { matchRun, loadRecords, toOffer, OFFER_COLUMNS, todayOf, type OfferRow } from './offers';
import { score } from './score';
import { CONFLICT_MESSAGE } from './listings';
import { readDeal, type DealView } from './dealViews';
import { AppError, fieldError } from '../../../shared/errors';
import { comparePrice, formatQty, toBase, valueFen, type UnitFactor } from '../../../shared/quantity';
import { formatFen } from '../../../shared/money';

export interface DealInput {
  supplyId: number;
  demandId: number;
  quantity: string;
  unit: string;
  priceFen: number;
  priceUnit: string;
  deliveryDate: string;
  signedOn: string;
  eventId: number | null;
  notes: string;
}

type ListingRow = typeof listings.$inferSelect;

const STATUS_TEXT = { matched: '已全部成交', withdrawn: '已撤回', open: '' } as const;

/** Field errors of one item of a batch name the row ("第 3 条：…") and the item's field path. */
function failer(index: number | null) {
  return (field: string, message: string, code: 'VALIDATION' | 'REFUSED' | 'CONFLICT' = 'VALIDATION') => {
    if (index === null) return fieldError(field, message, code);
    const m = `第 ${index + 1} 条：${message}`;
    return new AppError(code, m, { [`items.${index}.${field}`]: m });
  };
}

function listingFor(store: Store, id: number, side: 'supply' | 'demand', fail: ReturnType<typeof failer>): ListingRow {
  const field = side === 'supply' ? 'supplyId' : 'demandId';
  const what = side === 'supply' ? '供应挂牌' : '需求挂牌';
  const row = store.db.select().from(listings).where(eq(listings.id, id)).get();
  if (!row || row.side !== side) throw fail(field, `${what} #${id} 不存在`);
  if (row.status !== 'open') throw fail(field, `${what} ${listingCode(side, id)} ${STATUS_TEXT[row.status]}，不能再成交`, 'REFUSED');
  return row;
}

const factor = (name: string, num: number, den: number): UnitFactor => ({ name, num, den });

/** Holds `qty` on a listing (negative releases it) and keeps its status in step with what is left. */
function commit(store: Store, l: ListingRow, qty: number): void {
  const committed = l.committedBase + qty;
  const status = l.status === 'withdrawn' ? 'withdrawn' : committed >= l.quantityBase ? 'matched' : 'open';
  store.db.update(listings).set({ committedBase: committed, status, updatedAt: store.now(), version: l.version + 1 }).where(eq(listings.id, l.id)).run();
}

/**
 * Confirms one or more matches as deals in one transaction: every hard rule is checked again against
 * the listings as they are now (earlier items of the same batch included), so a stale proposal can
 * never over-allocate. Any failing item refuses the whole batch.
 */
export function createDeals(store: Store, actor: Actor, items: DealInput[], method: 'deals.create' | 'matching.accept'): number[] {
  return store.write(actor, method, (audit) => {
    const run = matchRun(store);
    const products = new Map<number, ProductRow>();
    const ids: number[] = [];
    const now = store.now();
    items.forEach((it, index) => {
      const fail = failer(method === 'matching.accept' ? index : null);
      const s = listingFor(store, it.supplyId, 'supply', fail);
      const d = listingFor(store, it.demandId, 'demand', fail);
      requireActiveParty(store, s.partyKind, s.partyId, 'supplyId', '供应方');
      requireActiveParty(store, d.partyKind, d.partyId, 'demandId', '需求方');
      if (s.partyKind === d.partyKind && s.partyId === d.partyId) throw fail('demandId', '供需双方是同一主体', 'REFUSED');
      if (s.kind !== d.kind || (d.productId !== null ? d.productId !== s.productId : d.categoryId !== s.categoryId)) throw fail('demandId', '需求的产品与供应不符', 'REFUSED');
      if (s.baseUnit !== d.baseUnit) throw fail('demandId', '供需双方的计量方式不同，无法换算', 'REFUSED');
      let product = products.get(s.productId!);
      if (!product) products.set(s.productId!, (product = getProduct(store, s.productId!)));
      const unit = findUnit(product, it.unit);
      if (!unit) throw fail('unit', `单位“${it.unit}”不适用于${product.label}`);
      const q = toBase(it.quantity, unit, baseLabel(product.baseUnit), '成交数量');
      if (!q.ok) throw fail('quantity', q.error);
      const sLeft = s.quantityBase - s.committedBase;
      const dLeft = d.quantityBase - d.committedBase;
      const sUnit = factor(s.unit, s.unitNum, s.unitDen);
      const dUnit = factor(d.unit, d.unitNum, d.unitDen);
      if (q.base > sLeft) throw fail('quantity', `成交数量超过供应挂牌剩余（剩 ${formatQty(sLeft, sUnit)} ${sUnit.name}）`, 'REFUSED');
      if (q.base > dLeft) throw fail('quantity', `成交数量超过需求挂牌剩余（剩 ${formatQty(dLeft, dUnit)} ${dUnit.name}）`, 'REFUSED');
      const priceUnit = findUnit(product, it.priceUnit);
      if (!priceUnit) throw fail('priceUnit', `价格单位“${it.priceUnit}”不适用于${product.label}`);
      if (s.priceMinFen !== null && comparePrice(it.priceFen, priceUnit, s.priceMinFen, factor(s.priceUnit, s.priceNum, s.priceDen)) < 0)
        throw fail('priceFen', `成交价低于供方最低价 ${formatFen(s.priceMinFen)} 元/${s.priceUnit}`, 'REFUSED');
      if (d.priceMaxFen !== null && comparePrice(it.priceFen, priceUnit, d.priceMaxFen, factor(d.priceUnit, d.priceNum, d.priceDen)) > 0)
        throw fail('priceFen', `成交价高于需方最高价 ${formatFen(d.priceMaxFen)} 元/${d.priceUnit}`, 'REFUSED');
      const from = s.windowFrom > d.windowFrom ? s.windowFrom : d.windowFrom;
      const to = s.windowTo < d.windowTo ? s.windowTo : d.windowTo;
      if (from > to) throw fail('deliveryDate', '供需双方的时间窗口不重叠', 'REFUSED');
      if (it.deliveryDate < from || it.deliveryDate > to) throw fail('deliveryDate', `交货日期须在双方共同的时间窗口内（${from} 至 ${to}）`);
      if (it.eventId !== null && !store.db.select().from(matchingEvents).where(eq(matchingEvents.id, it.eventId)).get()) throw fail('eventId', '所选对接活动不存在');

      const rows = store.sqlite.prepare(`SELECT ${OFFER_COLUMNS} FROM listings WHERE id IN (?, ?)`).all(s.id, d.id) as OfferRow[];
      const records = loadRecords(store, rows);
      const so = toOffer(rows.find((r) => r.id === s.id)!, run, records);
      const dOffer = toOffer(rows.find((r) => r.id === d.id)!, run, records);
      const row = store.db
        .insert(deals)
        .values({
          supplyId: s.id,
          demandId: d.id,
          kind: s.kind,
          sellerKind: s.partyKind,
          sellerId: s.partyId,
          sellerOrgId: s.orgId,
          sellerHouseholdId: s.householdId,
          buyerKind: d.partyKind,
          buyerId: d.partyId,
          buyerOrgId: d.orgId,
          buyerHouseholdId: d.householdId,
          categoryId: s.categoryId,
          productId: s.productId!,
          grade: s.grade,
          baseUnit: s.baseUnit,
          quantityBase: q.base,
          unit: unit.name,
          unitNum: unit.num,
          unitDen: unit.den,
          priceFen: it.priceFen,
          priceUnit: priceUnit.name,
          priceNum: priceUnit.num,
          priceDen: priceUnit.den,
          valueFen: valueFen(q.base, it.priceFen, priceUnit),
          signedOn: it.signedOn,
          deliveryDate: it.deliveryDate,
          eventId: it.eventId,
          originTownshipId: s.townshipId,
          certifications: s.certifications,
          score: Math.round(score(so, dOffer, 'demand', run.ctx) * 1000),
          notes: it.notes,
          createdBy: actor.username,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: deals.id })
        .get();
      commit(store, s, q.base);
      commit(store, d, q.base);
      if (it.eventId !== null) {
        const add = store.sqlite.prepare('INSERT OR IGNORE INTO matching_event_parties (event_id, party_kind, party_id, org_id, household_id, role) VALUES (?, ?, ?, ?, ?, ?)');
        add.run(it.eventId, s.partyKind, s.partyId, s.orgId, s.householdId, 'seller');
        add.run(it.eventId, d.partyKind, d.partyId, d.orgId, d.householdId, 'buyer');
      }
      ids.push(row.id);
    });
    audit.record({
      entity: 'deal',
      ids,
      summary: { deals: items.slice(0, 50).map((it) => ({ supply: it.supplyId, demand: it.demandId, quantity: `${it.quantity}${it.unit}`, priceFen: it.priceFen, priceUnit: it.priceUnit })), count: items.length },
    });
    return ids;
  });
}

function dealRow(store: Store, id: number, version: number) {
  const d = store.db.select().from(deals).where(eq(deals.id, id)).get();
  if (!d) throw new AppError('NOT_FOUND', `成交 #${id} 不存在`);
  if (d.version !== version) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  if (d.status === 'cancelled') throw new AppError('REFUSED', '该成交已取消');
  return d;
}

/** One delivery against a deal; the deal completes when everything agreed has been delivered. */
export function deliver(store: Store, actor: Actor, input: { id: number; version: number; date: string; quantity: string; unit: string; note: string }): DealView {
  return store.write(actor, 'deals.deliver', (audit) => {
    const d = dealRow(store, input.id, input.version);
    if (d.status === 'completed') throw new AppError('REFUSED', '该成交已全部交货');
    if (input.date < d.signedOn) throw fieldError('date', `交货日期不能早于签约日期 ${d.signedOn}`);
    const product = getProduct(store, d.productId);
    const unit = findUnit(product, input.unit);
    if (!unit) throw fieldError('unit', `单位“${input.unit}”不适用于${product.label}`);
    const q = toBase(input.quantity, unit, baseLabel(product.baseUnit), '交货数量');
    if (!q.ok) throw fieldError('quantity', q.error);
    const left = d.quantityBase - d.deliveredBase;
    const dUnit = factor(d.unit, d.unitNum, d.unitDen);
    if (q.base > left) throw fieldError('quantity', `交货数量超过未交货的 ${formatQty(left, dUnit)} ${dUnit.name}`, 'REFUSED');
    const price = factor(d.priceUnit, d.priceNum, d.priceDen);
    const delivered = d.deliveredBase + q.base;
    // Each delivery's value is the difference of running totals, so the deliveries add up to the deal exactly.
    const deliveredValue = delivered === d.quantityBase ? d.valueFen : valueFen(delivered, d.priceFen, price);
    const now = store.now();
    store.db
      .insert(dealDeliveries)
      .values({ dealId: d.id, date: input.date, quantityBase: q.base, valueFen: deliveredValue - d.deliveredValueFen, note: input.note, createdBy: actor.username, createdAt: now })
      .run();
    store.db
      .update(deals)
      .set({ deliveredBase: delivered, deliveredValueFen: deliveredValue, status: delivered === d.quantityBase ? 'completed' : 'open', updatedAt: now, version: d.version + 1 })
      .where(eq(deals.id, d.id))
      .run();
    audit.record({ entity: 'deal', ids: [d.id], summary: { delivery: { date: input.date, quantity: `${input.quantity}${input.unit}`, quantityBase: q.base }, delivered } });
    return readDeal(store, d.id);
  });
}

/** Cancels what is not yet delivered and gives it back to both listings. */
export function cancelDeal(store: Store, actor: Actor, input: { id: number; version: number; reason: string }): DealView {
  return store.write(actor, 'deals.cancel', (audit) => {
    const d = dealRow(store, input.id, input.version);
    if (d.status === 'completed') throw new AppError('REFUSED', '已全部交货的成交不能取消');
    const release = d.quantityBase - d.deliveredBase;
    for (const lid of [d.supplyId, d.demandId]) {
      const l = store.db.select().from(listings).where(eq(listings.id, lid)).get()!;
      commit(store, l, -release);
    }
    const now = store.now();
    store.db
      .update(deals)
      .set({ status: 'cancelled', cancelReason: input.reason, cancelledOn: todayOf(store), updatedAt: now, version: d.version + 1 })
      .where(eq(deals.id, d.id))
      .run();
    audit.record({ entity: 'deal', ids: [d.id], summary: { cancelled: input.reason, released: release } });
    return readDeal(store, d.id);
  });
}
