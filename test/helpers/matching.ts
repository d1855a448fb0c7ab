import type { AppCore } from '../../electron/core/app';
import type { CliClient } from '../../electron/cli/io';
import { loadGeoDemo } from '../../electron/core/demo/geo';

/** A business date `offset` days from today, in local time as the app counts days. */
export function day(offset = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Registry rows written directly: the registry's own API is another capability's and not needed to test matching. */
export function addOrg(core: AppCore, name: string, opts: { kind?: string; township?: string; status?: string } = {}): number {
  const q = core.store.sqlite;
  const township = opts.township ? (q.prepare('SELECT id FROM townships WHERE name = ?').pluck().get(opts.township) as number) : null;
  const now = new Date().toISOString();
  return Number(
    q
      .prepare('INSERT INTO orgs (kind, name, township_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(opts.kind ?? '农民专业合作社', name, township, opts.status ?? 'active', now, now).lastInsertRowid,
  );
}

export function addHousehold(core: AppCore, name: string, township?: string): number {
  const q = core.store.sqlite;
  const t = township ? (q.prepare('SELECT id FROM townships WHERE name = ?').pluck().get(township) as number) : null;
  const now = new Date().toISOString();
  return Number(q.prepare('INSERT INTO households (name, township_id, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, t, now, now).lastInsertRowid);
}

export function townshipId(core: AppCore, name: string): number {
  return core.store.sqlite.prepare('SELECT id FROM townships WHERE name = ?').pluck().get(name) as number;
}

export interface Catalogue {
  citrus: number;
  orange: number;
  pigs: number;
  pig: number;
  fertiliser: number;
  compound: number;
}

/** Townships, and a small catalogue made through the API: 柑橘/晚熟脐橙 (特级/一级/二级, 箱 = 12.5 斤), 生猪/商品猪, 化肥/复合肥 (袋 = 50 公斤). */
export async function setupCatalogue(core: AppCore, admin: CliClient): Promise<Catalogue> {
  loadGeoDemo(core.store);
  const citrus = (await admin.call<{ id: number }>('catalog.saveCategory', { name: '柑橘', kind: 'produce' })).id;
  const pigs = (await admin.call<{ id: number }>('catalog.saveCategory', { name: '生猪', kind: 'produce' })).id;
  const fertiliser = (await admin.call<{ id: number }>('catalog.saveCategory', { name: '化肥', kind: 'input' })).id;
  const orange = (await admin.call<{ id: number }>('catalog.saveProduct', { categoryId: citrus, name: '晚熟脐橙', baseUnit: 'g', grades: ['特级', '一级', '二级'], defaultUnit: '斤' })).id;
  await admin.call('catalog.saveUnit', { productId: orange, name: '箱', amount: '12.5', of: '斤' });
  const pig = (await admin.call<{ id: number }>('catalog.saveProduct', { categoryId: pigs, name: '商品猪', baseUnit: 'head', defaultUnit: '头' })).id;
  const compound = (await admin.call<{ id: number }>('catalog.saveProduct', { categoryId: fertiliser, name: '复合肥', baseUnit: 'g', defaultUnit: '吨' })).id;
  await admin.call('catalog.saveUnit', { productId: compound, name: '袋', amount: '50', of: '公斤' });
  return { citrus, orange, pigs, pig, fertiliser, compound };
}

export function count(core: AppCore, table: string): number {
  return core.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
