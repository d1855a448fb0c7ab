import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { setupCore } from '../helpers/core';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { autoBackup, checkDatabaseFile, listBackups } from '../../electron/core/backup/backup';

const envs: Awaited<ReturnType<typeof setupCore>>[] = [];
afterEach(() => envs.splice(0).forEach((e) => e.close()));
async function env() {
  const e = await setupCore();
  envs.push(e);
  return e;
}
const names = (e: Awaited<ReturnType<typeof setupCore>>) => e.core.store.sqlite.prepare('SELECT username FROM users ORDER BY id').pluck().all();

describe('backup and restore', () => {
  it('backs up online to a file that passes the integrity check and holds the data', async () => {
    const e = await env();
    const b = await e.admin.call<{ name: string; kind: string }>('backup.create');
    expect(b.kind).toBe('manual');
    const file = path.join(e.core.paths.backups, b.name);
    expect(checkDatabaseFile(file, e.core.migrations.length).ok).toBe(true);
  });

  it('restores a backup, keeping the replaced data as a pre-restore copy, and logs it', async () => {
    const e = await env();
    const b = await e.admin.call<{ name: string }>('backup.create');
    await e.admin.call('users.create', { username: 'later', displayName: '后来者', role: 'frontdesk', password: 'later-pass-1' });
    expect(names(e)).toContain('later');
    const r = await e.admin.call<{ restoredFrom: string; safetyCopy: string }>('backup.restoreExisting', { name: b.name });
    expect(names(e)).not.toContain('later');
    const copy = path.join(e.core.paths.backups, r.safetyCopy);
    expect(checkDatabaseFile(copy, e.core.migrations.length).ok).toBe(true);
    const audit = await e.admin.call<{ rows: { method: string }[] }>('audit.list', { method: 'backup.restore' });
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a damaged or foreign file and changes nothing', async () => {
    const e = await env();
    await e.admin.call('users.create', { username: 'keep', displayName: '保留', role: 'frontdesk', password: 'keep-pass-1' });
    const before = names(e);
    const junk = Buffer.from('SQLite format 3\u0000'.padEnd(4096, 'x'));
    await expect(e.admin.call('backup.restore', { name: 'junk.sqlite', base64: junk.toString('base64') })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(names(e)).toEqual(before);
    expect(listBackups(e.core.paths.backups).some((b) => b.kind === 'pre-restore')).toBe(false);
  });

  it('refuses a path that is not a plain backup name', async () => {
    const e = await env();
    await expect(e.admin.call('backup.restoreExisting', { name: '../weinong.sqlite' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('keeps one automatic backup per day and only the newest N', async () => {
    const e = await env();
    const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04'];
    for (const d of days) {
      const made = await autoBackup(e.core.store.sqlite, e.core.paths.backups, 3, new Date(`${d}T08:00:00Z`));
      expect(made).not.toBeNull();
      // The file name carries the real time; rename to the simulated day so pruning sees distinct days.
      fs.renameSync(path.join(e.core.paths.backups, made!.name), path.join(e.core.paths.backups, `auto-${d}T08-00-00.sqlite`));
    }
    const again = await autoBackup(e.core.store.sqlite, e.core.paths.backups, 3, new Date('2026-11-04T20:00:00Z'));
    expect(again).toBeNull();
    const autos = listBackups(e.core.paths.backups).filter((b) => b.kind === 'auto').map((b) => b.name).sort();
    expect(autos).toEqual(['auto-2026-11-02T08-00-00.sqlite', 'auto-2026-11-03T08-00-00.sqlite', 'auto-2026-11-04T08-00-00.sqlite']);
  });

  it('starts in recovery mode on a damaged database and restores the latest good backup without a login', async () => {
    const e = await env();
    const b = await e.admin.call<{ name: string }>('backup.create');
    e.core.close();
    const db = e.core.paths.db;
    for (const s of ['-wal', '-shm']) fs.rmSync(db + s, { force: true });
    const bytes = fs.readFileSync(db);
    bytes.fill(0x5a, 4096, bytes.length);
    fs.writeFileSync(db, bytes);
    const broken = AppCore.open({ dataDir: e.dir, mode: 'browser' });
    try {
      expect(broken.recovery?.latestBackup).toBe(b.name);
      const anon = new CliClient(broken, createRouter());
      const status = await anon.call<{ recovery: { reason: string } | null }>('setup.status');
      expect(status.recovery?.reason).toBeTruthy();
      await expect(anon.call('users.list')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await anon.call('backup.restoreExisting', { name: b.name });
      expect(broken.recovery).toBeNull();
      expect(broken.store.sqlite.prepare('SELECT count(*) FROM users').pluck().get()).toBe(1);
    } finally {
      broken.close();
    }
  });
});
