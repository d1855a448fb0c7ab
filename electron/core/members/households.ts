import { eq, sql } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { households } from './schema';
import { AppError, fieldError } from '../../../shared/errors';
import { idNumberProblem, normalizeIdNumber } from '../../../shared/validate/idNumber';
import { normalizePhone, phoneProblem } from '../../../shared/validate/phone';
import { isMasked, maskIdNumber, maskPhone } from '../../../shared/format/mask';
import { pinyinOf } from './keys';
import { indexHousehold, unindexHousehold } from './fts';
import { geoLookup, type GeoLookup } from './geo';
import { personalView } from './access';
import { changes } from './audit';
import { describeReferences, referencesTo } from './references';
import { listMatch } from './search';

export type HouseholdRow = typeof households.$inferSelect;

export interface HouseholdFields {
  name: string;
  idNumber: string;
  phone: string;
  townshipId: number | null;
  villageId: number | null;
  householdSize: number;
  landAreaMu100: number;
  crops: string[];
  notes: string;
}

export interface HouseholdSave extends HouseholdFields {
  id?: number | undefined;
  version?: number | undefined;
  /** The clerk has seen the likely-duplicate warning and saves anyway. */
  confirmDuplicate?: boolean | undefined;
}

export interface HouseholdOut extends HouseholdFields {
  id: number;
  township: string;
  village: string;
  status: 'active' | 'inactive';
  /** True when idNumber and phone are shown masked to this role. */
  masked: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const STALE = '此记录已被他人修改，请刷新后重试';

export function presentHousehold(h: HouseholdRow, geo: GeoLookup, role: Actor['role']): HouseholdOut {
  const view = personalView(role);
  return {
    id: h.id,
    name: h.name,
    idNumber: view.id(h.idNumber),
    phone: view.phone(h.phone),
    townshipId: h.townshipId,
    villageId: h.villageId,
    township: geo.townshipName(h.townshipId),
    village: geo.villageName(h.villageId),
    householdSize: h.householdSize,
    landAreaMu100: h.landAreaMu100,
    crops: JSON.parse(h.crops) as string[],
    notes: h.notes,
    status: h.status,
    masked: view.masked,
    createdAt: h.createdAt,
    updatedAt: h.updatedAt,
    version: h.version,
  };
}

/** The values written to the audit log: never a whole ID number. */
function auditView(h: Partial<HouseholdFields> & { status?: string }): Record<string, unknown> {
  const { idNumber, phone, ...rest } = h;
  return { ...rest, idNumber: maskIdNumber(idNumber), phone: maskPhone(phone) };
}

export function getHouseholdRow(store: Store, id: number): HouseholdRow {
  const h = store.sqlite.prepare('SELECT id, name, id_number AS idNumber, phone, township_id AS townshipId, village_id AS villageId, household_size AS householdSize, land_area_mu100 AS landAreaMu100, crops, notes, status, py_full AS pyFull, py_initials AS pyInitials, created_at AS createdAt, updated_at AS updatedAt, version FROM households WHERE id = ?').get(id) as
    | HouseholdRow
    | undefined;
  if (!h) throw new AppError('NOT_FOUND', `农户 #${id} 不存在`);
  return h;
}

/** Field problems that need no database: check digits, phone format, township/village pairing. */
export function householdFieldProblems(f: HouseholdFields, geo: GeoLookup): Record<string, string> {
  const p: Record<string, string> = {};
  if (!f.name.trim()) p.name = '姓名不能为空';
  if (f.idNumber) {
    const msg = idNumberProblem(f.idNumber);
    if (msg) p.idNumber = msg;
  }
  if (f.phone && normalizePhone(f.phone) === null) p.phone = phoneProblem(f.phone);
  if (f.townshipId === null) p.townshipId = '请选择乡镇（街道）';
  else if (!geo.hasTownship(f.townshipId)) p.townshipId = '所选乡镇不存在';
  if (f.villageId !== null && f.townshipId !== null && geo.villageTownship(f.villageId) !== f.townshipId) p.villageId = '所选村（社区）不属于该乡镇';
  return p;
}

export function findByIdNumber(store: Store, idNumber: string): { id: number; name: string } | undefined {
  return store.sqlite.prepare('SELECT id, name FROM households WHERE id_number = ?').get(idNumber) as { id: number; name: string } | undefined;
}

/** Same name in the same township with the same phone (both empty counts as the same). */
export function likelyDuplicates(store: Store, f: { name: string; townshipId: number | null; phone: string }, exceptId: number | null): { id: number; name: string }[] {
  return store.sqlite
    .prepare('SELECT id, name FROM households WHERE name = ? AND township_id IS ? AND phone = ? AND id IS NOT ? LIMIT 5')
    .all(f.name, f.townshipId, f.phone, exceptId) as { id: number; name: string }[];
}

function normalized(input: HouseholdFields, before: HouseholdRow | null): HouseholdFields {
  // A role that sees masked values sends them back unchanged; keep what is stored. A masked value that
  // was edited cannot be completed from the stars, so the whole number must be typed instead.
  if (before && isMasked(input.idNumber) && input.idNumber !== maskIdNumber(before.idNumber)) throw fieldError('idNumber', '身份证号已隐去部分数字，如需更正请完整填写18位号码');
  if (before && isMasked(input.phone) && input.phone !== maskPhone(before.phone)) throw fieldError('phone', '联系电话已隐去部分数字，如需更正请完整填写');
  const idNumber = before && isMasked(input.idNumber) ? (before.idNumber ?? '') : normalizeIdNumber(input.idNumber);
  const phone = before && isMasked(input.phone) ? before.phone : (normalizePhone(input.phone) ?? input.phone);
  return {
    ...input,
    name: input.name.trim(),
    idNumber,
    phone,
    crops: [...new Set(input.crops.map((c) => c.trim()).filter(Boolean))],
    notes: input.notes.trim(),
  };
}

export function saveHousehold(store: Store, actor: Actor, input: HouseholdSave): HouseholdOut {
  return store.write(actor, input.id ? 'households.update' : 'households.create', (audit) => {
    const geo = geoLookup(store);
    const before = input.id ? getHouseholdRow(store, input.id) : null;
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    const f = normalized(input, before);
    const problems = householdFieldProblems(f, geo);
    const first = Object.entries(problems)[0];
    if (first) throw new AppError('VALIDATION', first[1], problems);
    if (f.idNumber) {
      const other = findByIdNumber(store, f.idNumber);
      if (other && other.id !== before?.id) throw fieldError('idNumber', `此身份证号已登记为农户“${other.name}”（#${other.id}），不能重复登记`, 'DUPLICATE');
    }
    if (!input.confirmDuplicate && (!before || before.name !== f.name || before.townshipId !== f.townshipId || before.phone !== f.phone)) {
      const dups = likelyDuplicates(store, f, before?.id ?? null);
      if (dups.length) {
        const msg = `可能重复：已有同名、同乡镇、同电话的农户 ${dups.map((d) => `“${d.name}”（#${d.id}）`).join('、')}。确认不是同一户后可继续保存`;
        throw new AppError('DUPLICATE', msg, { confirmDuplicate: msg });
      }
    }
    const py = pinyinOf(f.name, true);
    const values = {
      name: f.name,
      idNumber: f.idNumber || null,
      phone: f.phone,
      townshipId: f.townshipId,
      villageId: f.villageId,
      householdSize: f.householdSize,
      landAreaMu100: f.landAreaMu100,
      crops: JSON.stringify(f.crops),
      notes: f.notes,
      pyFull: py.full,
      pyInitials: py.initials,
      updatedAt: store.now(),
    };
    let id: number;
    if (before) {
      id = before.id;
      store.db.update(households).set({ ...values, version: sql`${households.version} + 1` }).where(eq(households.id, id)).run();
      const old: HouseholdFields = { ...before, idNumber: before.idNumber ?? '', crops: JSON.parse(before.crops) as string[] };
      audit.record({ entity: 'household', ids: [id], summary: { name: f.name, changes: changes(auditView(old), auditView(f)) } });
    } else {
      id = store.db.insert(households).values({ ...values, createdAt: values.updatedAt }).returning({ id: households.id }).get().id;
      audit.record({ entity: 'household', ids: [id], summary: { created: auditView(f) } });
    }
    indexHousehold(store.sqlite, { id, name: f.name, phone: f.phone, idNumber: f.idNumber || null }, !before);
    return presentHousehold(getHouseholdRow(store, id), geo, actor.role);
  });
}

export function setHouseholdStatus(store: Store, actor: Actor, input: { id: number; version: number; status: 'active' | 'inactive' }): HouseholdOut {
  return store.write(actor, 'households.setStatus', (audit) => {
    const before = getHouseholdRow(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', STALE);
    if (before.status === input.status) throw new AppError('REFUSED', input.status === 'active' ? '该农户已是正常状态' : '该农户已停用');
    store.sqlite.prepare('UPDATE households SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(input.status, store.now(), input.id);
    audit.record({ entity: 'household', ids: [input.id], summary: { name: before.name, status: { from: before.status, to: input.status } } });
    return presentHousehold(getHouseholdRow(store, input.id), geoLookup(store), actor.role);
  });
}

/** Hard delete only for a record nothing points at (typed in by mistake); otherwise deactivate. */
export function removeHousehold(store: Store, actor: Actor, id: number): { ok: true } {
  return store.write(actor, 'households.remove', (audit) => {
    const before = getHouseholdRow(store, id);
    const refs = referencesTo(store, 'households', id);
    if (refs.length) throw new AppError('REFUSED', `农户“${before.name}”已被引用（${describeReferences(refs)}），不能删除；请改为停用`);
    unindexHousehold(store.sqlite, id);
    store.sqlite.prepare('DELETE FROM households WHERE id = ?').run(id);
    audit.record({ entity: 'household', ids: [id], summary: { deleted: auditView({ ...before, idNumber: before.idNumber ?? '', crops: JSON.parse(before.crops) as string[] }) } });
    return { ok: true as const };
  });
}

export interface HouseholdFilter {
  q: string;
  townshipId: number | null;
  villageId: number | null;
  status: '' | 'active' | 'inactive';
  sort: 'id' | 'name' | 'land' | 'updated';
  desc: boolean;
}

const SORTS: Record<HouseholdFilter['sort'], string> = { id: 'h.id', name: 'h.py_full', land: 'h.land_area_mu100', updated: 'h.updated_at' };

export function householdWhere(f: Omit<HouseholdFilter, 'sort' | 'desc'>): { sql: string; args: unknown[] } | null {
  const where: string[] = [];
  const args: unknown[] = [];
  const m = listMatch(f.q, 'household', 'h');
  if (m === 'none') return null;
  if (m) {
    where.push(m.sql);
    args.push(...m.args);
  }
  if (f.townshipId) {
    where.push('h.township_id = ?');
    args.push(f.townshipId);
  }
  if (f.villageId) {
    where.push('h.village_id = ?');
    args.push(f.villageId);
  }
  if (f.status) {
    where.push('h.status = ?');
    args.push(f.status);
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

const H_SELECT =
  'SELECT h.id, h.name, h.id_number AS idNumber, h.phone, h.township_id AS townshipId, h.village_id AS villageId, h.household_size AS householdSize, h.land_area_mu100 AS landAreaMu100, h.crops, h.notes, h.status, h.py_full AS pyFull, h.py_initials AS pyInitials, h.created_at AS createdAt, h.updated_at AS updatedAt, h.version FROM households h';

export function listHouseholds(store: Store, actor: Actor, f: HouseholdFilter & { offset: number; limit: number }): { total: number; rows: HouseholdOut[] } {
  const w = householdWhere(f);
  if (!w) return { total: 0, rows: [] };
  const total = store.sqlite.prepare(`SELECT count(*) FROM households h ${w.sql}`).pluck().get(...w.args) as number;
  const rows = store.sqlite.prepare(`${H_SELECT} ${w.sql} ORDER BY ${SORTS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, h.id DESC LIMIT ? OFFSET ?`).all(...w.args, f.limit, f.offset) as HouseholdRow[];
  const geo = geoLookup(store);
  return { total, rows: rows.map((r) => presentHousehold(r, geo, actor.role)) };
}

/** Every row of a filtered list, for exports; iterates instead of loading the table twice. */
export function* iterateHouseholds(store: Store, f: HouseholdFilter): Generator<HouseholdRow> {
  const w = householdWhere(f);
  if (!w) return;
  yield* store.sqlite.prepare(`${H_SELECT} ${w.sql} ORDER BY ${SORTS[f.sort]} ${f.desc ? 'DESC' : 'ASC'}, h.id DESC`).iterate(...w.args) as IterableIterator<HouseholdRow>;
}
