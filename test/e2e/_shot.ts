import { startE2E, completeSetup } from './app';
(async () => {
  const e = await startE2E();
  e.page.on('console', (m) => console.log('console', m.type(), m.text()));
  e.page.on('pageerror', (err) => console.log('pageerror', err.message));
  await completeSetup(e.page, { demo: true });
  await e.page.screenshot({ path: '/tmp/s1.png' });
  await e.page.evaluate(() => (window.location.hash = '/system/audit'));
  await e.page.waitForTimeout(800);
  await e.page.screenshot({ path: '/tmp/s2.png' });
  await e.close();
})().catch((err) => { console.error(err); process.exit(1); });
