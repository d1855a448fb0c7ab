import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export interface Migration {
  idx: number;
  tag: string;
  chunks: string[];
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** Reads drizzle-kit's journal and SQL files; chunks are split on drizzle's statement breakpoints. */
export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      idx: e.idx,
      tag: e.tag,
      chunks: fs
        .readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

export function userVersion(sqlite: Database.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}

export function tooNewError(found: number, known: number): AppError {
  return new AppError(
    'DB_TOO_NEW',
    `此数据库由更新版本的为农服务台创建（数据库版本 ${found}，本程序只认识到版本 ${known}）。为保护数据，本程序不会打开或修改它，请安装新版本后再打开。`,
  );
}

/**
 * Applies pending migrations, each in its own transaction with user_version bumped inside it,
 * so that a crash mid-way leaves the file at a known version.
 */
export function applyMigrations(sqlite: Database.Database, migrations: Migration[]): number {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = userVersion(sqlite);
  const pending = migrations.filter((m) => m.idx >= current);
  if (pending.length === 0) return 0;
  // Table rebuilds that drizzle-kit emits need foreign keys off; the pragma is ignored inside a transaction.
  sqlite.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      sqlite.transaction(() => {
        for (const chunk of m.chunks) sqlite.exec(chunk);
        const broken = sqlite.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`迁移 ${m.tag} 破坏了外键约束`);
        sqlite.prepare('INSERT OR REPLACE INTO schema_migrations (idx, tag, applied_at) VALUES (?, ?, ?)').run(m.idx, m.tag, new Date().toISOString());
        sqlite.pragma(`user_version = ${m.idx + 1}`);
      })();
    }
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.length;
}
