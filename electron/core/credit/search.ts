import type { SearchProvider } from '../search/global';
import { textMatches } from '../search/pinyin';
import { APP_STATUS_LABELS } from '../../../shared/credit';
import { LOAN_DESK } from './access';
import { listProducts } from './products';
import { listApps } from './app-read';

/**
 * Ctrl+K: loan products by name or bank (all staff), and loan-assistance applications by number or
 * member name for the desks that handle them. Nothing here shows an amount or a grade.
 */
export const creditSearchProvider: SearchProvider = (store, q, limit, role) => {
  const products = listProducts(store)
    .filter((p) => textMatches(q, p.name) || textMatches(q, p.bank))
    .slice(0, limit)
    .map((p) => ({ kind: 'credit_product', kindLabel: '贷款产品', id: p.id, title: p.name, subtitle: p.bank, route: `/credit/products?id=${p.id}` }));
  if (!(LOAN_DESK as readonly string[]).includes(role)) return products;
  const apps = listApps(store, { userId: null, username: '', role }, { status: '', q, subjectKey: '', offset: 0, limit }).rows.map((a) => ({
    kind: 'credit_application',
    kindLabel: '金融代办',
    id: a.id,
    title: `${a.no} ${a.name}`,
    subtitle: `${a.productName} · ${APP_STATUS_LABELS[a.status]}`,
    route: `/credit/applications/${a.id}`,
  }));
  return [...apps, ...products].slice(0, limit);
};
