import type { SearchProvider } from '../search/global';
import { listListings } from './listingViews';
import { listDeals } from './dealViews';
import { todayOf } from './offers';
import { SIDE_LABELS } from '../../../shared/contract/matchingFields';

/** Ctrl+K: current listings by code, party, product or pinyin initials, then deals by code or party. */
export const matchingSearchProvider: SearchProvider = (store, q, limit) => {
  const listings = listListings(store, { status: 'current', q, offset: 0, limit }, todayOf(store)).rows.map((l) => ({
    kind: 'listing',
    kindLabel: `${SIDE_LABELS[l.side]}挂牌`,
    id: l.id,
    title: `${l.code} ${l.product}${l.grade ? ` ${l.grade}` : ''}`,
    subtitle: `${l.partyName} · 剩余 ${l.remaining} ${l.unit}`,
    route: `/matching/listings/${l.id}`,
  }));
  if (listings.length >= limit) return listings;
  const deals = listDeals(store, { status: 'all', from: '', to: '', q, offset: 0, limit: limit - listings.length }).rows.map((d) => ({
    kind: 'deal',
    kindLabel: '成交',
    id: d.id,
    title: `${d.code} ${d.product}`,
    subtitle: `${d.seller} → ${d.buyer} · ${d.quantity} ${d.unit}`,
    route: `/matching/deals/${d.id}`,
  }));
  return [...listings, ...deals];
};
