import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { startE2E, completeSetup, login, logout, type E2E } from './app';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e?.close();
});

describe('foundation in the browser', () => {
  it('sets up the centre, creates the admin and lands in the app', async () => {
    await e.page.getByText('首次使用：设置服务中心并创建管理员账号').waitFor();
    await completeSetup(e.page);
    await expect.poll(() => e.page.getByTestId('user-menu').innerText()).toMatch(/张管理（管理员）/);
  });

  it('refuses a wrong password with a clear message and no session', async () => {
    await logout(e.page);
    await login(e.page, 'admin', 'not-the-password');
    await expect.poll(() => e.page.getByRole('alert').innerText()).toContain('用户名或密码不正确');
    await login(e.page, 'admin', 'admin-pass-1');
    await e.page.getByTestId('user-menu').waitFor();
  });

  it('creates a front-desk user who must change the password and cannot reach user management', async () => {
    await e.page.getByRole('link', { name: '用户管理', exact: true }).click();
    await e.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = e.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('qiantai');
    await dialog.getByLabel('姓名').fill('王前台');
    await dialog.getByLabel('角色').click();
    await e.page.getByRole('option', { name: '前台' }).click();
    await dialog.getByLabel(/初始密码/).fill('front-pass-1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await e.page.getByRole('cell', { name: '王前台' }).waitFor();

    await logout(e.page);
    await login(e.page, 'qiantai', 'front-pass-1');
    await e.page.getByText('请先修改初始密码').waitFor();
    await e.page.getByLabel('原密码').fill('front-pass-1');
    await e.page.getByLabel(/^新密码/).fill('front-pass-2');
    await e.page.getByLabel('确认新密码').fill('front-pass-2');
    await e.page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => e.page.getByTestId('user-menu').innerText()).toMatch(/王前台（前台）/);
    // Each role lands where its day starts: the front desk on its own desk.
    await e.page.getByRole('heading', { name: '我的工作台' }).waitFor();

    await expect.poll(() => e.page.getByRole('link', { name: '用户管理', exact: true }).count()).toBe(0);
    await expect.poll(() => e.page.getByRole('link', { name: '审计日志', exact: true }).count()).toBe(0);
    // The server refuses the method even when the page asks for it directly.
    const refused = await e.page.evaluate(async () => {
      const r = await fetch('/api/users.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return { status: r.status, body: await r.json() };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('您的角色（前台）无权执行“查看用户”');
  });

  it('shows the new user and the refusals in the audit log, and verifies the chain', async () => {
    await logout(e.page);
    await login(e.page, 'admin', 'admin-pass-1');
    await e.page.getByRole('link', { name: '审计日志', exact: true }).click();
    const table = e.page.getByTestId('audit-table');
    await expect.poll(() => table.getByRole('row').filter({ hasText: '创建用户' }).innerText()).toContain('user [2]');
    await table.getByRole('row').filter({ hasText: '登录失败' }).first().waitFor();
    await e.page.getByRole('button', { name: '校验日志链' }).click();
    await e.page.getByText('校验通过').waitFor();
  });

  it('backs up, then restores that backup and loses what came after', async () => {
    await e.page.getByRole('link', { name: '备份与恢复', exact: true }).click();
    await e.page.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => e.page.getByTestId('backup-result').innerText()).toContain('已备份到 manual-');
    const backupName = (await e.page.getByTestId('backup-result').innerText()).match(/manual-[\w-]+\.sqlite/)![0];
    expect(fs.existsSync(path.join(e.dataDir, 'backups', backupName))).toBe(true);

    await e.page.getByRole('link', { name: '用户管理', exact: true }).click();
    await e.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = e.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('later');
    await dialog.getByLabel('姓名').fill('后来者');
    await dialog.getByLabel(/初始密码/).fill('later-pass-1');
    await dialog.getByRole('button', { name: '创建' }).click();
    await e.page.getByRole('cell', { name: '后来者' }).waitFor();

    await e.page.getByRole('link', { name: '备份与恢复', exact: true }).click();
    await e.page.getByRole('row', { name: new RegExp(backupName) }).getByRole('button', { name: '恢复' }).click();
    await e.page.getByRole('dialog').getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => e.page.getByTestId('backup-result').innerText()).toContain(`已从 ${backupName} 恢复`);
    await e.page.getByRole('link', { name: '用户管理', exact: true }).click();
    await e.page.getByRole('cell', { name: '王前台' }).waitFor();
    await expect.poll(() => e.page.getByRole('cell', { name: '后来者' }).count()).toBe(0);
  });
});
