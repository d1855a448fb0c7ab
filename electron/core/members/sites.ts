import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { SITE_KINDS } from './schema';
import { geoLookup } from './geo';
import { getOrgRow, type OrgStatus } from './orgs';
import { STALE } from './households';
import { describeReferences, referencesTo } from './references';
import { changes } from './audit';

export type SiteKind = (typeof SITE_KINDS)[number];

export interface SiteSave {
  id?: number | undefined;
  version?: number | undefined;
  kind: SiteKind;
  name: string;
  townshipId: number | null;
  villageId: number | null;
  address: string;
  operatorOrgId: number | null;
  operatorName: string;
  openedOn: string;
  status: OrgStatus;
  notes: string;
}

export interface SiteOut extends SiteSave {
  id: number;
  township: string;
  village: string;
  operatorOrg: string;
  version: number;
}

const SELECT = `SELECT s.id, s.kind, s.name, s.township_id AS townshipId, s.village_id AS villageId, s.address, s.operator_org_id AS operatorOrgId,
  coalesce(o.name, '') AS operatorOrg, s.operator_name AS operatorName, s.opened_on AS openedOn, s.status, s.notes, s.version
  FROM service_sites s LEFT JOIN orgs o ON o.id = s.operator_org_id`;

type Row = Omit<SiteOut, 'township' | 'village'>;

function present(store: Store, rows: Row[]): SiteOut[] {
  const geo = geoLookup(store);
  return rows.map((r) => ({ ...r, township: geo.townshipName(r.townshipId), village: geo.villageName(r.villageId) }));
}

export function listSites(store: Store, f: { kind: string; townshipId: number | null; status: string; q: string }): SiteOut[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.kind) (where.push('s.kind = ?'), args.push(f.kind));
  if (f.townshipId) (where.push('s.township_id = ?'), args.push(f.townshipId));
  if (f.status) (where.push('s.status = ?'), args.push(f.status));
  if (f.q) (where.push("(s.name LIKE ? ESCAPE '\\' OR s.operator_name LIKE ? ESCAPE '\\' OR o.name LIKE ? ESCAPE '\\')"), args.push(...Array(3).fill(`%${f.q.replace(/[%_\\]/g, '\\$&')}%`)));
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.kind, s.township_id, s.id`;
  return present(store, store.sqlite.prepare(sql).all(...args) as Row[]);
}

export function sitesOperatedBy(store: Store, orgId: number): SiteOut[] {
  return present(store, store.sqlite.prepare(`${SELECT} WHERE s.operator_org_id = ? ORDER BY s.id`).all(orgId) as Row[]);
}

function getSite(store: Store, id: number): SiteOut {
  const r = store.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', `服务站点 #${id} 不存在`);
  return present(store, [r])[0]!;
}

export function saveSite(store: Store, actor: Actor, input: SiteSave): SiteOut {
  return store.write(actor, input.id ? 'sites.update' : 'sites.create', (audit) => {
    const before = input.id ? getSite(store, input.id) : null;
    if (before && input.version !== undefined && before.version !== input.version) throw new AppError('CONFLICT', STALE);
    const geo = geoLookup(store);
    const name = input.name.trim();
    if (input.kind !== '县级为农服务中心' && input.townshipId === null) throw fieldError('townshipId', `${input.kind}须选择所在乡镇`);
    if (input.townshipId !== null && !geo.hasTownship(input.townshipId)) throw fieldError('townshipId', '所选乡镇不存在');
    if (input.kind === '村级一站式服务站' && input.villageId === null) throw fieldError('villageId', '村级一站式服务站须选择所在村（社区）');
    if (input.villageId !== null && geo.villageTownship(input.villageId) !== input.townshipId) throw fieldError('villageId', '所选村（社区）不属于该乡镇');
    if (input.operatorOrgId !== null) getOrgRow(store, input.operatorOrgId);
    const clash = store.sqlite.prepare('SELECT id FROM service_sites WHERE kind = ? AND name = ? AND id IS NOT ?').get(input.kind, name, input.id ?? null);
    if (clash) throw fieldError('name', `已有同名的${input.kind}“${name}”`, 'DUPLICATE');
    const now = store.now();
    const vals = [input.kind, name, input.townshipId, input.villageId, input.address.trim(), input.operatorOrgId, input.operatorName.trim(), input.openedOn, input.status, input.notes.trim()];
    let id: number;
    if (before) {
      id = before.id;
      store.sqlite
        .prepare('UPDATE service_sites SET kind = ?, name = ?, township_id = ?, village_id = ?, address = ?, operator_org_id = ?, operator_name = ?, opened_on = ?, status = ?, notes = ?, updated_at = ?, version = version + 1 WHERE id = ?')
        .run(...vals, now, id);
    } else {
      id = Number(
        store.sqlite
          .prepare('INSERT INTO service_sites (kind, name, township_id, village_id, address, operator_org_id, operator_name, opened_on, status, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(...vals, now, now).lastInsertRowid,
      );
    }
    const after = getSite(store, id);
    audit.record({ entity: 'site', ids: [id], summary: before ? { name, changes: changes({ ...before }, { ...after }) } : { created: { kind: input.kind, name, township: after.township } } });
    return after;
  });
}

export function removeSite(store: Store, actor: Actor, id: number): { ok: true } {
  return store.write(actor, 'sites.remove', (audit) => {
    const s = getSite(store, id);
    const refs = referencesTo(store, 'service_sites', id);
    if (refs.length) throw new AppError('REFUSED', `“${s.name}”已被引用（${describeReferences(refs)}），不能删除；请改为注销`);
    store.sqlite.prepare('DELETE FROM service_sites WHERE id = ?').run(id);
    audit.record({ entity: 'site', ids: [id], summary: { deleted: { kind: s.kind, name: s.name } } });
    return { ok: true as const };
  });
}

export { SITE_KINDS };
