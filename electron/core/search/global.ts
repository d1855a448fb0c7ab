import type { Store } from '../db/store';
import type { Role } from '../../../shared/roles';
import { listUsers } from '../auth/users';
import { listGeo } from '../settings/geo';
import { textMatches } from './pinyin';
import { tasksSearchProvider } from '../tasks/search';
import { membersSearchProvider } from '../members/searchProvider';
import { ledgerSearchProvider } from '../ledger/search';
import { requestsSearchProvider } from '../requests/search';
import { matchingSearchProvider } from '../matching/search';
import { creditSearchProvider } from '../credit/search';

export interface SearchHit {
  kind: string;
  kindLabel: string;
  id: number;
  title: string;
  subtitle: string;
  route: string;
}

/** A capability's contribution to the Ctrl+K box; it decides itself what a role may see. */
export type SearchProvider = (store: Store, q: string, limit: number, role: Role) => SearchHit[];

const usersProvider: SearchProvider = (store, q, limit, role) =>
  role !== 'admin'
    ? []
    : listUsers(store)
        .filter((u) => textMatches(q, u.displayName, true) || u.username.toLowerCase().includes(q.toLowerCase()))
        .slice(0, limit)
        .map((u) => ({ kind: 'user', kindLabel: '用户', id: u.id, title: u.displayName, subtitle: u.username, route: '/system/users' }));

const geoProvider: SearchProvider = (store, q, limit) => {
  const hits: SearchHit[] = [];
  for (const t of listGeo(store)) {
    if (textMatches(q, t.name)) hits.push({ kind: 'township', kindLabel: '乡镇', id: t.id, title: t.name, subtitle: `${t.villages.length} 个村（社区）`, route: '/system/settings' });
    for (const v of t.villages) if (textMatches(q, v.name)) hits.push({ kind: 'village', kindLabel: '村社区', id: v.id, title: v.name, subtitle: t.name, route: '/system/settings' });
  }
  return hits.slice(0, limit);
};

/** Capabilities append their providers here; results keep this order, so put the most used first. */
const PROVIDERS: SearchProvider[] = [
  membersSearchProvider,
  requestsSearchProvider,
  ledgerSearchProvider,
  tasksSearchProvider,
  matchingSearchProvider,
  creditSearchProvider,
  usersProvider,
  geoProvider,
];

export function globalSearch(store: Store, q: string, limit: number, role: Role): SearchHit[] {
  if (!q.trim()) return [];
  const out: SearchHit[] = [];
  for (const p of PROVIDERS) {
    if (out.length >= limit) break;
    out.push(...p(store, q.trim(), limit - out.length, role));
  }
  return out;
}
