import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { matchRun, loadRecords, toOffer, OFFER_COLUMNS, type MatchRun, type OfferRow } from './offers';
import { REFUSAL_LABELS, refusal, score, type Offer, type PartyRecord, type Refusal } from './score';
import { explain, suggest, type Part, type Suggestion } from './explain';
import { readListingView, readListingViews, type ListingView } from './listingViews';

export interface Ranked {
  listing: ListingView;
  score: number;
  parts: Part[];
  suggestion: Suggestion;
}

/**
 * Open counterparts that could match `self` at all: the other side, same category, and for a product
 * the same product (or, for a supply, demands for the whole category), still inside their window.
 */
export function counterpartRows(store: Store, self: OfferRow, today: string): OfferRow[] {
  const base = `SELECT ${OFFER_COLUMNS} FROM listings WHERE side = ? AND status = 'open' AND category_id = ? AND window_to >= ?`;
  if (self.side === 'supply') {
    return store.sqlite.prepare(`${base} AND (product_id = ? OR product_id IS NULL)`).all('demand', self.category_id, today, self.product_id) as OfferRow[];
  }
  if (self.product_id !== null) return store.sqlite.prepare(`${base} AND product_id = ?`).all('supply', self.category_id, today, self.product_id) as OfferRow[];
  return store.sqlite.prepare(base).all('supply', self.category_id, today) as OfferRow[];
}

export function offerRow(store: Store, id: number): OfferRow {
  const r = store.sqlite.prepare(`SELECT ${OFFER_COLUMNS}, status FROM listings WHERE id = ?`).get(id) as (OfferRow & { status: string }) | undefined;
  if (!r) throw new AppError('NOT_FOUND', `挂牌 #${id} 不存在`);
  return r;
}

/** Scores every feasible counterpart and keeps the best `limit`, highest first (ties: older listing first). */
export function topCounterparts(self: Offer, rows: OfferRow[], run: MatchRun, records: Map<number, PartyRecord>, limit: number) {
  const excluded = new Map<Refusal, number>();
  const scored: { o: Offer; score: number }[] = [];
  for (const r of rows) {
    const o = toOffer(r, run, records);
    const [s, d] = self.side === 'supply' ? [self, o] : [o, self];
    const why = refusal(s, d, run.ctx.today);
    if (why) {
      excluded.set(why, (excluded.get(why) ?? 0) + 1);
      continue;
    }
    scored.push({ o, score: score(s, d, self.side, run.ctx) });
  }
  scored.sort((a, b) => b.score - a.score || a.o.id - b.o.id);
  return { top: scored.slice(0, limit), feasible: scored.length, excluded };
}

/** Ranked counterparts for one listing, each with its score parts and suggested terms. Nothing is written. */
export function rankFor(store: Store, listingId: number, limit: number) {
  const listing = readListingView(store, listingId);
  const run = matchRun(store);
  const row = offerRow(store, listingId);
  const closed =
    listing.status === 'withdrawn' ? '该挂牌已撤回' : listing.remainingBase <= 0 ? '该挂牌已全部成交' : listing.windowTo < run.today ? '该挂牌的时间窗口已过' : '';
  if (closed) return { listing, candidates: [], considered: 0, feasible: 0, excluded: [], closed };
  // Records only matter if the record weight does; they are read for the candidates only.
  const rows = counterpartRows(store, row, run.today);
  const records = run.ctx.weights.record > 0 ? loadRecords(store, [...rows, row]) : new Map<number, PartyRecord>();
  const self = toOffer(row, run, records);
  const { top, feasible, excluded } = topCounterparts(self, rows, run, records, limit);
  const views = readListingViews(store, top.map((t) => t.o.id));
  const candidates = top.map(({ o }) => {
    const [s, d] = self.side === 'supply' ? [self, o] : [o, self];
    const ex = explain(s, d, self.side, run.ctx, s.productId === null ? undefined : run.grades.get(s.productId));
    return { listing: views.get(o.id)!, score: Math.round(ex.score * 1000) / 10, parts: ex.parts, suggestion: suggest(s, d, run.ctx.today) };
  });
  return {
    listing,
    candidates,
    considered: rows.length,
    feasible,
    excluded: [...excluded].map(([k, n]) => ({ reason: REFUSAL_LABELS[k], count: n })),
    closed,
  };
}
