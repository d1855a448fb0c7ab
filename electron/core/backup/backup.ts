import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { fileStamp } from '../db/paths';
import { sqliteOptions } from '../db/connection';

export type BackupKind = 'auto' | 'manual' | 'pre-migrate' | 'pre-restore' | 'other';

export interface BackupInfo {
  name: string;
  size: number;
  createdAt: string;
  kind: BackupKind;
}

const KINDS: BackupKind[] = ['auto', 'manual', 'pre-migrate', 'pre-restore'];

function kindOf(name: string): BackupKind {
  return KINDS.find((k) => name.startsWith(`${k}-`)) ?? 'other';
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return { name, size: st.size, createdAt: st.mtime.toISOString(), kind: kindOf(name) };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** Only plain names from the list may be used, so a request can never point at another folder. */
export function backupPath(dir: string, name: string): string {
  if (name !== path.basename(name) || !name.endsWith('.sqlite')) throw new AppError('VALIDATION', `备份文件名无效：${name}`, { name: '文件名无效' });
  const p = path.join(dir, name);
  if (!fs.existsSync(p)) throw new AppError('NOT_FOUND', `备份文件 ${name} 不存在`);
  return p;
}

/** SQLite's online backup: consistent even while other desks keep writing. */
export async function backupTo(sqlite: Database.Database, dest: string): Promise<void> {
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.part`;
  await sqlite.backup(tmp);
  fs.renameSync(tmp, dest);
}

export async function createBackup(sqlite: Database.Database, dir: string, kind: BackupKind): Promise<BackupInfo> {
  const name = `${kind}-${fileStamp()}.sqlite`;
  await backupTo(sqlite, path.join(dir, name));
  return listBackups(dir).find((b) => b.name === name)!;
}

/** Takes today's automatic backup if there is none yet and keeps only the newest `keep`. */
export async function autoBackup(sqlite: Database.Database, dir: string, keep: number, today = new Date()): Promise<BackupInfo | null> {
  const day = today.toISOString().slice(0, 10);
  const autos = listBackups(dir).filter((b) => b.kind === 'auto');
  let made: BackupInfo | null = null;
  if (!autos.some((b) => b.name.startsWith(`auto-${day}`))) made = await createBackup(sqlite, dir, 'auto');
  const all = listBackups(dir)
    .filter((b) => b.kind === 'auto')
    .sort((a, b) => b.name.localeCompare(a.name));
  for (const old of all.slice(keep)) fs.rmSync(path.join(dir, old.name), { force: true });
  return made;
}

export interface FileCheck {
  ok: boolean;
  reason: string;
  schemaVersion: number;
}

/**
 * Decides whether a file is a usable Weinong database: SQLite, passes the integrity check, has our
 * tables, and is not from a newer version. Opened read-only so the file is never modified.
 */
export function checkDatabaseFile(file: string, knownVersions: number, full = true): FileCheck {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, sqliteOptions({ readonly: true, fileMustExist: true }));
    const check = db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true }) as string;
    if (check !== 'ok') return { ok: false, reason: `完整性检查未通过：${check}`, schemaVersion: 0 };
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((r) => r.name));
    if (!tables.has('users') || !tables.has('audit_log')) return { ok: false, reason: '这不是为农服务台的数据库文件', schemaVersion: 0 };
    const v = db.pragma('user_version', { simple: true }) as number;
    if (v > knownVersions) return { ok: false, reason: `此文件来自更新版本的程序（数据库版本 ${v}）`, schemaVersion: v };
    return { ok: true, reason: '', schemaVersion: v };
  } catch (e) {
    return { ok: false, reason: `无法作为数据库打开：${(e as Error).message}`, schemaVersion: 0 };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes the check, for the recovery screen. */
export function latestGoodBackup(dir: string, knownVersions: number): string | null {
  for (const b of listBackups(dir)) if (checkDatabaseFile(path.join(dir, b.name), knownVersions, false).ok) return b.name;
  return null;
}

export function removeDbFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
