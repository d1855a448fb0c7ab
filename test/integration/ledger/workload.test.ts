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
      // The registry's demo cooperatives and members come first; the ledger opens books for three of them.
      const first = await admin.call<{ summary: Record<string, number> }>('demo.load');
      expect(first.summary).toMatchObject({ 演示账套: 3 });
      const again = await admin.call<{ summary: Record<string, number> }>('demo.load');
      expect(again.summary).toMatchObject({ 演示账套: 0, 演示凭证: 0 });
      const w = await admin.call<Out<Contract['ledger.workload']>>('ledger.workload');
      const books = w.rows.filter((r) => r.bookId !== null);
      expect(books).toHaveLength(3);
      for (const row of books) {
        expect(row).toMatchObject({ bookStatus: 'active', drafts: 2, reviewed: 0, lastClosed: '2026-09', firstOpen: '2026-10', overdue: 1 });
        expect(row.waiting).toEqual([{ preparer: '李会计', drafts: 2 }]);
        const bs = await admin.call<Out<Contract['ledger.reports.balanceSheet']>>('ledger.reports.balanceSheet', { bookId: row.bookId!, period: '2026-11' });
        expect(bs.balanced).toBe(true);
      }
      expect(w.rows.filter((r) => r.bookId === null).every((r) => r.bookStatus === 'none')).toBe(true);
      const hits = await admin.call<{ title: string; route: string }[]>('search.global', { q: books[0]!.coopName });
      expect(hits).toContainEqual(expect.objectContaining({ kindLabel: '账套', title: books[0]!.coopName, route: `/ledger/${books[0]!.bookId}/vouchers` }));
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
