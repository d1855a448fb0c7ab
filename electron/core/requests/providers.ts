import { and, eq, ne } from 'drizzle-orm';
import { providers } from './schema';
import { orgs } from '../members/schema';
import { townships } from '../settings/schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { z } from '../../../shared/zod';
import type { providerFields } from '../../../shared/contract/requestFields';
import { pinyinKeys, textMatches } from '../search/pinyin';
import { catalogNames, listCrops, listLinks } from './catalog';
import { all, conflict, parseIds } from './util';

export type ProviderInput = z.output<typeof providerFields> & { id?: number | undefined; version?: number | undefined };
type Row = typeof providers.$inferSelect;

export interface Machine {
  name: string;
  kind: string;
  count: number;
}

export interface Provider {
  id: number;
  name: string;
  kind: Row['kind'];
  orgId: number | null;
  org: string;
  contactName: string;
  phone: string;
  linkIds: number[];
  links: string[];
  cropIds: number[];
  crops: string[];
  townshipIds: number[];
  townships: string[];
  machines: Machine[];
  capacityMu100: number;
  notes: string;
  active: boolean;
  openRequests: number;
  version: number;
}

function machinesOf(json: string): Machine[] {
  try {
    const v = JSON.parse(json) as Machine[];
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** Providers with their lists resolved to names; a county has tens of them, so this reads them all. */
export function listProviders(store: Store, opts: { q?: string; activeOnly?: boolean } = {}): Provider[] {
  const names = catalogNames(store);
  const tNames = new Map(store.db.select().from(townships).all().map((t) => [t.id, t.name]));
  const oNames = new Map(all<{ id: number; name: string }>(store.sqlite, 'SELECT o.id, o.name FROM orgs o JOIN providers p ON p.org_id = o.id').map((o) => [o.id, o.name]));
  const open = new Map(
    all<{ id: number; n: number }>(store.sqlite, `SELECT provider_id AS id, count(*) AS n FROM service_requests WHERE status IN ('dispatched','in_service') AND provider_id IS NOT NULL GROUP BY provider_id`).map((r) => [r.id, r.n]),
  );
  const q = opts.q?.trim() ?? '';
  return store.db
    .select()
    .from(providers)
    .all()
    .filter((p) => (!opts.activeOnly || p.active) && (!q || textMatches(q, p.name) || p.pyInitials.includes(q.toLowerCase()) || p.contactName.includes(q) || p.phone.includes(q)))
    .sort((a, b) => Number(b.active) - Number(a.active) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-CN'))
    .map((p) => {
      const linkIds = parseIds(p.links);
      const cropIds = parseIds(p.crops);
      const townshipIds = parseIds(p.townships);
      return {
        id: p.id,
        name: p.name,
        kind: p.kind,
        orgId: p.orgId,
        org: p.orgId ? (oNames.get(p.orgId) ?? '') : '',
        contactName: p.contactName,
        phone: p.phone,
        linkIds,
        links: linkIds.map((id) => names.link.get(id) ?? `#${id}`),
        cropIds,
        crops: cropIds.map((id) => names.crop.get(id) ?? `#${id}`),
        townshipIds,
        townships: townshipIds.map((id) => tNames.get(id) ?? `#${id}`),
        machines: machinesOf(p.machines),
        capacityMu100: p.capacityMu100,
        notes: p.notes,
        active: p.active,
        openRequests: open.get(p.id) ?? 0,
        version: p.version,
      };
    });
}

export function getProvider(store: Store, id: number): Provider {
  const p = listProviders(store).find((x) => x.id === id);
  if (!p) throw new AppError('NOT_FOUND', `服务主体 #${id} 不存在`);
  return p;
}

function checkLists(store: Store, input: ProviderInput): void {
  const links = new Set(listLinks(store).map((l) => l.id));
  const crops = new Set(listCrops(store).map((c) => c.id));
  const ts = new Set(store.db.select({ id: townships.id }).from(townships).all().map((t) => t.id));
  if (input.linkIds.some((id) => !links.has(id))) throw fieldError('linkIds', '所选环节不存在');
  if (input.cropIds.some((id) => !crops.has(id))) throw fieldError('cropIds', '所选作物不存在');
  if (input.townshipIds.some((id) => !ts.has(id))) throw fieldError('townshipIds', '所选乡镇不存在');
  if (input.orgId !== null && !store.db.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, input.orgId)).get()) throw fieldError('orgId', '所选关联主体不存在');
}

/** Writes one provider row inside an open transaction (shared by the form, the import and the demo data). */
export function writeProvider(store: Store, input: ProviderInput): { id: number; before: Row | undefined } {
  checkLists(store, input);
  const clash = store.db
    .select({ id: providers.id })
    .from(providers)
    .where(input.id ? and(eq(providers.name, input.name), ne(providers.id, input.id)) : eq(providers.name, input.name))
    .get();
  if (clash) throw fieldError('name', `服务主体“${input.name}”已存在`, 'DUPLICATE');
  const keys = pinyinKeys(input.name);
  const values = {
    name: input.name,
    kind: input.kind,
    orgId: input.orgId,
    contactName: input.contactName,
    phone: input.phone,
    links: JSON.stringify([...new Set(input.linkIds)]),
    crops: JSON.stringify([...new Set(input.cropIds)]),
    townships: JSON.stringify([...new Set(input.townshipIds)]),
    machines: JSON.stringify(input.machines),
    capacityMu100: input.capacityMu100,
    notes: input.notes,
    active: input.active,
    pyInitials: keys.initials,
    pyFull: keys.full,
    updatedAt: store.now(),
  };
  if (!input.id) {
    const row = store.db
      .insert(providers)
      .values({ ...values, createdAt: store.now() })
      .returning({ id: providers.id })
      .get();
    return { id: row.id, before: undefined };
  }
  const before = store.db.select().from(providers).where(eq(providers.id, input.id)).get();
  if (!before) throw new AppError('NOT_FOUND', `服务主体 #${input.id} 不存在`);
  if (input.version !== before.version) throw conflict();
  store.db
    .update(providers)
    .set({ ...values, version: before.version + 1 })
    .where(eq(providers.id, input.id))
    .run();
  return { id: input.id, before };
}

export function saveProvider(store: Store, actor: Actor, input: ProviderInput): Provider {
  return store.write(actor, 'providers.save', (audit) => {
    const { id, before } = writeProvider(store, input);
    const after = { name: input.name, kind: input.kind, links: input.linkIds, crops: input.cropIds, townships: input.townshipIds, capacityMu100: input.capacityMu100, active: input.active };
    audit.record({ entity: 'provider', ids: [id], summary: before ? { before: { name: before.name, capacityMu100: before.capacityMu100, active: before.active }, after } : { after } });
    return getProvider(store, id);
  });
}
