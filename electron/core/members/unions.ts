import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { geoLookup } from './geo';
import { getOrgRow, type OrgStatus } from './orgs';
import { STALE } from './households';
import { chinaToday } from './coopMembers';
import { describeReferences, referencesTo } from './references';
import { changes } from './audit';
import { industryNames } from './industries';

export const UNION_MEMBER_CATEGORIES = ['会员单位', '理事单位', '常务理事单位', '监事单位'] as const;

export interface UnionSave {
  id?: number | undefined;
  version?: number | undefined;
  kind: 'regional' | 'industry';
  level: 'county' | 'township';
  name: string;
  industry: string;
  establishedOn: string;
  notes: string;
  townshipIds: number[];
}

export interface UnionOut {
  id: number;
  kind: 'regional' | 'industry';
  level: 'county' | 'township';
  name: string;
  industry: string;
  establishedOn: string;
  status: OrgStatus;
  notes: string;
  townshipIds: number[];
  townships: string[];
  /** Current member units (active, not left). */
  memberUnits: number;
  version: number;
}

interface UnionRow {
  id: number;
  kind: 'regional' | 'industry';
  level: 'county' | 'township';
  name: string;
  industry: string;
  establishedOn: string;
  status: OrgStatus;
  notes: string;
  version: number;
}

const U_SELECT = 'SELECT id, kind, level, name, industry, established_on AS establishedOn, status, notes, version FROM unions';

function presentUnions(store: Store, rows: UnionRow[]): UnionOut[] {
  const geo = geoLookup(store);
  const today = chinaToday(store);
  const cover = store.sqlite.prepare('SELECT township_id FROM union_townships WHERE union_id = ?').pluck();
  const units = store.sqlite.prepare("SELECT count(DISTINCT org_id) FROM union_members WHERE union_id = ? AND status = 'active' AND joined_on <= ? AND (left_on = '' OR left_on > ?)").pluck();
  return rows.map((u) => {
    const ids = cover.all(u.id) as number[];
    return { ...u, townshipIds: ids, townships: ids.map((i) => geo.townshipName(i)), memberUnits: units.get(u.id, today, today) as number };
  });
}

export function listUnions(store: Store): UnionOut[] {
  return presentUnions(store, store.sqlite.prepare(`${U_SELECT} ORDER BY kind DESC, level, id`).all() as UnionRow[]);
}

function getUnionRow(store: Store, id: number): UnionRow {
  const u = store.sqlite.prepare(`${U_SELECT} WHERE id = ?`).get(id) as UnionRow | undefined;
  if (!u) throw new AppError('NOT_FOUND', `农合联 #${id} 不存在`);
  return u;
}

export function getUnion(store: Store, id: number): UnionOut {
  return presentUnions(store, [getUnionRow(store, id)])[0]!;
}

export function saveUnion(store: Store, actor: Actor, input: UnionSave): UnionOut {
  return store.write(actor, input.id ? 'unions.update' : 'unions.create', (audit) => {
    const before = input.id ? getUnion(store, input.id) : null;
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    const name = input.name.trim();
    const townshipIds = [...new Set(input.townshipIds)];
    const geo = geoLookup(store);
    if (input.kind === 'industry') {
      if (!input.industry) throw fieldError('industry', '请选择产业');
      if (!industryNames(store).includes(input.industry)) throw fieldError('industry', `产业“${input.industry}”不在产业目录中`);
      if (input.level !== 'county') throw fieldError('level', '产业农合联为县级');
      if (townshipIds.length) throw fieldError('townshipIds', '产业农合联不按乡镇划分');
    } else {
      if (input.industry) throw fieldError('industry', '区域农合联不填产业');
      if (input.level === 'township' && townshipIds.length === 0) throw fieldError('townshipIds', '请选择乡镇农合联覆盖的乡镇（可多选）');
      if (input.level === 'county' && townshipIds.length) throw fieldError('townshipIds', '县级农合联覆盖全县，不选乡镇');
    }
    const bad = townshipIds.find((t) => !geo.hasTownship(t));
    if (bad !== undefined) throw fieldError('townshipIds', `乡镇 #${bad} 不存在`);
    const clash = store.sqlite.prepare('SELECT id FROM unions WHERE name = ? AND id IS NOT ?').get(name, input.id ?? null);
    if (clash) throw fieldError('name', `已有名为“${name}”的农合联`, 'DUPLICATE');
    for (const t of townshipIds) {
      const other = store.sqlite
        .prepare("SELECT u.name FROM union_townships ut JOIN unions u ON u.id = ut.union_id WHERE ut.township_id = ? AND u.id IS NOT ? AND u.status = 'active'")
        .pluck()
        .get(t, input.id ?? null) as string | undefined;
      if (other) throw fieldError('townshipIds', `${geo.townshipName(t)}已由“${other}”覆盖，一个乡镇只属于一个乡镇农合联`);
    }
    const now = store.now();
    let id: number;
    if (before) {
      id = before.id;
      store.sqlite
        .prepare('UPDATE unions SET kind = ?, level = ?, name = ?, industry = ?, established_on = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(input.kind, input.level, name, input.industry, input.establishedOn, input.notes.trim(), now, id);
      store.sqlite.prepare('DELETE FROM union_townships WHERE union_id = ?').run(id);
    } else {
      id = Number(
        store.sqlite
          .prepare('INSERT INTO unions (kind, level, name, industry, established_on, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.kind, input.level, name, input.industry, input.establishedOn, input.notes.trim(), now, now).lastInsertRowid,
      );
    }
    const ins = store.sqlite.prepare('INSERT INTO union_townships (union_id, township_id) VALUES (?, ?)');
    for (const t of townshipIds) ins.run(id, t);
    const after = getUnion(store, id);
    audit.record({
      entity: 'union',
      ids: [id],
      summary: before ? { name, changes: changes({ ...before }, { kind: after.kind, level: after.level, name, industry: after.industry, establishedOn: after.establishedOn, townships: after.townships }) } : { created: { name, kind: input.kind, level: input.level, townships: after.townships } },
    });
    return after;
  });
}

export function setUnionStatus(store: Store, actor: Actor, input: { id: number; version: number; status: OrgStatus }): UnionOut {
  return store.write(actor, 'unions.setStatus', (audit) => {
    const before = getUnionRow(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', STALE);
    if (before.status === input.status) throw new AppError('REFUSED', '状态没有变化');
    store.sqlite.prepare('UPDATE unions SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(input.status, store.now(), input.id);
    audit.record({ entity: 'union', ids: [input.id], summary: { name: before.name, status: { from: before.status, to: input.status } } });
    return getUnion(store, input.id);
  });
}

export interface UnionMemberSave {
  id?: number | undefined;
  version?: number | undefined;
  unionId: number;
  orgId: number;
  category: string;
  joinedOn: string;
  leftOn: string;
  status: OrgStatus;
}

export interface UnionMemberOut {
  id: number;
  unionId: number;
  unionName: string;
  orgId: number;
  orgName: string;
  orgKind: string;
  township: string;
  category: string;
  joinedOn: string;
  leftOn: string;
  status: OrgStatus;
  current: boolean;
  version: number;
}

const M_SELECT = `SELECT um.id, um.union_id AS unionId, u.name AS unionName, um.org_id AS orgId, o.name AS orgName, o.kind AS orgKind, o.township_id AS townshipId,
  um.category, um.joined_on AS joinedOn, um.left_on AS leftOn, um.status, um.version
  FROM union_members um JOIN unions u ON u.id = um.union_id JOIN orgs o ON o.id = um.org_id`;

function presentMembers(store: Store, rows: (Omit<UnionMemberOut, 'township' | 'current'> & { townshipId: number | null })[]): UnionMemberOut[] {
  const geo = geoLookup(store);
  const today = chinaToday(store);
  return rows.map(({ townshipId, ...r }) => ({ ...r, township: geo.townshipName(townshipId), current: r.status === 'active' && r.joinedOn <= today && (r.leftOn === '' || r.leftOn > today) }));
}

export function listUnionMembers(store: Store, unionId: number): UnionMemberOut[] {
  return presentMembers(store, store.sqlite.prepare(`${M_SELECT} WHERE um.union_id = ? ORDER BY um.left_on <> '', um.joined_on, um.id`).all(unionId) as never[]);
}

export function unionsOfOrg(store: Store, orgId: number): UnionMemberOut[] {
  return presentMembers(store, store.sqlite.prepare(`${M_SELECT} WHERE um.org_id = ? ORDER BY um.joined_on DESC`).all(orgId) as never[]);
}

export function saveUnionMember(store: Store, actor: Actor, input: UnionMemberSave): UnionMemberOut {
  return store.write(actor, input.id ? 'unionMembers.update' : 'unionMembers.create', (audit) => {
    const before = input.id ? (store.sqlite.prepare(`${M_SELECT} WHERE um.id = ?`).get(input.id) as UnionMemberOut | undefined) : null;
    if (input.id && !before) throw new AppError('NOT_FOUND', `会员单位记录 #${input.id} 不存在`);
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    if (before && before.unionId !== input.unionId) throw fieldError('unionId', '会员记录不能转到另一个农合联');
    const union = getUnionRow(store, input.unionId);
    const org = getOrgRow(store, input.orgId);
    if (!UNION_MEMBER_CATEGORIES.includes(input.category as (typeof UNION_MEMBER_CATEGORIES)[number])) throw fieldError('category', `会员类别应为：${UNION_MEMBER_CATEGORIES.join('、')}`);
    if (input.leftOn && input.leftOn < input.joinedOn) throw fieldError('leftOn', '退出日期不能早于加入日期');
    const open = store.sqlite
      .prepare("SELECT id FROM union_members WHERE union_id = ? AND org_id = ? AND id IS NOT ? AND (left_on = '' OR left_on > ?) AND (? = '' OR joined_on < ?)")
      .get(input.unionId, input.orgId, input.id ?? null, input.joinedOn, input.leftOn, input.leftOn) as { id: number } | undefined;
    if (open) throw fieldError('orgId', `“${org.name}”在该期间已是“${union.name}”的会员单位`, 'DUPLICATE');
    const now = store.now();
    let id: number;
    if (before) {
      id = before.id;
      store.sqlite
        .prepare('UPDATE union_members SET org_id = ?, category = ?, joined_on = ?, left_on = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(input.orgId, input.category, input.joinedOn, input.leftOn, input.status, now, id);
    } else {
      id = Number(
        store.sqlite
          .prepare('INSERT INTO union_members (union_id, org_id, category, joined_on, left_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(input.unionId, input.orgId, input.category, input.joinedOn, input.leftOn, input.status, now, now).lastInsertRowid,
      );
    }
    const facts = { category: input.category, joinedOn: input.joinedOn, leftOn: input.leftOn, status: input.status };
    const summary = { union: union.name, org: org.name, ...(before ? { changes: changes(before as unknown as Record<string, unknown>, facts) } : { joined: facts }) };
    audit.record({ entity: 'union', ids: [union.id], summary: { ...summary, membership: id } });
    audit.record({ entity: 'org', ids: [org.id], summary: { ...summary, membership: id } });
    return presentMembers(store, [store.sqlite.prepare(`${M_SELECT} WHERE um.id = ?`).get(id) as never])[0]!;
  });
}

export function removeUnionMember(store: Store, actor: Actor, id: number): { ok: true } {
  return store.write(actor, 'unionMembers.remove', (audit) => {
    const r = store.sqlite.prepare(`${M_SELECT} WHERE um.id = ?`).get(id) as UnionMemberOut | undefined;
    if (!r) throw new AppError('NOT_FOUND', `会员单位记录 #${id} 不存在`);
    const refs = referencesTo(store, 'union_members', id);
    if (refs.length) throw new AppError('REFUSED', `此会员记录已被引用（${describeReferences(refs)}），不能删除；请填写退出日期`);
    store.sqlite.prepare('DELETE FROM union_members WHERE id = ?').run(id);
    const summary = { union: r.unionName, org: r.orgName, deleted: true };
    audit.record({ entity: 'union', ids: [r.unionId], summary });
    audit.record({ entity: 'org', ids: [r.orgId], summary });
    return { ok: true as const };
  });
}
