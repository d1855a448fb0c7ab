/**
 * Maximum-weight transportation by min-cost flow: source -> supply (its remaining) -> demand (a
 * candidate pair, cost -weight) -> sink (the demand's remaining). Primal-dual: a Dijkstra on reduced
 * costs (Dial's buckets, as they are small integers) moves the potentials, then depth-first passes
 * push along every zero-reduced-cost path; it stops when the cheapest path would no longer add
 * weight. Weights are integers (scores quantised by the caller), so each phase raises the path cost
 * by at least one and there are at most as many phases as weight levels.
 */
export interface FlowPairs {
  /** Supply node (0..S-1), demand node (0..D-1), integer weight > 0, per pair. */
  s: ArrayLike<number>;
  d: ArrayLike<number>;
  w: ArrayLike<number>;
}

export function maxWeightFlow(supplyCap: ArrayLike<number>, demandCap: ArrayLike<number>, pairs: FlowPairs): Float64Array {
  const S = supplyCap.length;
  const D = demandCap.length;
  const P = pairs.w.length;
  const source = S + D;
  const sink = source + 1;
  const n = sink + 1;
  const m = 2 * (S + D + P);
  const to = new Int32Array(m);
  const cap = new Float64Array(m);
  const cost = new Float64Array(m);
  const next = new Int32Array(m);
  const head = new Int32Array(n).fill(-1);
  let arcs = 0;
  const add = (u: number, v: number, c: number, w: number) => {
    to[arcs] = v;
    cap[arcs] = c;
    cost[arcs] = w;
    next[arcs] = head[u]!;
    head[u] = arcs++;
    to[arcs] = u;
    cap[arcs] = 0;
    cost[arcs] = -w;
    next[arcs] = head[v]!;
    head[v] = arcs++;
  };
  const pairArc = new Int32Array(P);
  for (let i = 0; i < P; i++) {
    pairArc[i] = arcs;
    const s = pairs.s[i]!;
    const d = pairs.d[i]!;
    add(s, S + d, Math.min(supplyCap[s]!, demandCap[d]!), -pairs.w[i]!);
  }
  for (let i = 0; i < S; i++) add(source, i, supplyCap[i]!, 0);
  for (let j = 0; j < D; j++) add(S + j, sink, demandCap[j]!, 0);

  // Start potentials: exact shortest distances in the acyclic start graph, so reduced costs are >= 0.
  const pot = new Float64Array(n);
  for (let i = 0; i < P; i++) pot[S + pairs.d[i]!] = Math.min(pot[S + pairs.d[i]!]!, -pairs.w[i]!);
  for (let j = 0; j < D; j++) pot[sink] = Math.min(pot[sink]!, pot[S + j]!);

  const dist = new Float64Array(n);
  // Dial's buckets: reduced costs are integers and only distances below the current path cost matter.
  let bucketHead = new Int32Array(0);
  const entryNode = new Int32Array(m + n);
  const entryNext = new Int32Array(m + n);
  // The admissible arcs of a phase (reduced cost 0, either direction), as a compact adjacency list.
  const adm = new Int32Array(m);
  const admNext = new Int32Array(m);
  const admHead = new Int32Array(n);
  const iter = new Int32Array(n);
  const dead = new Uint8Array(n);
  const onPath = new Uint8Array(n);
  const reduced = (a: number) => cost[a]! + pot[to[a ^ 1]!]! - pot[to[a]!]!;
  const pathArc = new Int32Array(n);

  /**
   * One depth-first pass over the admissible arcs from the source, iterative: after each augmentation
   * it resumes from the tail of the first arc the push saturated instead of starting over. A node whose
   * arcs are used up is dead for the rest of the pass. Returns the amount pushed.
   */
  const pass = (): number => {
    let pushed = 0;
    let top = 0;
    let u = source;
    onPath[source] = 1;
    for (;;) {
      if (u === sink) {
        let f = Infinity;
        let cut = 0;
        for (let i = 0; i < top; i++) {
          const c = cap[pathArc[i]!]!;
          if (c < f) {
            f = c;
            cut = i;
          }
        }
        for (let i = 0; i < top; i++) {
          const a = pathArc[i]!;
          cap[a] = cap[a]! - f;
          cap[a ^ 1] = cap[a ^ 1]! + f;
        }
        pushed += f;
        for (let i = cut; i < top; i++) onPath[to[pathArc[i]!]!] = 0;
        top = cut;
        u = to[pathArc[cut]! ^ 1]!;
        continue;
      }
      let k = iter[u]!;
      for (; k >= 0; k = admNext[k]!) {
        const a = adm[k]!;
        const v = to[a]!;
        if (cap[a]! > 0 && !dead[v] && !onPath[v]) break;
      }
      iter[u] = k;
      if (k >= 0) {
        const a = adm[k]!;
        pathArc[top++] = a;
        u = to[a]!;
        onPath[u] = 1;
        continue;
      }
      dead[u] = 1;
      onPath[u] = 0;
      if (top === 0) return pushed;
      const back = pathArc[--top]!;
      u = to[back ^ 1]!;
      iter[u] = admNext[iter[u]!]!;
    }
  };

  for (;;) {
    // Dijkstra from the source on reduced costs, stopping once the sink is settled. A path is worth
    // taking only while its real cost is negative, i.e. its reduced length is below `limit`.
    const limit = pot[source]! - pot[sink]!;
    if (limit <= 0) break;
    if (bucketHead.length < limit + 1) bucketHead = new Int32Array(limit + 1);
    bucketHead.fill(-1, 0, limit + 1);
    dist.fill(Infinity);
    dist[source] = 0;
    let entries = 0;
    entryNode[0] = source;
    entryNext[0] = -1;
    bucketHead[0] = entries++;
    let found = false;
    for (let k = 0; k < limit && !found; k++) {
      while (bucketHead[k]! >= 0) {
        const e = bucketHead[k]!;
        bucketHead[k] = entryNext[e]!;
        const u = entryNode[e]!;
        if (dist[u] !== k) continue;
        if (u === sink) {
          found = true;
          break;
        }
        for (let a = head[u]!; a >= 0; a = next[a]!) {
          if (cap[a]! <= 0) continue;
          const v = to[a]!;
          const nd = k + reduced(a);
          if (nd < dist[v]! && nd < limit) {
            dist[v] = nd;
            entryNode[entries] = v;
            entryNext[entries] = bucketHead[nd]!;
            bucketHead[nd] = entries++;
          }
        }
      }
    }
    if (!found) break;
    const dSink = dist[sink]!;
    // Nodes beyond the sink's distance move by that distance: reduced costs stay >= 0 everywhere.
    for (let v = 0; v < n; v++) pot[v] = pot[v]! + Math.min(dist[v]!, dSink);

    // Potentials are fixed for the rest of the phase, so are the admissible arcs: collect them once.
    admHead.fill(-1);
    let count = 0;
    for (let a = 0; a < arcs; a++) {
      if ((cap[a]! > 0 || cap[a ^ 1]! > 0) && reduced(a) === 0) {
        const u = to[a ^ 1]!;
        adm[count] = a;
        admNext[count] = admHead[u]!;
        admHead[u] = count++;
      }
    }
    // Depth-first passes with current-arc pointers; a node found unable to reach the sink is skipped
    // for the rest of the pass. A pass that pushes nothing proves the sink cut off at this cost.
    for (;;) {
      iter.set(admHead);
      dead.fill(0);
      onPath.fill(0);
      if (pass() === 0) break;
    }
  }
  const flow = new Float64Array(P);
  for (let i = 0; i < P; i++) flow[i] = cap[pairArc[i]! ^ 1]!;
  return flow;
}
