import { useSyncExternalStore } from 'react';

/** Hash routes ("#/members/org/12") work the same from file:// in Electron and over HTTP. */
function current(): string {
  const h = window.location.hash.replace(/^#/, '');
  return h.startsWith('/') ? h : '/';
}

export function navigate(path: string): void {
  if (current() !== path) window.location.hash = path;
}

export function usePath(): string {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('hashchange', l);
      return () => window.removeEventListener('hashchange', l);
    },
    current,
  );
}

/** Matches "/members/org/:id" against a path; query strings are ignored here. */
export function matchRoute(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const a = (path.split('?')[0] ?? '').split('/').filter(Boolean);
  if (p.length !== a.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    if (seg.startsWith(':')) params[seg.slice(1)] = decodeURIComponent(a[i]!);
    else if (seg !== a[i]) return null;
  }
  return params;
}

export function queryParams(path: string): URLSearchParams {
  return new URLSearchParams(path.split('?')[1] ?? '');
}
