import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../../helpers/core';
import { createCoop } from '../../helpers/ledger-fixtures';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { AppCore } from '../../../electron/core/app';
import { createRouter } from '../../../electron/api';
import { CliClient } from '../../../electron/cli/io';
import { tempDir } from '../../helpers/tmp';

let env: Awaited<ReturnType<typeof setupCore>>;
beforeAll(async () => {
  env = await setupCore();
});
afterAll(() => env.close());

describe('the workload board and the demo books', () => {
  it('builds demo books for the registry’s cooperatives once, and shows who has drafts waiting, the last close and overdue closes', async () => {
    // A fixed day so that what is overdue does not depend on when the test runs.
    const tmp = tempDir('ledger-demo');
    const core = AppCore.open({ dataDir: tmp.dir, mode: 'browser', clock: () => new Date('2026-12-03T09:00:00Z') });
    try {
      const admin = new CliClient(core, createRouter());
      await admin.call('setup.createAdmin', { username: 'admin', displayName: '张管理', password: 'admin-pass-1', centreName: '测试', loadDemo: false });
      createCoop(core.store, '云阳县江口镇柑橘专业合作社', ['张大山', '李秀英', '王建国']);
      createCoop(core.store, '没有成员的合作社', []);
      const first = await admin.call<{ summary: Record<string, number> }>('demo.load');
      expect(first.summary).toMatchObject({ 演示账套: 1 });
      const again = await admin.call<{ summary: Record<string, number> }>('demo.load');
      expect(again.summary.演示账套).toBeUndefined();
      const w = await admin.call<Out<Contract['ledger.workload']>>('ledger.workload');
      const row = w.rows.find((r) => r.coopName === '云阳县江口镇柑橘专业合作社')!;
      expect(row).toMatchObject({ bookStatus: 'active', drafts: 2, reviewed: 0, lastClosed: '2026-09', firstOpen: '2026-10', overdue: 1 });
      expect(row.waiting).toEqual([{ preparer: '李会计', drafts: 2 }]);
      expect(w.rows.find((r) => r.coopName === '没有成员的合作社')).toMatchObject({ bookId: null, bookStatus: 'none' });
      const bs = await admin.call<Out<Contract['ledger.reports.balanceSheet']>>('ledger.reports.balanceSheet', { bookId: row.bookId!, period: '2026-11' });
      expect(bs.balanced).toBe(true);
      const hits = await admin.call<{ title: string; route: string }[]>('search.global', { q: 'jkz' });
      expect(hits).toContainEqual(expect.objectContaining({ title: '云阳县江口镇柑橘专业合作社', route: `/ledger/${row.bookId}/vouchers` }));
    } finally {
      core.close();
      tmp.cleanup();
    }
  });

  it('lists cooperatives without books so a bookkeeper can open them', async () => {
    createCoop(env.core.store, '云阳县凤鸣镇蔬菜专业合作社', ['甲']);
    const w = await env.admin.call<Out<Contract['ledger.workload']>>('ledger.workload');
    expect(w.rows.map((r) => [r.coopName, r.bookStatus])).toEqual([['云阳县凤鸣镇蔬菜专业合作社', 'none']]);
  });
});
