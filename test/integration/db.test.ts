import { describe, it, expect, afterEach } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/connection';
import { loadMigrations, type Migration } from '../../electron/core/db/migrate';
import { migrationsDir } from '../../electron/core/db/migrations-dir';
import { AppCore } from '../../electron/core/app';
import { resolveDataDir } from '../../electron/core/db/paths';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/tmp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tmp() {
  const t = tempDir('db');
  cleanups.push(t.cleanup);
  return t.dir;
}

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

describe('database open and migrate', () => {
  it('creates a new file with every migration applied, WAL, foreign keys and a busy timeout', () => {
    const dir = tmp();
    const { sqlite, applied, preMigrationBackup } = openDatabase(path.join(dir, 'a.sqlite'), { backupsDir: path.join(dir, 'b') });
    const migrations = loadMigrations(migrationsDir());
    expect(applied).toBe(migrations.length);
    expect(preMigrationBackup).toBeNull();
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    sqlite.close();
    const again = openDatabase(path.join(dir, 'a.sqlite'), { backupsDir: path.join(dir, 'b') });
    expect(again.applied).toBe(0);
    expect(fs.existsSync(path.join(dir, 'b'))).toBe(false);
    again.sqlite.close();
  });

  it('copies an existing older database aside before migrating it, and the copy keeps the old version', () => {
    const dir = tmp();
    const file = path.join(dir, 'a.sqlite');
    const real = loadMigrations(migrationsDir());
    const first = openDatabase(file, { backupsDir: path.join(dir, 'b'), migrations: real });
    first.sqlite.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('centreName', '\"旧中心\"', 'x')").run();
    first.sqlite.close();
    const extra: Migration = { idx: real.length, tag: `${String(real.length).padStart(4, '0')}_test`, chunks: ['CREATE TABLE test_extra (id INTEGER PRIMARY KEY)'] };
    const second = openDatabase(file, { backupsDir: path.join(dir, 'b'), migrations: [...real, extra] });
    expect(second.applied).toBe(1);
    expect(second.preMigrationBackup).toMatch(new RegExp(`pre-migrate-v${real.length}-`));
    const copy = new Database(second.preMigrationBackup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(real.length);
    expect(copy.prepare("SELECT value FROM settings WHERE key='centreName'").pluck().get()).toBe('"旧中心"');
    copy.close();
    second.sqlite.close();
  });

  it('refuses a database made by a newer version and leaves the file byte-for-byte untouched', () => {
    const dir = tmp();
    const data = path.join(dir, 'data');
    const core = AppCore.open({ dataDir: data, mode: 'browser' });
    core.store.sqlite.pragma('user_version = 999');
    core.close();
    const file = path.join(data, 'weinong.sqlite');
    for (const s of ['-wal', '-shm']) fs.rmSync(file + s, { force: true });
    const before = sha(file);
    let err: unknown;
    try {
      AppCore.open({ dataDir: data, mode: 'browser' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('DB_TOO_NEW');
    expect((err as AppError).message).toContain('更新版本');
    expect(sha(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('puts the data folder where the OS expects it unless the env var or flag says otherwise', () => {
    expect(resolveDataDir(undefined, { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32')).toContain('WeinongDesk');
    expect(resolveDataDir(undefined, {}, 'linux')).toMatch(/\.local[/\\]share[/\\]WeinongDesk$/);
    expect(resolveDataDir(undefined, { WEINONG_DATA_DIR: '/srv/wn' }, 'linux')).toBe(path.resolve('/srv/wn'));
    expect(resolveDataDir('/flag/dir', { WEINONG_DATA_DIR: '/srv/wn' }, 'linux')).toBe(path.resolve('/flag/dir'));
  });
});
