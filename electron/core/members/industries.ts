import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';

export interface IndustryOut {
  id: number;
  name: string;
  sort: number;
  /** Organisations listing it and industry unions for it. */
  orgs: number;
  unions: number;
}

export function industryNames(store: Store): string[] {
  return store.sqlite.prepare('SELECT name FROM industries ORDER BY sort, id').pluck().all() as string[];
}

export function listIndustries(store: Store): IndustryOut[] {
  return store.sqlite
    .prepare(
      `SELECT i.id, i.name, i.sort,
        (SELECT count(*) FROM orgs o, json_each(o.industries) j WHERE j.value = i.name) AS orgs,
        (SELECT count(*) FROM unions u WHERE u.industry = i.name) AS unions
       FROM industries i ORDER BY i.sort, i.id`,
    )
    .all() as IndustryOut[];
}

/** A rename carries over to every organisation and industry union that uses the old name. */
export function saveIndustry(store: Store, actor: Actor, input: { id?: number | undefined; name: string; sort: number }): IndustryOut[] {
  return store.write(actor, 'industries.save', (audit) => {
    const name = input.name.trim();
    const clash = store.sqlite.prepare('SELECT id FROM industries WHERE name = ? AND id IS NOT ?').get(name, input.id ?? null);
    if (clash) throw fieldError('name', `产业“${name}”已在目录中`, 'DUPLICATE');
    if (input.id) {
      const before = store.sqlite.prepare('SELECT name FROM industries WHERE id = ?').pluck().get(input.id) as string | undefined;
      if (before === undefined) throw new AppError('NOT_FOUND', `产业 #${input.id} 不存在`);
      store.sqlite.prepare('UPDATE industries SET name = ?, sort = ? WHERE id = ?').run(name, input.sort, input.id);
      let carried = 0;
      if (before !== name) {
        carried = store.sqlite
          .prepare(
            `UPDATE orgs SET industries = (SELECT json_group_array(CASE WHEN j.value = ? THEN ? ELSE j.value END) FROM json_each(orgs.industries) j)
             WHERE EXISTS (SELECT 1 FROM json_each(orgs.industries) j WHERE j.value = ?)`,
          )
          .run(before, name, before).changes;
        store.sqlite.prepare('UPDATE unions SET industry = ? WHERE industry = ?').run(name, before);
      }
      audit.record({ entity: 'industry', ids: [input.id], summary: { name: { from: before, to: name }, orgsUpdated: carried } });
    } else {
      const id = Number(store.sqlite.prepare('INSERT INTO industries (name, sort) VALUES (?, ?)').run(name, input.sort).lastInsertRowid);
      audit.record({ entity: 'industry', ids: [id], summary: { created: name } });
    }
    return listIndustries(store);
  });
}

export function removeIndustry(store: Store, actor: Actor, id: number): IndustryOut[] {
  return store.write(actor, 'industries.remove', (audit) => {
    const row = listIndustries(store).find((i) => i.id === id);
    if (!row) throw new AppError('NOT_FOUND', `产业 #${id} 不存在`);
    if (row.orgs || row.unions) throw new AppError('REFUSED', `产业“${row.name}”仍被 ${row.orgs} 个主体、${row.unions} 个产业农合联使用，不能删除`);
    store.sqlite.prepare('DELETE FROM industries WHERE id = ?').run(id);
    audit.record({ entity: 'industry', ids: [id], summary: { deleted: row.name } });
    return listIndustries(store);
  });
}
