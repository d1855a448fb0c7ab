/** Indicator figures are stored as integer hundredths of their unit; these are the only conversions. */
export function toX100(value: number): number {
  return Math.round(value * 100);
}

export function fromX100(v: number): number;
export function fromX100(v: number | null): number | null;
export function fromX100(v: number | null): number | null {
  return v === null ? null : v / 100;
}

/** Straight line between the 2024 and 2027 targets, rounded to what the indicator shows. */
export function lineTarget(t2024X100: number | null, t2027X100: number, year: number, decimals: number): number | null {
  if (year >= 2027) return t2027X100;
  if (t2024X100 === null) return null;
  if (year <= 2024) return t2024X100;
  const raw = t2024X100 + ((t2027X100 - t2024X100) * (year - 2024)) / 3;
  const step = 10 ** (2 - Math.min(2, decimals));
  return Math.round(raw / step) * step;
}

/** Share of a target reached; null when there is no target to measure against. */
export function share(valueX100: number | null, targetX100: number | null): number | null {
  if (valueX100 === null || targetX100 === null || targetX100 <= 0) return null;
  return valueX100 / targetX100;
}
