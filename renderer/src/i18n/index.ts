import { useSyncExternalStore } from 'react';
import { EN } from './en';

export type Lang = 'zh-CN' | 'en';
const KEY = 'wn.lang';

let lang: Lang = (localStorage.getItem(KEY) as Lang | null) ?? 'zh-CN';
const listeners = new Set<() => void>();

export function getLang(): Lang {
  return lang;
}

/** The language is a per-desk preference, kept in the browser profile rather than the shared database. */
export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(KEY, next);
  document.documentElement.lang = next;
  listeners.forEach((l) => l());
}

/**
 * Chinese is the source text and the key; English comes from the dictionary and falls back to the
 * Chinese when a phrase has no translation yet. `{name}` placeholders are filled from `vars`.
 */
export function t(zh: string, vars?: Record<string, string | number>): string {
  let s = lang === 'en' ? (EN[zh] ?? zh) : zh;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

export function useLang(): Lang {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => lang,
  );
}
