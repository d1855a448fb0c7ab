import type { Store } from '../db/store';
import { DistanceTable, dayNumber, partyNo, type Offer, type PartyRecord, type ScoreCtx } from './score';
import { getMatchingSettings } from './settings';
import type { BaseUnit } from '../../../shared/quantity';

/** The centre's business day: the local calendar date of the store's clock. */
export function todayOf(store: Store): string {
  const d = new Date(store.now());
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface MatchRun {
  ctx: ScoreCtx;
  today: string;
  /** Product id -> its grades, best first. */
  grades: Map<number, string[]>;
}

/** Settings, today, distances and grades for one ranking or proposal. */
export function matchRun(store: Store): MatchRun {
  const s = getMatchingSettings(store);
  const today = todayOf(store);
  const towns = store.sqlite.prepare('SELECT id, name FROM townships ORDER BY id').all() as { id: number; name: string }[];
  const grades = new Map(
    (store.sqlite.prepare('SELECT id, grades FROM catalog_products').all() as { id: number; grades: string }[]).map((p) => [p.id, JSON.parse(p.grades) as string[]]),
  );
  return { ctx: { weights: s.weights, maxKm: s.maxKm, today: dayNumber(today), dist: new DistanceTable(towns) }, today, grades };
}

/** Columns an Offer is built from; `remaining` is what deals do not hold yet. */
export const OFFER_COLUMNS = `id, side, kind, category_id, product_id, grade, base_unit, unit, unit_num, unit_den, quantity_base - committed_base AS remaining,
  price_min_fen, price_max_fen, price_unit, price_num, price_den, window_from, window_to, township_id, party_kind, party_id`;

export interface OfferRow {
  id: number;
  side: 'supply' | 'demand';
  kind: 'produce' | 'input';
  category_id: number;
  product_id: number | null;
  grade: string;
  base_unit: BaseUnit;
  unit: string;
  unit_num: number;
  unit_den: number;
  remaining: number;
  price_min_fen: number | null;
  price_max_fen: number | null;
  price_unit: string;
  price_num: number;
  price_den: number;
  window_from: string;
  window_to: string;
  township_id: number | null;
  party_kind: string;
  party_id: number;
}

export function toOffer(r: OfferRow, run: MatchRun, records: Map<number, PartyRecord>): Offer {
  const party = partyNo(r.party_kind as 'org', r.party_id);
  const grades = r.product_id === null ? undefined : run.grades.get(r.product_id);
  return {
    id: r.id,
    side: r.side,
    kind: r.kind,
    categoryId: r.category_id,
    productId: r.product_id,
    baseUnit: r.base_unit,
    unit: { name: r.unit, num: r.unit_num, den: r.unit_den },
    gradeRank: r.grade && grades ? grades.indexOf(r.grade) : -1,
    remaining: r.remaining,
    from: dayNumber(r.window_from),
    to: dayNumber(r.window_to),
    priceMin: r.price_min_fen,
    priceMax: r.price_max_fen,
    priceUnit: { name: r.price_unit, num: r.price_num, den: r.price_den },
    town: run.ctx.dist.of(r.township_id),
    party,
    record: records.get(party) ?? null,
  };
}

/** Fulfilled and cancelled deals of each party, on either side, for the record part of the score. */
export function loadRecords(store: Store, rows: { party_kind: string; party_id: number }[]): Map<number, PartyRecord> {
  const out = new Map<number, PartyRecord>();
  const ids = { org: new Set<number>(), household: new Set<number>() };
  for (const r of rows) ids[r.party_kind as 'org'].add(r.party_id);
  const stmt = store.sqlite.prepare(`
    SELECT kind, id, sum(status = 'completed') AS f, sum(status = 'cancelled') AS c FROM (
      SELECT seller_kind AS kind, seller_id AS id, status FROM deals
        WHERE (seller_kind = 'org' AND seller_id IN (SELECT value FROM json_each(@org))) OR (seller_kind = 'household' AND seller_id IN (SELECT value FROM json_each(@hh)))
      UNION ALL
      SELECT buyer_kind, buyer_id, status FROM deals
        WHERE (buyer_kind = 'org' AND buyer_id IN (SELECT value FROM json_each(@org))) OR (buyer_kind = 'household' AND buyer_id IN (SELECT value FROM json_each(@hh)))
    ) GROUP BY kind, id`);
  for (const r of stmt.all({ org: JSON.stringify([...ids.org]), hh: JSON.stringify([...ids.household]) }) as { kind: string; id: number; f: number; c: number }[]) {
    if (r.f + r.c > 0) out.set(partyNo(r.kind as 'org', r.id), { fulfilled: r.f, cancelled: r.c });
  }
  return out;
}
