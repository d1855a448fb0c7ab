import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, completeSetup, login, type E2E } from './app';
import { insertUser } from '../../electron/core/auth/users';
import { SYSTEM_ACTOR } from '../../electron/core/db/store';
import { CliClient } from '../../electron/cli/io';
import { createRouter } from '../../electron/api';
import { household, org, seedGeo } from '../helpers/members';

let e: E2E;
const COOP = '云阳县江口镇兴农柑橘专业合作社';
const local = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

beforeAll(async () => {
  e = await startE2E();
  const store = e.server.core.store;
  await completeSetup(e.page);
  store.write(SYSTEM_ACTOR, 'test.setup', (audit) => {
    insertUser(store, { username: 'qiantai', displayName: '王前台', role: 'frontdesk', password: 'desk-pass-1' }, false);
    store.sqlite.prepare("INSERT OR IGNORE INTO industries (name, sort) VALUES ('柑橘', 1)").run();
    audit.record({ entity: 'user', ids: [], summary: {} });
  });
  // The cooperative is registered through the API so that the member picker finds it.
  const admin = new CliClient(e.server.core, createRouter());
  await admin.login('admin', 'admin-pass-1');
  await admin.call('orgs.save', org({ name: COOP }));
  const geo = await seedGeo(admin);
  for (const name of ['李秀英', '张大山']) await admin.call('households.save', household(geo.nanxi, { name }));
}, 120_000);
afterAll(async () => e?.close());

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
}

async function indicator8(page: Page): Promise<{ value: string; how: string }> {
  await go(page, '/tasks/indicators');
  await page.getByRole('link', { name: '撬动金融机构投入“三位一体”改革信贷资金规模' }).click();
  await page.getByRole('heading', { name: /^指标 8：/ }).waitFor();
  const value = page.getByTestId('indicator-current');
  await value.waitFor();
  return { value: (await value.textContent()) ?? '', how: (await page.getByTestId('indicator-how').textContent()) ?? '' };
}

describe('credit services in Chromium', () => {
  it('rates a cooperative, matches a product, takes the loan through to a disbursement and moves indicator 8', async () => {
    const page = e.page;
    const before = await indicator8(page);
    expect(before.value).toBe('0.00');
    expect(before.how).toContain('放款 0 笔');

    // The plan's products, as editable examples.
    await page.getByRole('link', { name: '贷款产品' }).click();
    await page.getByRole('button', { name: '载入方案所列产品（示例）' }).click();
    await page.getByTestId('products').getByText('红橙贷').waitFor();

    // Open the cooperative's credit profile and rate it; approve the rating, adjusted after the bank's survey.
    await page.getByRole('link', { name: '信用档案' }).click();
    await page.getByRole('button', { name: '查看会员信用档案' }).click();
    await page.getByRole('dialog').getByLabel('会员').fill('兴农柑橘');
    await page.getByRole('option', { name: new RegExp(COOP) }).click();
    await page.getByRole('heading', { name: `信用档案：${COOP}` }).waitFor();
    await page.getByTestId('facts').getByText('入会年限').waitFor();
    await page.getByRole('button', { name: '计算评级' }).click();
    const explain = page.getByTestId('rating-explain');
    await explain.getByText('评级模型第 1 版', { exact: false }).waitFor();
    expect(await explain.getByTestId('rating-lines').getByRole('row').count()).toBe(14);
    await explain.getByLabel('审批等级').click();
    await page.getByRole('option', { name: 'A', exact: true }).click();
    await explain.getByLabel('调整理由').fill('邮储银行授信调查结论为 A 级');
    await explain.getByRole('button', { name: '审批通过' }).click();
    await explain.getByText('已审批').waitFor();
    await explain.getByText('调整理由：邮储银行授信调查结论为 A 级').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('ratings').getByRole('row').nth(1).textContent()).toContain('已审批');

    // 红橙贷 is made for citrus: it comes first, with its reasons.
    const hongcheng = page.getByTestId('match-红橙贷');
    await hongcheng.getByText('符合条件').waitFor();
    expect(await page.getByTestId('matches').getByRole('row').first().textContent()).toContain('红橙贷');
    await hongcheng.getByText('专为柑橘产业设计（一业一贷）').waitFor();
    await hongcheng.getByRole('button', { name: '代办申请' }).click();
    const form = page.getByRole('dialog');
    await form.getByTestId('applicant').getByText(COOP).waitFor();
    await form.getByLabel('贷款用途').fill('柑橘园水肥一体化改造');
    await form.getByRole('button', { name: '受理' }).click();
    await page.getByRole('heading', { name: /^金融代办 DB\d{4}-0001$/ }).waitFor();

    // The documents the product asks for, then the bank.
    for (const doc of ['身份证', '柑橘种植面积证明', '经营情况说明']) {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: `上传${doc}` }).click()]);
      await chooser.setFiles({ name: `${doc}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4 ${doc}`) });
      await page.getByTestId('docs').getByText(`${doc}.pdf`).waitFor();
    }
    await expect.poll(() => page.getByTestId('docs-count').textContent()).toBe('必备材料 3/3');
    await page.getByRole('button', { name: '提交银行' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('申请金额（元）').fill('2000000');
    await dialog.getByRole('button', { name: '提交银行' }).click();
    await expect.poll(() => page.getByTestId('app-status').first().textContent()).toBe('已提交银行');

    await page.getByRole('button', { name: '登记审批结果' }).click();
    dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('批准金额（元）').inputValue()).toBe('2000000.00');
    await dialog.getByLabel('执行年利率（%）').fill('3.95');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('app-status').first().textContent()).toBe('银行已批准');
    expect(await page.getByTestId('granted').textContent()).toBe('2,000,000.00');

    await page.getByRole('button', { name: '登记放款' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByLabel('放款金额（元）').fill('2000000');
    const due = new Date();
    due.setFullYear(due.getFullYear() + 2);
    await dialog.getByLabel('到期日').fill(local(due));
    await dialog.getByRole('button', { name: '登记放款' }).click();
    await expect.poll(() => page.getByTestId('app-status').first().textContent()).toBe('已放款');
    await page.getByTestId('disbursements').getByText('2,000,000.00').waitFor();

    // The tracker's indicator 8 now counts the disbursement, and links to the credit figures.
    const after = await indicator8(page);
    expect(after.value).toBe('0.02');
    expect(after.how).toContain('放款 1 笔（1 户/家会员），合计 2,000,000.00 元');
    await page.getByRole('link', { name: '查看原始数据' }).click();
    await expect.poll(() => page.getByTestId('credit-indicator').textContent()).toBe('0.0200 亿元');
  });

  it('rates the farmer households of one township as a batch, with progress', async () => {
    const page = e.page;
    await page.getByRole('link', { name: '信用档案' }).click();
    await page.getByRole('button', { name: '批量评级' }).click();
    const dialog = page.getByRole('dialog', { name: '批量评级' });
    await dialog.getByText('农户', { exact: true }).click();
    await dialog.getByLabel('范围').click();
    await page.getByRole('option', { name: '南溪镇', exact: true }).click();
    await dialog.getByRole('button', { name: '开始批量评级' }).click();
    const progress = page.getByTestId('job-progress');
    await expect.poll(() => progress.textContent(), { timeout: 20_000 }).toContain('已完成');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByText('李秀英').first().waitFor();
    await page.getByText('张大山').first().waitFor();
  });

  it('shows the front desk the application’s status but no amounts and no credit profiles', async () => {
    const desk = await e.newDesk();
    const page = desk.page;
    await login(page, 'qiantai', 'desk-pass-1');
    await page.getByTestId('user-menu').waitFor();
    await go(page, '/credit/applications');
    await page.getByRole('link', { name: /DB\d{4}-0001/ }).click();
    await expect.poll(() => page.getByTestId('app-status').first().textContent()).toBe('已放款');
    await page.getByText('贷款金额和信用评级属于会员个人信用信息，只有负责人和管理员可以查看。').waitFor();
    expect(await page.getByText('批准金额（元）').count()).toBe(0);
    expect(await page.getByText('2,000,000.00').count()).toBe(0);
    expect(await page.getByRole('link', { name: '信用档案' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '下载' }).count()).toBe(0);
    await desk.context.close();
  });
});
