/** A "nice" upper bound for an axis (1, 2, 2.5, 5 × 10^n) so gridlines fall on round numbers. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * pow >= max) ?? 10;
  return step * pow;
}

/** Four or five gridlines whose step has one significant digit (25 -> 0, 5, 10, …, not 6.25). */
export function ticks(max: number): number[] {
  const oneDigit = (step: number) => Number.isInteger(+(step / 10 ** Math.floor(Math.log10(step))).toFixed(9));
  const count = [4, 5, 2].find((c) => oneDigit(max / c)) ?? 4;
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

/** Short axis labels: 12000 -> 1.2万. */
export function shortNumber(v: number): string {
  if (Math.abs(v) >= 10000) return `${+(v / 10000).toFixed(1)}万`;
  return `${+v.toFixed(2)}`;
}
