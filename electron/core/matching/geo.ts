/**
 * Approximate centres of Yunyang's townships (the demo set in core/demo/geo.ts and a few more), used
 * only for the distance part of a match score. A township missing here scores neutral, never zero.
 */
export const TOWNSHIP_COORDS: Record<string, [lat: number, lon: number]> = {
  青龙街道: [30.93, 108.697],
  双江街道: [30.945, 108.675],
  人和街道: [30.965, 108.655],
  盘龙街道: [30.92, 108.74],
  江口镇: [31.145, 108.62],
  南溪镇: [31.13, 108.79],
  红狮镇: [30.855, 108.86],
  龙角镇: [30.76, 108.94],
  高阳镇: [31.06, 108.54],
  清水土家族乡: [30.68, 108.86],
  外郎乡: [31.255, 108.69],
  云安镇: [30.99, 108.74],
  故陵镇: [30.89, 108.9],
  渠马镇: [31.03, 108.6],
  宝坪镇: [31.02, 108.7],
  凤鸣镇: [30.9, 108.63],
  堰坪镇: [30.84, 108.66],
  沙市镇: [31.2, 108.62],
  农坝镇: [31.2, 108.77],
  桑坪镇: [31.28, 108.8],
};

const R_KM = 6371;

/** Straight-line distance in km between two townships by name; null when either is unknown. */
export function townshipKm(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  if (a === b) return 0;
  const p = TOWNSHIP_COORDS[a];
  const q = TOWNSHIP_COORDS[b];
  if (!p || !q) return null;
  const rad = Math.PI / 180;
  const dLat = (q[0] - p[0]) * rad;
  const dLon = (q[1] - p[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(p[0] * rad) * Math.cos(q[0] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.sqrt(h));
}
