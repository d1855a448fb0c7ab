import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { one } from './util';
import { personalView } from '../members/access';

export type PartyKind = 'household' | 'org';

export interface Party {
  kind: PartyKind;
  id: number;
  name: string;
  phone: string;
  township: string;
  village: string;
}

interface PartyRow {
  name: string;
  phone: string;
  township: string | null;
  village: string | null;
  status: string;
}

const SQL: Record<PartyKind, string> = {
  household: `SELECT h.name, h.phone, t.name AS township, v.name AS village, h.status FROM households h
              LEFT JOIN townships t ON t.id = h.township_id LEFT JOIN villages v ON v.id = h.village_id WHERE h.id = ?`,
  org: `SELECT o.name, o.contact_phone AS phone, t.name AS township, v.name AS village, o.status FROM orgs o
        LEFT JOIN townships t ON t.id = o.township_id LEFT JOIN villages v ON v.id = o.village_id WHERE o.id = ?`,
};

export function partyOf(store: Store, actor: Actor, kind: PartyKind, id: number): Party {
  const row = one<PartyRow>(store.sqlite, SQL[kind], id);
  if (!row) throw new AppError('NOT_FOUND', kind === 'household' ? `农户 #${id} 不存在` : `主体 #${id} 不存在`);
  return { kind, id, name: row.name, phone: kind === 'org' ? row.phone : personalView(actor.role).phone(row.phone), township: row.township ?? '', village: row.village ?? '' };
}

/** The party a request or contract is for must exist and still be on the books. */
export function checkParty(store: Store, kind: PartyKind, id: number): string {
  const row = one<PartyRow>(store.sqlite, SQL[kind], id);
  if (!row) throw fieldError('party', kind === 'household' ? '所选农户不存在' : '所选主体不存在');
  if (row.status === 'deregistered') throw fieldError('party', `“${row.name}”已注销，不能受理`);
  if (row.status === 'inactive' || row.status === 'suspended') throw fieldError('party', `“${row.name}”已停用，请先在会员档案中恢复`);
  return row.name;
}

export function partyColumns(p: { kind: PartyKind; id: number }): { householdId: number | null; orgId: number | null } {
  return p.kind === 'household' ? { householdId: p.id, orgId: null } : { householdId: null, orgId: p.id };
}

export function partyRef(r: { householdId: number | null; orgId: number | null }): { kind: PartyKind; id: number } {
  return r.householdId !== null ? { kind: 'household', id: r.householdId } : { kind: 'org', id: r.orgId! };
}
