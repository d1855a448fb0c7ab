import { asc, eq, and, ne } from 'drizzle-orm';
import { townships, villages } from './schema';
import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { readTable, mapColumns, cell } from '../io/table';

export interface TownshipTree {
  id: number;
  name: string;
  kind: string;
  sort: number;
  villages: { id: number; name: string; kind: string }[];
}

export function listGeo(store: Store): TownshipTree[] {
  const ts = store.db.select().from(townships).orderBy(asc(townships.sort), asc(townships.id)).all();
  const vs = store.db.select().from(villages).orderBy(asc(villages.id)).all();
  return ts.map((t) => ({ ...t, villages: vs.filter((v) => v.townshipId === t.id).map((v) => ({ id: v.id, name: v.name, kind: v.kind })) }));
}

function tree(store: Store, id: number): TownshipTree {
  const t = listGeo(store).find((x) => x.id === id);
  if (!t) throw new AppError('NOT_FOUND', `乡镇 #${id} 不存在`);
  return t;
}

type TownshipKind = '镇' | '乡' | '街道';
type VillageKind = '村' | '社区';

/** A township chosen as a filter or scope, checked to exist; the message names the field. */
export function requireTownship(store: Store, id: number, field = 'townshipId'): { id: number; name: string } {
  const row = store.sqlite.prepare('SELECT id, name FROM townships WHERE id = ?').get(id) as { id: number; name: string } | undefined;
  if (!row) throw fieldError(field, '所选乡镇不存在，请重新选择');
  return row;
}

export function saveTownship(store: Store, actor: Actor, input: { id?: number | undefined; name: string; kind: TownshipKind; sort: number }): TownshipTree {
  return store.write(actor, 'geo.saveTownship', (audit) => {
    const clash = store.db
      .select()
      .from(townships)
      .where(input.id ? and(eq(townships.name, input.name), ne(townships.id, input.id)) : eq(townships.name, input.name))
      .get();
    if (clash) throw fieldError('name', `乡镇“${input.name}”已存在`, 'DUPLICATE');
    if (input.id) {
      const before = store.db.select().from(townships).where(eq(townships.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `乡镇 #${input.id} 不存在`);
      store.db.update(townships).set({ name: input.name, kind: input.kind, sort: input.sort }).where(eq(townships.id, input.id)).run();
      audit.record({ entity: 'township', ids: [input.id], summary: { before: { name: before.name }, after: { name: input.name } } });
      return tree(store, input.id);
    }
    const row = store.db.insert(townships).values({ name: input.name, kind: input.kind, sort: input.sort }).returning().get();
    audit.record({ entity: 'township', ids: [row.id], summary: { after: { name: row.name } } });
    return tree(store, row.id);
  });
}

export function saveVillage(store: Store, actor: Actor, input: { id?: number | undefined; townshipId: number; name: string; kind: VillageKind }): TownshipTree {
  return store.write(actor, 'geo.saveVillage', (audit) => {
    if (!store.db.select().from(townships).where(eq(townships.id, input.townshipId)).get()) throw fieldError('townshipId', '所选乡镇不存在');
    const clash = store.db
      .select()
      .from(villages)
      .where(and(eq(villages.townshipId, input.townshipId), eq(villages.name, input.name), input.id ? ne(villages.id, input.id) : undefined))
      .get();
    if (clash) throw fieldError('name', `该乡镇已有“${input.name}”`, 'DUPLICATE');
    if (input.id) {
      const before = store.db.select().from(villages).where(eq(villages.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `村 #${input.id} 不存在`);
      store.db.update(villages).set({ name: input.name, kind: input.kind, townshipId: input.townshipId }).where(eq(villages.id, input.id)).run();
      audit.record({ entity: 'village', ids: [input.id], summary: { before: { name: before.name }, after: { name: input.name } } });
    } else {
      const row = store.db.insert(villages).values({ townshipId: input.townshipId, name: input.name, kind: input.kind }).returning().get();
      audit.record({ entity: 'village', ids: [row.id], summary: { after: { name: row.name } } });
    }
    return tree(store, input.townshipId);
  });
}

export interface GeoPreviewRow {
  line: number;
  township: string;
  village: string;
  status: 'new' | 'exists' | 'error';
  error: string;
}

/** Columns 乡镇 and 村（社区）; one row per village, or a township alone on a row. */
export async function previewGeoImport(store: Store, name: string, bytes: Buffer) {
  const table = await readTable(name, bytes);
  const col = mapColumns(table.headers, {
    township: { names: ['乡镇', '乡镇（街道）', '乡镇街道', '乡镇名称'], required: true },
    village: { names: ['村', '村（社区）', '村社区', '村名称', '社区'], required: false },
  });
  const existing = listGeo(store);
  const tNames = new Set(existing.map((t) => t.name));
  const vNames = new Set(existing.flatMap((t) => t.villages.map((v) => `${t.name}/${v.name}`)));
  const seen = new Set<string>();
  const rows: GeoPreviewRow[] = [];
  let newTownships = 0;
  let newVillages = 0;
  for (const r of table.rows) {
    const township = cell(r.cells, col.township);
    const village = cell(r.cells, col.village);
    let error = '';
    if (!township) error = '乡镇不能为空';
    else if (township.length > 30) error = '乡镇名称过长';
    else if (village.length > 30) error = '村名称过长';
    const key = `${township}/${village}`;
    if (!error && seen.has(key)) error = '与前面的行重复';
    seen.add(key);
    let status: GeoPreviewRow['status'] = 'error';
    if (!error) {
      const tNew = !tNames.has(township);
      const vNew = village !== '' && !vNames.has(key);
      if (tNew) {
        tNames.add(township);
        newTownships++;
      }
      if (vNew) {
        vNames.add(key);
        newVillages++;
      }
      status = tNew || vNew ? 'new' : 'exists';
    }
    rows.push({ line: r.line, township, village, status, error });
  }
  return { rows, errors: rows.filter((r) => r.status === 'error').length, newTownships, newVillages };
}

const townshipKind = (name: string): TownshipKind => (name.endsWith('街道') ? '街道' : name.endsWith('乡') ? '乡' : '镇');
const villageKind = (name: string): VillageKind => (name.endsWith('社区') ? '社区' : '村');

/** All or nothing: any row error refuses the whole file. */
export async function commitGeoImport(store: Store, actor: Actor, name: string, bytes: Buffer) {
  const preview = await previewGeoImport(store, name, bytes);
  if (preview.errors > 0) {
    const first = preview.rows.find((r) => r.status === 'error')!;
    throw new AppError('VALIDATION', `有 ${preview.errors} 行错误，未导入任何数据（第 ${first.line} 行：${first.error}）`);
  }
  return store.write(actor, 'geo.importCommit', (audit) => {
    const ids = new Map(store.db.select().from(townships).all().map((t) => [t.name, t.id]));
    let sort = ids.size;
    let tCount = 0;
    let vCount = 0;
    for (const r of preview.rows) {
      if (r.status !== 'new') continue;
      let tid = ids.get(r.township);
      if (tid === undefined) {
        tid = store.db.insert(townships).values({ name: r.township, kind: townshipKind(r.township), sort: ++sort }).returning().get().id;
        ids.set(r.township, tid);
        tCount++;
      }
      if (r.village && !store.db.select().from(villages).where(and(eq(villages.townshipId, tid), eq(villages.name, r.village))).get()) {
        store.db.insert(villages).values({ townshipId: tid, name: r.village, kind: villageKind(r.village) }).run();
        vCount++;
      }
    }
    audit.record({ entity: 'geo', ids: [], summary: { file: name, townships: tCount, villages: vCount } });
    return { townships: tCount, villages: vCount };
  });
}
