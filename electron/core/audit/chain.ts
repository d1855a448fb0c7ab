import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor } from '../db/store';

export interface AuditEntry {
  entity: string;
  ids: (number | string)[];
  /** Short before/after facts; keep it small, the log is for people. */
  summary?: Record<string, unknown>;
  /**
   * More records of `entity` the entry concerns, too many to list in the row (the 50,000 rows of an
   * import): indexed so that each one's history shows the entry, but not part of the row or its hash.
   */
  refs?: number[];
}

export const GENESIS = '0'.repeat(64);

interface ChainFields {
  id: number;
  at: string;
  userId: number | null;
  username: string;
  method: string;
  entity: string;
  entityIds: string;
  summary: string;
  prevHash: string;
}

export function rowHash(r: ChainFields): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([r.prevHash, r.id, r.at, r.userId, r.username, r.method, r.entity, r.entityIds, r.summary]))
    .digest('hex');
}

/** Appends rows chained to the last one; must run inside the caller's write transaction. */
export function appendAudit(sqlite: Database.Database, actor: Actor, method: string, at: string, entries: AuditEntry[]): void {
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  let prevHash = last?.hash ?? GENESIS;
  let id = last?.id ?? 0;
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (id, at, user_id, username, method, entity, entity_ids, summary, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const ref = sqlite.prepare('INSERT INTO audit_refs (audit_id, entity, entity_id) VALUES (?, ?, ?)');
  for (const e of entries) {
    id += 1;
    const fields: ChainFields = {
      id,
      at,
      userId: actor.userId,
      username: actor.username,
      method,
      entity: e.entity,
      entityIds: JSON.stringify(e.ids),
      summary: JSON.stringify(e.summary ?? {}),
      prevHash,
    };
    const hash = rowHash(fields);
    insert.run(id, at, fields.userId, fields.username, method, fields.entity, fields.entityIds, fields.summary, prevHash, hash);
    for (const x of new Set([...e.ids, ...(e.refs ?? [])].map(String))) ref.run(id, e.entity, x);
    prevHash = hash;
  }
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { id: number; reason: string } | null;
}

/** Walks the chain in id order; a changed row breaks its own hash, a deleted one breaks the next link. */
export function verifyChain(sqlite: Database.Database): VerifyResult {
  let prevHash = GENESIS;
  let prevId = 0;
  let checked = 0;
  const rows = sqlite
    .prepare('SELECT id, at, user_id AS userId, username, method, entity, entity_ids AS entityIds, summary, prev_hash AS prevHash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<ChainFields & { hash: string }>;
  for (const r of rows) {
    checked += 1;
    if (r.id !== prevId + 1) return { ok: false, checked, firstBroken: { id: r.id, reason: `第 ${prevId + 1} 条到第 ${r.id - 1} 条记录缺失` } };
    if (r.prevHash !== prevHash) return { ok: false, checked, firstBroken: { id: r.id, reason: '与上一条记录的链接不符（上一条被修改或删除）' } };
    if (rowHash(r) !== r.hash) return { ok: false, checked, firstBroken: { id: r.id, reason: '记录内容与其校验值不符（此条被修改）' } };
    prevHash = r.hash;
    prevId = r.id;
  }
  return { ok: true, checked, firstBroken: null };
}
