import type { Store } from '../db/store';
import { pinyinKeys } from '../search/pinyin';
import { stmt } from './sql';

/**
 * The ledger's window onto the member registry (orgs, households, coop_members). The registry owns those
 * tables; the ledger only reads them, here, so a change there touches one file.
 */

export const COOP_KIND = '农民专业合作社';

export interface Coop {
  id: number;
  name: string;
  pyInitials: string;
  status: string;
}

export interface CoopMember {
  /** coop_members.id: the id every member-dimension entry carries. */
  id: number;
  name: string;
  kind: 'household' | 'org';
  address: string;
  joinedOn: string;
  leftOn: string;
  pyInitials: string;
}

const initials = (stored: string, name: string, person: boolean) => stored || pinyinKeys(name, person).initials;

export function listCoops(store: Store): Coop[] {
  const rows = store.sqlite
    .prepare(`SELECT id, name, py_initials AS py, status FROM orgs WHERE kind = ? ORDER BY py_initials, name, id`)
    .all(COOP_KIND) as { id: number; name: string; py: string; status: string }[];
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.status, pyInitials: initials(r.py, r.name, false) }));
}

export function getCoop(store: Store, coopId: number): Coop | null {
  const r = store.sqlite.prepare(`SELECT id, name, py_initials AS py, status FROM orgs WHERE id = ? AND kind = ?`).get(coopId, COOP_KIND) as
    | { id: number; name: string; py: string; status: string }
    | undefined;
  return r ? { id: r.id, name: r.name, status: r.status, pyInitials: initials(r.py, r.name, false) } : null;
}

const MEMBER_SQL = `
  SELECT m.id, m.joined_on AS joinedOn, m.left_on AS leftOn,
         CASE WHEN m.household_id IS NOT NULL THEN 'household' ELSE 'org' END AS kind,
         COALESCE(h.name, o.name, '') AS name,
         COALESCE(h.py_initials, o.py_initials, '') AS py,
         CASE WHEN m.household_id IS NOT NULL THEN COALESCE(t.name, '') || COALESCE(v.name, '') ELSE COALESCE(o.address, '') END AS address
  FROM coop_members m
  LEFT JOIN households h ON h.id = m.household_id
  LEFT JOIN orgs o ON o.id = m.member_org_id
  LEFT JOIN townships t ON t.id = h.township_id
  LEFT JOIN villages v ON v.id = h.village_id`;

type MemberRow = Omit<CoopMember, 'pyInitials'> & { py: string };
const toMember = (r: MemberRow): CoopMember => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  address: r.address,
  joinedOn: r.joinedOn,
  leftOn: r.leftOn,
  pyInitials: initials(r.py, r.name, r.kind === 'household'),
});

/** Members past and present (a departed member still has balances to settle), by join date. */
export function listCoopMembers(store: Store, coopId: number): CoopMember[] {
  const rows = store.sqlite.prepare(`${MEMBER_SQL} WHERE m.coop_id = ? ORDER BY m.joined_on, m.id`).all(coopId) as MemberRow[];
  return rows.map(toMember);
}

export function getCoopMember(store: Store, coopId: number, memberId: number): CoopMember | null {
  const r = store.sqlite.prepare(`${MEMBER_SQL} WHERE m.coop_id = ? AND m.id = ?`).get(coopId, memberId) as MemberRow | undefined;
  return r ? toMember(r) : null;
}

export function isMemberOf(store: Store, coopId: number, memberId: number): boolean {
  return stmt(store.sqlite, 'SELECT 1 FROM coop_members WHERE id = ? AND coop_id = ?').get(memberId, coopId) !== undefined;
}
