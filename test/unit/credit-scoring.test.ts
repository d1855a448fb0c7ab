import { describe, it, expect } from 'vitest';
import { gradeFor, levelFor, scoreFacts } from '../../electron/core/credit/scoring';
import { checkDefinition, DEFAULT_MODEL } from '../../electron/core/credit/model';
import type { ModelDefinition } from '../../shared/credit';
import type { FactReading } from '../../electron/core/credit/fact-sources';

const model: ModelDefinition = {
  indicators: [
    { fact: 'memberYears', weight: 40, better: 'higher', levels: [{ at: 1, pct: 40 }, { at: 5, pct: 100 }, { at: 3, pct: 70 }], missingPct: 0 },
    { fact: 'penalties', weight: 30, better: 'lower', levels: [{ at: 0, pct: 100 }, { at: 1, pct: 20 }], missingPct: 100 },
    { fact: 'demoLevel', weight: 30, better: 'higher', levels: [{ at: 1, pct: 100 }], missingPct: 10 },
  ],
  bands: [
    { grade: 'AAA', min: 90 },
    { grade: 'AA', min: 80 },
    { grade: 'A', min: 70 },
    { grade: 'B', min: 60 },
    { grade: 'C', min: 0 },
  ],
  validMonths: 12,
};
const meta = (fact: string) => ({ label: fact, unit: fact === 'memberYears' ? '年' : '', from: 'test' });
const read = (entries: [string, FactReading | null][]) => new Map(entries);

describe('rating computation', () => {
  it('takes the best level a value reaches, whatever order the levels are listed in', () => {
    const ind = model.indicators[0]!;
    expect(levelFor(ind, 4.9, '年')).toEqual({ pct: 70, rule: '≥ 3年 → 70%' });
    expect(levelFor(ind, 5, '年')).toEqual({ pct: 100, rule: '≥ 5年 → 100%' });
    expect(levelFor(ind, 0.5, '年')).toEqual({ pct: 0, rule: '低于 1年 → 0%' });
    const lower = model.indicators[1]!;
    expect(levelFor(lower, 0, '')).toMatchObject({ pct: 100 });
    expect(levelFor(lower, 1, '')).toMatchObject({ pct: 20 });
    expect(levelFor(lower, 2, '')).toEqual({ pct: 0, rule: '高于 1 → 0%' });
  });

  it('adds weight × percent in hundredths and grades on the band reached', () => {
    const r = scoreFacts(model, read([['memberYears', { value: 3.2, detail: '' }], ['penalties', { value: 1, detail: '' }], ['demoLevel', { value: 2, detail: '' }]]), meta);
    expect(r.lines.map((l) => l.pointsX100)).toEqual([2800, 600, 3000]);
    expect(r).toMatchObject({ applicableWeight: 100, rawX100: 6400, scoreX100: 6400, grade: 'B' });
    expect(gradeFor(model, 8000)).toBe('AA');
    expect(gradeFor(model, 7999)).toBe('A');
    expect(gradeFor(model, 0)).toBe('C');
  });

  it('scores missing data at the model’s percent and leaves out what does not apply, scaling the rest to 100', () => {
    const r = scoreFacts(model, read([['memberYears', { value: null, detail: '没有入会' }], ['penalties', { value: 0, detail: '' }], ['demoLevel', null]]), meta);
    expect(r.lines.map((l) => [l.fact, l.applicable, l.pct, l.rule])).toEqual([
      ['memberYears', true, 0, '无数据 → 0%'],
      ['penalties', true, 100, '≤ 0 → 100%'],
      ['demoLevel', false, null, '不适用，按其余指标折算'],
    ]);
    // 0 + 30 of 70 applicable points = 42.857… → 42.86.
    expect(r).toMatchObject({ applicableWeight: 70, rawX100: 3000, scoreX100: 4286, grade: 'C' });
    const missing = scoreFacts(model, read([['memberYears', { value: 6, detail: '' }], ['penalties', { value: 0, detail: '' }], ['demoLevel', { value: null, detail: '' }]]), meta);
    expect(missing).toMatchObject({ rawX100: 4000 + 3000 + 300, scoreX100: 7300, grade: 'A' });
  });

  it('ships a default model whose weights add up to 100 over facts the app can read', () => {
    expect(DEFAULT_MODEL.indicators.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(() => checkDefinition(DEFAULT_MODEL)).not.toThrow();
  });
});
