import type Database from 'better-sqlite3';
import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { localDate } from './rules';

export function conflict(): AppError {
  return new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
}

export function parseIds(json: string): number[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}

/** The clerk's calendar day now. */
export function today(store: Store): string {
  return localDate(store.now());
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Prepared statements reused per connection; the queue and statistics build their SQL from a few shapes. */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let m = cache.get(sqlite);
  if (!m) cache.set(sqlite, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

export function one<T>(sqlite: Database.Database, sql: string, ...args: unknown[]): T | undefined {
  return prepared(sqlite, sql).get(...args) as T | undefined;
}

export function all<T>(sqlite: Database.Database, sql: string, ...args: unknown[]): T[] {
  return prepared(sqlite, sql).all(...args) as T[];
}
