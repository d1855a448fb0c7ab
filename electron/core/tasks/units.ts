import { asc, eq, max } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { UnitKind } from '../../../shared/tasks';
import { taskUnitLinks, taskUnits } from './schema';
import { townships } from '../settings/schema';

export function listUnits(store: Store) {
  const counts = new Map<string, number>();
  for (const l of store.db.select().from(taskUnitLinks).all()) counts.set(`${l.unitId}:${l.role}`, (counts.get(`${l.unitId}:${l.role}`) ?? 0) + 1);
  return store.db
    .select()
    .from(taskUnits)
    .orderBy(asc(taskUnits.sort), asc(taskUnits.id))
    .all()
    .map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      sort: u.sort,
      active: u.active,
      notes: u.notes,
      version: u.version,
      responsibleCount: counts.get(`${u.id}:responsible`) ?? 0,
      cooperatingCount: counts.get(`${u.id}:cooperating`) ?? 0,
    }));
}

export function saveUnit(store: Store, actor: Actor, input: { id?: number | undefined; version?: number | undefined; name: string; kind: UnitKind; sort: number; active: boolean; notes: string }) {
  return store.write(actor, 'units.save', (audit) => {
    const same = store.db.select().from(taskUnits).where(eq(taskUnits.name, input.name)).get();
    if (same && same.id !== input.id) throw fieldError('name', `单位“${input.name}”已在名录中`, 'DUPLICATE');
    const now = store.now();
    if (input.id) {
      const before = store.db.select().from(taskUnits).where(eq(taskUnits.id, input.id)).get();
      if (!before) throw new AppError('NOT_FOUND', `单位 #${input.id} 不存在`);
      if (input.version !== before.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
      store.db
        .update(taskUnits)
        .set({ name: input.name, kind: input.kind, sort: input.sort, active: input.active, notes: input.notes, updatedAt: now, version: before.version + 1 })
        .where(eq(taskUnits.id, input.id))
        .run();
      audit.record({ entity: 'task_unit', ids: [input.id], summary: { before: { name: before.name, kind: before.kind, active: before.active }, after: { name: input.name, kind: input.kind, active: input.active } } });
      return { id: input.id };
    }
    const sort = input.sort || (store.db.select({ n: max(taskUnits.sort) }).from(taskUnits).get()?.n ?? 0) + 1;
    const row = store.db.insert(taskUnits).values({ name: input.name, kind: input.kind, sort, active: input.active, notes: input.notes, createdAt: now, updatedAt: now }).returning().get();
    audit.record({ entity: 'task_unit', ids: [row.id], summary: { after: { name: row.name, kind: row.kind } } });
    return { id: row.id };
  });
}

/** Adds the townships of the settings' township list to the directory (those not there yet). */
export function importTownshipUnits(store: Store, actor: Actor) {
  return store.write(actor, 'units.importTownships', (audit) => {
    const have = new Set(store.db.select({ name: taskUnits.name }).from(taskUnits).all().map((u) => u.name));
    let sort = store.db.select({ n: max(taskUnits.sort) }).from(taskUnits).get()?.n ?? 0;
    const now = store.now();
    const added: string[] = [];
    for (const t of store.db.select().from(townships).orderBy(asc(townships.sort), asc(townships.id)).all()) {
      if (have.has(t.name)) continue;
      store.db.insert(taskUnits).values({ name: t.name, kind: '乡镇街道', sort: ++sort, createdAt: now, updatedAt: now }).run();
      added.push(t.name);
    }
    audit.record({ entity: 'task_unit', ids: [], summary: { importedTownships: added } });
    return { added: added.length };
  });
}
