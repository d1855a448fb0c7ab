import type Database from 'better-sqlite3';
import type { Store } from '../db/store';
import { searchDoc } from './keys';

/**
 * Keeps households_fts and orgs_fts (contentless FTS5 tables, rowid = record id) in step with their
 * tables. Pinyin needs JavaScript, so the service functions call these inside their write transaction
 * instead of SQL triggers; every insert or rename of a household or org goes through here.
 */
interface Stmts {
  delH: Database.Statement;
  insH: Database.Statement;
  delO: Database.Statement;
  insO: Database.Statement;
}

const cache = new WeakMap<Database.Database, Stmts>();

function stmts(sqlite: Database.Database): Stmts {
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      delH: sqlite.prepare('DELETE FROM households_fts WHERE rowid = ?'),
      insH: sqlite.prepare('INSERT INTO households_fts (rowid, name, uni, head, tail, num) VALUES (?, ?, ?, ?, ?, ?)'),
      delO: sqlite.prepare('DELETE FROM orgs_fts WHERE rowid = ?'),
      insO: sqlite.prepare('INSERT INTO orgs_fts (rowid, name, uni, head, tail, num) VALUES (?, ?, ?, ?, ?, ?)'),
    };
    cache.set(sqlite, s);
  }
  return s;
}

export interface HouseholdKeys {
  id: number;
  name: string;
  phone: string;
  idNumber: string | null;
}

export interface OrgKeys {
  id: number;
  name: string;
  contactPhone: string;
  creditCode: string | null;
}

export function indexHousehold(sqlite: Database.Database, h: HouseholdKeys, isNew = false): void {
  const s = stmts(sqlite);
  if (!isNew) s.delH.run(h.id);
  const d = searchDoc(h.name, true, [h.phone, h.idNumber]);
  s.insH.run(h.id, d.name, d.uni, d.head, d.tail, d.num);
}

export function indexOrg(sqlite: Database.Database, o: OrgKeys, isNew = false): void {
  const s = stmts(sqlite);
  if (!isNew) s.delO.run(o.id);
  const d = searchDoc(o.name, false, [o.contactPhone, o.creditCode]);
  s.insO.run(o.id, d.name, d.uni, d.head, d.tail, d.num);
}

export function unindexHousehold(sqlite: Database.Database, id: number): void {
  stmts(sqlite).delH.run(id);
}

export function unindexOrg(sqlite: Database.Database, id: number): void {
  stmts(sqlite).delO.run(id);
}

/** Rebuilds both indexes from the tables; for recovery after data was written around the services. */
export function rebuildSearchIndex(store: Store, actor: Parameters<Store['write']>[0]): { households: number; orgs: number } {
  return store.write(actor, 'members.reindex', (audit) => {
    store.sqlite.exec("INSERT INTO households_fts (households_fts) VALUES ('delete-all'); INSERT INTO orgs_fts (orgs_fts) VALUES ('delete-all');");
    let households = 0;
    let orgs = 0;
    for (const h of store.sqlite.prepare('SELECT id, name, phone, id_number AS idNumber FROM households').iterate() as IterableIterator<HouseholdKeys>) {
      indexHousehold(store.sqlite, h, true);
      households++;
    }
    for (const o of store.sqlite.prepare('SELECT id, name, contact_phone AS contactPhone, credit_code AS creditCode FROM orgs').iterate() as IterableIterator<OrgKeys>) {
      indexOrg(store.sqlite, o, true);
      orgs++;
    }
    audit.record({ entity: 'search_index', ids: [], summary: { households, orgs } });
    return { households, orgs };
  });
}
