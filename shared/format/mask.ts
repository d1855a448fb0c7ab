/**
 * Personal data shown to roles that do not need it whole: ID numbers keep the first 4 and last 4
 * characters (5002**********1234), phones the last 4 digits (138****5678, 023-****3456).
 */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const m = /^(0\d{2,3})-(\d+)(-\d+)?$/.exec(phone);
  if (m) return `${m[1]}-${'*'.repeat(Math.max(m[2]!.length - 4, 0))}${m[2]!.slice(-4)}${m[3] ?? ''}`;
  if (phone.length === 11) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 4 ? '*'.repeat(phone.length) : `${'*'.repeat(phone.length - 4)}${phone.slice(-4)}`;
}

/** A masked value contains the run of asterisks the functions above produce. */
export function isMasked(value: string): boolean {
  return /\*{4}/.test(value);
}
