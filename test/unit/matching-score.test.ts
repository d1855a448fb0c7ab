import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_WEIGHTS, DistanceTable, SupplyScorer, parts, refusal, score, total, type Offer, type ScoreCtx } from '../../electron/core/matching/score';
import { explain, suggest } from '../../electron/core/matching/explain';
import { townshipKm } from '../../electron/core/matching/geo';
import { STANDARD_UNITS, comparePrice } from '../../shared/quantity';

const jin = STANDARD_UNITS.g[0]!;
const kg = STANDARD_UNITS.g[1]!;
const TOWNS = [
  { id: 1, name: '青龙街道' },
  { id: 2, name: '江口镇' },
  { id: 3, name: '龙角镇' },
  { id: 4, name: '不在表里的镇' },
];
const ctx: ScoreCtx = { weights: DEFAULT_WEIGHTS, maxKm: 80, today: 20_000, dist: new DistanceTable(TOWNS) };

function offer(side: 'supply' | 'demand', o: Partial<Offer> = {}): Offer {
  return {
    id: side === 'supply' ? 1 : 2,
    side,
    kind: 'produce',
    categoryId: 1,
    productId: 10,
    baseUnit: 'g',
    unit: kg,
    gradeRank: 1,
    remaining: 10_000_000,
    from: 20_000,
    to: 20_030,
    priceMin: side === 'supply' ? 300 : 600,
    priceMax: side === 'supply' ? 360 : 800,
    priceUnit: side === 'supply' ? jin : kg,
    town: 0,
    party: side === 'supply' ? 11 : 22,
    record: null,
    ...o,
  };
}

describe('hard rules', () => {
  it('accepts a pair that meets every rule', () => {
    expect(refusal(offer('supply'), offer('demand'), ctx.today)).toBeNull();
  });

  it('refuses each broken rule by name', () => {
    const s = offer('supply');
    const d = offer('demand');
    expect(refusal(s, offer('demand', { productId: 11 }), ctx.today)).toBe('product');
    expect(refusal(offer('supply', { baseUnit: 'head' }), offer('demand', { productId: null }), ctx.today)).toBe('unit');
    expect(refusal(s, offer('demand', { party: 11 }), ctx.today)).toBe('party');
    expect(refusal(s, offer('demand', { from: 20_031, to: 20_060 }), ctx.today)).toBe('window');
    expect(refusal(offer('supply', { to: 19_990, from: 19_900 }), d, ctx.today)).toBe('window');
    expect(refusal(offer('supply', { priceMin: 401, priceMax: 420 }), d, ctx.today)).toBe('price');
    expect(refusal(offer('supply', { remaining: 0 }), d, ctx.today)).toBe('quantity');
    expect(refusal(s, offer('demand', { kind: 'input' }), ctx.today)).toBe('kind');
  });

  it('lets a seller floor exactly equal to the buyer ceiling meet, in different units', () => {
    // 4.00 元/斤 is 8.00 元/公斤.
    expect(refusal(offer('supply', { priceMin: 400, priceMax: 400 }), offer('demand', { priceMax: 800 }), ctx.today)).toBeNull();
    expect(refusal(offer('supply', { priceMin: 400, priceMax: 400 }), offer('demand', { priceMax: 799 }), ctx.today)).toBe('price');
  });

  it('treats 面议 on either side as able to meet', () => {
    expect(refusal(offer('supply', { priceMin: null, priceMax: null }), offer('demand', { priceMax: 1 }), ctx.today)).toBeNull();
  });
});

describe('score parts', () => {
  it('scores a perfect pair at or near full marks, and each part for its own reason', () => {
    const s = offer('supply', { town: 1 });
    const d = offer('demand', { town: 1, remaining: 5_000_000 });
    const p = parts(s, d, 'demand', ctx);
    expect(p.fit).toBe(1);
    expect(p.quantity).toBe(1);
    expect(p.window).toBe(1);
    expect(p.price).toBe(1);
    expect(p.distance).toBe(1);
    expect(p.record).toBe(0.5);
    expect(total(p, DEFAULT_WEIGHTS)).toBeCloseTo((25 + 20 + 15 + 15 + 15 + 5) / 100, 10);
  });

  it('lowers the fit for a worse grade or an ungraded supply, and for a category-level demand', () => {
    expect(parts(offer('supply', { gradeRank: 2 }), offer('demand', { gradeRank: 1 }), 'demand', ctx).fit).toBeCloseTo(0.6);
    expect(parts(offer('supply', { gradeRank: 0 }), offer('demand', { gradeRank: 1 }), 'demand', ctx).fit).toBe(1);
    expect(parts(offer('supply', { gradeRank: -1 }), offer('demand', { gradeRank: 1 }), 'demand', ctx).fit).toBe(0.6);
    expect(parts(offer('supply'), offer('demand', { productId: null, gradeRank: -1 }), 'demand', ctx).fit).toBe(0.8);
  });

  it('measures quantity coverage from the side being ranked', () => {
    const s = offer('supply', { remaining: 2_000_000 });
    const d = offer('demand', { remaining: 8_000_000 });
    expect(parts(s, d, 'demand', ctx).quantity).toBe(0.25);
    expect(parts(s, d, 'supply', ctx).quantity).toBe(1);
  });

  it('scores window overlap against the shorter window, from today on', () => {
    const p = parts(offer('supply', { from: 20_000, to: 20_009 }), offer('demand', { from: 20_005, to: 20_040 }), 'demand', ctx);
    expect(p.window).toBeCloseTo(5 / 10);
  });

  it('scores price room: tight meeting low, ample room full', () => {
    const tight = parts(offer('supply', { priceMin: 400, priceMax: 400 }), offer('demand', { priceMax: 800 }), 'demand', ctx);
    expect(tight.price).toBeCloseTo(0.4);
    const open = parts(offer('supply', { priceMin: null, priceMax: null }), offer('demand'), 'demand', ctx);
    expect(open.price).toBe(0.5);
  });

  it('scores distance by the township table, neutral for unknown places', () => {
    const km = townshipKm('青龙街道', '龙角镇')!;
    expect(km).toBeGreaterThan(20);
    expect(km).toBeLessThan(40);
    expect(parts(offer('supply', { town: 0 }), offer('demand', { town: 2 }), 'demand', ctx).distance).toBeCloseTo(1 - km / 80);
    expect(parts(offer('supply', { town: 0 }), offer('demand', { town: 3 }), 'demand', ctx).distance).toBe(0.5);
    expect(parts(offer('supply', { town: 0 }), offer('demand', { town: -1 }), 'demand', ctx).distance).toBe(0.5);
  });

  it("uses the counterpart's record of fulfilled deals", () => {
    const good = offer('supply', { record: { fulfilled: 8, cancelled: 0 } });
    const bad = offer('supply', { record: { fulfilled: 0, cancelled: 3 } });
    const d = offer('demand', { record: { fulfilled: 0, cancelled: 9 } });
    expect(parts(good, d, 'demand', ctx).record).toBeCloseTo(0.9);
    expect(parts(bad, d, 'demand', ctx).record).toBeCloseTo(0.2);
    expect(score(good, d, 'demand', ctx)).toBeGreaterThan(score(bad, d, 'demand', ctx));
    expect(parts(good, d, 'supply', ctx).record).toBeCloseTo(1 / 11);
  });

  it('follows the weights: only distance weighted means only distance counts', () => {
    const w = { fit: 0, quantity: 0, window: 0, price: 0, distance: 100, record: 0 };
    const near = score(offer('supply', { town: 0 }), offer('demand', { town: 0 }), 'demand', { ...ctx, weights: w });
    const far = score(offer('supply', { town: 2 }), offer('demand', { town: 0 }), 'demand', { ...ctx, weights: w });
    expect(near).toBe(1);
    expect(far).toBeCloseTo(1 - townshipKm('龙角镇', '青龙街道')! / 80);
  });

  it('explains every part in words', () => {
    const ex = explain(offer('supply', { gradeRank: 2 }), offer('demand', { gradeRank: 1, town: 1 }), 'demand', ctx, ['特级', '一级', '二级']);
    const note = (k: string) => ex.parts.find((p) => p.key === k)!.note;
    expect(note('fit')).toBe('同一产品；低 1 级（二级，要求一级）');
    expect(note('distance')).toMatch(/^直线约 \d+ 公里（青龙街道 → 江口镇）$/);
    expect(note('record')).toBe('对方暂无成交记录，按中性计分');
    expect(note('price')).toContain('供方 3.00–3.60 元/斤，需方 6.00–8.00 元/公斤');
  });
});

describe('the fused batch scorer', () => {
  const arb = fc.record({
    productId: fc.option(fc.constantFrom(10, 11), { nil: null }),
    sGrade: fc.integer({ min: -1, max: 2 }),
    dGrade: fc.integer({ min: -1, max: 2 }),
    sRem: fc.integer({ min: 0, max: 1_000_000 }),
    dRem: fc.integer({ min: 1, max: 1_000_000 }),
    sFrom: fc.integer({ min: 19_990, max: 20_050 }),
    sLen: fc.integer({ min: 0, max: 40 }),
    dFrom: fc.integer({ min: 19_990, max: 20_050 }),
    dLen: fc.integer({ min: 0, max: 40 }),
    sMin: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }),
    dMax: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: null }),
    sTown: fc.integer({ min: -1, max: 3 }),
    dTown: fc.integer({ min: -1, max: 3 }),
    party: fc.integer({ min: 1, max: 3 }),
    rec: fc.option(fc.record({ fulfilled: fc.nat(5), cancelled: fc.nat(5) }), { nil: null }),
  });
  it('agrees with refusal() and score() on any pair', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const s = offer('supply', { productId: 10, gradeRank: a.sGrade, remaining: a.sRem, from: a.sFrom, to: a.sFrom + a.sLen, priceMin: a.sMin, priceMax: a.sMin, town: a.sTown, party: a.party, record: a.rec });
        const d = offer('demand', { productId: a.productId, gradeRank: a.productId === null ? -1 : a.dGrade, remaining: a.dRem, from: a.dFrom, to: a.dFrom + a.dLen, priceMin: a.dMax, priceMax: a.dMax, town: a.dTown, party: -2 });
        const fused = new SupplyScorer([s], ctx).score(0, d);
        if (refusal(s, d, ctx.today) !== null) expect(fused).toBe(-1);
        else expect(fused).toBeCloseTo(score(s, d, 'demand', ctx), 12);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('suggested terms', () => {
  it('proposes a price inside both ranges in the seller unit and the first common day', () => {
    const s = offer('supply', { from: 20_010 });
    const d = offer('demand', { remaining: 3_000_000 });
    const sg = suggest(s, d, ctx.today);
    expect(sg).toMatchObject({ quantityBase: 3_000_000, quantity: '3000', unit: '公斤', priceUnit: '斤', deliveryDate: '2024-10-14' });
    expect(comparePrice(sg.priceFen!, jin, 300, jin)).toBeGreaterThanOrEqual(0);
    expect(comparePrice(sg.priceFen!, jin, 800, kg)).toBeLessThanOrEqual(0);
    expect(sg.priceFen).toBe(330);
  });

  it('never suggests a price outside the ranges when rounding across units', () => {
    // Buyer's ceiling 2.01 元/公斤 is 1.005 元/斤; the seller asks at least 1.00 元/斤.
    const sg = suggest(offer('supply', { priceMin: 100, priceMax: 120 }), offer('demand', { priceMin: 150, priceMax: 201 }), ctx.today);
    expect(sg.priceFen).toBe(100);
  });
});
