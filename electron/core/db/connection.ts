import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { applyMigrations, loadMigrations, tooNewError, userVersion, type Migration } from './migrate';
import { migrationsDir } from './migrations-dir';
import { fileStamp } from './paths';
import { AppError } from '../../../shared/errors';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenResult {
  sqlite: Database.Database;
  db: Db;
  /** Migrations applied by this open; 0 for an up-to-date file. */
  applied: number;
  /** The copy taken before migrating an existing file, if any. */
  preMigrationBackup: string | null;
}

export interface OpenOptions {
  backupsDir: string;
  migrations?: Migration[];
}

/**
 * Electron needs better-sqlite3 built for its own ABI while Node (tests, CLI) needs the Node build;
 * the Electron launcher points this at its copy so both can live in one checkout.
 */
export function sqliteOptions(extra: Database.Options = {}): Database.Options {
  const binding = process.env.WEINONG_SQLITE_BINDING;
  return binding ? { ...extra, nativeBinding: binding } : extra;
}

function configure(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
}

/**
 * Reads a database file's schema version without writing anything to it: from the header bytes
 * (user_version is at offset 60) when no WAL is pending, else through a read-only connection.
 */
export function peekVersion(file: string): number {
  if (!fs.existsSync(`${file}-wal`)) {
    const fd = fs.openSync(file, 'r');
    try {
      const header = Buffer.alloc(100);
      const n = fs.readSync(fd, header, 0, 100, 0);
      if (n < 100 || header.toString('latin1', 0, 15) !== 'SQLite format 3') throw new AppError('DB_CORRUPT', `${path.basename(file)} 不是 SQLite 数据库文件`);
      return header.readUInt32BE(60);
    } finally {
      fs.closeSync(fd);
    }
  }
  const ro = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
  try {
    return userVersion(ro);
  } catch (e) {
    throw new AppError('DB_CORRUPT', `无法读取数据库文件 ${path.basename(file)}：${(e as Error).message}`);
  } finally {
    ro.close();
  }
}

/**
 * Opens (creating if needed) and migrates the database. A file from a newer app version is refused
 * before anything touches it; an older file is copied aside before its first migration.
 */
export function openDatabase(file: string, opts: OpenOptions): OpenResult {
  const migrations = opts.migrations ?? loadMigrations(migrationsDir());
  const existed = fs.existsSync(file) && fs.statSync(file).size > 0;
  let before = 0;
  if (existed) {
    before = peekVersion(file);
    if (before > migrations.length) throw tooNewError(before, migrations.length);
  }
  const sqlite = new Database(file, sqliteOptions());
  try {
    configure(sqlite);
    let preMigrationBackup: string | null = null;
    if (existed && before < migrations.length) {
      fs.mkdirSync(opts.backupsDir, { recursive: true });
      preMigrationBackup = path.join(opts.backupsDir, `pre-migrate-v${before}-${fileStamp()}.sqlite`);
      sqlite.prepare('VACUUM INTO ?').run(preMigrationBackup);
    }
    const applied = applyMigrations(sqlite, migrations);
    return { sqlite, db: drizzle(sqlite, { schema }) as Db, applied, preMigrationBackup };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}
