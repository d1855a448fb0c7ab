import { startE2E, completeSetup } from './test/e2e/app';
(async () => {
  const e = await startE2E();
  await completeSetup(e.page, { demo: true });
  await e.page.evaluate(() => (window.location.hash = '/members/households/new'));
  await e.page.waitForTimeout(800);
  const html = await e.page.evaluate(() => [...document.querySelectorAll('input')].map((i) => `${i.outerHTML}`).join('\n'));
  console.log(html);
  console.log(await e.page.getByLabel(/^乡镇（街道）/).count(), await e.page.getByRole('combobox').count(), await e.page.getByRole('textbox').count());
  await e.close();
})().catch((err) => { console.error(err); process.exit(1); });
