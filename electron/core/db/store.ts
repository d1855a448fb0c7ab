import type Database from 'better-sqlite3';
import type { Db } from './connection';
import { appendAudit, type AuditEntry } from '../audit/chain';
import type { Role } from '../../../shared/roles';

export interface Actor {
  userId: number | null;
  username: string;
  role: Role | 'system';
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'system' };

export interface AuditSink {
  record(entry: AuditEntry): void;
}

/**
 * The only way domain code writes: one IMMEDIATE transaction per call, and the audit rows it
 * recorded are appended inside that same transaction. A write that records nothing is a bug.
 */
export class Store {
  /** Called after each committed write with its method name; feeds the desks' live refresh. */
  onCommit: ((method: string) => void) | null = null;

  constructor(
    readonly sqlite: Database.Database,
    readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  now(): string {
    return this.clock().toISOString();
  }

  write<T>(actor: Actor, method: string, fn: (audit: AuditSink) => T): T {
    const run = this.sqlite.transaction(() => {
      const entries: AuditEntry[] = [];
      const result = fn({ record: (e) => entries.push(e) });
      if (entries.length === 0) throw new Error(`写操作 ${method} 没有记录审计`);
      appendAudit(this.sqlite, actor, method, this.now(), entries);
      return result;
    });
    const result = run.immediate();
    this.onCommit?.(method);
    return result;
  }

  close(): void {
    if (this.sqlite.open) this.sqlite.close();
  }
}
