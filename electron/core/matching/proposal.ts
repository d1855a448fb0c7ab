import type { Store } from '../db/store';
import { matchRun, loadRecords, toOffer, OFFER_COLUMNS, type OfferRow } from './offers';
import { allocating } from './allocate';
import type { JobContext } from '../jobs/jobs';
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
 * At the bench's 40,000 listings it takes about 3 s, so run as a job it reports its steps on a
 * 0-100 scale and yields between them (cancel stops it at the next step).
 */
export async function proposeAll(store: Store, filter: { kind?: 'produce' | 'input' | undefined; categoryId?: number | undefined } = {}, job?: JobContext) {
  const started = performance.now();
  const step = async (percent: number, message: string) => {
    if (!job) return;
    job.progress(percent, 100, message);
    await job.checkpoint();
  };
  await step(0, '读取挂牌中的供需');
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
  await step(5, '计算候选配对');
  const steps = allocating(supplies, demands, run.ctx);
  let next = steps.next();
  while (!next.done) {
    const { done, total } = next.value;
    await step(30 + Math.round((60 * done) / Math.max(1, total)), `分配数量（${done}/${total} 组）`);
    next = steps.next();
  }
  const allocations = next.value;
  await step(95, '整理方案');

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
  job?.progress(100, 100, `方案共 ${pairs.length} 对`);
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
