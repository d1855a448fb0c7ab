import type { Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';

export type PartyKind = 'org' | 'household';

export interface Party {
  kind: PartyKind;
  id: number;
  name: string;
  /** 农民专业合作社, 涉农企业… or 农户. */
  kindLabel: string;
  status: string;
  townshipId: number | null;
}

export const partyKey = (kind: PartyKind, id: number) => `${kind}:${id}`;

/** The foreign-key twin columns of a (kind, id) party. */
export const partyFks = (kind: PartyKind, id: number) => ({ orgId: kind === 'org' ? id : null, householdId: kind === 'household' ? id : null });

/** Registry parties by key, read in two queries whatever their number. */
export function loadParties(store: Store, refs: { kind: PartyKind; id: number }[]): Map<string, Party> {
  const out = new Map<string, Party>();
  const orgIds = [...new Set(refs.filter((r) => r.kind === 'org').map((r) => r.id))];
  const hhIds = [...new Set(refs.filter((r) => r.kind === 'household').map((r) => r.id))];
  if (orgIds.length) {
    const rows = store.sqlite
      .prepare('SELECT id, name, kind, status, township_id AS townshipId FROM orgs WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(orgIds)) as { id: number; name: string; kind: string; status: string; townshipId: number | null }[];
    for (const r of rows) out.set(partyKey('org', r.id), { kind: 'org', id: r.id, name: r.name, kindLabel: r.kind, status: r.status, townshipId: r.townshipId });
  }
  if (hhIds.length) {
    const rows = store.sqlite
      .prepare('SELECT id, name, status, township_id AS townshipId FROM households WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(hhIds)) as { id: number; name: string; status: string; townshipId: number | null }[];
    for (const r of rows) out.set(partyKey('household', r.id), { kind: 'household', id: r.id, name: r.name, kindLabel: '农户', status: r.status, townshipId: r.townshipId });
  }
  return out;
}

export function partyName(parties: Map<string, Party>, kind: PartyKind, id: number): string {
  return parties.get(partyKey(kind, id))?.name ?? `（已删除的${kind === 'org' ? '主体' : '农户'} #${id}）`;
}

/**
 * A party that may list or sign: it must exist in the registry, and a deregistered organisation may
 * do neither.
 */
export function requireActiveParty(store: Store, kind: PartyKind, id: number, field: string, what: string): Party {
  const p = loadParties(store, [{ kind, id }]).get(partyKey(kind, id));
  if (!p) throw fieldError(field, `${what}在会员档案中不存在（可能已被删除），请重新选择`, 'NOT_FOUND');
  if (kind === 'org' && p.status === 'deregistered') throw fieldError(field, `${what}“${p.name}”已注销，不能挂牌或成交`, 'REFUSED');
  return p;
}

export function assertParty(p: Party | undefined, what: string): Party {
  if (!p) throw new AppError('NOT_FOUND', `${what}在会员档案中不存在`);
  return p;
}
