/**
 * The front desk's arithmetic, pure and in one place: 亩次, fees, subsidies, payment state and which
 * lifecycle step may follow which. Everything that counts 亩次 (records, planned work, capacity,
 * statistics, indicator 6) goes through muTimes100.
 */
import { PRODUCTION_KIND_VALUES, type RequestStatus } from '../../../shared/contract/requestFields';

/**
 * 亩次 in hundredths: one link performed once on one mu is 1 亩次, so `links` links each done once on
 * `areaMu100` hundredths of a mu give links × area (a mu served for 耕种防收 = 4 亩次). The reference
 * found no official written definition; if the county adopts another one (e.g. weighted 托管面积),
 * this is the only function to change.
 */
export function muTimes100(areaMu100: number, links = 1): number {
  return areaMu100 * links;
}

/** Price per mu × area, rounded half up to the fen. */
export function feeFen(priceFenPerMu: number, areaMu100: number): number {
  return Math.floor((priceFenPerMu * areaMu100 + 50) / 100);
}

export interface SubsidyRuleTerms {
  /** Share of the fee in basis points (3000 = 30%). */
  shareBp: number;
  capFenPerMu: number;
}

/**
 * Subsidy on one record: the share of its fee (rounded down, so it never exceeds the share), limited by
 * what is left of the season's cap on the request's plot (cap per mu × plot area, minus the subsidy
 * already granted on the request's earlier records).
 */
export function subsidyFen(fee: number, rule: SubsidyRuleTerms | null, poolAreaMu100: number, usedFen: number): number {
  if (!rule || fee <= 0) return 0;
  const byShare = Math.floor((fee * rule.shareBp) / 10000);
  const capTotal = Math.floor((rule.capFenPerMu * poolAreaMu100) / 100);
  return Math.max(0, Math.min(byShare, capTotal - usedFen));
}

export type PayState = 'unpaid' | 'partial' | 'paid';

export function payState(dueFen: number, paidFen: number): PayState {
  if (paidFen >= dueFen) return 'paid';
  return paidFen === 0 ? 'unpaid' : 'partial';
}

/** Production kinds carry a crop, links, an area and a plot, and are counted in 亩次. */
export function isProduction(kind: string): boolean {
  return (PRODUCTION_KIND_VALUES as readonly string[]).includes(kind);
}

export type Action = 'dispatch' | 'start' | 'record' | 'complete' | 'followUp' | 'cancel' | 'edit';

/**
 * Which statuses allow an action. Production requests go 受理 → 派单 → 服务中 → 完成 → 回访; other kinds
 * (咨询, 代办 …) may be started or completed without a provider.
 */
export function allowedFrom(action: Action, production: boolean): readonly RequestStatus[] {
  switch (action) {
    case 'dispatch':
      return ['received', 'dispatched'];
    case 'start':
      return production ? ['dispatched'] : ['received', 'dispatched'];
    case 'record':
      return ['dispatched', 'in_service'];
    case 'complete':
      return production ? ['in_service'] : ['received', 'dispatched', 'in_service'];
    case 'followUp':
      return ['done'];
    case 'cancel':
      return ['received', 'dispatched', 'in_service'];
    case 'edit':
      return ['received', 'dispatched', 'in_service'];
  }
}

export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'dispatched', 'in_service'];

/** 'YYYY-MM-DD' plus n days, in calendar arithmetic (no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** The local calendar day of an instant: the centre's business dates are the clerk's dates, not UTC. */
export function localDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface OverdueInput {
  status: RequestStatus;
  wishedTo: string;
  dispatchedOn: string;
}

/**
 * Overdue: still open after the last wished day, or dispatched and not started within `startDays`
 * days. The queue's SQL filter (queries.ts) states the same two conditions.
 */
export function overdueReasons(r: OverdueInput, today: string, startDays: number): string[] {
  const out: string[] = [];
  if (OPEN_STATUSES.includes(r.status) && r.wishedTo !== '' && r.wishedTo < today) out.push(`已过期望日期（${r.wishedTo}）`);
  if (r.status === 'dispatched' && r.dispatchedOn !== '' && addDays(r.dispatchedOn, startDays) < today) out.push(`派单超过 ${startDays} 天未开始服务`);
  return out;
}
