/**
 * Money is integer fen from storage to screen; these helpers are the only place where it becomes
 * text. Parsing works on the decimal string, never through floating point.
 */

/** 123456 -> "1,234.56"; negative amounts keep their sign. */
export function formatFen(fen: number, opts: { thousands?: boolean } = {}): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100).toString();
  const jf = (abs % 100).toString().padStart(2, '0');
  const body = opts.thousands === false ? yuan : yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${body}.${jf}`;
}

/** "1,234.5" / "¥1234.56" / "-12" -> fen; null when the text is not an amount with at most 2 decimals. */
export function parseYuan(text: string): number | null {
  const s = text.trim().replace(/[,，¥￥\s元]/g, '');
  const m = /^([+-]?)(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return null;
  return m[1] === '-' ? -fen : fen;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function upperInteger(n: number): string {
  if (n === 0) return '';
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10000)) groups.push(v % 10000);
  let out = '';
  let pendingZero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g]!;
    if (group === 0) {
      pendingZero = out !== '';
      continue;
    }
    const digits = [Math.floor(group / 1000), Math.floor(group / 100) % 10, Math.floor(group / 10) % 10, group % 10];
    let started = false;
    for (let i = 0; i < 4; i++) {
      const d = digits[i]!;
      if (d === 0) {
        if (started || out !== '') pendingZero = true;
        continue;
      }
      if (pendingZero && out !== '') out += '零';
      pendingZero = false;
      out += DIGITS[d]! + SMALL_UNITS[3 - i]!;
      started = true;
    }
    out += BIG_UNITS[g]!;
    // Zeros at the end of a group need no 零 of their own: 壹拾万柒仟 (107000); a gap in the next
    // group's leading digits adds it there (壹拾万零柒佰, 100700).
    pendingZero = false;
  }
  return out;
}

/**
 * Chinese uppercase amount per 会计基础工作规范: 整 after 元 or 角 when the amount ends there, never
 * after 分; one 零 for a run of zeros; 零 written when 角 is 0 and 分 is not.
 * 1409.50 -> 壹仟肆佰零玖元伍角整; 16409.02 -> 壹万陆仟肆佰零玖元零贰分.
 */
export function upperAmount(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error('金额必须是整数分');
  if (fen === 0) return '零元整';
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  let out = yuan > 0 ? `${upperInteger(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) out += '整';
  else if (jiao === 0) out += `${yuan > 0 ? '零' : ''}${DIGITS[fenDigit]}分`;
  else {
    if (yuan > 0 && yuan % 10 === 0 && out !== '') out = out.replace(/元$/, '元零');
    out += `${DIGITS[jiao]}角${fenDigit === 0 ? '整' : `${DIGITS[fenDigit]}分`}`;
  }
  return (neg ? '负' : '') + out;
}

/**
 * Splits `total` fen over `weights` in proportion, in whole fen, so that the parts add up to the total
 * exactly (largest remainder; ties go to the earlier index).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new Error('total must be integer fen');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map(() => 0);
  const big = BigInt;
  const exact = weights.map((w) => big(total) * big(Math.round(w)));
  const denominator = big(Math.round(sum));
  const floors = exact.map((e) => e / denominator);
  const parts = floors.map(Number);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rem: e % denominator })).sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i));
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]! += 1;
  return parts;
}
