import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../electron/server/serve';
import { tempDir } from '../helpers/tmp';

const STATIC = path.resolve(__dirname, '..', '..', 'dist', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface E2E {
  server: BrowserMode;
  context: BrowserContext;
  page: Page;
  dataDir: string;
  downloads: string;
  /** A second, independent browser profile (another desk). */
  newDesk(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

async function launch(profile: string, downloads: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Real browser mode on 127.0.0.1 over a temp data folder, with Debian's Chromium driving the built UI. */
export async function startE2E(): Promise<E2E> {
  if (!fs.existsSync(path.join(STATIC, 'index.html'))) throw new Error('dist/renderer 不存在：请先运行 npm run build');
  const tmp = tempDir('e2e');
  const dataDir = path.join(tmp.dir, 'data');
  const downloads = path.join(tmp.dir, 'downloads');
  fs.mkdirSync(downloads, { recursive: true });
  const server = await startBrowserMode({ dataDir, staticDir: STATIC, autoBackup: false });
  const contexts: BrowserContext[] = [];
  const context = await launch(path.join(tmp.dir, 'profile'), downloads);
  contexts.push(context);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  await page.goto(server.url);
  return {
    server,
    context,
    page,
    dataDir,
    downloads,
    async newDesk() {
      const c = await launch(path.join(tmp.dir, `profile-${contexts.length}`), downloads);
      contexts.push(c);
      const p = c.pages()[0] ?? (await c.newPage());
      p.setDefaultTimeout(15_000);
      await p.goto(server.url);
      return { context: c, page: p };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await server.close();
      tmp.cleanup();
    },
  };
}

export async function completeSetup(page: Page, opts: { demo?: boolean } = {}): Promise<void> {
  await page.getByLabel('管理员姓名').fill('张管理');
  await page.getByLabel(/^密码/).fill('admin-pass-1');
  await page.getByLabel('确认密码').fill('admin-pass-1');
  if (opts.demo) await page.getByLabel(/载入演示数据/).check();
  await page.getByRole('button', { name: '完成初始化' }).click();
  await page.getByTestId('user-menu').waitFor();
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.getByRole('button', { name: '登录' }).waitFor();
}
