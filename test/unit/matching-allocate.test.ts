import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocateAll, candidateEdges } from '../../electron/core/matching/allocate';
import { DEFAULT_WEIGHTS, DistanceTable, type Offer, type ScoreCtx } from '../../electron/core/matching/score';
import { maxWeightTransport } from '../bench/mincostflow';
import { factorFrom, STANDARD_UNITS, type UnitFactor } from '../../shared/quantity';

const TODAY = 20_000;
const ctx: ScoreCtx = {
  weights: DEFAULT_WEIGHTS,
  maxKm: 80,
  today: TODAY,
  dist: new DistanceTable(['青龙街道', '江口镇', '龙角镇', '高阳镇'].map((name, i) => ({ id: i + 1, name }))),
};

const [jin, kg, tonne] = STANDARD_UNITS.g as [UnitFactor, UnitFactor, UnitFactor];
const head = STANDARD_UNITS.head[0]!;
const MASS_UNITS = [jin, kg, tonne, factorFrom('12.5', jin, '箱')!, factorFrom('0.333333', kg, '小盒')!];

/** Products 1-2 are weighed (category 1), product 3 is counted in heads (also category 1), product 4 is in category 2. */
const PRODUCTS = [
  { id: 1, category: 1, base: 'g' as const },
  { id: 2, category: 1, base: 'g' as const },
  { id: 3, category: 1, base: 'head' as const },
  { id: 4, category: 2, base: 'g' as const },
];

const offerArb = (side: 'supply' | 'demand') =>
  fc
    .record({
      product: fc.constantFrom(...PRODUCTS),
      anyProduct: fc.boolean(),
      grade: fc.integer({ min: -1, max: 2 }),
      qty: fc.integer({ min: 1, max: 400 }),
      unit: fc.constantFrom(...MASS_UNITS),
      from: fc.integer({ min: TODAY - 20, max: TODAY + 40 }),
      len: fc.integer({ min: 0, max: 40 }),
      price: fc.option(fc.integer({ min: 100, max: 900 }), { nil: null, freq: 5 }),
      spread: fc.integer({ min: 0, max: 300 }),
      priceUnit: fc.constantFrom(...MASS_UNITS),
      town: fc.integer({ min: -1, max: 3 }),
      party: fc.integer({ min: 1, max: 6 }),
    })
    .map((a): Offer => {
      const counted = a.product.base === 'head';
      const unit = counted ? head : a.unit;
      const priceUnit = counted ? head : a.priceUnit;
      return {
        id: 0,
        side,
        kind: 'produce',
        categoryId: a.product.category,
        productId: side === 'demand' && a.anyProduct ? null : a.product.id,
        baseUnit: a.product.base,
        unit,
        gradeRank: side === 'demand' && a.anyProduct ? -1 : a.grade,
        // Whole units of the listing's own unit, converted exactly as the service does.
        remaining: Math.round((a.qty * unit.num) / unit.den) || 1,
        from: a.from,
        to: a.from + a.len,
        priceMin: a.price,
        priceMax: a.price === null ? null : a.price + a.spread,
        priceUnit,
        town: a.town,
        party: side === 'supply' ? a.party : -a.party,
        record: null,
      };
    });

/** The hard rules written again independently, with BigInt for prices across units. */
function allowed(s: Offer, d: Offer): boolean {
  if (s.baseUnit !== d.baseUnit) return false;
  if (d.productId !== null ? s.productId !== d.productId : s.categoryId !== d.categoryId) return false;
  if (s.party === d.party) return false;
  if (Math.max(s.from, d.from, TODAY) > Math.min(s.to, d.to)) return false;
  if (s.priceMin !== null && d.priceMax !== null) {
    const floor = BigInt(s.priceMin) * BigInt(s.priceUnit.den) * BigInt(d.priceUnit.num);
    const ceiling = BigInt(d.priceMax) * BigInt(d.priceUnit.den) * BigInt(s.priceUnit.num);
    if (floor > ceiling) return false;
  }
  return true;
}

const problem = fc.record({ supplies: fc.array(offerArb('supply'), { maxLength: 30 }), demands: fc.array(offerArb('demand'), { maxLength: 30 }) });

describe('batch proposal', () => {
  it('never over-allocates, and every pair keeps units, windows and prices', () => {
    fc.assert(
      fc.property(problem, ({ supplies, demands }) => {
        const out = allocateAll(supplies, demands, ctx);
        const usedS = new Map<number, number>();
        const usedD = new Map<number, number>();
        const seen = new Set<string>();
        for (const a of out) {
          expect(Number.isInteger(a.qty)).toBe(true);
          expect(a.qty).toBeGreaterThan(0);
          expect(allowed(supplies[a.s]!, demands[a.d]!)).toBe(true);
          expect(seen.has(`${a.s}/${a.d}`)).toBe(false);
          seen.add(`${a.s}/${a.d}`);
          usedS.set(a.s, (usedS.get(a.s) ?? 0) + a.qty);
          usedD.set(a.d, (usedD.get(a.d) ?? 0) + a.qty);
        }
        for (const [i, q] of usedS) expect(q).toBeLessThanOrEqual(supplies[i]!.remaining);
        for (const [j, q] of usedD) expect(q).toBeLessThanOrEqual(demands[j]!.remaining);
      }),
      { numRuns: 300 },
    );
  });

  it('comes within 2% of the exact optimum on small instances', () => {
    fc.assert(
      fc.property(problem, ({ supplies, demands }) => {
        const all = candidateEdges(supplies, demands, ctx, { perDemand: Math.max(1, supplies.length), perSupply: Math.max(1, demands.length) });
        const exact = maxWeightTransport({
          supplyCap: supplies.map((o) => o.remaining),
          demandCap: demands.map((o) => o.remaining),
          pairs: all.s.map((s, i) => ({ s, d: all.d[i]!, w: all.w[i]! })),
        });
        const got = allocateAll(supplies, demands, ctx).reduce((sum, a) => sum + a.qty * a.score, 0);
        expect(got).toBeLessThanOrEqual(exact.value * (1 + 1e-9));
        expect(got).toBeGreaterThanOrEqual(exact.value * 0.98);
      }),
      { numRuns: 100 },
    );
  });

  it('leaves a listing whose only counterpart is taken unmatched rather than sharing it twice', () => {
    const s: Offer = { ...fc.sample(offerArb('supply'), 1)[0]!, productId: 1, categoryId: 1, baseUnit: 'g', unit: kg, remaining: 5000, from: TODAY, to: TODAY + 10, priceMin: null, priceMax: null, party: 1 };
    const d1: Offer = { ...s, side: 'demand', party: -2, remaining: 4000, gradeRank: -1 };
    const d2: Offer = { ...d1, party: -3, remaining: 4000 };
    const out = allocateAll([s], [d1, d2], ctx);
    expect(out.reduce((sum, a) => sum + a.qty, 0)).toBe(5000);
  });
});
