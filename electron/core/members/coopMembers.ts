import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { maskIdNumber } from '../../../shared/format/mask';
import { geoLookup } from './geo';
import { personalView } from './access';
import { getOrgRow, COOP_KIND } from './orgs';
import { getHouseholdRow, STALE } from './households';
import { describeReferences, referencesTo } from './references';
import { changes } from './audit';

export type MemberKind = 'household' | 'org';

export interface CoopMemberSave {
  id?: number | undefined;
  version?: number | undefined;
  coopId: number;
  memberKind: MemberKind;
  memberId: number;
  joinedOn: string;
  leftOn: string;
  capitalPovertyFen: number;
  capitalOtherFen: number;
  notes: string;
}

export interface CoopMemberOut {
  id: number;
  coopId: number;
  coopName: string;
  memberKind: MemberKind;
  memberId: number;
  memberName: string;
  /** Household ID number (masked by role) or the member organisation's credit code. */
  memberCode: string;
  township: string;
  joinedOn: string;
  leftOn: string;
  /** Has not left, or leaves after today. */
  current: boolean;
  capitalPovertyFen: number;
  capitalOtherFen: number;
  notes: string;
  version: number;
}

interface Row {
  id: number;
  coopId: number;
  coopName: string;
  householdId: number | null;
  memberOrgId: number | null;
  memberName: string;
  idNumber: string | null;
  creditCode: string | null;
  townshipId: number | null;
  joinedOn: string;
  leftOn: string;
  capitalPovertyFen: number;
  capitalOtherFen: number;
  notes: string;
  version: number;
}

const SELECT = `SELECT cm.id, cm.coop_id AS coopId, c.name AS coopName, cm.household_id AS householdId, cm.member_org_id AS memberOrgId,
  coalesce(h.name, mo.name) AS memberName, h.id_number AS idNumber, mo.credit_code AS creditCode, coalesce(h.township_id, mo.township_id) AS townshipId,
  cm.joined_on AS joinedOn, cm.left_on AS leftOn, cm.capital_poverty_fen AS capitalPovertyFen, cm.capital_other_fen AS capitalOtherFen, cm.notes, cm.version
  FROM coop_members cm JOIN orgs c ON c.id = cm.coop_id LEFT JOIN households h ON h.id = cm.household_id LEFT JOIN orgs mo ON mo.id = cm.member_org_id`;

/** Today in China, for "current member" checks. */
export function chinaToday(store: Store): string {
  return new Date(Date.parse(store.now()) + 8 * 3_600_000).toISOString().slice(0, 10);
}

function present(rows: Row[], store: Store, role: Actor['role']): CoopMemberOut[] {
  const geo = geoLookup(store);
  const view = personalView(role);
  const today = chinaToday(store);
  return rows.map((r) => ({
    id: r.id,
    coopId: r.coopId,
    coopName: r.coopName,
    memberKind: r.householdId !== null ? 'household' : 'org',
    memberId: (r.householdId ?? r.memberOrgId)!,
    memberName: r.memberName,
    memberCode: r.householdId !== null ? view.id(r.idNumber) : (r.creditCode ?? ''),
    township: geo.townshipName(r.townshipId),
    joinedOn: r.joinedOn,
    leftOn: r.leftOn,
    current: r.leftOn === '' || r.leftOn > today,
    capitalPovertyFen: r.capitalPovertyFen,
    capitalOtherFen: r.capitalOtherFen,
    notes: r.notes,
    version: r.version,
  }));
}

export function listCoopMembers(store: Store, role: Actor['role'], coopId: number): CoopMemberOut[] {
  return present(store.sqlite.prepare(`${SELECT} WHERE cm.coop_id = ? ORDER BY cm.left_on <> '', cm.joined_on, cm.id`).all(coopId) as Row[], store, role);
}

/** The cooperatives a household or an organisation belongs to. */
export function membershipsOf(store: Store, role: Actor['role'], kind: MemberKind, id: number): CoopMemberOut[] {
  const col = kind === 'household' ? 'cm.household_id' : 'cm.member_org_id';
  return present(store.sqlite.prepare(`${SELECT} WHERE ${col} = ? ORDER BY cm.joined_on DESC`).all(id) as Row[], store, role);
}

function getRow(store: Store, id: number): Row {
  const r = store.sqlite.prepare(`${SELECT} WHERE cm.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', `成员记录 #${id} 不存在`);
  return r;
}

export function saveCoopMember(store: Store, actor: Actor, input: CoopMemberSave): CoopMemberOut {
  return store.write(actor, input.id ? 'coopMembers.update' : 'coopMembers.create', (audit) => {
    const before = input.id ? getRow(store, input.id) : null;
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    if (before && before.coopId !== input.coopId) throw fieldError('coopId', '成员记录不能转到另一个合作社；请在原社办理退社，再在新社入社');
    const coop = getOrgRow(store, input.coopId);
    if (coop.kind !== COOP_KIND) throw fieldError('coopId', `“${coop.name}”不是农民专业合作社，不能登记社员`);
    if (!before && coop.status !== 'active') throw fieldError('coopId', `“${coop.name}”已暂停或注销，不能新增社员`);
    let memberName: string;
    if (input.memberKind === 'household') memberName = getHouseholdRow(store, input.memberId).name;
    else {
      if (input.memberId === input.coopId) throw fieldError('memberId', '合作社不能是自己的成员');
      memberName = getOrgRow(store, input.memberId).name;
    }
    if (input.leftOn && input.leftOn < input.joinedOn) throw fieldError('leftOn', '退社日期不能早于入社日期');
    const col = input.memberKind === 'household' ? 'household_id' : 'member_org_id';
    const open = store.sqlite
      .prepare(`SELECT id FROM coop_members WHERE coop_id = ? AND ${col} = ? AND id IS NOT ? AND (left_on = '' OR left_on > ?) AND (? = '' OR joined_on < ?)`)
      .get(input.coopId, input.memberId, input.id ?? null, input.joinedOn, input.leftOn, input.leftOn) as { id: number } | undefined;
    if (open) throw fieldError('memberId', `“${memberName}”在该期间已是“${coop.name}”的成员（记录 #${open.id}），不能重复入社`, 'DUPLICATE');
    const now = store.now();
    const householdId = input.memberKind === 'household' ? input.memberId : null;
    const memberOrgId = input.memberKind === 'org' ? input.memberId : null;
    let id: number;
    if (before) {
      id = before.id;
      store.sqlite
        .prepare('UPDATE coop_members SET household_id = ?, member_org_id = ?, joined_on = ?, left_on = ?, capital_poverty_fen = ?, capital_other_fen = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(householdId, memberOrgId, input.joinedOn, input.leftOn, input.capitalPovertyFen, input.capitalOtherFen, input.notes.trim(), now, id);
    } else {
      id = Number(
        store.sqlite
          .prepare('INSERT INTO coop_members (coop_id, household_id, member_org_id, joined_on, left_on, capital_poverty_fen, capital_other_fen, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.coopId, householdId, memberOrgId, input.joinedOn, input.leftOn, input.capitalPovertyFen, input.capitalOtherFen, input.notes.trim(), now, now).lastInsertRowid,
      );
    }
    const facts = { joinedOn: input.joinedOn, leftOn: input.leftOn, capitalPovertyFen: input.capitalPovertyFen, capitalOtherFen: input.capitalOtherFen, notes: input.notes.trim() };
    const summary = before ? { coop: coop.name, member: memberName, changes: changes(before as unknown as Record<string, unknown>, facts) } : { coop: coop.name, member: memberName, joined: facts };
    // Recorded under the membership, the cooperative and the member, so each one's history shows it.
    audit.record({ entity: 'coop_member', ids: [id], summary });
    audit.record({ entity: 'org', ids: [coop.id], summary: { ...summary, membership: id } });
    audit.record({ entity: input.memberKind, ids: [input.memberId], summary: { ...summary, membership: id } });
    return present([getRow(store, id)], store, actor.role)[0]!;
  });
}

export function removeCoopMember(store: Store, actor: Actor, id: number): { ok: true } {
  return store.write(actor, 'coopMembers.remove', (audit) => {
    const r = getRow(store, id);
    const refs = referencesTo(store, 'coop_members', id);
    if (refs.length) throw new AppError('REFUSED', `此成员记录已被引用（${describeReferences(refs)}），不能删除；请填写退社日期`);
    store.sqlite.prepare('DELETE FROM coop_members WHERE id = ?').run(id);
    const summary = { coop: r.coopName, member: r.memberName, idNumber: maskIdNumber(r.idNumber), deleted: true };
    audit.record({ entity: 'coop_member', ids: [id], summary });
    audit.record({ entity: 'org', ids: [r.coopId], summary });
    audit.record({ entity: r.householdId !== null ? 'household' : 'org', ids: [(r.householdId ?? r.memberOrgId)!], summary });
    return { ok: true as const };
  });
}
