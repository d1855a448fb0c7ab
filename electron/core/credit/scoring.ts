import type { Grade, ModelDefinition, ModelIndicator } from '../../../shared/credit';
import type { FactReading } from './fact-sources';

/** What a fact is called, for the scored lines (kept in the rating, so it reads the same years later). */
export interface FactMeta {
  label: string;
  unit: string;
  from: string;
}

/** One indicator of a rating: the input as read, the rule that applied and the points it earned. */
export interface ScoredLine {
  fact: string;
  label: string;
  unit: string;
  from: string;
  weight: number;
  applicable: boolean;
  value: number | null;
  detail: string;
  /** Percent of the weight earned; null when the indicator does not apply to the subject. */
  pct: number | null;
  /** Points in hundredths: weight × pct. */
  pointsX100: number;
  rule: string;
}

export interface ScoreResult {
  lines: ScoredLine[];
  /** Sum of the weights of the indicators that apply; the score is scaled from it to 100. */
  applicableWeight: number;
  rawX100: number;
  scoreX100: number;
  grade: Grade;
}

const num = (v: number) => String(Math.round(v * 100) / 100);

/** The level a value falls in: the best threshold it reaches (higher is better) or stays within (lower is better). */
export function levelFor(ind: ModelIndicator, value: number, unit: string): { pct: number; rule: string } {
  const levels = [...ind.levels].sort((a, b) => (ind.better === 'higher' ? b.at - a.at : a.at - b.at));
  const hit = levels.find((l) => (ind.better === 'higher' ? value >= l.at : value <= l.at));
  if (hit) return { pct: hit.pct, rule: `${ind.better === 'higher' ? '≥' : '≤'} ${num(hit.at)}${unit} → ${hit.pct}%` };
  const edge = levels.at(-1);
  return { pct: 0, rule: edge ? `${ind.better === 'higher' ? '低于' : '高于'} ${num(edge.at)}${unit} → 0%` : '未设档次 → 0%' };
}

export function gradeFor(def: ModelDefinition, scoreX100: number): Grade {
  const bands = [...def.bands].sort((a, b) => b.min - a.min);
  return (bands.find((b) => scoreX100 >= Math.round(b.min * 100)) ?? bands.at(-1)!).grade;
}

/**
 * Scores a subject's facts under a model. Integer arithmetic throughout: points are weight × percent
 * (hundredths of a point), the total is scaled by 100 / applicable weight and rounded once, so the same
 * inputs always give the same score. `readings` holds null for an indicator whose fact does not apply.
 */
export function scoreFacts(def: ModelDefinition, readings: ReadonlyMap<string, FactReading | null>, meta: (fact: string) => FactMeta): ScoreResult {
  // Object literals rather than spreads: V8 builds spread objects on a slow path, and rating everyone makes
  // a quarter of a million of them.
  const lines = def.indicators.map((ind): ScoredLine => {
    const m = meta(ind.fact);
    const reading = readings.get(ind.fact) ?? null;
    let applicable = true;
    let value: number | null = null;
    let detail = '不适用于此类主体';
    let pct: number | null = null;
    let rule = '不适用，按其余指标折算';
    if (reading === null) applicable = false;
    else if (reading.value === null) {
      detail = reading.detail;
      pct = ind.missingPct;
      rule = `无数据 → ${ind.missingPct}%`;
    } else {
      const level = levelFor(ind, reading.value, m.unit);
      value = reading.value;
      detail = reading.detail;
      pct = level.pct;
      rule = level.rule;
    }
    return { fact: ind.fact, label: m.label, unit: m.unit, from: m.from, weight: ind.weight, applicable, value, detail, pct, pointsX100: pct === null ? 0 : ind.weight * pct, rule };
  });
  const applicableWeight = lines.filter((l) => l.applicable).reduce((s, l) => s + l.weight, 0);
  const rawX100 = lines.reduce((s, l) => s + l.pointsX100, 0);
  const scoreX100 = applicableWeight === 0 ? 0 : Math.round((rawX100 * 100) / applicableWeight);
  return { lines, applicableWeight, rawX100, scoreX100, grade: gradeFor(def, scoreX100) };
}
