/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character (0-9 or X). Digits 7-14 are the
 * birth date; the 17th is odd for men.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Upper-cases a trailing x and drops spaces. */
export function normalizeIdNumber(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function validBirth(ymd: string, today: Date): boolean {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(4, 6));
  const d = Number(ymd.slice(6, 8));
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return false;
  return y >= 1880 && dt.getTime() <= today.getTime();
}

/** Why an ID number is not valid; '' when it is. */
export function idNumberProblem(id: string, today = new Date()): string {
  const s = normalizeIdNumber(id);
  if (s.length !== 18) return `身份证号应为18位（现为${s.length}位）`;
  if (!/^\d{17}[\dX]$/.test(s)) return '身份证号前17位应为数字，末位为数字或 X';
  if (!validBirth(s.slice(6, 14), today)) return '身份证号第7-14位不是有效的出生日期';
  if (idCheckChar(s.slice(0, 17)) !== s[17]) return '身份证号校验位不符，请逐位核对';
  return '';
}

export function isValidIdNumber(id: string): boolean {
  return idNumberProblem(id) === '';
}

/** 'YYYY-MM-DD' of a valid number. */
export function birthDateOf(id: string): string {
  const s = normalizeIdNumber(id);
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}

export function isMaleId(id: string): boolean {
  return Number(normalizeIdNumber(id)[16]) % 2 === 1;
}
