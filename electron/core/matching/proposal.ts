import type { Store } from '../db/store';
import { matchRun, loadRecords, toOffer, OFFER_COLUMNS, type OfferRow } from './offers';
import { allocateAll } from './allocate';
import type { Offer } from './score';
import { suggest, type Suggestion } from './explain';
import { listingCode } from './listingViews';
import { loadParties, partyName, type PartyKind } from './parties';
import { productLabel } from './catalog';
import { formatQty } from '../../../shared/quantity';

export interface ProposalPair {
  supplyId: number;
  demandId: number;
  supplyCode: string;
  demandCode: string;
  seller: string;
  buyer: string;
  kind: 'produce' | 'input';
  productId: number;
  product: string;
  quantityBase: number;
  score: number;
  suggestion: Suggestion;
  supplyRemaining: string;
  demandRemaining: string;
  demandUnit: string;
}

/** Open listings still inside their window with something left, optionally of one kind or category. */
export function openOfferRows(store: Store, today: string, filter: { kind?: 'produce' | 'input' | undefined; categoryId?: number | undefined } = {}): OfferRow[] {
  const where = ["status = 'open'", 'window_to >= ?', 'quantity_base > committed_base'];
  const args: unknown[] = [today];
  if (filter.kind) {
    where.push('kind = ?');
    args.push(filter.kind);
  }
  if (filter.categoryId) {
    where.push('category_id = ?');
    args.push(filter.categoryId);
  }
  return store.sqlite.prepare(`SELECT ${OFFER_COLUMNS} FROM listings WHERE ${where.join(' AND ')} ORDER BY id`).all(...args) as OfferRow[];
}

/**
 * A batch proposal for every open listing: pairs and quantities from the allocator, with names and
 * suggested terms for review. Nothing is written; staff accept some or all with matching.accept.
 */
export function proposeAll(store: Store, filter: { kind?: 'produce' | 'input' | undefined; categoryId?: number | undefined } = {}) {
  const started = performance.now();
  const run = matchRun(store);
  const rows = openOfferRows(store, run.today, filter);
  const records = run.ctx.weights.record > 0 ? loadRecords(store, rows) : new Map();
  const supplies: Offer[] = [];
  const demands: Offer[] = [];
  const supplyRows: OfferRow[] = [];
  const demandRows: OfferRow[] = [];
  for (const r of rows) {
    if (r.side === 'supply') {
      supplies.push(toOffer(r, run, records));
      supplyRows.push(r);
    } else {
      demands.push(toOffer(r, run, records));
      demandRows.push(r);
    }
  }
  const allocations = allocateAll(supplies, demands, run.ctx);

  const used = allocations.flatMap((a) => [supplyRows[a.s]!, demandRows[a.d]!]);
  const parties = loadParties(
    store,
    used.map((r) => ({ kind: r.party_kind as PartyKind, id: r.party_id })),
  );
  const products = new Map(
    (store.sqlite.prepare('SELECT id, name, variety FROM catalog_products').all() as { id: number; name: string; variety: string }[]).map((p) => [p.id, productLabel(p.name, p.variety)]),
  );
  const pairs: ProposalPair[] = allocations.map((a) => {
    const s = supplies[a.s]!;
    const d = demands[a.d]!;
    const sr = supplyRows[a.s]!;
    const dr = demandRows[a.d]!;
    return {
      supplyId: s.id,
      demandId: d.id,
      supplyCode: listingCode('supply', s.id),
      demandCode: listingCode('demand', d.id),
      seller: partyName(parties, sr.party_kind as PartyKind, sr.party_id),
      buyer: partyName(parties, dr.party_kind as PartyKind, dr.party_id),
      kind: s.kind,
      productId: s.productId!,
      product: products.get(s.productId!) ?? '',
      quantityBase: a.qty,
      score: Math.round(a.score * 1000) / 10,
      suggestion: suggest(s, d, run.ctx.today, a.qty),
      supplyRemaining: `${formatQty(s.remaining, s.unit)} ${s.unit.name}`,
      demandRemaining: `${formatQty(d.remaining, d.unit)} ${d.unit.name}`,
      demandUnit: d.unit.name,
    };
  });
  const weighted = allocations.reduce((sum, a) => sum + a.qty * a.score, 0);
  return {
    pairs,
    openSupplies: supplies.length,
    openDemands: demands.length,
    matchedSupplies: new Set(allocations.map((a) => a.s)).size,
    matchedDemands: new Set(allocations.map((a) => a.d)).size,
    weighted,
    tookMs: Math.round(performance.now() - started),
  };
}
