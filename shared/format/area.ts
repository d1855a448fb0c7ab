/** Areas are integer hundredths of a mu; these are the only places they become text and back. */
export function formatMu(mu100: number): string {
  const neg = mu100 < 0;
  const a = Math.abs(mu100);
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${s}`;
}

/** "12.5" / "12.50亩" / "" -> hundredths of a mu; null when not a non-negative number with at most 2 decimals. */
export function parseMu(text: string): number | null {
  const s = text.trim().replace(/[,，\s亩]/g, '');
  if (s === '') return 0;
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(v) ? v : null;
}
