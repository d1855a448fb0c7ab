/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set that leaves out I, O, Z, S and V;
 * the 18th is a check character computed from the first 17 with the weights below.
 */
export const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Upper-cases and drops spaces, the forms clerks paste codes in. */
export function normalizeCreditCode(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters; null when one of them is outside the charset. */
export function creditCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const r = 31 - (sum % 31);
  return CREDIT_CHARSET[r === 31 ? 0 : r]!;
}

/** Why a (normalized) code is not valid, in words a clerk can act on; '' when it is valid. */
export function creditCodeProblem(code: string): string {
  const c = normalizeCreditCode(code);
  if (c.length !== 18) return `统一社会信用代码应为18位（现为${c.length}位）`;
  const bad = [...c].find((ch) => !CREDIT_CHARSET.includes(ch));
  if (bad !== undefined) {
    return /[IOZSV]/.test(bad) ? `统一社会信用代码中不使用字母 ${bad}（I、O、Z、S、V 均不使用，可能是数字 1、0、2、5 或字母 U 录错）` : `统一社会信用代码含有不允许的字符“${bad}”`;
  }
  if (creditCheckChar(c.slice(0, 17)) !== c[17]) return '统一社会信用代码校验位不符，请逐位核对';
  return '';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === '';
}
