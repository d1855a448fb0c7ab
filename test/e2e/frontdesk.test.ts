import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, completeSetup, login, type E2E } from './app';

/** The front desk through the real UI, on the demo data set (registry farmers, providers, prices, a season). */
describe('front desk in the browser', () => {
  let e: E2E;
  beforeAll(async () => {
    e = await startE2E();
    await completeSetup(e.page, { demo: true });
  });
  afterAll(async () => e?.close());

  const choose = async (p: Page, label: RegExp, option: string) => {
    await p.getByRole('combobox', { name: label }).click();
    await p.getByRole('option', { name: option, exact: true }).click();
  };
  const chip = (p: Page, name: string) => p.locator('label', { hasText: new RegExp(`^${name}$`) }).click();
  const muTimes = async (p: Page) => Number((await p.getByTestId('stats-mutimes').innerText()).replace(/,/g, ''));

  it('takes a new farmer’s request, dispatches it, records the work, follows up and counts its 亩次', async () => {
    const p = e.page;
    await p.getByRole('link', { name: '服务统计' }).click();
    await p.getByTestId('stats-mutimes').waitFor();
    const before = await muTimes(p);

    await p.getByRole('link', { name: '受理登记' }).click();
    // A farmer not on file yet: added from the picker without leaving the form.
    await p.getByTestId('member-picker').fill('向春花');
    await p.getByRole('option', { name: /新建农户“向春花”/ }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('联系电话').fill('13983001122');
    await choose(p, /^乡镇（街道）/, '江口镇');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => p.getByTestId('chosen-party').innerText()).toContain('向春花');

    await p.locator('label', { hasText: /^来访$/ }).click();
    await choose(p, /^服务类别/, '生产托管·多环节');
    await choose(p, /^作物/, '水稻');
    await chip(p, '耕');
    await chip(p, '收');
    await p.getByLabel(/^面积（亩）/).fill('12.5');
    // The plot township comes from the farmer's record.
    expect(await p.getByRole('combobox', { name: /^地块乡镇/ }).inputValue()).toBe('江口镇');
    // 水稻 耕 80 + 收 100 元/亩 on 12.5 亩 = 2,250 元; 30% subsidy = 675 元 (under the 100 元/亩 cap).
    await expect.poll(() => p.getByTestId('quote-due').innerText()).toBe('1,575.00');
    await p.getByRole('button', { name: '受理并派单' }).click();

    const dispatch = p.getByRole('dialog', { name: /派单/ });
    await dispatch.getByTestId('suggestion').first().waitFor();
    await dispatch.getByRole('radio', { name: '江口镇农机专业合作社' }).check({ force: true });
    await dispatch.getByRole('button', { name: '确认派单' }).click();
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toBe('派单');

    for (const link of ['耕', '收']) {
      await p.getByRole('button', { name: '登记服务', exact: true }).click();
      const form = p.getByRole('dialog', { name: '登记服务记录' });
      expect(await form.getByRole('combobox', { name: /^环节/ }).inputValue()).toBe(link);
      expect(await form.getByLabel(/^作业面积（亩）/).inputValue()).toBe('12.5');
      await form.getByLabel('农户实付（元）').fill(link === '耕' ? '700' : '0');
      await form.getByRole('button', { name: '登记' }).click();
      await form.waitFor({ state: 'detached' });
    }
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toBe('服务中');
    await expect.poll(() => p.getByTestId('record-totals').innerText()).toContain('合计 25 亩次');
    await expect.poll(() => p.getByTestId('records').innerText()).toContain('已付清');

    await p.getByRole('button', { name: '完成服务' }).click();
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toBe('已完成');
    await p.getByRole('button', { name: '回访', exact: true }).click();
    const follow = p.getByRole('dialog', { name: '回访' });
    await follow.getByLabel('回访意见').fill('机手准时，收得干净');
    await follow.getByRole('button', { name: '完成回访' }).click();
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toBe('回访');
    const timeline = await p.getByTestId('timeline').innerText();
    for (const step of ['受理', '派单', '开始服务', '登记服务记录', '完成服务', '回访']) expect(timeline).toContain(step);

    await p.getByRole('link', { name: '服务统计' }).click();
    await expect.poll(() => muTimes(p)).toBe(before + 25);
  });

  it('takes a request by keyboard alone, starting from the last choices, and refuses an area of zero', async () => {
    const p = e.page;
    await p.getByRole('link', { name: '受理登记' }).click();
    // The picker has the focus; the farmer added above is found by the registry's search.
    await p.keyboard.type('向春花');
    await p.getByRole('option').filter({ hasText: '向春花' }).filter({ hasNotText: '新建农户' }).first().waitFor();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.getByTestId('chosen-party').innerText()).toContain('向春花');
    // The desk remembers the last request's choices.
    expect(await p.getByRole('combobox', { name: /^服务类别/ }).inputValue()).toBe('生产托管·多环节');
    expect(await p.getByRole('combobox', { name: /^作物/ }).inputValue()).toBe('水稻');
    await p.keyboard.press('ArrowRight'); // channel: 来访 -> 电话
    await p.keyboard.press('Tab'); // kind
    await p.keyboard.press('Tab'); // crop
    await p.keyboard.press('Tab'); // area
    await p.keyboard.type('0');
    await p.keyboard.press('Enter');
    await p.getByText('面积必须大于 0').first().waitFor();
    expect(await p.getByTestId('chosen-party').innerText()).toContain('向春花');
    await p.getByLabel(/^面积（亩）/).fill('8');
    await p.keyboard.press('Control+Enter');
    await expect.poll(() => p.getByTestId('member-picker').evaluate((el) => el === document.activeElement)).toBe(true);
    const taken = p.getByRole('row').filter({ hasText: '向春花' });
    await expect.poll(() => taken.count()).toBe(2);
  });

  it('shows a request dispatched at one desk in another desk’s queue without reloading', async () => {
    const b = await e.newDesk();
    await login(b.page, 'qiantai', 'weinong123');
    await b.page.getByRole('link', { name: '服务申请', exact: true }).click();
    await b.page.getByRole('tab', { name: /派单/ }).click();
    const dispatched = async () => Number(await b.page.getByTestId('count-dispatched').innerText());
    await expect.poll(dispatched).toBeGreaterThan(0);
    const before = await dispatched();

    const p = e.page;
    await p.getByRole('link', { name: '服务申请', exact: true }).click();
    await p.getByRole('tab', { name: /^受理/ }).click();
    await p.getByRole('row').filter({ hasText: /农机作业|生产托管/ }).first().click();
    await expect.poll(() => p.getByRole('heading', { level: 3 }).innerText()).toMatch(/^FW\d{4}-\d{5} /);
    const code = (await p.getByRole('heading', { level: 3 }).innerText()).split(' ')[0]!;
    await p.getByRole('button', { name: '派单', exact: true }).click();
    const dispatch = p.getByRole('dialog', { name: /派单/ });
    await dispatch.getByTestId('suggestion').first().waitFor();
    const reason = dispatch.getByLabel(/跨范围派单原因/);
    if (await reason.isVisible()) await reason.fill('就近调派');
    await dispatch.getByRole('button', { name: '确认派单' }).click();
    await expect.poll(() => p.getByTestId('request-status').first().innerText()).toBe('派单');

    await b.page.getByRole('cell', { name: code }).waitFor({ timeout: 10_000 });
    expect(await dispatched()).toBe(before + 1);
  });
});
