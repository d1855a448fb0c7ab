import { eq } from 'drizzle-orm';
import { requestLinks } from './schema';
import { townships } from '../settings/schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { catalogNames } from './catalog';
import { listProviders, type Provider } from './providers';
import { addDays, daysBetween, isProduction, muTimes100 } from './rules';
import { opOf, requestFor, transition, type Op, type RequestRow } from './events';
import { unitPrice } from './quote';
import { all } from './util';

/** A request without wished dates is planned over a week from today. */
const DEFAULT_WINDOW_DAYS = 7;

export interface Window {
  from: string;
  to: string;
  days: number;
}

/** The days a request's work falls on, never before today: late work is due now. */
export function windowOf(wishedFrom: string, wishedTo: string, today: string): Window {
  const from = wishedFrom && wishedFrom > today ? wishedFrom : today;
  let to = wishedTo || addDays(from, DEFAULT_WINDOW_DAYS - 1);
  if (to < from) to = from;
  return { from, to, days: daysBetween(from, to) + 1 };
}

function overlapDays(a: Window, b: Window): number {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return to < from ? 0 : daysBetween(from, to) + 1;
}

export const fmtMu = (mu100: number) => `${(mu100 / 100).toFixed(2).replace(/\.?0+$/, '')}`;

/**
 * Work already promised to each provider inside a window, in 亩次 (hundredths): for every open request
 * dispatched to it, the 亩次 still to do, spread evenly over that request's own window.
 */
export function committedLoad(store: Store, window: Window, today: string, exceptRequestId: number): Map<number, number> {
  const rows = all<{ provider_id: number; wished_from: string; wished_to: string; area_mu100: number; links: number; done: number }>(
    store.sqlite,
    `SELECT r.provider_id, r.wished_from, r.wished_to, r.area_mu100,
            (SELECT count(*) FROM request_links l WHERE l.request_id = r.id) AS links,
            (SELECT coalesce(sum(s.mu_times100), 0) FROM service_records s WHERE s.request_id = r.id) AS done
     FROM service_requests r
     WHERE r.status IN ('dispatched', 'in_service') AND r.provider_id IS NOT NULL AND r.id <> ?`,
    exceptRequestId,
  );
  const load = new Map<number, number>();
  for (const r of rows) {
    const remaining = Math.max(0, muTimes100(r.area_mu100, r.links) - r.done);
    if (remaining === 0) continue;
    const w = windowOf(r.wished_from, r.wished_to, today);
    const share = Math.round((remaining * overlapDays(w, window)) / w.days);
    load.set(r.provider_id, (load.get(r.provider_id) ?? 0) + share);
  }
  return load;
}

export interface Suggestion {
  providerId: number;
  name: string;
  kind: string;
  rank: number;
  eligible: boolean;
  coversTownship: boolean;
  hasCapacity: boolean;
  freeMuTimes100: number;
  needMuTimes100: number;
  reason: string;
  warnings: string[];
}

interface Need {
  production: boolean;
  cropId: number | null;
  linkIds: number[];
  townshipId: number | null;
  window: Window;
  needMuTimes100: number;
}

/**
 * Scores one provider for a request. The order: offers every link and the crop (otherwise it cannot be
 * chosen), covers the plot's township, has the capacity on the dates, then the most spare capacity.
 */
export function assess(p: Provider, need: Need, committed: number, names: { link: Map<number, string>; crop: Map<number, string> }, township: string): Omit<Suggestion, 'rank'> {
  const warnings: string[] = [];
  const reasons: string[] = [];
  const missing = need.production ? need.linkIds.filter((id) => !p.linkIds.includes(id)) : [];
  const cropOk = !need.production || need.cropId === null || p.cropIds.includes(need.cropId);
  if (missing.length) warnings.push(`不提供：${missing.map((id) => names.link.get(id)).join('、')}`);
  if (!cropOk) warnings.push(`不做${names.crop.get(need.cropId!) ?? ''}`);
  const eligible = missing.length === 0 && cropOk;
  if (eligible && need.production) reasons.push(`提供${need.linkIds.map((id) => names.link.get(id)).join('、')}`);
  const coversTownship = need.townshipId === null || p.townshipIds.includes(need.townshipId);
  if (need.townshipId !== null) {
    if (coversTownship) reasons.push(`覆盖${township}`);
    else warnings.push(`服务范围不含${township}（派单须填写原因）`);
  }
  const free = p.capacityMu100 * need.window.days - committed;
  const hasCapacity = !need.production || free >= need.needMuTimes100;
  if (need.production) {
    const text = `${need.window.from} 至 ${need.window.to} 可作业 ${fmtMu(p.capacityMu100 * need.window.days)} 亩次，已排 ${fmtMu(committed)}，本单需 ${fmtMu(need.needMuTimes100)}`;
    if (hasCapacity) reasons.push(text);
    else warnings.push(`产能不足：${text}`);
  }
  return {
    providerId: p.id,
    name: p.name,
    kind: p.kind,
    eligible,
    coversTownship,
    hasCapacity,
    freeMuTimes100: free,
    needMuTimes100: need.needMuTimes100,
    reason: reasons.join('；'),
    warnings,
  };
}

export function rankSuggestions(list: Omit<Suggestion, 'rank'>[]): Suggestion[] {
  return [...list]
    .sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        Number(b.coversTownship) - Number(a.coversTownship) ||
        Number(b.hasCapacity) - Number(a.hasCapacity) ||
        b.freeMuTimes100 - a.freeMuTimes100 ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .map((s, i) => ({ ...s, rank: i + 1 }));
}

function needOf(store: Store, row: RequestRow, today: string): Need {
  const linkIds = store.db.select().from(requestLinks).where(eq(requestLinks.requestId, row.id)).all().map((l) => l.linkId);
  const done = all<{ n: number }>(store.sqlite, 'SELECT coalesce(sum(mu_times100), 0) AS n FROM service_records WHERE request_id = ?', row.id)[0]!.n;
  return {
    production: isProduction(row.kind),
    cropId: row.cropId,
    linkIds,
    townshipId: row.townshipId,
    window: windowOf(row.wishedFrom, row.wishedTo, today),
    needMuTimes100: Math.max(0, muTimes100(row.areaMu100, linkIds.length) - done),
  };
}

function townshipName(store: Store, id: number | null): string {
  return id === null ? '' : (store.db.select().from(townships).where(eq(townships.id, id)).get()?.name ?? '');
}

/** Active providers ranked for a request, best first, each with the reason and any warnings. */
export function suggestProviders(store: Store, requestId: number, today: string): Suggestion[] {
  const row = requestFor(store, requestId, 'dispatch');
  const need = needOf(store, row, today);
  const load = committedLoad(store, need.window, today, row.id);
  const names = catalogNames(store);
  const township = townshipName(store, row.townshipId);
  return rankSuggestions(listProviders(store, { activeOnly: true }).map((p) => assess(p, need, load.get(p.id) ?? 0, names, township)));
}

export interface DispatchInput {
  id: number;
  version: number;
  providerId: number;
  outsideReason: string;
  note: string;
}

/**
 * Sends a request (or sends it again) to a provider. A provider missing a link or the crop is refused;
 * one outside its townships needs a reason; prices are frozen on the request's links for the order.
 */
export function dispatchWith(op: Op, input: DispatchInput): number {
  const { store } = op;
  const row = requestFor(store, input.id, 'dispatch', input.version);
  const provider = listProviders(store).find((p) => p.id === input.providerId);
  if (!provider) throw fieldError('providerId', '所选服务主体不存在');
  if (!provider.active) throw fieldError('providerId', `服务主体“${provider.name}”已停用`);
  const need = needOf(store, row, op.today);
  const names = catalogNames(store);
  const township = townshipName(store, row.townshipId);
  const a = assess(provider, need, 0, names, township);
  if (!a.eligible) throw fieldError('providerId', `“${provider.name}”${a.warnings.join('，')}，不能派给它`);
  const outsideReason = input.outsideReason.trim();
  if (!a.coversTownship && !outsideReason) throw fieldError('outsideReason', `“${provider.name}”的服务范围不含${township}；如确需派给它，请填写原因`);
  if (need.production) {
    const priceDay = row.wishedFrom || op.today;
    for (const linkId of need.linkIds) {
      const { priceFen } = unitPrice(store, linkId, row.cropId!, priceDay, row.contractId);
      if (priceFen === null) throw new AppError('REFUSED', `价目表中没有“${names.crop.get(row.cropId!)}·${names.link.get(linkId)}”在 ${priceDay} 有效的价格，请先在价目表中添加`);
      store.sqlite.prepare('UPDATE request_links SET price_fen = ? WHERE request_id = ? AND link_id = ?').run(priceFen, row.id, linkId);
    }
  }
  const again = row.status === 'dispatched';
  const note = [`派给 ${provider.name}`, a.coversTownship ? '' : `超出服务范围，原因：${outsideReason}`, input.note.trim()].filter(Boolean).join('；');
  return transition(op, row, 'dispatched', again ? 'redispatch' : 'dispatch', { providerId: provider.id, outsideReason: a.coversTownship ? '' : outsideReason, dispatchedOn: op.today }, note);
}

export function dispatchRequest(store: Store, actor: Actor, input: DispatchInput): { id: number; version: number } {
  return store.write(actor, 'requests.dispatch', (audit) => {
    const version = dispatchWith(opOf(store, actor), input);
    audit.record({ entity: 'service_request', ids: [input.id], summary: { providerId: input.providerId, outsideReason: input.outsideReason } });
    return { id: input.id, version };
  });
}
