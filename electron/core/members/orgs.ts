import { eq, sql } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { orgs, ORG_KINDS, RECORD_STATUS } from './schema';
import { AppError, fieldError } from '../../../shared/errors';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/validate/creditCode';
import { normalizePhone, phoneProblem } from '../../../shared/validate/phone';
import { pinyinOf } from './keys';
import { indexOrg, unindexOrg } from './fts';
import { geoLookup, type GeoLookup } from './geo';
import { changes } from './audit';
import { describeReferences, referencesTo } from './references';
import { listMatch } from './search';
import { industryNames } from './industries';
import { STALE } from './households';

export type OrgRow = typeof orgs.$inferSelect;
export type OrgKind = (typeof ORG_KINDS)[number];
export type OrgStatus = (typeof RECORD_STATUS)[number];
export type DemoLevel = '' | '国家级' | '市级' | '县级';
export const COOP_KIND: OrgKind = '农民专业合作社';

export interface OrgFields {
  kind: OrgKind;
  name: string;
  creditCode: string;
  legalRep: string;
  contactName: string;
  contactPhone: string;
  townshipId: number | null;
  villageId: number | null;
  address: string;
  industries: string[];
  landAreaMu100: number;
  memberCount: number;
  demoLevel: DemoLevel;
  demoYear: number | null;
  registeredOn: string;
  notes: string;
}

export interface OrgSave extends OrgFields {
  id?: number | undefined;
  version?: number | undefined;
  confirmDuplicate?: boolean | undefined;
}

export interface OrgOut extends OrgFields {
  id: number;
  township: string;
  village: string;
  status: OrgStatus;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function presentOrg(o: OrgRow, geo: GeoLookup): OrgOut {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    creditCode: o.creditCode ?? '',
    legalRep: o.legalRep,
    contactName: o.contactName,
    contactPhone: o.contactPhone,
    townshipId: o.townshipId,
    villageId: o.villageId,
    township: geo.townshipName(o.townshipId),
    village: geo.villageName(o.villageId),
    address: o.address,
    industries: JSON.parse(o.industries) as string[],
    landAreaMu100: o.landAreaMu100,
    memberCount: o.memberCount,
    demoLevel: o.demoLevel,
    demoYear: o.demoYear,
    registeredOn: o.registeredOn,
    status: o.status,
    notes: o.notes,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    version: o.version,
  };
}

const O_SELECT =
  'SELECT o.id, o.kind, o.name, o.credit_code AS creditCode, o.legal_rep AS legalRep, o.contact_name AS contactName, o.contact_phone AS contactPhone, o.township_id AS townshipId, o.village_id AS villageId, o.address, o.industries, o.land_area_mu100 AS landAreaMu100, o.member_count AS memberCount, o.demo_level AS demoLevel, o.demo_year AS demoYear, o.registered_on AS registeredOn, o.status, o.notes, o.py_full AS pyFull, o.py_initials AS pyInitials, o.created_at AS createdAt, o.updated_at AS updatedAt, o.version FROM orgs o';

export function getOrgRow(store: Store, id: number): OrgRow {
  const o = store.sqlite.prepare(`${O_SELECT} WHERE o.id = ?`).get(id) as OrgRow | undefined;
  if (!o) throw new AppError('NOT_FOUND', `主体 #${id} 不存在`);
  return o;
}

/** Problems that need no lookups beyond the geography and the industry list. */
export function orgFieldProblems(f: OrgFields, geo: GeoLookup, industries: Set<string>, thisYear = new Date().getFullYear()): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.name.trim()) p.name = '名称不能为空';
  if (!ORG_KINDS.includes(f.kind)) p.kind = `主体类型应为：${ORG_KINDS.join('、')}`;
  if (f.creditCode) {
    const msg = creditCodeProblem(f.creditCode);
    if (msg) p.creditCode = msg;
    else if (f.kind === COOP_KIND && !f.creditCode.startsWith('93')) p.creditCode = '农民专业合作社的统一社会信用代码应以 93 开头（登记管理部门 9、机构类别 3）';
  }
  if (f.contactPhone && normalizePhone(f.contactPhone) === null) p.contactPhone = phoneProblem(f.contactPhone);
  if (f.townshipId !== null && !geo.hasTownship(f.townshipId)) p.townshipId = '所选乡镇不存在';
  if (f.villageId !== null) {
    if (f.townshipId === null) p.villageId = '请先选择乡镇';
    else if (geo.villageTownship(f.villageId) !== f.townshipId) p.villageId = '所选村（社区）不属于该乡镇';
  }
  const unknown = f.industries.filter((i) => !industries.has(i));
  if (unknown.length) p.industries = `产业“${unknown.join('、')}”不在产业目录中，请先在产业目录中添加`;
  if (f.demoLevel) {
    if (f.kind !== COOP_KIND) p.demoLevel = '只有农民专业合作社评定示范社等级';
    if (f.demoYear === null) p.demoYear = '请填写示范社评定年份';
  }
  if (f.demoYear !== null && (f.demoYear < 1990 || f.demoYear > thisYear + 1)) p.demoYear = `评定年份应在 1990 到 ${thisYear + 1} 之间`;
  return p;
}

export function findByCreditCode(store: Store, code: string): { id: number; name: string } | undefined {
  return store.sqlite.prepare('SELECT id, name FROM orgs WHERE credit_code = ?').get(code) as { id: number; name: string } | undefined;
}

export function likelyDuplicateOrgs(store: Store, f: { name: string; townshipId: number | null; contactPhone: string }, exceptId: number | null): { id: number; name: string }[] {
  return store.sqlite
    .prepare('SELECT id, name FROM orgs WHERE name = ? AND township_id IS ? AND contact_phone = ? AND id IS NOT ? LIMIT 5')
    .all(f.name, f.townshipId, f.contactPhone, exceptId) as { id: number; name: string }[];
}

export function normalizeOrg(input: OrgFields): OrgFields {
  return {
    ...input,
    name: input.name.trim(),
    creditCode: normalizeCreditCode(input.creditCode),
    contactPhone: normalizePhone(input.contactPhone) ?? input.contactPhone,
    industries: [...new Set(input.industries.map((i) => i.trim()).filter(Boolean))],
    demoYear: input.demoLevel ? input.demoYear : null,
  };
}

export function saveOrg(store: Store, actor: Actor, input: OrgSave): OrgOut {
  return store.write(actor, input.id ? 'orgs.update' : 'orgs.create', (audit) => {
    const geo = geoLookup(store);
    const before = input.id ? getOrgRow(store, input.id) : null;
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    const f = normalizeOrg(input);
    const problems = orgFieldProblems(f, geo, new Set(industryNames(store)));
    const first = Object.entries(problems)[0];
    if (first) throw new AppError('VALIDATION', first[1], problems);
    if (before?.kind === COOP_KIND && f.kind !== COOP_KIND && store.sqlite.prepare('SELECT 1 FROM coop_members WHERE coop_id = ? LIMIT 1').get(before.id)) {
      throw fieldError('kind', '该合作社已有成员名册，不能改为其他类型');
    }
    if (f.creditCode) {
      const other = findByCreditCode(store, f.creditCode);
      if (other && other.id !== before?.id) throw fieldError('creditCode', `此统一社会信用代码已登记为“${other.name}”（#${other.id}），不能重复登记`, 'DUPLICATE');
    }
    if (!input.confirmDuplicate && (!before || before.name !== f.name || before.townshipId !== f.townshipId || before.contactPhone !== f.contactPhone)) {
      const dups = likelyDuplicateOrgs(store, f, before?.id ?? null);
      if (dups.length) {
        const msg = `可能重复：已有同名、同乡镇、同电话的主体 ${dups.map((d) => `“${d.name}”（#${d.id}）`).join('、')}。确认不是同一主体后可继续保存`;
        throw new AppError('DUPLICATE', msg, { confirmDuplicate: msg });
      }
    }
    const py = pinyinOf(f.name, false);
    const now = store.now();
    const values = {
      kind: f.kind,
      name: f.name,
      creditCode: f.creditCode || null,
      legalRep: f.legalRep.trim(),
      contactName: f.contactName.trim(),
      contactPhone: f.contactPhone,
      townshipId: f.townshipId,
      villageId: f.villageId,
      address: f.address.trim(),
      industries: JSON.stringify(f.industries),
      landAreaMu100: f.landAreaMu100,
      memberCount: f.memberCount,
      demoLevel: f.demoLevel,
      demoYear: f.demoYear,
      registeredOn: f.registeredOn,
      notes: f.notes.trim(),
      pyFull: py.full,
      pyInitials: py.initials,
      updatedAt: now,
    };
    let id: number;
    if (before) {
      id = before.id;
      store.db.update(orgs).set({ ...values, version: sql`${orgs.version} + 1` }).where(eq(orgs.id, id)).run();
      audit.record({ entity: 'org', ids: [id], summary: { name: f.name, changes: changes({ ...presentOrg(before, geo) }, { ...f }) } });
    } else {
      id = store.db.insert(orgs).values({ ...values, createdAt: now }).returning({ id: orgs.id }).get().id;
      audit.record({ entity: 'org', ids: [id], summary: { created: { kind: f.kind, name: f.name, creditCode: f.creditCode } } });
    }
    indexOrg(store.sqlite, { id, name: f.name, contactPhone: f.contactPhone, creditCode: f.creditCode || null }, !before);
    return presentOrg(getOrgRow(store, id), geo);
  });
}

export function setOrgStatus(store: Store, actor: Actor, input: { id: number; version: number; status: OrgStatus }): OrgOut {
  return store.write(actor, 'orgs.setStatus', (audit) => {
    const before = getOrgRow(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', STALE);
    if (before.status === input.status) throw new AppError('REFUSED', '状态没有变化');
    store.sqlite.prepare('UPDATE orgs SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(input.status, store.now(), input.id);
    audit.record({ entity: 'org', ids: [input.id], summary: { name: before.name, status: { from: before.status, to: input.status } } });
    return presentOrg(getOrgRow(store, input.id), geoLookup(store));
  });
}

export function removeOrg(store: Store, actor: Actor, id: number): { ok: true } {
  return store.write(actor, 'orgs.remove', (audit) => {
    const before = getOrgRow(store, id);
    const refs = referencesTo(store, 'orgs', id);
    if (refs.length) throw new AppError('REFUSED', `“${before.name}”已被引用（${describeReferences(refs)}），不能删除；请改为注销或暂停`);
    unindexOrg(store.sqlite, id);
    store.sqlite.prepare('DELETE FROM orgs WHERE id = ?').run(id);
    audit.record({ entity: 'org', ids: [id], summary: { deleted: { kind: before.kind, name: before.name, creditCode: before.creditCode } } });
    return { ok: true as const };
  });
}

export interface OrgFilter {
  q: string;
  kind: string;
  townshipId: number | null;
  industry: string;
  status: string;
  /** '' any, 'any' any demonstration level, or one level. */
  demoLevel: string;
  sort: 'id' | 'name' | 'members' | 'updated';
  desc: boolean;
}

const SORTS: Record<OrgFilter['sort'], string> = { id: 'o.id', name: 'o.py_full', members: 'o.member_count', updated: 'o.updated_at' };

export function orgWhere(f: Omit<OrgFilter, 'sort' | 'desc'>): { sql: string; args: unknown[] } | null {
  const where: string[] = [];
  const args: unknown[] = [];
  const m = listMatch(f.q, 'org', 'o');
  if (m === 'none') return null;
  if (m) {
    where.push(m.sql);
    args.push(...m.args);
  }
  const eq = (col: string, v: unknown) => {
    where.push(`${col} = ?`);
    args.push(v);
  };
  if (f.kind) eq('o.kind', f.kind);
  if (f.townshipId) eq('o.township_id', f.townshipId);
  if (f.status) eq('o.status', f.status);
  if (f.demoLevel === 'any') where.push("o.demo_level <> ''");
  else if (f.demoLevel) eq('o.demo_level', f.demoLevel);
  if (f.industry) {
    where.push('EXISTS (SELECT 1 FROM json_each(o.industries) j WHERE j.value = ?)');
    args.push(f.industry);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export function listOrgs(store: Store, f: OrgFilter & { offset: number; limit: number }): { total: number; rows: OrgOut[] } {
  const w = orgWhere(f);
  if (!w) return { total: 0, rows: [] };
  const total = store.sqlite.prepare(`SELECT count(*) FROM orgs o ${w.sql}`).pluck().get(...w.args) as number;
  const rows = store.sqlite.prepare(`${O_SELECT} ${w.sql} ORDER BY ${SORTS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, o.id DESC LIMIT ? OFFSET ?`).all(...w.args, f.limit, f.offset) as OrgRow[];
  const geo = geoLookup(store);
  return { total, rows: rows.map((r) => presentOrg(r, geo)) };
}

export function* iterateOrgs(store: Store, f: OrgFilter): Generator<OrgRow> {
  const w = orgWhere(f);
  if (!w) return;
  yield* store.sqlite.prepare(`${O_SELECT} ${w.sql} ORDER BY ${SORTS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, o.id DESC`).iterate(...w.args) as IterableIterator<OrgRow>;
}
