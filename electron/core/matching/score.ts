import { comparePrice, type BaseUnit, type UnitFactor } from '../../../shared/quantity';
import { townshipKm } from './geo';

/**
 * One open listing as the matcher sees it: everything needed to check the hard rules and score a
 * pair, flattened so ranking 20,000 counterparts allocates nothing per pair.
 */
export interface Offer {
  id: number;
  side: 'supply' | 'demand';
  kind: 'produce' | 'input';
  categoryId: number;
  productId: number | null;
  baseUnit: BaseUnit;
  /** The unit the listing was entered in, for showing quantities back. */
  unit: UnitFactor;
  /** Position in the product's grade list, best first; -1 for ungraded (supply) or any grade (demand). */
  gradeRank: number;
  remaining: number;
  /** Window as day numbers (days since 1970-01-01), inclusive. */
  from: number;
  to: number;
  /** Fen per price unit; null when 面议 (both ends are set or neither). */
  priceMin: number | null;
  priceMax: number | null;
  priceUnit: UnitFactor;
  /** Index into the run's distance table; -1 when the place is not a known township. */
  town: number;
  /** The registry party as one number: an organisation's id, or minus a household's id. */
  party: number;
  /** The party's deals so far (as seller or buyer); null when it has none. */
  record: PartyRecord | null;
}

export const partyNo = (kind: 'org' | 'household', id: number) => (kind === 'org' ? id : -id);

export interface Weights {
  fit: number;
  quantity: number;
  window: number;
  price: number;
  distance: number;
  record: number;
}

export const DEFAULT_WEIGHTS: Weights = { fit: 25, quantity: 20, window: 15, price: 15, distance: 15, record: 10 };

export const PART_LABELS: Record<keyof Weights, string> = {
  fit: '产品与等级',
  quantity: '数量满足',
  window: '时间窗口',
  price: '价格',
  distance: '距离',
  record: '履约记录',
};

export interface PartyRecord {
  fulfilled: number;
  cancelled: number;
}

/** Straight-line km between the townships of a run, looked up by index. */
export class DistanceTable {
  private readonly km: Float64Array;
  private readonly n: number;
  readonly index = new Map<number, number>();
  readonly names: string[];

  constructor(townships: { id: number; name: string }[]) {
    const n = townships.length;
    this.names = townships.map((t) => t.name);
    this.km = new Float64Array(n * n);
    townships.forEach((t, i) => this.index.set(t.id, i));
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) this.km[i * n + j] = townshipKm(townships[i]!.name, townships[j]!.name) ?? -1;
    this.n = n;
  }

  of(townshipId: number | null): number {
    return townshipId === null ? -1 : (this.index.get(townshipId) ?? -1);
  }

  /** Null when either place is unknown. */
  get(a: number, b: number): number | null {
    if (a < 0 || b < 0) return null;
    const v = this.km[a * this.n + b]!;
    return v < 0 ? null : v;
  }
}

export interface ScoreCtx {
  weights: Weights;
  maxKm: number;
  today: number;
  dist: DistanceTable;
}

/** Laplace-smoothed share of fulfilled deals: no history scores 0.5, never 0 or 1 from one deal. */
export const recordPart = (r: PartyRecord | null) => (r ? (r.fulfilled + 1) / (r.fulfilled + r.cancelled + 2) : 0.5);

export const dayNumber = (d: string) => Math.floor(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000);
export const dayText = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

const perBase = (fen: number, u: UnitFactor) => (fen * u.den) / u.num;

export type Refusal = 'kind' | 'product' | 'unit' | 'party' | 'window' | 'price' | 'quantity';

export const REFUSAL_LABELS: Record<Refusal, string> = {
  kind: '类型不同',
  product: '产品不符',
  unit: '计量方式不同（无法换算）',
  party: '同一主体',
  window: '时间窗口不重叠',
  price: '价格区间对不上',
  quantity: '没有剩余数量',
};

/**
 * The seller's floor meets the buyer's ceiling, decided exactly even when the units differ: floats
 * settle clear cases, exact integer arithmetic the close ones.
 */
export function pricesMeet(s: Offer, d: Offer): boolean {
  if (s.priceMin === null || d.priceMax === null) return true;
  const floor = perBase(s.priceMin, s.priceUnit);
  const ceiling = perBase(d.priceMax, d.priceUnit);
  if (floor < ceiling * (1 - 1e-9)) return true;
  if (floor > ceiling * (1 + 1e-9)) return false;
  return comparePrice(s.priceMin, s.priceUnit, d.priceMax, d.priceUnit) <= 0;
}

/**
 * The hard rules: same kind, the product (or the demand's category), the same base unit, two different
 * parties, windows that overlap from today on, prices that can meet, something left on both sides.
 * Returns null when the pair may be proposed.
 */
export function refusal(s: Offer, d: Offer, today: number): Refusal | null {
  if (s.kind !== d.kind) return 'kind';
  if (d.productId !== null ? s.productId !== d.productId : s.categoryId !== d.categoryId) return 'product';
  if (s.baseUnit !== d.baseUnit) return 'unit';
  if (s.party === d.party) return 'party';
  if (s.remaining <= 0 || d.remaining <= 0) return 'quantity';
  if (Math.max(s.from, d.from, today) > Math.min(s.to, d.to)) return 'window';
  if (!pricesMeet(s, d)) return 'price';
  return null;
}

/** Each part in [0, 1]; `forSide` is the listing being ranked, whose counterpart's record counts. */
export function parts(s: Offer, d: Offer, forSide: 'supply' | 'demand', ctx: ScoreCtx): Weights {
  const productFit = d.productId === null ? 0.8 : 1;
  const gradeFit = d.gradeRank < 0 ? 1 : s.gradeRank < 0 ? 0.6 : s.gradeRank <= d.gradeRank ? 1 : Math.max(0, 1 - 0.4 * (s.gradeRank - d.gradeRank));
  const mine = forSide === 'supply' ? s.remaining : d.remaining;
  const from = Math.max(s.from, d.from, ctx.today);
  const overlap = Math.min(s.to, d.to) - from + 1;
  const shorter = Math.min(s.to - Math.max(s.from, ctx.today), d.to - Math.max(d.from, ctx.today)) + 1;
  let price = 0.5;
  if (s.priceMin !== null && d.priceMax !== null) {
    const ceiling = perBase(d.priceMax, d.priceUnit);
    const margin = ceiling > 0 ? (ceiling - perBase(s.priceMin, s.priceUnit)) / ceiling : 0;
    price = Math.min(1, Math.max(0, 0.4 + 3 * margin));
  }
  const km = ctx.dist.get(s.town, d.town);
  return {
    fit: productFit * gradeFit,
    quantity: Math.min(s.remaining, d.remaining) / mine,
    window: shorter > 0 ? Math.max(0, Math.min(1, overlap / shorter)) : 0,
    price,
    distance: km === null ? 0.5 : Math.max(0, 1 - km / ctx.maxKm),
    record: recordPart(forSide === 'supply' ? d.record : s.record),
  };
}

/** Weighted mean of the parts, in [0, 1]. */
export function total(p: Weights, w: Weights): number {
  const sum = w.fit + w.quantity + w.window + w.price + w.distance + w.record;
  if (sum <= 0) return 0;
  return (w.fit * p.fit + w.quantity * p.quantity + w.window * p.window + w.price * p.price + w.distance * p.distance + w.record * p.record) / sum;
}

export function score(s: Offer, d: Offer, forSide: 'supply' | 'demand', ctx: ScoreCtx): number {
  return total(parts(s, d, forSide, ctx), ctx.weights);
}

const BASE_CODES: Record<BaseUnit, number> = { g: 0, ml: 1, head: 2, piece: 3 };

/**
 * `refusal` and `score` from the demand's side in one pass, for the batch proposal's millions of
 * pairs: the supplies are flattened into typed arrays once, each demand is read once, and a pair
 * costs a few array reads. Returns -1 when a hard rule refuses the pair. Kept equal to refusal()
 * and score() by tests.
 */
export class SupplyScorer {
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly floor: Float64Array;
  private readonly remaining: Float64Array;
  private readonly grade: Int32Array;
  private readonly town: Int32Array;
  private readonly party: Float64Array;
  private readonly record: Float64Array;
  private readonly product: Float64Array;
  private readonly category: Float64Array;
  private readonly base: Int8Array;
  private readonly input: Uint8Array;
  private readonly w: Weights;

  constructor(
    private readonly supplies: Offer[],
    private readonly ctx: ScoreCtx,
  ) {
    const n = supplies.length;
    this.from = new Float64Array(n);
    this.to = new Float64Array(n);
    this.floor = new Float64Array(n);
    this.remaining = new Float64Array(n);
    this.grade = new Int32Array(n);
    this.town = new Int32Array(n);
    this.party = new Float64Array(n);
    this.record = new Float64Array(n);
    this.product = new Float64Array(n);
    this.category = new Float64Array(n);
    this.base = new Int8Array(n);
    this.input = new Uint8Array(n);
    supplies.forEach((s, i) => {
      this.from[i] = s.from;
      this.to[i] = s.to;
      this.floor[i] = s.priceMin === null ? NaN : perBase(s.priceMin, s.priceUnit);
      this.remaining[i] = s.remaining;
      this.grade[i] = s.gradeRank;
      this.town[i] = s.town;
      this.party[i] = s.party;
      this.record[i] = recordPart(s.record);
      this.product[i] = s.productId ?? -1;
      this.category[i] = s.categoryId;
      this.base[i] = BASE_CODES[s.baseUnit];
      this.input[i] = s.kind === 'input' ? 1 : 0;
    });
    const w = ctx.weights;
    const sum = w.fit + w.quantity + w.window + w.price + w.distance + w.record;
    this.w = sum > 0 ? { fit: w.fit / sum, quantity: w.quantity / sum, window: w.window / sum, price: w.price / sum, distance: w.distance / sum, record: w.record / sum } : { fit: 0, quantity: 0, window: 0, price: 0, distance: 0, record: 0 };
  }

  score(i: number, d: Offer): number {
    const { ctx, w } = this;
    if (d.productId !== null ? this.product[i] !== d.productId : this.category[i] !== d.categoryId || this.base[i] !== BASE_CODES[d.baseUnit]) return -1;
    const sRem = this.remaining[i]!;
    if (sRem <= 0 || d.remaining <= 0 || this.input[i] !== (d.kind === 'input' ? 1 : 0)) return -1;
    const sFrom = this.from[i]!;
    const sTo = this.to[i]!;
    const from = Math.max(sFrom, d.from, ctx.today);
    const to = Math.min(sTo, d.to);
    if (from > to || this.party[i] === d.party) return -1;
    const floor = this.floor[i]!;
    let price = 0.5;
    if (floor === floor && d.priceMax !== null) {
      const ceiling = perBase(d.priceMax, d.priceUnit);
      if (floor > ceiling * (1 - 1e-9) && (floor > ceiling * (1 + 1e-9) || !pricesMeet(this.supplies[i]!, d))) return -1;
      const margin = ceiling > 0 ? (ceiling - floor) / ceiling : 0;
      price = Math.min(1, Math.max(0, 0.4 + 3 * margin));
    }
    const sGrade = this.grade[i]!;
    const gradeFit = d.gradeRank < 0 ? 1 : sGrade < 0 ? 0.6 : sGrade <= d.gradeRank ? 1 : Math.max(0, 1 - 0.4 * (sGrade - d.gradeRank));
    const shorter = Math.min(sTo - Math.max(sFrom, ctx.today), d.to - Math.max(d.from, ctx.today)) + 1;
    const km = ctx.dist.get(this.town[i]!, d.town);
    return (
      w.fit * (d.productId === null ? 0.8 : 1) * gradeFit +
      (w.quantity * Math.min(sRem, d.remaining)) / d.remaining +
      w.window * (shorter > 0 ? Math.max(0, Math.min(1, (to - from + 1) / shorter)) : 0) +
      w.price * price +
      w.distance * (km === null ? 0.5 : Math.max(0, 1 - km / ctx.maxKm)) +
      w.record * this.record[i]!
    );
  }
}
