import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, type WebContents } from 'electron';
import { AppCore } from '../core/app';
import { resolveDataDir } from '../core/db/paths';
import { createRouter } from '../api';
import type { Door } from '../api/router';
import { localBackend, type Backend } from '../api/backend';
import { HostController } from '../server/host';
import { ClientBackend } from '../client/backend';
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

/** One invoke channel; the session token per window stays in this process, never in the renderer. */
function bindIpc(backend: Backend): void {
  const tokens = new Map<number, string>();
  ipcMain.handle('weinong:invoke', async (event, method: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!frameUrl.startsWith(`${SCHEME}://desk/`)) return { ok: false, error: { code: 'BAD_ORIGIN', message: '请求来源不被允许' } };
    const wc: WebContents = event.sender;
    const door: Door = {
      kind: 'ipc',
      origin: 'desktop',
      setSession: (s) => tokens.set(wc.id, s.token),
      clearSession: () => tokens.delete(wc.id),
    };
    return backend.call(String(method), input, tokens.get(wc.id), door);
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

/** This installation's own database, with host mode when the admin switched it on. */
function openLocal(dataDir: string): { backend: Backend; close(): void } | null {
  let core: AppCore;
  try {
    core = AppCore.open({ dataDir, mode: 'electron' });
  } catch (e) {
    dialog.showErrorBox('为农服务台无法启动', e instanceof AppError ? e.message : String(e));
    app.exit(3);
    return null;
  }
  const backend = localBackend(core, createRouter());
  const host = new HostController(core, backend, rendererDir);
  core.host = host;
  core.updater = createUpdater();
  core.startAutoBackups();
  if (!core.recovery) void host.apply();
  return { backend, close: () => void host.stop().finally(() => core.close()) };
}

/** A desk with no database of its own: every call goes to the centre's host over pinned HTTPS. */
function openClient(dataDir: string): { backend: Backend; close(): void } {
  const backend = new ClientBackend(dataDir);
  return { backend, close: () => backend.close() };
}

app.whenReady().then(
  () => {
    const dataDir = resolveDataDir(flag('data-dir'));
    const clientMode = process.argv.includes('--client') || ClientBackend.configured(dataDir);
    const opened = clientMode ? openClient(dataDir) : openLocal(dataDir);
    if (!opened) return;
    lockDown();
    serveRenderer();
    bindIpc(opened.backend);
    buildMenu();
    createWindow();
    app.on('window-all-closed', () => {
      opened.close();
      app.quit();
    });
  },
  (e: unknown) => dialog.showErrorBox('为农服务台无法启动', String(e)),
);
