import type { Store } from '../db/store';

export interface AuditFilter {
  username: string;
  method: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
  offset: number;
  limit: number;
}

export interface AuditRow {
  id: number;
  at: string;
  username: string;
  method: string;
  entity: string;
  entityIds: string;
  summary: string;
}

/** Newest first. Dates are business dates in China time, so the bounds are shifted from UTC. */
export function listAudit(store: Store, f: AuditFilter): { total: number; rows: AuditRow[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.username) {
    where.push('username = ?');
    args.push(f.username);
  }
  if (f.method) {
    where.push('(method = ? OR method LIKE ?)');
    args.push(f.method, `${f.method}.%`);
  }
  if (f.entity) {
    where.push('entity = ?');
    args.push(f.entity);
  }
  if (f.entityId) {
    where.push(f.entity ? 'id IN (SELECT audit_id FROM audit_refs WHERE entity = ? AND entity_id = ?)' : 'id IN (SELECT audit_id FROM audit_refs WHERE entity_id = ?)');
    if (f.entity) args.push(f.entity);
    args.push(f.entityId);
  }
  if (f.from) {
    where.push('at >= ?');
    args.push(chinaDayStartUtc(f.from));
  }
  if (f.to) {
    where.push('at < ?');
    args.push(chinaDayStartUtc(nextDay(f.to)));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (store.sqlite.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...args) as { n: number }).n;
  const rows = store.sqlite
    .prepare(`SELECT id, at, username, method, entity, entity_ids AS entityIds, summary FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, f.limit, f.offset) as AuditRow[];
  return { total, rows };
}

function chinaDayStartUtc(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+08:00`)).toISOString();
}

function nextDay(day: string): string {
  const d = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return d.toISOString().slice(0, 10);
}
