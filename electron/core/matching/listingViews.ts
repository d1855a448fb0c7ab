import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { formatQty, type BaseUnit } from '../../../shared/quantity';
import { productLabel } from './catalog';
import { textMatches } from '../search/pinyin';

export interface ListingView {
  id: number;
  code: string;
  side: 'supply' | 'demand';
  kind: 'produce' | 'input';
  partyKind: 'org' | 'household';
  partyId: number;
  partyName: string;
  partyStatus: string;
  categoryId: number;
  category: string;
  productId: number | null;
  product: string;
  grade: string;
  baseUnit: BaseUnit;
  unit: string;
  quantity: string;
  quantityBase: number;
  committedBase: number;
  remainingBase: number;
  remaining: string;
  priceMinFen: number | null;
  priceMaxFen: number | null;
  priceUnit: string;
  windowFrom: string;
  windowTo: string;
  townshipId: number | null;
  township: string;
  place: string;
  certifications: string[];
  notes: string;
  status: 'open' | 'matched' | 'withdrawn';
  statusReason: string;
  photos: number;
  deals: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const listingCode = (side: 'supply' | 'demand', id: number) => `${side === 'supply' ? 'GY' : 'QG'}${String(id).padStart(6, '0')}`;

/** "GY000012" or "qg12" -> 12; null when the text is not a listing code. */
export function parseListingCode(q: string): { side: 'supply' | 'demand'; id: number } | null {
  const m = /^(gy|qg)0*(\d{1,9})$/i.exec(q.trim());
  return m ? { side: m[1]!.toLowerCase() === 'gy' ? 'supply' : 'demand', id: Number(m[2]) } : null;
}

const FROM = `
  FROM listings l
  JOIN catalog_categories c ON c.id = l.category_id
  LEFT JOIN catalog_products p ON p.id = l.product_id
  LEFT JOIN townships t ON t.id = l.township_id
  LEFT JOIN orgs o ON l.party_kind = 'org' AND o.id = l.party_id
  LEFT JOIN households h ON l.party_kind = 'household' AND h.id = l.party_id`;

const SELECT = `
  SELECT l.*, c.name AS category_name, p.name AS product_name, p.variety AS product_variety, t.name AS township_name,
    CASE l.party_kind WHEN 'org' THEN o.name ELSE h.name END AS party_name,
    CASE l.party_kind WHEN 'org' THEN o.status ELSE h.status END AS party_status,
    (SELECT count(*) FROM listing_photos ph WHERE ph.listing_id = l.id) AS photo_count,
    (SELECT count(*) FROM deals d WHERE d.supply_id = l.id OR d.demand_id = l.id) AS deal_count
  ${FROM}`;

type Raw = Record<string, unknown>;

function toView(r: Raw): ListingView {
  const unit = { name: r.unit as string, num: r.unit_num as number, den: r.unit_den as number };
  const quantityBase = r.quantity_base as number;
  const committedBase = r.committed_base as number;
  const productId = r.product_id as number | null;
  return {
    id: r.id as number,
    code: listingCode(r.side as 'supply', r.id as number),
    side: r.side as 'supply',
    kind: r.kind as 'produce',
    partyKind: r.party_kind as 'org',
    partyId: r.party_id as number,
    partyName: (r.party_name as string | null) ?? `（已删除 #${String(r.party_id)}）`,
    partyStatus: (r.party_status as string | null) ?? 'deleted',
    categoryId: r.category_id as number,
    category: r.category_name as string,
    productId,
    product: productId === null ? `${String(r.category_name)}（不限品种）` : productLabel(r.product_name as string, r.product_variety as string),
    grade: r.grade as string,
    baseUnit: r.base_unit as BaseUnit,
    unit: unit.name,
    quantity: formatQty(quantityBase, unit),
    quantityBase,
    committedBase,
    remainingBase: quantityBase - committedBase,
    remaining: formatQty(quantityBase - committedBase, unit),
    priceMinFen: r.price_min_fen as number | null,
    priceMaxFen: r.price_max_fen as number | null,
    priceUnit: r.price_unit as string,
    windowFrom: r.window_from as string,
    windowTo: r.window_to as string,
    townshipId: r.township_id as number | null,
    township: (r.township_name as string | null) ?? '',
    place: r.place as string,
    certifications: JSON.parse(r.certifications as string) as string[],
    notes: r.notes as string,
    status: r.status as 'open',
    statusReason: r.status_reason as string,
    photos: r.photo_count as number,
    deals: r.deal_count as number,
    createdBy: r.created_by as string,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number,
  };
}

export function readListingView(store: Store, id: number): ListingView {
  const r = store.sqlite.prepare(`${SELECT} WHERE l.id = ?`).get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `挂牌 #${id} 不存在`);
  return toView(r);
}

export function readListingViews(store: Store, ids: number[]): Map<number, ListingView> {
  if (ids.length === 0) return new Map();
  const rows = store.sqlite.prepare(`${SELECT} WHERE l.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as Raw[];
  return new Map(rows.map((r) => [r.id as number, toView(r)]));
}

export interface ListingFilter {
  side?: 'supply' | 'demand' | undefined;
  kind?: 'produce' | 'input' | undefined;
  /** 'current': open and not past its window; 'all': everything. */
  status: 'current' | 'open' | 'matched' | 'withdrawn' | 'expired' | 'all';
  categoryId?: number | undefined;
  productId?: number | undefined;
  townshipId?: number | undefined;
  partyKind?: 'org' | 'household' | undefined;
  partyId?: number | undefined;
  q: string;
  offset: number;
  limit: number;
}

/**
 * Pages of listings, newest first. `q` matches a listing code, the party's name or its pinyin
 * initials, or the product's name or pinyin.
 */
export function listListings(store: Store, f: ListingFilter, today: string): { total: number; rows: ListingView[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...a: unknown[]) => {
    where.push(sql);
    args.push(...a);
  };
  if (f.side) add('l.side = ?', f.side);
  if (f.kind) add('l.kind = ?', f.kind);
  if (f.categoryId) add('l.category_id = ?', f.categoryId);
  if (f.productId) add('l.product_id = ?', f.productId);
  if (f.townshipId) add('l.township_id = ?', f.townshipId);
  if (f.partyKind && f.partyId) add('l.party_kind = ? AND l.party_id = ?', f.partyKind, f.partyId);
  if (f.status === 'current') add("l.status = 'open' AND l.window_to >= ?", today);
  else if (f.status === 'expired') add("l.status = 'open' AND l.window_to < ?", today);
  else if (f.status !== 'all') add('l.status = ?', f.status);
  const q = f.q.trim();
  if (q) {
    const code = parseListingCode(q);
    if (code) add('l.id = ? AND l.side = ?', code.id, code.side);
    else {
      const like = `%${q}%`;
      const lower = q.toLowerCase();
      const productIds = (store.sqlite.prepare('SELECT id, name, variety, py_full, py_initials FROM catalog_products').all() as { id: number; name: string; variety: string; py_full: string; py_initials: string }[])
        .filter((p) => textMatches(q, `${p.name}${p.variety}`) || p.py_initials.startsWith(lower))
        .map((p) => p.id);
      add(
        `(o.name LIKE ? OR h.name LIKE ? OR o.py_initials LIKE ? OR h.py_initials LIKE ? OR c.name LIKE ? OR l.product_id IN (SELECT value FROM json_each(?)) OR l.place LIKE ?)`,
        like,
        like,
        `${lower}%`,
        `${lower}%`,
        like,
        JSON.stringify(productIds),
        like,
      );
    }
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = store.sqlite.prepare(`SELECT count(*) ${FROM} ${clause}`).pluck().get(...args) as number;
  const rows = store.sqlite.prepare(`${SELECT} ${clause} ORDER BY l.id DESC LIMIT ? OFFSET ?`).all(...args, f.limit, f.offset) as Raw[];
  return { total, rows: rows.map(toView) };
}
