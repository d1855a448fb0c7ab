/**
 * Exact reference for the benchmark's quality figure: the maximum of sum(w * x) over a transportation
 * problem (supplies with capacities, demands with capacities, weighted pairs), solved as a min-cost
 * flow by successive shortest paths (Dijkstra with potentials), stopping when no path has negative
 * cost. Weights are scaled to integers so the comparisons are exact.
 */
export interface Problem {
  supplyCap: number[];
  demandCap: number[];
  pairs: { s: number; d: number; w: number }[];
}

const SCALE = 1_000_000;

interface Arc {
  to: number;
  cap: number;
  cost: number;
  rev: number;
}

export function maxWeightTransport(p: Problem): { value: number; flow: number[] } {
  const S = p.supplyCap.length;
  const D = p.demandCap.length;
  const source = S + D;
  const sink = source + 1;
  const n = sink + 1;
  const g: Arc[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, cap: number, cost: number): number => {
    g[u]!.push({ to: v, cap, cost, rev: g[v]!.length });
    g[v]!.push({ to: u, cap: 0, cost: -cost, rev: g[u]!.length - 1 });
    return g[u]!.length - 1;
  };
  p.supplyCap.forEach((c, i) => add(source, i, c, 0));
  p.demandCap.forEach((c, j) => add(S + j, sink, c, 0));
  const pairArc = p.pairs.map((e) => add(e.s, S + e.d, Number.MAX_SAFE_INTEGER, -Math.round(e.w * SCALE)));

  // Initial potentials: shortest distances in the (acyclic) start graph.
  const pot = new Array<number>(n).fill(0);
  for (let j = 0; j < D; j++) pot[S + j] = 0;
  for (const e of p.pairs) pot[S + e.d] = Math.min(pot[S + e.d]!, -Math.round(e.w * SCALE));
  pot[sink] = Math.min(0, ...Array.from({ length: D }, (_, j) => pot[S + j]!));

  const dist = new Array<number>(n);
  const prevNode = new Array<number>(n);
  const prevArc = new Array<number>(n);
  for (;;) {
    dist.fill(Infinity);
    dist[source] = 0;
    const done = new Uint8Array(n);
    // Dense Dijkstra: fine for the small instances the benchmark checks (a few hundred nodes).
    for (;;) {
      let u = -1;
      for (let v = 0; v < n; v++) if (!done[v] && dist[v]! < Infinity && (u < 0 || dist[v]! < dist[u]!)) u = v;
      if (u < 0) break;
      done[u] = 1;
      g[u]!.forEach((a, k) => {
        if (a.cap <= 0) return;
        const nd = dist[u]! + a.cost + pot[u]! - pot[a.to]!;
        if (nd < dist[a.to]!) {
          dist[a.to] = nd;
          prevNode[a.to] = u;
          prevArc[a.to] = k;
        }
      });
    }
    if (dist[sink] === Infinity) break;
    for (let v = 0; v < n; v++) if (dist[v]! < Infinity) pot[v]! += dist[v]!;
    // Real cost of the path is pot[sink] - pot[source]; stop once sending more would not pay.
    if (pot[sink]! - pot[source]! >= 0) break;
    let push = Infinity;
    for (let v = sink; v !== source; v = prevNode[v]!) push = Math.min(push, g[prevNode[v]!]![prevArc[v]!]!.cap);
    for (let v = sink; v !== source; v = prevNode[v]!) {
      const a = g[prevNode[v]!]![prevArc[v]!]!;
      a.cap -= push;
      g[v]![a.rev]!.cap += push;
    }
  }
  const flow = p.pairs.map((e, i) => {
    const a = g[e.s]![pairArc[i]!]!;
    return g[S + e.d]![a.rev]!.cap;
  });
  return { value: flow.reduce((sum, f, i) => sum + f * p.pairs[i]!.w, 0), flow };
}
