import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type WebContents } from 'electron';
import { AppCore } from '../core/app';
import { resolveDataDir } from '../core/db/paths';
import { createRouter } from '../api';
import type { Door } from '../api/router';
import type { Session } from '../core/auth/sessions';
import { AppError } from '../../shared/errors';
import { CSP } from '../../shared/csp';
import { createUpdater } from './updater';

const SCHEME = 'app';
const rendererDir = path.join(__dirname, '..', 'renderer');
protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Serves dist/renderer under app://desk/ with the CSP header; nothing outside that folder. */
function serveRenderer(): void {
  protocol.handle(SCHEME, async (req) => {
    const rel = decodeURIComponent(new URL(req.url).pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.normalize(path.join(rendererDir, rel));
    if (!file.startsWith(rendererDir)) return new Response('forbidden', { status: 403 });
    const res = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(res.headers);
    headers.set('Content-Security-Policy', CSP);
    return new Response(res.body, { status: res.status, headers });
  });
}

function lockDown(): void {
  // The app:// handler already sends the CSP; this covers any other response the window might load.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (e, url) => {
      if (!url.startsWith(`${SCHEME}://desk/`)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
}

function bindIpc(core: AppCore): void {
  const router = createRouter();
  const sessions = new Map<number, Session>();
  ipcMain.handle('weinong:invoke', async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!frameUrl.startsWith(`${SCHEME}://desk/`)) return { ok: false, error: { code: 'BAD_ORIGIN', message: '请求来源不被允许' } };
    const wc: WebContents = event.sender;
    const current = sessions.get(wc.id);
    const live = current ? core.sessions.touch(current.token) : null;
    const door: Door = {
      kind: 'ipc',
      origin: 'desktop',
      setSession: (s) => sessions.set(wc.id, s),
      clearSession: () => sessions.delete(wc.id),
    };
    return router.call(String(method), input, { core, session: live, door });
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    title: '为农服务台',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${SCHEME}://desk/index.html`);
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { label: '文件', submenu: [{ role: 'quit', label: '退出' }] },
      { label: '编辑', submenu: [{ role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' }, { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' }] },
      { label: '视图', submenu: [{ role: 'reload', label: '重新加载' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }, { role: 'togglefullscreen', label: '全屏' }] },
    ]),
  );
}

app.whenReady().then(
  () => {
    let core: AppCore;
    try {
      core = AppCore.open({ dataDir: resolveDataDir(flag('data-dir')), mode: 'electron' });
    } catch (e) {
      dialog.showErrorBox('为农服务台无法启动', e instanceof AppError ? e.message : String(e));
      app.exit(3);
      return;
    }
    core.updater = createUpdater();
    core.startAutoBackups();
    lockDown();
    serveRenderer();
    bindIpc(core);
    buildMenu();
    createWindow();
    app.on('window-all-closed', () => {
      core.close();
      app.quit();
    });
  },
  (e: unknown) => dialog.showErrorBox('为农服务台无法启动', String(e)),
);
