import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import path from 'node:path';
import { startE2E, completeSetup, login, type E2E } from './app';
import { startClientMode } from '../../electron/server/serve';
import type { RunningServer } from '../../electron/server/http';

let e: E2E;
let client: RunningServer | null = null;
beforeAll(async () => {
  e = await startE2E();
  await completeSetup(e.page);
});
afterAll(async () => {
  await client?.close();
  await e?.close();
});

describe('several desks on one set of books', () => {
  it('shows a township added at one desk on the other desk without reloading', async () => {
    const b = await e.newDesk();
    await login(b.page, 'admin', 'admin-pass-1');
    await b.page.getByRole('link', { name: '系统设置', exact: true }).click();
    await b.page.getByText('乡镇（街道）与村（社区）').waitFor();

    await e.page.getByRole('link', { name: '系统设置', exact: true }).click();
    await e.page.getByLabel('新增乡镇').fill('云安镇');
    await e.page.getByRole('button', { name: '添加乡镇' }).click();

    await b.page.getByText('云安镇', { exact: true }).first().waitFor({ timeout: 8000 });
  });

  it('runs host mode, and a client desk pins the host certificate and works against the host', async () => {
    await e.page.getByRole('link', { name: '系统设置', exact: true }).click();
    const port = 20000 + Math.floor(Math.random() * 20000);
    await e.page.getByLabel('作为主机').check();
    await e.page.getByLabel('本机局域网地址').first().click();
    await e.page.getByRole('option', { name: '127.0.0.1' }).click();
    await e.page.getByLabel('端口').fill(String(port));
    await e.page.getByRole('button', { name: '应用' }).click();
    const fingerprint = (await e.page.getByTestId('host-fingerprint').innerText()).trim();
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    client = await startClientMode({ dataDir: path.join(e.dataDir, '..', 'client-desk'), staticDir: path.resolve(__dirname, '..', '..', 'dist', 'renderer') });
    const c = await e.newDesk();
    await c.page.goto(client.url);
    await c.page.getByRole('heading', { name: '连接服务中心主机' }).waitFor();
    await c.page.getByLabel('主机地址').fill(`127.0.0.1:${port}`);
    await c.page.getByRole('button', { name: '读取证书' }).click();
    expect((await c.page.getByTestId('probe-fingerprint').innerText()).trim()).toBe(fingerprint);
    await c.page.getByRole('button', { name: '信任并连接' }).click();
    await login(c.page, 'admin', 'admin-pass-1');
    await c.page.getByRole('link', { name: '系统设置', exact: true }).click();
    await c.page.getByText('云安镇', { exact: true }).first().waitFor();

    await c.page.getByRole('link', { name: '系统设置', exact: true }).click();
    await e.page.reload();
    await e.page.getByText('在线桌面').first().waitFor();
    await expect.poll(async () => e.page.getByRole('row').filter({ hasText: '张管理' }).count()).toBeGreaterThanOrEqual(3);
  });
});
