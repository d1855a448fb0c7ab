/**
 * Mainland phone numbers: mobiles (11 digits from 13x to 19x, an optional +86) and landlines with their
 * area code (3 digits for 010 and 02x, 4 otherwise) and an optional extension. Stored normalized:
 * "13812345678", "023-55123456", "0571-8812345-801".
 */
export function normalizePhone(raw: string): string | null {
  let s = raw.trim().replace(/[\s（）()]/g, '').replace(/[－—–]/g, '-');
  if (s === '') return '';
  s = s.replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  const m = /^(0\d{2,3})-?(\d{7,8})(?:-(\d{1,6}))?$/.exec(s);
  if (!m) return null;
  const digits = m[1]! + m[2]!;
  const areaLen = /^0[12]/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLen);
  const local = digits.slice(areaLen);
  if (!/^[2-9]\d{6,7}$/.test(local)) return null;
  return `${area}-${local}${m[3] ? `-${m[3]}` : ''}`;
}

/** Why a phone number is not acceptable; '' when it is (or is empty). */
export function phoneProblem(raw: string): string {
  if (normalizePhone(raw) !== null) return '';
  const digits = raw.replace(/\D/g, '');
  if (/^1/.test(digits)) return `手机号应为11位、以13-19开头（现为${digits.length}位）`;
  if (/^[2-9]\d{6,7}$/.test(digits)) return '固定电话请加区号，如 023-55123456';
  return '电话号码格式不正确（手机号11位，固定电话如 023-55123456）';
}

export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}
