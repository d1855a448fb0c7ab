import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { startE2E, completeSetup, type E2E } from './app';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});
afterAll(async () => {
  await e.close();
});

describe('reform task tracker in Chromium', () => {
  it('opens on the dashboard, takes a progress report with evidence for task 8 and shows it everywhere', async () => {
    const page = e.page;
    await completeSetup(page);

    // A manager-type role lands on the dashboard, with the plan's 31 tasks not started and 8 indicators.
    await page.getByRole('heading', { name: '改革工作台' }).waitFor();
    await expect.poll(() => page.getByTestId('count-未启动').textContent()).toBe('未启动 31');
    expect(await page.getByTestId('count-推进中').textContent()).toBe('推进中 0');
    expect(await page.getByTestId('indicator-8').textContent()).toContain('撬动金融机构投入');
    await page.getByText('还没有填报进展').waitFor();

    // The status figure links to the filtered task list; task 8 is there.
    await page.getByTestId('status-counts').getByText('未启动 31').click();
    await page.getByRole('heading', { name: '重点任务' }).waitFor();
    await page.getByText('共 31 项').waitFor();
    await page.getByTestId('task-row-8').getByRole('link', { name: '8', exact: true }).click();

    await page.getByRole('heading', { name: '任务 8：拓宽农业生产服务领域和渠道' }).waitFor();
    expect(await page.getByTestId('task-status').first().textContent()).toBe('未启动');

    await page.getByRole('button', { name: '填报进展' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('进展情况').fill('双江街道完成水稻全程托管 1.2 万亩次，服务农户 310 户。');
    await dialog.getByLabel('目前进度（%）').fill('40');
    const evidence = Buffer.from('%PDF-1.4\n托管服务验收单（演示）\n');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByLabel('佐证材料').click()]);
    await chooser.setFiles({ name: '托管验收单.pdf', mimeType: 'application/pdf', buffer: evidence });
    await dialog.getByText('托管验收单.pdf').waitFor();
    await dialog.getByRole('button', { name: '提交进展' }).click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(() => page.getByTestId('task-status').first().textContent()).toBe('推进中');
    expect(await page.getByTestId('task-progress').textContent()).toBe('40%');
    const report = page.getByTestId('timeline-report');
    await report.getByText('双江街道完成水稻全程托管').waitFor();
    const sha = crypto.createHash('sha256').update(evidence).digest('hex');
    expect(await report.getByTestId('evidence-sha').textContent()).toContain(sha.slice(0, 12));

    // The evidence comes back byte for byte.
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: '托管验收单.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('托管验收单.pdf');
    expect(fs.readFileSync((await download.path())!)).toEqual(evidence);

    // Back on the dashboard: one task moved from 未启动 to 推进中 and the report is the latest.
    await page.getByRole('link', { name: '改革工作台', exact: true }).click();
    await expect.poll(() => page.getByTestId('count-推进中').textContent()).toBe('推进中 1');
    expect(await page.getByTestId('count-未启动').textContent()).toBe('未启动 30');
    const latest = page.getByTestId('latest-reports');
    await latest.getByText('双江街道完成水稻全程托管 1.2 万亩次').waitFor();
    await latest.getByRole('link', { name: '8. 拓宽农业生产服务领域和渠道', exact: true }).click();
    await page.getByRole('heading', { name: '任务 8：拓宽农业生产服务领域和渠道' }).waitFor();
  });
});
