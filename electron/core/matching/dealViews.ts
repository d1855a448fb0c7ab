import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { formatQty } from '../../../shared/quantity';
import { productLabel } from './catalog';
import { listingCode } from './listingViews';

export interface DealView {
  id: number;
  code: string;
  supplyId: number;
  demandId: number;
  supplyCode: string;
  demandCode: string;
  kind: 'produce' | 'input';
  sellerKind: 'org' | 'household';
  sellerId: number;
  seller: string;
  buyerKind: 'org' | 'household';
  buyerId: number;
  buyer: string;
  productId: number;
  product: string;
  category: string;
  grade: string;
  unit: string;
  quantity: string;
  quantityBase: number;
  delivered: string;
  deliveredBase: number;
  undelivered: string;
  priceFen: number;
  priceUnit: string;
  valueFen: number;
  deliveredValueFen: number;
  signedOn: string;
  deliveryDate: string;
  eventId: number | null;
  event: string;
  originTownship: string;
  certifications: string[];
  score: number | null;
  status: 'open' | 'completed' | 'cancelled';
  cancelReason: string;
  cancelledOn: string;
  notes: string;
  createdBy: string;
  createdAt: string;
  version: number;
}

export const dealCode = (id: number) => `CJ${String(id).padStart(6, '0')}`;

const FROM = `
  FROM deals d
  JOIN catalog_products p ON p.id = d.product_id
  JOIN catalog_categories c ON c.id = d.category_id
  LEFT JOIN matching_events e ON e.id = d.event_id
  LEFT JOIN townships t ON t.id = d.origin_township_id
  LEFT JOIN orgs so ON d.seller_kind = 'org' AND so.id = d.seller_id
  LEFT JOIN households sh ON d.seller_kind = 'household' AND sh.id = d.seller_id
  LEFT JOIN orgs bo ON d.buyer_kind = 'org' AND bo.id = d.buyer_id
  LEFT JOIN households bh ON d.buyer_kind = 'household' AND bh.id = d.buyer_id`;

const SELECT = `SELECT d.*, p.name AS product_name, p.variety AS product_variety, c.name AS category_name, e.name AS event_name, t.name AS township_name,
  coalesce(so.name, sh.name) AS seller_name, coalesce(bo.name, bh.name) AS buyer_name ${FROM}`;

type Raw = Record<string, unknown>;

function toView(r: Raw): DealView {
  const unit = { name: r.unit as string, num: r.unit_num as number, den: r.unit_den as number };
  const q = r.quantity_base as number;
  const delivered = r.delivered_base as number;
  const score = r.score as number | null;
  return {
    id: r.id as number,
    code: dealCode(r.id as number),
    supplyId: r.supply_id as number,
    demandId: r.demand_id as number,
    supplyCode: listingCode('supply', r.supply_id as number),
    demandCode: listingCode('demand', r.demand_id as number),
    kind: r.kind as 'produce',
    sellerKind: r.seller_kind as 'org',
    sellerId: r.seller_id as number,
    seller: (r.seller_name as string | null) ?? `（已删除 #${String(r.seller_id)}）`,
    buyerKind: r.buyer_kind as 'org',
    buyerId: r.buyer_id as number,
    buyer: (r.buyer_name as string | null) ?? `（已删除 #${String(r.buyer_id)}）`,
    productId: r.product_id as number,
    product: productLabel(r.product_name as string, r.product_variety as string),
    category: r.category_name as string,
    grade: r.grade as string,
    unit: unit.name,
    quantity: formatQty(q, unit),
    quantityBase: q,
    delivered: formatQty(delivered, unit),
    deliveredBase: delivered,
    undelivered: formatQty(q - delivered, unit),
    priceFen: r.price_fen as number,
    priceUnit: r.price_unit as string,
    valueFen: r.value_fen as number,
    deliveredValueFen: r.delivered_value_fen as number,
    signedOn: r.signed_on as string,
    deliveryDate: r.delivery_date as string,
    eventId: r.event_id as number | null,
    event: (r.event_name as string | null) ?? '',
    originTownship: (r.township_name as string | null) ?? '',
    certifications: JSON.parse(r.certifications as string) as string[],
    score: score === null ? null : score / 10,
    status: r.status as 'open',
    cancelReason: r.cancel_reason as string,
    cancelledOn: r.cancelled_on as string,
    notes: r.notes as string,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    version: r.version as number,
  };
}

function rawDeal(store: Store, id: number): Raw {
  const r = store.sqlite.prepare(`${SELECT} WHERE d.id = ?`).get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `成交 #${id} 不存在`);
  return r;
}

export function readDeal(store: Store, id: number): DealView {
  return toView(rawDeal(store, id));
}

export function dealDetail(store: Store, id: number) {
  const raw = rawDeal(store, id);
  const deal = toView(raw);
  const unit = { name: deal.unit, num: raw.unit_num as number, den: raw.unit_den as number };
  const deliveries = (
    store.sqlite.prepare('SELECT id, date, quantity_base, value_fen, note, created_by, created_at FROM deal_deliveries WHERE deal_id = ? ORDER BY date, id').all(id) as {
      id: number;
      date: string;
      quantity_base: number;
      value_fen: number;
      note: string;
      created_by: string;
      created_at: string;
    }[]
  ).map((x) => ({ id: x.id, date: x.date, quantity: formatQty(x.quantity_base, unit), quantityBase: x.quantity_base, valueFen: x.value_fen, note: x.note, createdBy: x.created_by, createdAt: x.created_at }));
  return { deal, deliveries };
}

export function dealsOfListing(store: Store, listingId: number): DealView[] {
  return (store.sqlite.prepare(`${SELECT} WHERE d.supply_id = ? OR d.demand_id = ? ORDER BY d.id DESC`).all(listingId, listingId) as Raw[]).map(toView);
}

export function dealsOfEvent(store: Store, eventId: number): DealView[] {
  return (store.sqlite.prepare(`${SELECT} WHERE d.event_id = ? ORDER BY d.id`).all(eventId) as Raw[]).map(toView);
}

export interface DealFilter {
  status: 'open' | 'completed' | 'cancelled' | 'all';
  kind?: 'produce' | 'input' | undefined;
  productId?: number | undefined;
  eventId?: number | undefined;
  from: string;
  to: string;
  q: string;
  offset: number;
  limit: number;
}

export function listDeals(store: Store, f: DealFilter): { total: number; rows: DealView[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...a: unknown[]) => {
    where.push(sql);
    args.push(...a);
  };
  if (f.status !== 'all') add('d.status = ?', f.status);
  if (f.kind) add('d.kind = ?', f.kind);
  if (f.productId) add('d.product_id = ?', f.productId);
  if (f.eventId) add('d.event_id = ?', f.eventId);
  if (f.from) add('d.signed_on >= ?', f.from);
  if (f.to) add('d.signed_on <= ?', f.to);
  const q = f.q.trim();
  if (q) {
    const code = /^cj0*(\d{1,9})$/i.exec(q);
    if (code) add('d.id = ?', Number(code[1]));
    else {
      const like = `%${q}%`;
      const py = `${q.toLowerCase()}%`;
      add(
        '(so.name LIKE ? OR sh.name LIKE ? OR bo.name LIKE ? OR bh.name LIKE ? OR p.name LIKE ? OR c.name LIKE ? OR so.py_initials LIKE ? OR bo.py_initials LIKE ? OR p.py_initials LIKE ?)',
        like,
        like,
        like,
        like,
        like,
        like,
        py,
        py,
        py,
      );
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = store.sqlite.prepare(`SELECT count(*) ${FROM} ${clause}`).pluck().get(...args) as number;
  const rows = store.sqlite.prepare(`${SELECT} ${clause} ORDER BY d.signed_on DESC, d.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Raw[];
  return { total, rows: rows.map(toView) };
}
