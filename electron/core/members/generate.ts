import { idCheckChar } from '../../../shared/validate/idNumber';
import { creditCheckChar, CREDIT_CHARSET } from '../../../shared/validate/creditCode';

/**
 * Plausible registry data for the demo set and the benchmark: names drawn from common surnames and
 * given-name characters, ID numbers and credit codes with correct check characters. Deterministic
 * for a given seed so that loading the demo twice produces the same records.
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [...'国华建明永志文军平德春秀英兰芳玉红梅丽群伟强勇刚海波林云山河清成福贵富财兴旺荣祥顺安康宁学光辉俊杰宏斌鹏飞涛浩然子涵雨欣怡佳琪思远敏静燕霞凤琴桂芝珍莲翠菊'];
const SEC = '大小二三四五六七八九长中';

export function personName(r: () => number): string {
  const s = pick(r, [...SURNAMES]);
  const n = r();
  if (n < 0.25) return s + pick(r, GIVEN);
  if (n < 0.35) return s + pick(r, [...SEC]) + pick(r, GIVEN);
  return s + pick(r, GIVEN) + pick(r, GIVEN);
}

/** Yunyang county's administrative division code. */
export const YUNYANG = '500235';

export function idNumber(r: () => number, region = YUNYANG): string {
  const y = 1940 + Math.floor(r() * 65);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const seq = String(Math.floor(r() * 1000)).padStart(3, '0');
  const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
  return body + idCheckChar(body)!;
}

export function mobile(r: () => number): string {
  return `1${pick(r, ['3', '5', '7', '8', '9'])}${String(Math.floor(r() * 1e9)).padStart(9, '0')}`;
}

/** Registration authority + category (93 cooperative, 92 individual business, 91 enterprise, N2 village collective). */
export function creditCode(r: () => number, prefix: string, region = YUNYANG): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += CREDIT_CHARSET[Math.floor(r() * (i < 8 ? 31 : 10))]!;
  const body = `${prefix}${region}${org}`;
  return body + creditCheckChar(body)!;
}

export const PLACE_WORDS = ['兴农', '丰收', '绿源', '金穗', '惠民', '富民', '鑫源', '佳禾', '田园', '山水', '红土', '青山', '龙腾', '福源', '盛丰', '润农', '康农', '春晖', '沃土', '聚宝'];
export const PRODUCTS = ['柑橘', '中药材', '生猪', '脐橙', '茶叶', '蔬菜', '蜂蜜', '核桃', '山羊', '魔芋', '土鸡', '油菜'];
