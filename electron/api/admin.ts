import fs from 'node:fs';
import path from 'node:path';
import type { Impls } from './router';
import type { adminContract } from '../../shared/contract/admin';
import { AppError } from '../../shared/errors';
import { listAudit } from '../core/audit/query';
import { verifyChain } from '../core/audit/chain';
import { getSettings, updateSettings } from '../core/settings/settings';
import { listGeo, saveTownship, saveVillage, previewGeoImport, commitGeoImport } from '../core/settings/geo';
import { listBackups, backupPath } from '../core/backup/backup';
import { fileStamp } from '../core/db/paths';
import { globalSearch } from '../core/search/global';
import { loadDemo } from '../core/demo';
import { APP_VERSION } from '../core/version';

const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;

function decodeUpload(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的', { file: '文件是空的' });
  return bytes;
}

export const adminHandlers: Impls<typeof adminContract> = {
  'audit.list': { access: ['admin', 'manager'], handler: (ctx, input) => listAudit(ctx.store, input) },
  'audit.verify': { access: ['admin', 'manager'], handler: (ctx) => verifyChain(ctx.store.sqlite) },

  'settings.get': { access: 'any', handler: (ctx) => getSettings(ctx.store) },
  'settings.update': { access: ['admin'], handler: (ctx, input) => updateSettings(ctx.store, ctx.actor, input) },

  'geo.list': { access: 'any', handler: (ctx) => listGeo(ctx.store) },
  'geo.saveTownship': { access: ['admin'], handler: (ctx, input) => saveTownship(ctx.store, ctx.actor, input) },
  'geo.saveVillage': { access: ['admin'], handler: (ctx, input) => saveVillage(ctx.store, ctx.actor, input) },
  'geo.importPreview': { access: ['admin'], handler: (ctx, input) => previewGeoImport(ctx.store, input.name, decodeUpload(input.base64)) },
  'geo.importCommit': { access: ['admin'], handler: (ctx, input) => commitGeoImport(ctx.store, ctx.actor, input.name, decodeUpload(input.base64)) },

  'backup.list': { access: ['admin'], inRecovery: true, handler: (ctx) => listBackups(ctx.core.paths.backups) },
  'backup.create': { access: ['admin'], handler: (ctx) => ctx.core.backupNow(ctx.actor) },
  'backup.download': {
    access: ['admin'],
    handler: (ctx, input) => {
      const file = backupPath(ctx.core.paths.backups, input.name);
      ctx.store.write(ctx.actor, 'backup.download', (audit) => audit.record({ entity: 'backup', ids: [input.name], summary: {} }));
      return { name: input.name, mime: 'application/vnd.sqlite3', base64: fs.readFileSync(file).toString('base64') };
    },
  },
  'backup.restore': {
    access: ['admin'],
    handler: async (ctx, input) => {
      const saved = path.join(ctx.core.paths.backups, `uploaded-${fileStamp()}.sqlite`);
      fs.writeFileSync(saved, decodeUpload(input.base64));
      return ctx.core.restoreFrom(ctx.actor, saved);
    },
  },
  'backup.restoreExisting': {
    access: ['admin'],
    inRecovery: true,
    handler: (ctx, input) => {
      const actor = ctx.session ? ctx.actor : { userId: null, username: 'recovery', role: 'system' as const };
      return ctx.core.restoreFrom(actor, backupPath(ctx.core.paths.backups, input.name));
    },
  },

  'system.info': {
    access: 'any',
    handler: (ctx) => ({
      appVersion: APP_VERSION,
      mode: ctx.core.mode,
      dataDir: ctx.core.paths.dir,
      dbBytes: fs.existsSync(ctx.core.paths.db) ? fs.statSync(ctx.core.paths.db).size : 0,
      schemaVersion: ctx.core.schemaVersion,
      startedAt: ctx.core.startedAt,
      node: process.versions.node,
      updates: { supported: ctx.core.updater !== null, url: getSettings(ctx.store).updateUrl },
    }),
  },
  'updates.check': {
    access: ['admin'],
    handler: async (ctx) => {
      const url = getSettings(ctx.store).updateUrl;
      if (!ctx.core.updater) return { status: 'unsupported' as const, version: '', message: '浏览器模式下不能自动更新，请在桌面版中检查更新' };
      if (!url) return { status: 'no-url' as const, version: '', message: '尚未设置更新服务器地址（系统设置 → 更新地址）' };
      return ctx.core.updater.check(url);
    },
  },
  'updates.download': {
    access: ['admin'],
    handler: async (ctx) => {
      if (!ctx.core.updater) throw new AppError('REFUSED', '浏览器模式下不能自动更新');
      return ctx.core.updater.download();
    },
  },
  'updates.install': {
    access: ['admin'],
    handler: (ctx) => {
      if (!ctx.core.updater) throw new AppError('REFUSED', '浏览器模式下不能自动更新');
      ctx.core.updater.install();
      return { ok: true as const };
    },
  },

  'jobs.status': { access: 'any', handler: (ctx, input) => ctx.core.jobs.status(input.id, ctx.session!.userId) },
  'jobs.cancel': { access: 'any', handler: (ctx, input) => ctx.core.jobs.cancel(input.id, ctx.session!.userId) },
  'jobs.download': {
    access: 'any',
    handler: (ctx, input) => {
      const f = ctx.core.jobs.take(input.id, ctx.session!.userId);
      return { name: f.name, mime: f.mime, base64: f.bytes.toString('base64') };
    },
  },
  'search.global': { access: STAFF, handler: (ctx, input) => globalSearch(ctx.store, input.q, input.limit, ctx.session!.role) },
  'demo.load': { access: ['admin'], handler: (ctx) => ({ summary: loadDemo(ctx.store, ctx.actor) }) },
};
