import { SupplyScorer, type Offer, type ScoreCtx } from './score';
import { maxWeightFlow } from './flow';

export interface Allocation {
  /** Indexes into the supplies and demands given. */
  s: number;
  d: number;
  qty: number;
  score: number;
}

export interface Edges {
  s: number[];
  d: number[];
  w: number[];
}

/** Fixed-size min-heaps of the best `k` (weight, partner) per node, in flat typed arrays. */
class TopK {
  readonly w: Float64Array;
  readonly p: Int32Array;
  readonly size: Int32Array;

  constructor(
    nodes: number,
    readonly k: number,
  ) {
    this.w = new Float64Array(nodes * k);
    this.p = new Int32Array(nodes * k);
    this.size = new Int32Array(nodes);
  }

  offer(node: number, w: number, partner: number): void {
    const k = this.k;
    const base = node * k;
    const n = this.size[node]!;
    let i: number;
    if (n < k) {
      // Sift up from the new leaf.
      i = n;
      this.size[node] = n + 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.w[base + parent]! <= w) break;
        this.w[base + i] = this.w[base + parent]!;
        this.p[base + i] = this.p[base + parent]!;
        i = parent;
      }
    } else {
      if (w <= this.w[base]!) return;
      // Replace the smallest and sift down.
      i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= k) break;
        if (c + 1 < k && this.w[base + c + 1]! < this.w[base + c]!) c++;
        if (this.w[base + c]! >= w) break;
        this.w[base + i] = this.w[base + c]!;
        this.p[base + i] = this.p[base + c]!;
        i = c;
      }
    }
    this.w[base + i] = w;
    this.p[base + i] = partner;
  }
}

/** How many best counterparts each listing keeps as candidate pairs for the flow. */
export interface Breadth {
  perDemand: number;
  perSupply: number;
}

/**
 * Measured on 20,000 + 20,000 listings against 40 a side: 20 per demand and 4 per supply keep the same
 * weighted quantity as 15 a side (0.975 of the wide graph) with a sixth fewer pairs for the flow.
 * Demands need the breadth, as they compete for the same good supplies; a supply needs only its few
 * best demands so that no strong supply is left out of the graph.
 */
export const DEFAULT_BREADTH: Breadth = { perDemand: 20, perSupply: 4 };

/**
 * The candidate pairs: every feasible pair is scored once (hard rules checked, scored from the
 * demand's side), and a pair is kept when it is among the demand's best or the supply's best.
 * Keeping both sides' best matters: demands alone would all name the same few strong supplies.
 * Supplies are indexed by product and by category so a demand only looks at its possible products.
 */
export function candidateEdges(supplies: Offer[], demands: Offer[], ctx: ScoreCtx, breadth: Breadth = DEFAULT_BREADTH): Edges {
  const { perDemand, perSupply } = breadth;
  const byProduct = new Map<number, number[]>();
  const byCategory = new Map<number, number[]>();
  supplies.forEach((o, i) => {
    if (o.productId !== null) {
      const list = byProduct.get(o.productId);
      if (list) list.push(i);
      else byProduct.set(o.productId, [i]);
    }
    const list = byCategory.get(o.categoryId);
    if (list) list.push(i);
    else byCategory.set(o.categoryId, [i]);
  });
  // Pools sorted by window start: a demand only scans supplies that start before it ends.
  const sorted = (list: number[]) => Int32Array.from(list.sort((a, b) => supplies[a]!.from - supplies[b]!.from));
  const pools = new Map<number, Int32Array>();
  for (const [k, list] of byProduct) pools.set(k, sorted(list));
  for (const [k, list] of byCategory) pools.set(-k, sorted(list));
  const scorer = new SupplyScorer(supplies, ctx);
  const forDemand = new TopK(demands.length, perDemand);
  const forSupply = new TopK(supplies.length, Math.max(1, perSupply));
  for (let j = 0; j < demands.length; j++) {
    const d = demands[j]!;
    const pool = pools.get(d.productId !== null ? d.productId : -d.categoryId);
    if (!pool) continue;
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (supplies[pool[mid]!]!.from <= d.to) lo = mid + 1;
      else hi = mid;
    }
    for (let k = 0; k < lo; k++) {
      const i = pool[k]!;
      const w = scorer.score(i, d);
      if (w < 0) continue;
      forDemand.offer(j, w, i);
      forSupply.offer(i, w, j);
    }
  }
  const edges: Edges = { s: [], d: [], w: [] };
  for (let j = 0; j < demands.length; j++) {
    for (let k = 0; k < forDemand.size[j]!; k++) {
      edges.s.push(forDemand.p[j * perDemand + k]!);
      edges.d.push(j);
      edges.w.push(forDemand.w[j * perDemand + k]!);
    }
  }
  for (let i = 0; i < supplies.length; i++) {
    next: for (let k = 0; k < forSupply.size[i]!; k++) {
      const j = forSupply.p[i * forSupply.k + k]!;
      // Already kept from the demand's side?
      for (let x = j * perDemand, end = x + forDemand.size[j]!; x < end; x++) if (forDemand.p[x] === i) continue next;
      edges.s.push(i);
      edges.d.push(j);
      edges.w.push(forSupply.w[i * forSupply.k + k]!);
    }
  }
  return edges;
}

/** Connected groups among the given pairs, found by union-find over supplies and demands. */
function components(edges: Edges, only: number[], supplies: number): number[][] {
  let maxD = 0;
  for (const e of only) maxD = Math.max(maxD, edges.d[e]!);
  const parent = Int32Array.from({ length: supplies + maxD + 1 }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const e of only) {
    const a = find(edges.s[e]!);
    const b = find(supplies + edges.d[e]!);
    if (a !== b) parent[a] = b;
  }
  const groups = new Map<number, number[]>();
  for (const e of only) {
    const r = find(edges.s[e]!);
    const g = groups.get(r);
    if (g) g.push(e);
    else groups.set(r, [e]);
  }
  return [...groups.values()];
}

/** Exact max-weight flow on one group of pairs; adds the pairs to `out`. */
function solveGroup(group: number[], edges: Edges, supplyLeft: Float64Array, demandLeft: Float64Array, resolution: number, out: Allocation[]): void {
  const sLocal = new Map<number, number>();
  const dLocal = new Map<number, number>();
  const sCap: number[] = [];
  const dCap: number[] = [];
  const ps: number[] = [];
  const pd: number[] = [];
  const pw: number[] = [];
  const kept: number[] = [];
  for (const e of group) {
    const w = Math.round(edges.w[e]! * resolution);
    const s = edges.s[e]!;
    const d = edges.d[e]!;
    if (w <= 0 || supplyLeft[s]! <= 0 || demandLeft[d]! <= 0) continue;
    let si = sLocal.get(s);
    if (si === undefined) {
      sLocal.set(s, (si = sCap.length));
      sCap.push(supplyLeft[s]!);
    }
    let di = dLocal.get(d);
    if (di === undefined) {
      dLocal.set(d, (di = dCap.length));
      dCap.push(demandLeft[d]!);
    }
    ps.push(si);
    pd.push(di);
    pw.push(w);
    kept.push(e);
  }
  const flow = maxWeightFlow(sCap, dCap, { s: ps, d: pd, w: pw });
  for (let i = 0; i < kept.length; i++) {
    const q = flow[i]!;
    if (q <= 0) continue;
    const e = kept[i]!;
    out.push({ s: edges.s[e]!, d: edges.d[e]!, qty: q, score: edges.w[e]! });
    supplyLeft[edges.s[e]!] = supplyLeft[edges.s[e]!]! - q;
    demandLeft[edges.d[e]!] = demandLeft[edges.d[e]!]! - q;
  }
}

/**
 * The batch proposal: pairs with quantities that maximise the sum of score x quantity over the
 * candidate pairs (each listing's best feasible counterparts, see DEFAULT_BREADTH), solved exactly on
 * that candidate graph by min-cost flow, one connected group at a time (a product, or a whole category
 * when some demand takes any product of it).
 * Quantities are whole base units and never exceed any listing's remaining quantity.
 * A generator so that a job can report progress and yield between groups: it yields after the
 * candidate pairs and after each group, and returns the allocations.
 */
export function* allocating(supplies: Offer[], demands: Offer[], ctx: ScoreCtx, opts: { breadth?: Breadth; resolution?: number } = {}): Generator<{ done: number; total: number }, Allocation[]> {
  // Scores are quantised for the flow so that its comparisons are exact integers.
  const resolution = opts.resolution ?? 50;
  const edges = candidateEdges(supplies, demands, ctx, opts.breadth);
  const supplyLeft = Float64Array.from(supplies, (o) => o.remaining);
  const demandLeft = Float64Array.from(demands, (o) => o.remaining);
  const all = Array.from(edges.w, (_, e) => e);
  const out: Allocation[] = [];
  const groups = components(edges, all, supplies.length);
  yield { done: 0, total: groups.length };
  for (const [i, group] of groups.entries()) {
    solveGroup(group, edges, supplyLeft, demandLeft, resolution, out);
    yield { done: i + 1, total: groups.length };
  }
  out.sort((a, b) => b.score - a.score || a.d - b.d || a.s - b.s);
  return out;
}

export function allocateAll(supplies: Offer[], demands: Offer[], ctx: ScoreCtx, opts: { breadth?: Breadth; resolution?: number } = {}): Allocation[] {
  const steps = allocating(supplies, demands, ctx, opts);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
