import type { SearchProvider } from '../search/global';
import { STATUS_LABELS, type RequestStatus } from '../../../shared/contract/requestFields';
import { textMatches } from '../search/pinyin';
import { listProviders } from './providers';
import { all } from './util';
import { searchMembers } from '../members/search';

/**
 * Ctrl+K: requests by number, or by their farmer or organisation as the registry's search finds them
 * (newest first), and providers by name. Phones are only matched, never shown.
 */
export const requestsSearchProvider: SearchProvider = (store, q, limit, role) => {
  const parties = searchMembers(store, role, { q, limit: 50 });
  const requests = all<{ id: number; code: string; party: string; kind: string; status: RequestStatus; received_on: string }>(
    store.sqlite,
    `SELECT r.id, r.code, coalesce(h.name, o.name, '') AS party, r.kind, r.status, r.received_on FROM service_requests r
     LEFT JOIN households h ON h.id = r.household_id LEFT JOIN orgs o ON o.id = r.org_id
     WHERE (r.code >= @code AND r.code < @codeEnd)
        OR r.household_id IN (SELECT value FROM json_each(@households)) OR r.org_id IN (SELECT value FROM json_each(@orgs))
     ORDER BY r.id DESC LIMIT @limit`,
    {
      code: q.toUpperCase(),
      codeEnd: `${q.toUpperCase()}\uffff`,
      households: JSON.stringify(parties.filter((p) => p.kind === 'household').map((p) => p.id)),
      orgs: JSON.stringify(parties.filter((p) => p.kind === 'org').map((p) => p.id)),
      limit,
    },
  ).map((r) => ({ kind: 'request', kindLabel: '服务申请', id: r.id, title: `${r.code} ${r.party}`, subtitle: `${r.kind} · ${STATUS_LABELS[r.status]} · ${r.received_on}`, route: `/requests/item/${r.id}` }));
  const providers = listProviders(store)
    .filter((p) => textMatches(q, p.name))
    .map((p) => ({ kind: 'provider', kindLabel: '服务主体', id: p.id, title: p.name, subtitle: `${p.kind} · ${p.links.join('、')}`, route: `/requests/providers?id=${p.id}` }));
  return [...requests, ...providers].slice(0, limit);
};
