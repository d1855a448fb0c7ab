import type { SearchProvider } from '../search/global';
import { STATUS_LABELS, type RequestStatus } from '../../../shared/contract/requestFields';
import { textMatches } from '../search/pinyin';
import { listProviders } from './providers';
import { all } from './util';

/**
 * Ctrl+K: requests by number, or by the farmer's name, pinyin initials or phone tail (newest first), and
 * providers by name. Phones are only matched, never shown.
 */
export const requestsSearchProvider: SearchProvider = (store, q, limit) => {
  const lower = q.toLowerCase();
  const requests = all<{ id: number; code: string; party: string; kind: string; status: RequestStatus; received_on: string }>(
    store.sqlite,
    `SELECT r.id, r.code, coalesce(h.name, o.name, '') AS party, r.kind, r.status, r.received_on FROM service_requests r
     LEFT JOIN households h ON h.id = r.household_id LEFT JOIN orgs o ON o.id = r.org_id
     WHERE r.code LIKE @prefix OR h.name LIKE @any OR o.name LIKE @any OR h.py_initials LIKE @lower OR o.py_initials LIKE @lower OR (length(@q) >= 4 AND h.phone LIKE @tail)
     ORDER BY r.id DESC LIMIT @limit`,
    { q, prefix: `${q.toUpperCase()}%`, any: `%${q}%`, lower: `${lower}%`, tail: `%${q}`, limit },
  ).map((r) => ({ kind: 'request', kindLabel: '服务申请', id: r.id, title: `${r.code} ${r.party}`, subtitle: `${r.kind} · ${STATUS_LABELS[r.status]} · ${r.received_on}`, route: `/requests/item/${r.id}` }));
  const providers = listProviders(store)
    .filter((p) => textMatches(q, p.name))
    .map((p) => ({ kind: 'provider', kindLabel: '服务主体', id: p.id, title: p.name, subtitle: `${p.kind} · ${p.links.join('、')}`, route: `/requests/providers?id=${p.id}` }));
  return [...requests, ...providers].slice(0, limit);
};
