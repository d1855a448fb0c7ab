/**
 * Quantities are stored as integers in a product's base unit (grams, millilitres, heads, pieces).
 * A unit is an exact rational number of base units (1 箱 = num/den 克), so conversion never goes
 * through floating point: decimal text -> BigInt rational -> integer base units, or an error.
 */
export const BASE_UNITS = ['g', 'ml', 'head', 'piece'] as const;
export type BaseUnit = (typeof BASE_UNITS)[number];

export const BASE_UNIT_LABELS: Record<BaseUnit, string> = { g: '克（按重量）', ml: '毫升（按容量）', head: '头（按头数）', piece: '件（按件数）' };

export interface UnitFactor {
  name: string;
  /** One unit is num/den base units. */
  num: number;
  den: number;
}

/** Units every product of a base kind has; a category-level listing may use only these. */
export const STANDARD_UNITS: Record<BaseUnit, UnitFactor[]> = {
  g: [
    { name: '斤', num: 500, den: 1 },
    { name: '公斤', num: 1000, den: 1 },
    { name: '吨', num: 1_000_000, den: 1 },
  ],
  ml: [
    { name: '升', num: 1000, den: 1 },
    { name: '毫升', num: 1, den: 1 },
  ],
  head: [{ name: '头', num: 1, den: 1 }],
  piece: [{ name: '件', num: 1, den: 1 }],
};

/** The unit a base kind is shown in when nothing else is chosen (totals, figures). */
export const DISPLAY_UNIT: Record<BaseUnit, UnitFactor> = {
  g: STANDARD_UNITS.g[1]!,
  ml: STANDARD_UNITS.ml[0]!,
  head: STANDARD_UNITS.head[0]!,
  piece: STANDARD_UNITS.piece[0]!,
};

/** 10^15 base units (a million tonnes in grams); keeps sums far inside safe integers. */
export const MAX_BASE = 1_000_000_000_000_000;

export function standardUnit(name: string): { base: BaseUnit; unit: UnitFactor } | null {
  for (const base of BASE_UNITS) {
    const unit = STANDARD_UNITS[base].find((u) => u.name === name);
    if (unit) return { base, unit };
  }
  return null;
}

const DECIMAL_RE = /^(\d{1,15})(?:\.(\d{1,6}))?$/;

/** "12.50" -> 1250/100 as BigInts; null for anything but a plain non-negative decimal. */
export function parseDecimal(text: string): { n: bigint; d: bigint } | null {
  const m = DECIMAL_RE.exec(text.trim().replace(/[,，\s]/g, ''));
  if (!m) return null;
  const frac = m[2] ?? '';
  return { n: BigInt(m[1]! + frac), d: 10n ** BigInt(frac.length) };
}

function gcdBig(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

export function gcd(a: number, b: number): number {
  return Number(gcdBig(BigInt(a), BigInt(b)));
}

export type Converted = { ok: true; base: number } | { ok: false; error: string };

/** Decimal text in `unit` to whole base units; refuses zero, negatives and amounts that do not divide exactly. */
export function toBase(text: string, unit: UnitFactor, baseLabel: string, label = '数量'): Converted {
  const t = text.trim();
  if (t === '') return { ok: false, error: `请填写${label}` };
  if (/^-/.test(t)) return { ok: false, error: `${label}不能为负数` };
  const p = parseDecimal(t);
  if (!p) return { ok: false, error: `${label}“${t}”不是有效数字（最多 6 位小数）` };
  const top = p.n * BigInt(unit.num);
  const bottom = p.d * BigInt(unit.den);
  if (top === 0n) return { ok: false, error: `${label}必须大于 0` };
  if (top % bottom !== 0n) return { ok: false, error: `${label} ${t}${unit.name} 换算为${baseLabel}不是整数，请减少小数位` };
  const base = top / bottom;
  if (base > BigInt(MAX_BASE)) return { ok: false, error: `${label}过大` };
  return { ok: true, base: Number(base) };
}

/** Base units shown in `unit`: exact when the decimal ends within `maxDecimals`, else rounded and marked ≈. */
export function formatQty(base: number, unit: UnitFactor, maxDecimals = 3): string {
  // Common case without BigInt: the unit divides the quantity exactly.
  const small = base * unit.den;
  if (Number.isSafeInteger(small) && small % unit.num === 0) return String(small / unit.num);
  const top = BigInt(base) * BigInt(unit.den);
  const bottom = BigInt(unit.num);
  const whole = top / bottom;
  let rest = top % bottom;
  let digits = '';
  for (let i = 0; i < maxDecimals && rest !== 0n; i++) {
    rest *= 10n;
    digits += String(rest / bottom);
    rest %= bottom;
  }
  if (rest === 0n) return digits ? `${whole}.${digits}` : String(whole);
  // Round the last kept digit half up.
  const scaled = BigInt(`${whole}${digits}`) + (rest * 2n >= bottom ? 1n : 0n);
  const s = scaled.toString().padStart(maxDecimals + 1, '0');
  const rounded = `${s.slice(0, -maxDecimals)}.${s.slice(-maxDecimals)}`.replace(/\.?0+$/, '');
  return `≈${rounded}`;
}

export function formatQtyUnit(base: number, unit: UnitFactor): string {
  return `${formatQty(base, unit)} ${unit.name}`;
}

/** Value in fen of `qtyBase` at `priceFen` per `priceUnit`, rounded half up to the fen. */
export function valueFen(qtyBase: number, priceFen: number, priceUnit: UnitFactor): number {
  const top = BigInt(qtyBase) * BigInt(priceFen) * BigInt(priceUnit.den);
  const bottom = BigInt(priceUnit.num);
  return Number((top * 2n + bottom) / (bottom * 2n));
}

/** Exact comparison of two prices given per different units: sign of a/aUnit - b/bUnit (per base unit). */
export function comparePrice(aFen: number, aUnit: UnitFactor, bFen: number, bUnit: UnitFactor): -1 | 0 | 1 {
  const l = aFen * aUnit.den * bUnit.num;
  const r = bFen * bUnit.den * aUnit.num;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r)) return l < r ? -1 : l > r ? 1 : 0;
  const left = BigInt(aFen) * BigInt(aUnit.den) * BigInt(bUnit.num);
  const right = BigInt(bFen) * BigInt(bUnit.den) * BigInt(aUnit.num);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A price in fen per `from` expressed per `to`, rounded half up to the fen (for suggestions only). */
export function convertPrice(fen: number, from: UnitFactor, to: UnitFactor): number {
  const top = BigInt(fen) * BigInt(from.den) * BigInt(to.num);
  const bottom = BigInt(from.num) * BigInt(to.den);
  return Number((top * 2n + bottom) / (bottom * 2n));
}

/** Fen per base unit as a float: used only to rank, never to decide or store. */
export function pricePerBase(fen: number, unit: UnitFactor): number {
  return (fen * unit.den) / unit.num;
}

/** "1 箱 = 12.5 斤" -> the box as a reduced rational of base units; null when not a positive decimal. */
export function factorFrom(amountText: string, of: UnitFactor, name: string): UnitFactor | null {
  const p = parseDecimal(amountText);
  if (!p || p.n === 0n) return null;
  const num = p.n * BigInt(of.num);
  const den = p.d * BigInt(of.den);
  const g = gcdBig(num, den);
  const n = num / g;
  const d = den / g;
  if (n > BigInt(MAX_BASE) || d > BigInt(MAX_BASE)) return null;
  return { name, num: Number(n), den: Number(d) };
}
