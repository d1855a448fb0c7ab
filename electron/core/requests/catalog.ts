import { and, asc, eq, ne } from 'drizzle-orm';
import { serviceCrops, serviceLinks } from './schema';
import { settings } from '../settings/schema';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { conflict, parseIds } from './util';

export interface LinkRow {
  id: number;
  name: string;
  sort: number;
  core: boolean;
  active: boolean;
  version: number;
}

export interface CropRow {
  id: number;
  name: string;
  sort: number;
  links: number[];
  active: boolean;
  version: number;
}

export interface Catalog {
  links: LinkRow[];
  crops: CropRow[];
  settings: FrontDeskSettings;
}

export interface FrontDeskSettings {
  /** A dispatched request not started within this many days is overdue. */
  startOverdueDays: number;
}

const SETTING_KEY = 'requests.startOverdueDays';
const DEFAULT_START_DAYS = 3;

export function frontDeskSettings(store: Store): FrontDeskSettings {
  const row = store.db.select().from(settings).where(eq(settings.key, SETTING_KEY)).get();
  const n = row ? Number(JSON.parse(row.value)) : DEFAULT_START_DAYS;
  return { startOverdueDays: Number.isInteger(n) && n >= 1 ? n : DEFAULT_START_DAYS };
}

export function saveFrontDeskSettings(store: Store, actor: Actor, input: FrontDeskSettings): FrontDeskSettings {
  return store.write(actor, 'serviceCatalog.saveSettings', (audit) => {
    const before = frontDeskSettings(store);
    const value = JSON.stringify(input.startOverdueDays);
    store.db
      .insert(settings)
      .values({ key: SETTING_KEY, value, updatedAt: store.now() })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: store.now() } })
      .run();
    audit.record({ entity: 'settings', ids: [SETTING_KEY], summary: { from: before.startOverdueDays, to: input.startOverdueDays } });
    return frontDeskSettings(store);
  });
}

export function listLinks(store: Store): LinkRow[] {
  return store.db.select().from(serviceLinks).orderBy(asc(serviceLinks.sort), asc(serviceLinks.id)).all();
}

export function listCrops(store: Store): CropRow[] {
  return store.db
    .select()
    .from(serviceCrops)
    .orderBy(asc(serviceCrops.sort), asc(serviceCrops.id))
    .all()
    .map((c) => ({ ...c, links: parseIds(c.links) }));
}

export function getCatalog(store: Store): Catalog {
  return { links: listLinks(store), crops: listCrops(store), settings: frontDeskSettings(store) };
}

/** Names by id for display; inactive entries keep their names so old requests still read right. */
export function catalogNames(store: Store): { link: Map<number, string>; crop: Map<number, string> } {
  return { link: new Map(listLinks(store).map((l) => [l.id, l.name])), crop: new Map(listCrops(store).map((c) => [c.id, c.name])) };
}

export function saveLink(store: Store, actor: Actor, input: { id?: number | undefined; version?: number | undefined; name: string; sort: number; core: boolean; active: boolean }): LinkRow {
  return store.write(actor, 'serviceCatalog.saveLink', (audit) => {
    const clash = store.db
      .select()
      .from(serviceLinks)
      .where(input.id ? and(eq(serviceLinks.name, input.name), ne(serviceLinks.id, input.id)) : eq(serviceLinks.name, input.name))
      .get();
    if (clash) throw fieldError('name', `环节“${input.name}”已存在`, 'DUPLICATE');
    const values = { name: input.name, sort: input.sort, core: input.core, active: input.active };
    if (!input.id) {
      const row = store.db.insert(serviceLinks).values(values).returning().get();
      audit.record({ entity: 'service_link', ids: [row.id], summary: { after: values } });
      return row;
    }
    const before = store.db.select().from(serviceLinks).where(eq(serviceLinks.id, input.id)).get();
    if (!before) throw new AppError('NOT_FOUND', `环节 #${input.id} 不存在`);
    if (input.version !== before.version) throw conflict();
    const row = store.db
      .update(serviceLinks)
      .set({ ...values, version: before.version + 1 })
      .where(eq(serviceLinks.id, input.id))
      .returning()
      .get();
    audit.record({ entity: 'service_link', ids: [row.id], summary: { before: { name: before.name, core: before.core, active: before.active }, after: values } });
    return row;
  });
}

export function saveCrop(store: Store, actor: Actor, input: { id?: number | undefined; version?: number | undefined; name: string; sort: number; links: number[]; active: boolean }): CropRow {
  return store.write(actor, 'serviceCatalog.saveCrop', (audit) => {
    const clash = store.db
      .select()
      .from(serviceCrops)
      .where(input.id ? and(eq(serviceCrops.name, input.name), ne(serviceCrops.id, input.id)) : eq(serviceCrops.name, input.name))
      .get();
    if (clash) throw fieldError('name', `作物“${input.name}”已存在`, 'DUPLICATE');
    const known = new Set(listLinks(store).map((l) => l.id));
    const unknown = input.links.find((l) => !known.has(l));
    if (unknown !== undefined) throw fieldError('links', `环节 #${unknown} 不存在`);
    const links = [...new Set(input.links)];
    const values = { name: input.name, sort: input.sort, links: JSON.stringify(links), active: input.active };
    let row;
    if (!input.id) {
      row = store.db.insert(serviceCrops).values(values).returning().get();
      audit.record({ entity: 'service_crop', ids: [row.id], summary: { after: { ...values, links } } });
    } else {
      const before = store.db.select().from(serviceCrops).where(eq(serviceCrops.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `作物 #${input.id} 不存在`);
      if (input.version !== before.version) throw conflict();
      row = store.db
        .update(serviceCrops)
        .set({ ...values, version: before.version + 1 })
        .where(eq(serviceCrops.id, input.id))
        .returning()
        .get();
      audit.record({ entity: 'service_crop', ids: [row.id], summary: { before: { name: before.name, links: parseIds(before.links) }, after: { ...values, links } } });
    }
    return { ...row, links: parseIds(row.links) };
  });
}
