import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, peekVersion } from './db/connection';
import { loadMigrations, tooNewError, type Migration } from './db/migrate';
import { migrationsDir } from './db/migrations-dir';
import { dataPaths, ensureDataDirs, fileStamp, type DataPaths } from './db/paths';
import { Store, type Actor } from './db/store';
import { SessionStore } from './auth/sessions';
import { ChangeFeed } from './sync/changes';
import { JobRunner } from './jobs/jobs';
import { getSettings } from './settings/settings';
import { ensureMonthEndSnapshots } from './tasks/snapshots';
import { users } from './auth/schema';
import { AppError } from '../../shared/errors';
import {
  autoBackup,
  backupTo,
  checkDatabaseFile,
  createBackup,
  latestGoodBackup,
  removeDbFiles,
  type BackupInfo,
} from './backup/backup';

export type AppMode = 'electron' | 'browser' | 'host' | 'client';

export type UpdateStatus = 'unsupported' | 'no-url' | 'none' | 'available' | 'downloaded' | 'error';

/** Implemented by the Electron shell only; browser mode has none. */
export interface UpdaterPort {
  check(url: string): Promise<{ status: UpdateStatus; version: string; message: string }>;
  download(): Promise<{ status: string; message: string }>;
  install(): void;
}

export interface HostStatus {
  enabled: boolean;
  running: boolean;
  url: string;
  fingerprint: string;
  startedAt: string;
  error: string;
}

/** Host mode (serving other desks over HTTPS), provided by the process that owns the window or server. */
export interface HostPort {
  apply(): Promise<HostStatus>;
  status(): HostStatus;
}

export interface Recovery {
  reason: string;
  latestBackup: string | null;
}

export interface AppCoreOptions {
  dataDir: string;
  mode: AppMode;
  clock?: () => Date;
}

/**
 * One running installation: its data folder, its database (replaceable by a restore), its logged-in
 * sessions. Everything the doors need hangs off this object; it never imports Electron.
 */
export class AppCore {
  readonly paths: DataPaths;
  readonly mode: AppMode;
  readonly startedAt = new Date().toISOString();
  readonly sessions: SessionStore;
  readonly changes = new ChangeFeed();
  readonly jobs = new JobRunner();
  readonly migrations: Migration[];
  readonly clock: () => Date;
  updater: UpdaterPort | null = null;
  host: HostPort | null = null;
  recovery: Recovery | null = null;
  private current: Store | null = null;
  private autoTimer: NodeJS.Timeout | null = null;

  private constructor(opts: AppCoreOptions) {
    this.paths = dataPaths(opts.dataDir);
    this.mode = opts.mode;
    this.clock = opts.clock ?? (() => new Date());
    this.migrations = loadMigrations(migrationsDir());
    this.sessions = new SessionStore(
      () => (this.current ? getSettings(this.current).sessionIdleMinutes : 480) * 60_000,
      () => this.clock().getTime(),
    );
  }

  /**
   * Opens the data folder. A damaged database puts the app in recovery mode (offering the newest good
   * backup) instead of failing; a database from a newer version throws DB_TOO_NEW untouched.
   */
  static open(opts: AppCoreOptions): AppCore {
    const core = new AppCore(opts);
    ensureDataDirs(core.paths);
    if (fs.existsSync(core.paths.db) && fs.statSync(core.paths.db).size > 0) {
      let version = 0;
      try {
        version = peekVersion(core.paths.db);
      } catch {
        // A header that cannot be read is damage: the quick check below reports it.
      }
      if (version > core.migrations.length) throw tooNewError(version, core.migrations.length);
      const check = checkDatabaseFile(core.paths.db, core.migrations.length, false);
      if (!check.ok) {
        core.recovery = { reason: check.reason, latestBackup: latestGoodBackup(core.paths.backups, core.migrations.length) };
        return core;
      }
    }
    core.attach();
    return core;
  }

  private attach(): void {
    const { sqlite, db } = openDatabase(this.paths.db, { backupsDir: this.paths.backups, migrations: this.migrations });
    this.current = new Store(sqlite, db, this.clock);
    this.current.onCommit = (method) => this.changes.bump(method);
    this.recovery = null;
  }

  get store(): Store {
    if (!this.current) throw new AppError('RECOVERY_MODE', `数据库无法使用（${this.recovery?.reason ?? '未打开'}），请从备份恢复`);
    return this.current;
  }

  get schemaVersion(): number {
    return this.current ? (this.current.sqlite.pragma('user_version', { simple: true }) as number) : 0;
  }

  async backupNow(actor: Actor): Promise<BackupInfo> {
    const info = await createBackup(this.store.sqlite, this.paths.backups, 'manual');
    this.store.write(actor, 'backup.create', (audit) => audit.record({ entity: 'backup', ids: [info.name], summary: { size: info.size } }));
    return info;
  }

  async runAutoBackup(): Promise<BackupInfo | null> {
    if (!this.current) return null;
    return autoBackup(this.current.sqlite, this.paths.backups, getSettings(this.current).backupKeep, this.clock());
  }

  /**
   * Daily backups while the app runs: once at start, then hourly checks for a new day. The same tick
   * freezes the indicators of a month that has just ended, so a month's figures are kept even when
   * nobody opens the tracker in the first days of the next month.
   */
  startAutoBackups(): void {
    const tick = () => {
      void this.runAutoBackup().catch((e) => console.error('自动备份失败：', e));
      try {
        if (this.current) ensureMonthEndSnapshots(this.current);
      } catch (e) {
        console.error('月末指标快照失败：', e);
      }
    };
    tick();
    this.autoTimer = setInterval(tick, 3_600_000);
    this.autoTimer.unref();
  }

  /**
   * Replaces the database with `source` after a full integrity check. The current file is kept as a
   * pre-restore backup first; if the new file cannot be opened, the old one is put back.
   */
  async restoreFrom(actor: Actor, source: string): Promise<{ restoredFrom: string; safetyCopy: string }> {
    const check = checkDatabaseFile(source, this.migrations.length, true);
    if (!check.ok) throw new AppError('VALIDATION', `不能用此文件恢复：${check.reason}。当前数据未做任何改动。`, { file: check.reason });
    const safetyName = `pre-restore-${fileStamp()}.sqlite`;
    const safety = path.join(this.paths.backups, safetyName);
    if (this.current) await backupTo(this.current.sqlite, safety);
    else if (fs.existsSync(this.paths.db)) fs.copyFileSync(this.paths.db, safety);
    this.current?.close();
    this.current = null;
    try {
      removeDbFiles(this.paths.db);
      fs.copyFileSync(source, this.paths.db);
      this.attach();
    } catch (e) {
      removeDbFiles(this.paths.db);
      if (fs.existsSync(safety)) fs.copyFileSync(safety, this.paths.db);
      this.attach();
      throw e;
    }
    this.store.write(actor, 'backup.restore', (audit) => audit.record({ entity: 'backup', ids: [path.basename(source)], summary: { safetyCopy: safetyName } }));
    this.dropStaleSessions();
    this.changes.bump('*');
    return { restoredFrom: path.basename(source), safetyCopy: safetyName };
  }

  private dropStaleSessions(): void {
    const live = new Map(this.store.db.select().from(users).all().map((u) => [u.id, u]));
    for (const s of this.sessions.list()) {
      const u = live.get(s.userId);
      if (!u || u.username !== s.username) this.sessions.end(s.token);
      else this.sessions.refreshUser(u);
    }
  }

  close(): void {
    if (this.autoTimer) clearInterval(this.autoTimer);
    this.current?.close();
    this.current = null;
  }
}
