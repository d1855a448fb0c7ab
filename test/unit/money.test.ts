import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate, formatFen, parseYuan, upperAmount } from '../../shared/money';

describe('uppercase amounts (examples from 会计基础工作规范)', () => {
  it.each([
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1234567, '壹万贰仟叁佰肆拾伍元陆角柒分'],
  ])('%i fen -> %s', (fen, text) => expect(upperAmount(fen)).toBe(text));

  it('handles whole yuan, only fen, zero runs across 万 and 亿', () => {
    expect(upperAmount(0)).toBe('零元整');
    expect(upperAmount(100)).toBe('壹元整');
    expect(upperAmount(5)).toBe('伍分');
    expect(upperAmount(50)).toBe('伍角整');
    expect(upperAmount(100000000)).toBe('壹佰万元整');
    expect(upperAmount(10000000100)).toBe('壹亿零壹元整');
    expect(upperAmount(1000100)).toBe('壹万零壹元整');
    expect(upperAmount(-1234567)).toBe('负壹万贰仟叁佰肆拾伍元陆角柒分');
  });
});

describe('money text', () => {
  it('formats fen with thousands separators and parses back exactly', () => {
    expect(formatFen(123456789)).toBe('1,234,567.89');
    expect(formatFen(-5)).toBe('-0.05');
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('¥12')).toBe(1200);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('abc')).toBeNull();
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => parseYuan(formatFen(fen)) === fen));
  });
});

describe('largest-remainder allocation', () => {
  it('splits 100.00 over three equal shares into 33.34 + 33.33 + 33.33', () => {
    expect(allocate(10000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });
  it('always sums to the total and never moves a part more than 1 fen from its exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 40 }), (total, weights) => {
        const parts = allocate(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        if (sum === 0) return parts.every((p) => p === 0);
        if (parts.reduce((a, b) => a + b, 0) !== total) return false;
        return parts.every((p, i) => Math.abs(p - (total * weights[i]!) / sum) < 1 + 1e-6);
      }),
    );
  });
});
