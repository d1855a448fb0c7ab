import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { localBackend } from '../../electron/api/backend';
import { startServer } from '../../electron/server/http';
import { openDatabase } from '../../electron/core/db/connection';
import { tempDir } from '../helpers/tmp';
import { fmt, heading, line, sample, timeIt } from './lib';

/** Foundation: API round trip over HTTP versus a direct router call, and database open + migrate time. */
export default async function foundation(): Promise<void> {
  heading('foundation: API round trip (geo.list, 10 townships) and database open');
  const tmp = tempDir('bench-foundation');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const router = createRouter();
    const direct = new CliClient(core, router);
    await direct.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const server = await startServer({ backend: localBackend(core, router), staticDir: tmp.dir });
    const login = await fetch(`${server.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ username: 'admin', password: 'bench-pass-1' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const viaHttp = await sample(2000, async () => {
      const r = await fetch(`${server.url}/api/geo.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url, Cookie: cookie }, body: '{}' });
      await r.json();
    });
    const viaDirect = await sample(2000, () => direct.call('geo.list'));
    line('direct router call p50 / p95', `${fmt(viaDirect.p50)} / ${fmt(viaDirect.p95)}`, '(baseline)');
    line('HTTP round trip p50 / p95', `${fmt(viaHttp.p50)} / ${fmt(viaHttp.p95)}`, `HTTP costs ${(viaHttp.p50 / viaDirect.p50).toFixed(1)}x the direct call at p50`);
    await server.close();
    core.close();

    const fresh = await timeIt(() => openDatabase(path.join(tmp.dir, 'fresh.sqlite'), { backupsDir: path.join(tmp.dir, 'b') }));
    fresh.value.sqlite.close();
    const reopen = await timeIt(() => openDatabase(path.join(tmp.dir, 'fresh.sqlite'), { backupsDir: path.join(tmp.dir, 'b') }));
    reopen.value.sqlite.close();
    line('open + migrate a new database', fmt(fresh.ms), `${fresh.value.applied} migrations`);
    line('open an up-to-date database', fmt(reopen.ms), `(${(fresh.ms / reopen.ms).toFixed(1)}x the fresh open)`);
  } finally {
    tmp.cleanup();
  }
}
