import { describe, it, expect } from 'vitest';
import { creditCheckChar, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from '../../shared/validate/creditCode';
import { birthDateOf, idCheckChar, idNumberProblem, isMaleId, isValidIdNumber, normalizeIdNumber } from '../../shared/validate/idNumber';
import { normalizePhone, phoneProblem } from '../../shared/validate/phone';
import { maskIdNumber, maskPhone, isMasked } from '../../shared/format/mask';
import { formatMu, parseMu } from '../../shared/format/area';

describe('统一社会信用代码 (GB 32100)', () => {
  // The reference sample and published codes of well-known companies.
  const valid = ['91350100M000100Y43', '91440300708461136T', '91330100799655058B', '91110108551385082Q'];

  it('accepts valid codes and computes their check character', () => {
    for (const c of valid) {
      expect(creditCodeProblem(c)).toBe('');
      expect(creditCheckChar(c.slice(0, 17))).toBe(c[17]);
    }
  });

  it('accepts lower-case input after normalization and refuses a changed check character', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
    expect(creditCodeProblem('91350100M000100Y44')).toContain('校验位不符');
    // One changed body digit is caught too.
    expect(creditCodeProblem('91350100M000101Y43')).toContain('校验位不符');
  });

  it('refuses wrong lengths with the length in the message', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('统一社会信用代码应为18位（现为17位）');
    expect(creditCodeProblem('91350100M000100Y431')).toContain('现为19位');
    expect(creditCodeProblem('')).toContain('现为0位');
  });

  it('refuses the letters I, O, Z, S and V that the code never uses', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const code = `9135010${letter}M000100Y43`;
      expect(creditCodeProblem(code)).toContain(`不使用字母 ${letter}`);
    }
    expect(creditCodeProblem('91350100M000100Y4#')).toContain('不允许的字符');
  });

  it('maps remainder 0 to check character 0', () => {
    // Search a body whose weighted sum is a multiple of 31, to exercise the r = 31 -> 0 branch.
    let found = '';
    for (let n = 0; n < 100000 && !found; n++) {
      const body = `9350023500000${String(n).padStart(4, '0')}`;
      if (creditCheckChar(body) === '0') found = body;
    }
    expect(found).not.toBe('');
    expect(isValidCreditCode(`${found}0`)).toBe(true);
    expect(isValidCreditCode(`${found}1`)).toBe(false);
  });
});

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts the reference sample and other valid numbers', () => {
    expect(idNumberProblem('11010519491231002X')).toBe('');
    expect(isValidIdNumber('110101199003074477')).toBe(true);
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('11010119900307447')).toBe('7');
  });

  it('treats a lower-case x as X', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });

  it('refuses a wrong check digit, wrong lengths, letters and impossible birth dates', () => {
    expect(idNumberProblem('110105194912310021')).toContain('校验位不符');
    expect(idNumberProblem('110101199003074478')).toContain('校验位不符');
    expect(idNumberProblem('11010519491231002')).toBe('身份证号应为18位（现为17位）');
    expect(idNumberProblem('110105194912310020X')).toContain('现为19位');
    expect(idNumberProblem('11010519491231A02X')).toContain('前17位应为数字');
    expect(idNumberProblem('110105194902300028')).toContain('出生日期');
    expect(idNumberProblem('110105209901010028', new Date('2026-01-01'))).toContain('出生日期');
  });

  it('reads birth date and sex', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(isMaleId('11010519491231002X')).toBe(false);
    expect(isMaleId('110101199003074477')).toBe(true);
  });
});

describe('phone numbers', () => {
  it('normalizes mobiles and landlines', () => {
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('+86 13812345678')).toBe('13812345678');
    expect(normalizePhone('02355123456')).toBe('023-55123456');
    expect(normalizePhone('(023)55123456')).toBe('023-55123456');
    expect(normalizePhone('0571-88123456-801')).toBe('0571-88123456-801');
    expect(normalizePhone('')).toBe('');
  });

  it('explains what is wrong', () => {
    expect(phoneProblem('1381234567')).toContain('手机号应为11位');
    expect(phoneProblem('12812345678')).toContain('13-19');
    expect(phoneProblem('55123456')).toContain('加区号');
    expect(phoneProblem('abc')).toContain('格式不正确');
    expect(phoneProblem('023-55123456')).toBe('');
  });
});

describe('masking and areas', () => {
  it('masks ID numbers and phones', () => {
    expect(maskIdNumber('500235199001011234')).toBe('5002**********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('023-55123456')).toBe('023-****3456');
    expect(maskIdNumber('')).toBe('');
    expect(isMasked('5002**********1234')).toBe(true);
    expect(isMasked('500235199001011234')).toBe(false);
  });

  it('formats and parses mu in hundredths', () => {
    expect(parseMu('12.5')).toBe(1250);
    expect(parseMu('3亩')).toBe(300);
    expect(parseMu('1.234')).toBeNull();
    expect(parseMu('-1')).toBeNull();
    expect(formatMu(1250)).toBe('12.5');
    expect(formatMu(300)).toBe('3');
    expect(formatMu(5)).toBe('0.05');
  });
});
