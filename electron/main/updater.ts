import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { UpdaterPort } from '../core/app';

/** Generic provider on a county intranet server; nothing is checked until the admin asks. */
export function createUpdater(): UpdaterPort {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  return {
    async check(url) {
      try {
        autoUpdater.setFeedURL({ provider: 'generic', url });
        const r = await autoUpdater.checkForUpdates();
        const version = r?.updateInfo.version ?? '';
        if (!version || version === app.getVersion()) return { status: 'none', version, message: `已是最新版本（${app.getVersion()}）` };
        return { status: 'available', version, message: `有新版本 ${version} 可以下载` };
      } catch (e) {
        return { status: 'error', version: '', message: `检查更新失败：${(e as Error).message}` };
      }
    },
    async download() {
      try {
        await autoUpdater.downloadUpdate();
        return { status: 'downloaded', message: '更新已下载，重启后安装' };
      } catch (e) {
        return { status: 'error', message: `下载更新失败：${(e as Error).message}` };
      }
    },
    install() {
      setImmediate(() => autoUpdater.quitAndInstall());
    },
  };
}
