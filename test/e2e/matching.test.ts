import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, completeSetup, type E2E } from './app';

let e: E2E;
let page: Page;

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A field by its whole label; required fields carry " *". */
const field = (scope: ReturnType<Page['getByRole']>, label: string) => scope.getByLabel(new RegExp(`^${label}( \\*)?$`));

/** Mantine Select: open it by its label and pick the option. */
async function choose(scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await field(scope, label).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

beforeAll(async () => {
  e = await startE2E();
  page = e.page;
  await completeSetup(page, { demo: true });
});
afterAll(async () => {
  await e?.close();
});

describe('supply matching in the browser', () => {
  let sellerName = '';

  it('lists a supply of 沃柑 for a cooperative found in the registry', async () => {
    sellerName = await page.evaluate(async () => {
      const r = await fetch('/api/members.search', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ q: '专业合作社', kinds: ['org'], limit: 1 }) });
      return ((await r.json()) as { data: { name: string }[] }).data[0]!.name;
    });
    await page.getByRole('link', { name: '供需挂牌' }).click();
    await page.getByRole('button', { name: '新增挂牌' }).click();
    const dialog = page.getByRole('dialog', { name: '新增挂牌' });
    await dialog.getByLabel('供应方').fill(sellerName.slice(0, 8));
    await page.getByRole('option', { name: new RegExp(sellerName) }).click();
    await expect.poll(() => dialog.getByTestId('party-chosen').innerText()).toContain(sellerName);
    await choose(dialog, '产品', '沃柑');
    await choose(dialog, '等级', '一级');
    await field(dialog, '数量').fill('10');
    await choose(dialog, '单位', '吨');
    await dialog.getByLabel('最低价（元）').fill('3.00');
    await dialog.getByLabel('最高价（元）').fill('3.60');
    await choose(dialog, '价格单位', '斤');
    await dialog.getByLabel('可供应至').fill(day(30));
    await choose(dialog, '产地乡镇', '江口镇');
    await dialog.getByText('天生云阳').click();
    await dialog.getByRole('button', { name: '挂牌', exact: true }).click();
    await page.getByRole('heading', { name: /^GY\d{6} 供应 · 沃柑$/ }).waitFor();
    await page.getByText('剩余：10 吨').waitFor();
    // The demo has a buyer of any citrus: a category-level demand matches the new 沃柑 supply.
    await page.getByTestId('match-candidate').getByText('按品类求购，品种不限').first().waitFor();
  });

  it('refuses a demand whose window ends before it starts, saying which field', async () => {
    await page.getByRole('link', { name: '供需挂牌' }).click();
    await page.getByRole('button', { name: '新增挂牌' }).click();
    const dialog = page.getByRole('dialog', { name: '新增挂牌' });
    await dialog.getByText('需求（买方）').click();
    await dialog.getByRole('button', { name: '快速登记企业' }).click();
    const quick = page.getByRole('dialog', { name: '快速登记企业' });
    await quick.getByLabel('企业名称').fill('云阳鲜果采购有限公司');
    await quick.getByRole('button', { name: '登记并选用' }).click();
    await expect.poll(() => dialog.getByTestId('party-chosen').innerText()).toContain('云阳鲜果采购有限公司');
    await choose(dialog, '产品', '沃柑');
    await choose(dialog, '等级', '一级');
    await field(dialog, '数量').fill('8000');
    await dialog.getByLabel('最高价（元）').fill('7.00');
    await choose(dialog, '价格单位', '公斤');
    await dialog.getByLabel('需要自').fill(day(10));
    await dialog.getByLabel('需要至').fill(day(5));
    await choose(dialog, '交货乡镇', '青龙街道');
    await dialog.getByRole('button', { name: '挂牌', exact: true }).click();
    await dialog.getByText('结束日期不能早于开始日期').waitFor();
    await dialog.getByLabel('需要至').fill(day(20));
    await dialog.getByRole('button', { name: '挂牌', exact: true }).click();
    await page.getByRole('heading', { name: /^QG\d{6} 需求 · 沃柑$/ }).waitFor();
  });

  it('shows the supply as the best match with its reasons, and confirms the deal', async () => {
    const card = page.getByTestId('match-candidate').first();
    await card.getByText(sellerName).waitFor();
    const text = await card.innerText();
    expect(text).toContain('同一产品；等级相符（一级）');
    expect(text).toContain('可满足本挂牌剩余的 100%（8000 / 8000 斤）');
    expect(text).toMatch(/直线约 \d+ 公里（江口镇 → 青龙街道）/);
    expect(text).toContain('供方 3.00–3.60 元/斤，需方 7.00 元/公斤');
    await card.getByRole('button', { name: '确认成交' }).click();
    const dialog = page.getByRole('dialog', { name: '确认成交' });
    await expect.poll(() => dialog.getByLabel('成交数量').inputValue()).toBe('4');
    expect(await field(dialog, '单位').inputValue()).toBe('吨');
    await dialog.getByLabel('成交价（元）').fill('3.40');
    await dialog.getByLabel('交货日期').fill(day(12));
    await dialog.getByRole('button', { name: '确认成交' }).click();
    await page.getByRole('heading', { name: /^成交 CJ\d{6} · 沃柑$/ }).waitFor();
    await page.getByText('金额：¥27,200.00').waitFor();
  });

  it('records deliveries until the deal is complete, and the supply keeps what is left', async () => {
    await page.getByLabel('交货数量').fill('1.5');
    await page.getByRole('button', { name: '登记交货' }).click();
    await expect.poll(() => page.getByTestId('delivery-progress').innerText()).toBe('已交 1.5 / 4 吨，未交 2.5 吨');
    await expect.poll(() => page.getByLabel('交货数量').inputValue()).toBe('2.5');
    await page.getByRole('button', { name: '登记交货' }).click();
    await page.getByText('已完成').first().waitFor();
    await page.getByRole('link', { name: /^GY\d{6}$/ }).click();
    await page.getByText('剩余：6 吨').waitFor();
  });

  it('proposes pairs for every open listing as a job and shows them for review', async () => {
    await page.getByRole('link', { name: '批量撮合' }).click();
    await page.getByRole('button', { name: '生成撮合方案' }).click();
    const summary = page.getByTestId('proposal-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/方案共 [1-9]\d* 对/);
    await page.getByRole('button', { name: '重新生成方案' }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(1);
  });
});
