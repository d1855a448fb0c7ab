import path from 'node:path';
import { AppCore, type AppMode } from '../core/app';
import { createRouter } from '../api';
import { startServer, type RunningServer } from './http';

export interface BrowserModeOptions {
  dataDir: string;
  host?: string;
  port?: number;
  staticDir?: string;
  mode?: AppMode;
  autoBackup?: boolean;
}

export interface BrowserMode extends RunningServer {
  core: AppCore;
}

/** dist/node/*.cjs sits beside dist/renderer; tests may point elsewhere. */
export function defaultStaticDir(): string {
  return path.resolve(__dirname, '..', 'renderer');
}

export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const core = AppCore.open({ dataDir: opts.dataDir, mode: opts.mode ?? 'browser' });
  if (opts.autoBackup !== false) core.startAutoBackups();
  const router = createRouter();
  const running = await startServer({ core, router, staticDir: opts.staticDir ?? defaultStaticDir(), host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  return {
    ...running,
    core,
    close: async () => {
      await running.close();
      core.close();
    },
  };
}
