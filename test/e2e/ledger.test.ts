import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { startE2E, completeSetup, login, logout, type E2E } from './app';
import { createCoop } from '../helpers/ledger-fixtures';
import { insertUser } from '../../electron/core/auth/users';
import { SYSTEM_ACTOR } from '../../electron/core/db/store';
import { CliClient } from '../../electron/cli/io';
import { createRouter } from '../../electron/api';

let e: E2E;
const selected = (option: Locator) => expect.poll(() => option.getAttribute('aria-selected')).toBe('true');
let bookId: number;
const month = new Date().toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  e = await startE2E();
  const store = e.server.core.store;
  createCoop(store, '云阳县江口镇柑橘专业合作社', ['张大山', '李秀英', '王建国']);
  await completeSetup(e.page);
  store.write(SYSTEM_ACTOR, 'test.setup', (audit) => {
    for (const u of [
      { username: 'kuaiji', displayName: '李会计' },
      { username: 'kuaiji2', displayName: '周会计' },
    ])
      insertUser(store, { ...u, role: 'bookkeeper', password: 'ledger-pass-1' }, false);
    audit.record({ entity: 'user', ids: [], summary: {} });
  });
  // The books are opened through the API: setting them up is not what this test is about.
  const admin = new CliClient(e.server.core, createRouter());
  await admin.login('admin', 'admin-pass-1');
  const coopId = store.sqlite.prepare("SELECT id FROM orgs WHERE name = '云阳县江口镇柑橘专业合作社'").pluck().get() as number;
  bookId = (await admin.call<{ id: number }>('ledger.books.create', { coopId, startPeriod: month })).id;
  await admin.call('ledger.opening.activate', { bookId });
  await logout(e.page);
}, 120_000);
afterAll(async () => e?.close());

describe('bookkeeping in the browser', () => {
  it('enters a voucher with the keyboard only, has it reviewed by a second bookkeeper, posts it, finds it in the trial balance and prints it', async () => {
    const page = e.page;
    await login(page, 'kuaiji', 'ledger-pass-1');
    // A bookkeeper starts the day on the workload board.
    await page.getByTestId('workload').getByRole('link', { name: '云阳县江口镇柑橘专业合作社' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe('#/ledger');
    await page.evaluate((h) => (window.location.hash = h), `/ledger/${bookId}/voucher/new`);

    // Keyboard only from here: the date field has the focus.
    const date = page.getByLabel('凭证日期');
    await expect.poll(() => date.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('收到成员股金');
    await page.keyboard.press('Enter');
    await page.keyboard.type('102');
    await selected(page.getByRole('option', { name: '102 银行存款' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('5000');
    await page.keyboard.press('Enter');
    // The next line starts with the same summary; Enter keeps it.
    await expect.poll(() => page.getByLabel('第 2 行摘要').inputValue()).toBe('收到成员股金');
    await page.keyboard.press('Enter');
    await page.keyboard.type('gj');
    await selected(page.getByRole('option', { name: /^301 股金/ }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('zds');
    await selected(page.getByRole('option', { name: /张大山/ }));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // = fills the amount that balances the voucher.
    await page.keyboard.type('=');
    await expect.poll(() => page.getByLabel('第 2 行贷方金额').inputValue()).toBe('5000.00');
    await expect.poll(() => page.getByTestId('voucher-upper').textContent()).toBe('合计：伍仟元整');
    await page.keyboard.press('Control+S');
    await page.getByText('已保存 记-1，可继续录入下一张').waitFor();

    await logout(page);
    await login(page, 'kuaiji2', 'ledger-pass-1');
    await page.getByTestId('user-menu').waitFor();
    await page.evaluate((h) => (window.location.hash = h), `/ledger/${bookId}/vouchers`);
    await page.getByRole('link', { name: '记-1' }).click();
    await page.getByText('制单：李会计').waitFor();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.getByText('审核：周会计').waitFor();
    await page.getByRole('button', { name: '记账', exact: true }).click();
    await page.getByText('记账：周会计').waitFor();

    await page.getByRole('tab', { name: '账表' }).click();
    const trial = page.getByTestId('trial-balance');
    await expect.poll(() => trial.getByRole('row', { name: /102\s*银行存款/ }).textContent()).toContain('5,000.00');
    await expect.poll(() => trial.getByRole('row', { name: /301\s*股金/ }).textContent()).toContain('5,000.00');
    await trial.getByRole('row', { name: /102\s*银行存款/ }).getByRole('link', { name: '5,000.00' }).first().click();
    await page.getByRole('link', { name: '记-1' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '打印' }).click();
    await page.getByRole('menuitem', { name: 'A4 纸（PDF）' }).click();
    const file = path.join(e.downloads, 'voucher.pdf');
    await (await download).saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 4).toString()).toBe('%PDF');
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    for (const s of ['记账凭证', '云阳县江口镇柑橘专业合作社', '记字第 1 号', '合计：伍仟元整', '张大山', '附件 2 张', '制单：李会计', '审核：周会计', '记账：周会计']) expect(text).toContain(s);
  }, 120_000);
});
