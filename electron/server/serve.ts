import path from 'node:path';
import { AppCore, type AppMode } from '../core/app';
import { createRouter } from '../api';
import { startServer, type RunningServer } from './http';
import { localBackend } from '../api/backend';
import { HostController } from './host';
import { ClientBackend } from '../client/backend';

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

/** This installation's database behind 127.0.0.1, plus host mode for other desks when it is switched on. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const core = AppCore.open({ dataDir: opts.dataDir, mode: opts.mode ?? 'browser' });
  const staticDir = opts.staticDir ?? defaultStaticDir();
  const backend = localBackend(core, createRouter());
  const host = new HostController(core, backend, staticDir);
  core.host = host;
  if (opts.autoBackup !== false) core.startAutoBackups();
  if (!core.recovery) {
    const s = await host.apply();
    if (s.error) console.error(`主机模式未能启动：${s.error}`);
  }
  const running = await startServer({ backend, staticDir, host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  return {
    ...running,
    core,
    close: async () => {
      await host.stop();
      await running.close();
      core.close();
    },
  };
}

/** A desk without a database of its own: the screens on 127.0.0.1, every call forwarded to the host. */
export async function startClientMode(opts: { dataDir: string; host?: string; port?: number; staticDir?: string }): Promise<RunningServer> {
  const backend = new ClientBackend(opts.dataDir);
  const running = await startServer({ backend, staticDir: opts.staticDir ?? defaultStaticDir(), host: opts.host ?? '127.0.0.1', port: opts.port ?? 0 });
  return {
    ...running,
    close: async () => {
      backend.close();
      await running.close();
    },
  };
}
