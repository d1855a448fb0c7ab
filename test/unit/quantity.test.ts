import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { STANDARD_UNITS, comparePrice, convertPrice, factorFrom, formatQty, toBase, valueFen, type UnitFactor } from '../../shared/quantity';

const jin = STANDARD_UNITS.g[0]!;
const kg = STANDARD_UNITS.g[1]!;
const tonne = STANDARD_UNITS.g[2]!;
const head = STANDARD_UNITS.head[0]!;
const box = factorFrom('12.5', jin, '箱')!;

describe('quantities in base units', () => {
  it('converts 斤, 公斤, 吨 and a product box to whole grams', () => {
    expect(toBase('2.5', tonne, '克')).toEqual({ ok: true, base: 2_500_000 });
    expect(toBase('3', jin, '克')).toEqual({ ok: true, base: 1500 });
    expect(toBase('1,200.125', kg, '克')).toEqual({ ok: true, base: 1_200_125 });
    expect(box).toEqual({ name: '箱', num: 6250, den: 1 });
    expect(toBase('4', box, '克')).toEqual({ ok: true, base: 25_000 });
  });

  it('keeps a box of a third of a kilogram as an exact rational', () => {
    const third = factorFrom('0.333333', kg, '小盒')!;
    expect(third).toEqual({ name: '小盒', num: 333333, den: 1000 });
    expect(toBase('1000', third, '克')).toEqual({ ok: true, base: 333_333 });
    expect(toBase('1', third, '克')).toMatchObject({ ok: false, error: expect.stringContaining('不是整数') });
  });

  it('refuses negatives, zero, text and half a pig, saying why', () => {
    expect(toBase('-3', kg, '克')).toEqual({ ok: false, error: '数量不能为负数' });
    expect(toBase('0', kg, '克')).toEqual({ ok: false, error: '数量必须大于 0' });
    expect(toBase('三吨', tonne, '克')).toMatchObject({ ok: false, error: expect.stringContaining('不是有效数字') });
    expect(toBase('1.5', head, '头')).toMatchObject({ ok: false, error: '数量 1.5头 换算为头不是整数，请减少小数位' });
    expect(toBase('', head, '头')).toEqual({ ok: false, error: '请填写数量' });
  });

  it('shows quantities back exactly, or rounded and marked', () => {
    expect(formatQty(2_500_000, tonne)).toBe('2.5');
    expect(formatQty(1500, jin)).toBe('3');
    expect(formatQty(10_000, box)).toBe('1.6');
    expect(formatQty(1, tonne)).toBe('≈0');
    expect(formatQty(333_333, factorFrom('0.333333', kg, 'x')!)).toBe('1000');
    expect(formatQty(1000, { name: 'x', num: 3, den: 1 })).toBe('≈333.333');
  });

  it('round-trips any whole number of units through base units', () => {
    const units: UnitFactor[] = [jin, kg, tonne, box, factorFrom('0.4', jin, '袋')!];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom(...units), (n, u) => {
        const r = toBase(String(n), u, '克');
        expect(r.ok).toBe(true);
        if (r.ok) expect(formatQty(r.base, u)).toBe(String(n));
      }),
    );
  });
});

describe('prices across units', () => {
  it('compares 3.20 元/斤 with 6.40 元/公斤 exactly', () => {
    expect(comparePrice(320, jin, 640, kg)).toBe(0);
    expect(comparePrice(320, jin, 639, kg)).toBe(1);
    expect(comparePrice(320, jin, 641, kg)).toBe(-1);
  });

  it('values a quantity at a price per unit, rounded half up to the fen', () => {
    expect(valueFen(2_500_000, 320, jin)).toBe(1_600_000);
    expect(valueFen(250, 333, jin)).toBe(167);
    expect(valueFen(25_000, 7200, box)).toBe(28_800);
    expect(convertPrice(320, jin, kg)).toBe(640);
    expect(convertPrice(333, kg, jin)).toBe(167);
  });
});
