import type { SearchProvider } from '../search/global';
import { textMatches } from '../search/pinyin';
import { listCoopBooks } from './books';

/** Ctrl+K finds a cooperative's books by name or pinyin initials; the front desk has no access to the books. */
export const ledgerSearchProvider: SearchProvider = (store, q, limit, role) => {
  if (role === 'frontdesk') return [];
  const query = q.toLowerCase();
  return listCoopBooks(store)
    .filter((c) => c.bookId !== null && (textMatches(q, c.coopName) || c.pyInitials.includes(query)))
    .slice(0, limit)
    .map((c) => ({ kind: 'ledger_book', kindLabel: '账套', id: c.bookId!, title: c.coopName, subtitle: '统一代账', route: `/ledger/${c.bookId}/vouchers` }));
};
