import { pinyin } from 'pinyin-pro';

/**
 * Tokens for the FTS5 search index (unicode61 tokenizer, whitespace-separated tokens that we choose):
 *  - name: the name's character bigrams in order, so that any substring of 2+ characters is a phrase
 *    of consecutive bigrams (FTS5's trigram tokenizer cannot match the 2-character names that are
 *    common here);
 *  - uni: single characters, for one-character queries;
 *  - head: pinyin initials and full pinyin of the whole name ("zs zhangsan"), matched by prefix;
 *  - tail: the same from each later syllable ("s san"), so "xiaoming" finds 王小明 and "gj" finds
 *    an org whose name contains 柑橘;
 *  - num: phone digits, ID number, credit code, each also reversed with an "r" in front so that a
 *    prefix query on the reversed form finds a tail ("尾号 5678").
 */
export interface SearchDoc {
  name: string;
  uni: string;
  head: string;
  tail: string;
  num: string;
}

const TOKEN_CHAR = /[\p{L}\p{N}]/u;

/** NFKC folds full-width digits and letters; the index and the queries go through the same path. */
export function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

export function tokenChars(s: string): string[] {
  return [...fold(s)].filter((c) => TOKEN_CHAR.test(c));
}

export function bigrams(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

export function syllables(name: string, person: boolean): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', surname: person ? 'head' : 'off' })
    .map((s) => fold(s).replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
}

export function pinyinOf(name: string, person: boolean): { full: string; initials: string; syllables: string[] } {
  const syl = syllables(name, person);
  return { full: syl.join(''), initials: syl.map((s) => s[0]).join(''), syllables: syl };
}

const reversed = (s: string) => `r${[...s].reverse().join('')}`;

function numTokens(values: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = fold(v ?? '').replace(/[^0-9a-z]/g, '');
    if (t.length >= 3) out.push(t, reversed(t));
  }
  return out;
}

const uniq = (xs: string[]) => [...new Set(xs)].join(' ');

export function searchDoc(name: string, person: boolean, numbers: (string | null | undefined)[]): SearchDoc {
  const chars = tokenChars(name);
  const syl = syllables(name, person);
  const initials = syl.map((s) => s[0]!);
  const tail: string[] = [];
  for (let i = 1; i < syl.length; i++) {
    const ini = initials.slice(i).join('');
    const full = syl.slice(i).join('');
    if (ini.length >= 2) tail.push(ini);
    if (full.length >= 2) tail.push(full);
  }
  return {
    name: bigrams(chars).join(' '),
    uni: uniq(chars),
    head: uniq([initials.join(''), syl.join('')].filter(Boolean)),
    tail: uniq(tail),
    num: uniq(numTokens(numbers)),
  };
}

export type TermKind = 'name' | 'pinyin' | 'number';

export interface QueryTerm {
  kind: TermKind;
  /** Folded text: token characters for names, [a-z] for pinyin, [0-9a-z] for numbers. */
  text: string;
  /** Original characters for name terms (for exact and prefix lookups on the name column). */
  raw: string;
}

/**
 * Splits a query into words; each word is a name (has a non-ASCII character), pinyin (letters
 * only) or a number (digits, maybe letters: phone, ID number, credit code). Punctuation such as the
 * dash in "023-5512" is dropped.
 */
export function parseQuery(q: string, splitDigits = false): QueryTerm[] {
  const out: QueryTerm[] = [];
  const words = fold(q)
    .split(/\s+/)
    .flatMap((w) => (splitDigits && /[^\x00-\x7f]/.test(w) ? w.split(/(\d{3,})/) : [w]));
  for (const word of words) {
    const chars = tokenChars(word).join('');
    if (!chars) continue;
    if (/[^0-9a-z]/.test(chars)) out.push({ kind: 'name', text: chars, raw: word.trim() });
    else if (/^[a-z]+$/.test(chars)) out.push({ kind: 'pinyin', text: chars, raw: chars });
    else out.push({ kind: 'number', text: chars, raw: chars });
  }
  return out;
}

/**
 * The readings of a query: as typed, and, when Chinese and a run of 3+ digits touch ("张三1381234"),
 * also as a name and a number typed without a space. Names with such numbers in them still match the first.
 */
export function queryReadings(q: string): QueryTerm[][] {
  const whole = parseQuery(q);
  const split = parseQuery(q, true);
  return split.length !== whole.length ? [whole, split] : [whole];
}

/** FTS5 sub-expressions for one term, strongest first. Terms only hold token characters, so quoting is safe. */
export function termExprs(t: QueryTerm): string[] {
  switch (t.kind) {
    case 'name': {
      const chars = [...t.text];
      return chars.length === 1 ? [`uni : "${t.text}"`] : [`name : "${bigrams(chars).join(' ')}"`];
    }
    case 'pinyin':
      return t.text.length >= 2 ? [`head : "${t.text}" *`, `tail : "${t.text}" *`] : [`head : "${t.text}" *`];
    case 'number':
      return t.text.length >= 3 ? [`num : "${t.text}" *`, `num : "${reversed(t.text)}" *`] : [];
  }
}

/** One expression matching every record that matches all terms (for filtered, paged lists); null when nothing can match. */
export function matchExpr(terms: QueryTerm[]): string | null {
  const parts: string[] = [];
  for (const t of terms) {
    const e = termExprs(t);
    if (e.length === 0) return null;
    parts.push(e.length === 1 ? e[0]! : `(${e.join(' OR ')})`);
  }
  return parts.length ? parts.join(' AND ') : null;
}
