import { DISPLAY_UNIT, comparePrice, convertPrice, formatQty, type UnitFactor } from '../../../shared/quantity';
import { formatFen } from '../../../shared/money';
import { PART_LABELS, dayText, parts, total, type Offer, type ScoreCtx, type Weights } from './score';

export interface Part {
  key: keyof Weights;
  label: string;
  value: number;
  weight: number;
  note: string;
}

export interface Suggestion {
  quantityBase: number;
  quantity: string;
  unit: string;
  priceFen: number | null;
  priceUnit: string;
  deliveryDate: string;
}

const price = (fen: number, u: UnitFactor) => `${formatFen(fen)} 元/${u.name}`;
const range = (o: Offer) => (o.priceMin === null ? '面议' : o.priceMin === o.priceMax ? price(o.priceMin, o.priceUnit) : `${formatFen(o.priceMin)}–${price(o.priceMax!, o.priceUnit)}`);
const md = (day: number) => dayText(day).slice(5).replace('-', '月') + '日';
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** A quantity in the first unit that shows it exactly (the listing's own, else 公斤/升/头/件). */
export function exactQty(base: number, units: UnitFactor[]): { quantity: string; unit: string } {
  for (const u of units) {
    const q = formatQty(base, u);
    if (!q.startsWith('≈')) return { quantity: q, unit: u.name };
  }
  const u = units[units.length - 1]!;
  return { quantity: formatQty(base, u), unit: u.name };
}

/** The score of a pair with every part and a sentence on why, as staff see it before confirming. */
export function explain(s: Offer, d: Offer, forSide: 'supply' | 'demand', ctx: ScoreCtx, grades: string[] | undefined): { score: number; parts: Part[] } {
  const p = parts(s, d, forSide, ctx);
  const mine = forSide === 'supply' ? s : d;
  const both = Math.min(s.remaining, d.remaining);
  const gradeName = (rank: number) => (rank >= 0 && grades ? (grades[rank] ?? '') : '');
  let fit = d.productId === null ? '按品类求购，品种不限' : '同一产品';
  if (d.gradeRank >= 0) {
    const want = gradeName(d.gradeRank);
    if (s.gradeRank < 0) fit += `；供方未定级（要求${want}）`;
    else if (s.gradeRank === d.gradeRank) fit += `；等级相符（${want}）`;
    else if (s.gradeRank < d.gradeRank) fit += `；等级高于要求（${gradeName(s.gradeRank)}，要求${want}）`;
    else fit += `；低 ${s.gradeRank - d.gradeRank} 级（${gradeName(s.gradeRank)}，要求${want}）`;
  } else if (s.gradeRank >= 0) fit += `；${gradeName(s.gradeRank)}`;
  const from = Math.max(s.from, d.from, ctx.today);
  const to = Math.min(s.to, d.to);
  const km = ctx.dist.get(s.town, d.town);
  const sTown = s.town >= 0 ? ctx.dist.names[s.town] : '';
  const dTown = d.town >= 0 ? ctx.dist.names[d.town] : '';
  const rec = forSide === 'supply' ? d.record : s.record;
  const notes: Record<keyof Weights, string> = {
    fit,
    quantity: `可满足本挂牌剩余的 ${pct(p.quantity)}（${formatQty(both, mine.unit)} / ${formatQty(mine.remaining, mine.unit)} ${mine.unit.name}）`,
    window: `共同时间 ${to - from + 1} 天（${md(from)}–${md(to)}）`,
    price:
      s.priceMin === null || d.priceMax === null
        ? `至少一方面议（供 ${range(s)}，需 ${range(d)}）`
        : `供方 ${range(s)}，需方 ${range(d)}${p.price >= 1 ? '，价格空间充足' : p.price <= 0.45 ? '，价格刚好衔接' : ''}`,
    distance: km === null ? `${sTown || '产地未填乡镇'} → ${dTown || '交货地不在本县乡镇表内'}，按中性计分` : km === 0 ? `同一乡镇（${sTown}）` : `直线约 ${Math.round(km)} 公里（${sTown} → ${dTown}）`,
    record: rec ? `对方已履约 ${rec.fulfilled} 笔、取消 ${rec.cancelled} 笔` : '对方暂无成交记录，按中性计分',
  };
  const keys = Object.keys(PART_LABELS) as (keyof Weights)[];
  return {
    score: total(p, ctx.weights),
    parts: keys.map((k) => ({ key: k, label: PART_LABELS[k], value: p[k], weight: ctx.weights[k], note: notes[k] })),
  };
}

/**
 * Terms to start a confirmation from: `quantity` (default: all both sides have), a price inside both
 * ranges in the seller's price unit (midpoint of the overlap, checked exactly), the first common day.
 */
export function suggest(s: Offer, d: Offer, today: number, quantity = Math.min(s.remaining, d.remaining)): Suggestion {
  const q = exactQty(quantity, [s.unit, d.unit, DISPLAY_UNIT[s.baseUnit]]);
  const unit = s.priceMin !== null ? s.priceUnit : d.priceMax !== null ? d.priceUnit : s.unit;
  let priceFen: number | null = null;
  if (s.priceMin !== null && d.priceMax !== null) {
    const sMin = convertPrice(s.priceMin, s.priceUnit, unit);
    const sMax = convertPrice(s.priceMax!, s.priceUnit, unit);
    const dMin = convertPrice(d.priceMin!, d.priceUnit, unit);
    const dMax = convertPrice(d.priceMax, d.priceUnit, unit);
    const lo = Math.max(sMin, dMin);
    const hi = Math.min(sMax, dMax);
    priceFen = lo <= hi ? Math.round((lo + hi) / 2) : Math.round((sMax + dMin) / 2);
    // Rounding to whole fen in another unit may step outside a range; the seller's floor never does.
    if (comparePrice(priceFen, unit, s.priceMin, s.priceUnit) < 0 || comparePrice(priceFen, unit, d.priceMax, d.priceUnit) > 0) priceFen = sMin;
    if (comparePrice(priceFen, unit, s.priceMin, s.priceUnit) < 0 || comparePrice(priceFen, unit, d.priceMax, d.priceUnit) > 0) priceFen = null;
  } else if (s.priceMin !== null) priceFen = convertPrice(s.priceMin, s.priceUnit, unit);
  else if (d.priceMax !== null) priceFen = convertPrice(d.priceMax, d.priceUnit, unit);
  return { quantityBase: quantity, quantity: q.quantity, unit: q.unit, priceFen, priceUnit: unit.name, deliveryDate: dayText(Math.max(s.from, d.from, today)) };
}
