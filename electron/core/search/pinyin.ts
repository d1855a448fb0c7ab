import { pinyin } from 'pinyin-pro';

export interface PinyinKeys {
  /** "zhangsan": full pinyin without tones or spaces. */
  full: string;
  /** "zs": first letters. */
  initials: string;
}

/** `person` reads the first character as a surname (单 shàn, 曾 zēng), which is right for people's names. */
export function pinyinKeys(text: string, person = false): PinyinKeys {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: person ? 'head' : 'off' }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { full: syllables.join(''), initials: syllables.map((s) => (/^[a-z]/.test(s) ? s[0] : s)).join('') };
}

/** For short in-memory lists: a Chinese substring, pinyin initials prefix, or full pinyin substring. */
export function textMatches(query: string, text: string, person = false): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  if (text.toLowerCase().includes(q)) return true;
  if (!/^[a-z]+$/.test(q)) return false;
  const k = pinyinKeys(text, person);
  return k.initials.includes(q) || k.full.includes(q);
}
