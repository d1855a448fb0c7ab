import fs from 'node:fs';
import path from 'node:path';

/**
 * Migrations are read at run time: from the source tree under vitest/tsx, from the copy that the
 * build puts beside the bundles in dist/node, or from the packaged app's resources.
 */
export function migrationsDir(): string {
  const candidates = [
    process.env.WEINONG_MIGRATIONS_DIR,
    path.join(__dirname, 'migrations'),
    (process as { resourcesPath?: string }).resourcesPath && path.join((process as { resourcesPath?: string }).resourcesPath!, 'migrations'),
  ].filter((p): p is string => Boolean(p));
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'meta', '_journal.json'))) return dir;
  }
  throw new Error(`找不到数据库迁移文件（已查找：${candidates.join('，')}）`);
}
