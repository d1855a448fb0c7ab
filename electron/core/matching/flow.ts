/**
 * Maximum-weight transportation by min-cost flow: source -> supply (its remaining) -> demand (a
 * candidate pair, cost -weight) -> sink (the demand's remaining). Primal-dual: Dijkstra on reduced
 * costs sets potentials, then a blocking flow pushes along every zero-reduced-cost path at once;
 * it stops when the cheapest path would no longer add weight. Weights are integers (scores
 * quantised by the caller), so each phase raises the path cost by at least one and phases are few.
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
  const heapNode = new Int32Array(m + n);
  const heapKey = new Float64Array(m + n);
  // The admissible arcs of a phase (reduced cost 0, either direction), as a compact adjacency list.
  const adm = new Int32Array(m);
  const admNext = new Int32Array(m);
  const admHead = new Int32Array(n);
  const iter = new Int32Array(n);
  const dead = new Uint8Array(n);
  const onPath = new Uint8Array(n);
  const reduced = (a: number) => cost[a]! + pot[to[a ^ 1]!]! - pot[to[a]!]!;
  const dfs = (u: number, f: number): number => {
    if (u === sink) return f;
    onPath[u] = 1;
    for (; iter[u]! >= 0; iter[u] = admNext[iter[u]!]!) {
      const a = adm[iter[u]!]!;
      const v = to[a]!;
      if (cap[a]! > 0 && !dead[v] && !onPath[v]) {
        const got = dfs(v, Math.min(f, cap[a]!));
        if (got > 0) {
          cap[a] = cap[a]! - got;
          cap[a ^ 1] = cap[a ^ 1]! + got;
          onPath[u] = 0;
          return got;
        }
      }
    }
    onPath[u] = 0;
    dead[u] = 1;
    return 0;
  };

  for (;;) {
    // Dijkstra from the source on reduced costs, stopping once the sink is settled.
    dist.fill(Infinity);
    dist[source] = 0;
    let size = 0;
    const push = (v: number, k: number) => {
      let i = size++;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (heapKey[p]! <= k) break;
        heapNode[i] = heapNode[p]!;
        heapKey[i] = heapKey[p]!;
        i = p;
      }
      heapNode[i] = v;
      heapKey[i] = k;
    };
    push(source, 0);
    while (size > 0) {
      const u = heapNode[0]!;
      const k = heapKey[0]!;
      const lastN = heapNode[--size]!;
      const lastK = heapKey[size]!;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && heapKey[c + 1]! < heapKey[c]!) c++;
        if (heapKey[c]! >= lastK) break;
        heapNode[i] = heapNode[c]!;
        heapKey[i] = heapKey[c]!;
        i = c;
      }
      heapNode[i] = lastN;
      heapKey[i] = lastK;
      if (k > dist[u]!) continue;
      if (u === sink) break;
      for (let a = head[u]!; a >= 0; a = next[a]!) {
        if (cap[a]! <= 0) continue;
        const v = to[a]!;
        const nd = k + reduced(a);
        if (nd < dist[v]!) {
          dist[v] = nd;
          push(v, nd);
        }
      }
    }
    const dSink = dist[sink]!;
    if (dSink === Infinity) break;
    // Nodes beyond the sink's distance move by that distance: reduced costs stay >= 0 everywhere.
    for (let v = 0; v < n; v++) pot[v] = pot[v]! + Math.min(dist[v]!, dSink);
    if (pot[sink]! - pot[source]! >= 0) break;

    // Potentials are fixed for the rest of the phase, so are the admissible arcs: collect them once,
    // then push a blocking flow on them (Dinic) until the sink is cut off.
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
      let pushed = 0;
      for (let f = dfs(source, Infinity); f > 0; f = dfs(source, Infinity)) pushed += f;
      if (pushed === 0) break;
    }
  }
  const flow = new Float64Array(P);
  for (let i = 0; i < P; i++) flow[i] = cap[pairArc[i]! ^ 1]!;
  return flow;
}
