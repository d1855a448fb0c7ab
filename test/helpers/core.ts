import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { tempDir } from './tmp';

/** A real data folder with migrations applied and an admin, driven through the router as the UI would. */
export async function setupCore(opts: { demo?: boolean; clock?: () => Date } = {}) {
  const tmp = tempDir('core');
  const core = AppCore.open({ dataDir: tmp.dir, mode: 'browser', ...(opts.clock ? { clock: opts.clock } : {}) });
  const router = createRouter();
  const admin = new CliClient(core, router);
  await admin.call('setup.createAdmin', { username: 'admin', displayName: '张管理', password: 'admin-pass-1', centreName: '测试服务中心', loadDemo: opts.demo ?? false });
  const as = async (username: string, password: string) => {
    const c = new CliClient(core, router);
    await c.login(username, password);
    return c;
  };
  return {
    core,
    router,
    admin,
    dir: tmp.dir,
    as,
    close() {
      core.close();
      tmp.cleanup();
    },
  };
}
