import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { startE2E, completeSetup, type E2E } from './app';
import { inspectPdf, merges, readXlsx, rowWhere } from '../helpers/reports';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

/** Clicks and keeps the download in E2E.downloads under the name the app gave it. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [d] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const file = path.join(e.downloads, d.suggestedFilename());
  await d.saveAs(file);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('report centre in Chromium', () => {
  it('previews and exports annex 1 and annex 2, records them, and checks one against the data again', async () => {
    const page = e.page;
    await completeSetup(page);
    await page.getByRole('link', { name: '报表中心' }).click();
    await page.getByRole('heading', { name: '报表中心' }).waitFor();

    // Annex 1 is first; its preview is the exported layout with the merged header.
    const form = page.locator('form').filter({ has: page.getByLabel('填报单位') });
    await form.getByRole('heading', { name: '生产、供销、信用“三位一体”改革主要指标完成情况' }).waitFor();
    await form.getByLabel('填报单位').fill('云阳县供销合作社联合社');
    await form.getByLabel('审核人').fill('李审核');
    await form.getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('report-preview');
    await preview.getByText('填报单位：云阳县供销合作社联合社').waitFor();
    await preview.getByRole('columnheader', { name: '目标', exact: true }).waitFor();
    expect(await preview.getByRole('columnheader', { name: '目标', exact: true }).getAttribute('colspan')).toBe('3');
    await preview.getByRole('cell', { name: '组建农合联（产业农合联）' }).waitFor();

    const xlsx = await download(page, () => form.getByRole('button', { name: '导出 Excel' }).click());
    expect(xlsx.name).toMatch(/^生产、供销、信用“三位一体”改革主要指标完成情况_\d{4}年\d{1,2}月\.xlsx$/);
    const ws = (await readXlsx(xlsx.bytes)).getWorksheet('主要指标完成情况')!;
    expect(ws.getCell('A2').value).toBe('填报单位：云阳县供销合作社联合社');
    const h = rowWhere(ws, 1, '序号');
    expect(merges(ws)).toContain(`D${h}:F${h}`);
    expect(ws.getCell(rowWhere(ws, 1, 8), 2).value).toBe('撬动金融机构投入“三位一体”改革信贷资金规模');
    expect(String(ws.getCell(ws.rowCount, 1).value)).toContain('审核人：李审核');
    await page.getByText(/已导出并记入上报记录/).waitFor();

    // Annex 2 as PDF.
    await page.getByRole('button', { name: '生产、供销、信用“三位一体”改革重点任务推进情况' }).click();
    await form.getByRole('heading', { name: '生产、供销、信用“三位一体”改革重点任务推进情况' }).waitFor();
    await preview.getByRole('cell', { name: '组建农合联', exact: true }).waitFor();
    // The unit typed for annex 1 carries over to the next report.
    expect(await form.getByLabel('填报单位').inputValue()).toBe('云阳县供销合作社联合社');
    const pdf = await download(page, () => form.getByRole('button', { name: '导出 PDF' }).click());
    expect(pdf.name).toMatch(/^生产、供销、信用“三位一体”改革重点任务推进情况_\d{4}年\d{1,2}月\.pdf$/);
    const inspected = inspectPdf(pdf.bytes);
    expect(inspected.pngs).toHaveLength(inspected.pages);
    expect(inspected.text).toContain('重点任务推进情况');
    expect(inspected.text).toContain('填报单位：云阳县供销合作社联合社');
    expect(inspected.text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);

    // The history lists both; the annex 1 file comes back byte for byte and still matches the data.
    await page.getByRole('link', { name: '上报记录' }).click();
    await page.getByRole('heading', { name: '上报记录' }).waitFor();
    await page.getByRole('row').filter({ hasText: pdf.name }).waitFor();
    const row = page.getByRole('row').filter({ hasText: xlsx.name });
    const original = await download(page, () => row.getByRole('button', { name: '下载原件' }).click());
    expect(original.bytes.equals(xlsx.bytes)).toBe(true);
    await row.getByRole('button', { name: '重新生成核对' }).click();
    await page.getByTestId('regenerate-result').getByText('与上报时一致').waitFor();
  });
});
