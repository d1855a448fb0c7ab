import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

export const APP_DIR_NAME = 'WeinongDesk';

/**
 * The OS's usual per-user data folder; WEINONG_DATA_DIR (or the --data-dir flag, which callers
 * pass as `override`) wins so that several installations or test runs never share one database.
 */
export function resolveDataDir(override?: string, env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (override) return path.resolve(override);
  if (env.WEINONG_DATA_DIR) return path.resolve(env.WEINONG_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), APP_DIR_NAME);
}

export interface DataPaths {
  dir: string;
  db: string;
  backups: string;
}

export function dataPaths(dir: string): DataPaths {
  return {
    dir,
    db: path.join(dir, 'weinong.sqlite'),
    backups: path.join(dir, 'backups'),
  };
}

export function ensureDataDirs(p: DataPaths): void {
  for (const d of [p.dir, p.backups]) fs.mkdirSync(d, { recursive: true });
}

/** Local timestamp safe for file names: 2026-12-03T15-59-19. */
export function fileStamp(d = new Date()): string {
  return d.toISOString().slice(0, 19).replace(/:/g, '-');
}
