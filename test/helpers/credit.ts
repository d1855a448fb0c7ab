import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { pinyinKeys } from '../../electron/core/search/pinyin';
import { tempDir } from './tmp';

/**
 * A data folder whose clock the test moves (credit counts years, windows and due dates from "today").
 * Moving the clock ends idle sessions, so callers log in again with `login` after `setDay`.
 */
export async function setupCredit(startDay: string) {
  const tmp = tempDir('credit');
  let now = new Date(`${startDay}T09:00:00+08:00`);
  const core = AppCore.open({ dataDir: tmp.dir, mode: 'browser', clock: () => now });
  const router = createRouter();
  const admin = new CliClient(core, router);
  await admin.call('setup.createAdmin', { username: 'admin', displayName: '张管理', password: 'admin-pass-1', centreName: '测试服务中心', loadDemo: false });
  const passwords = new Map<string, string>([['admin', 'admin-pass-1']]);
  const login = async (username: string) => {
    const c = new CliClient(core, router);
    await c.login(username, passwords.get(username)!);
    return c;
  };
  const sql = (q: string, ...args: unknown[]) => core.store.sqlite.prepare(q).run(...args);
  const stamp = () => now.toISOString();
  return {
    core,
    router,
    admin,
    dir: tmp.dir,
    login,
    async user(username: string, displayName: string, role: 'bookkeeper' | 'manager' | 'frontdesk' | 'admin') {
      await admin.call('users.create', { username, displayName, role, password: 'initial-pass-1' });
      const c = await login2(username, 'initial-pass-1');
      await c.call('auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: `${username}-pass-2` });
      passwords.set(username, `${username}-pass-2`);
      return login(username);
    },
    setDay(day: string) {
      now = new Date(`${day}T09:00:00+08:00`);
    },
    sql,
    township(name: string, villages: string[] = []) {
      const t = Number(sql('INSERT INTO townships (name, kind, sort) VALUES (?, ?, 0)', name, '镇').lastInsertRowid);
      return { id: t, villages: villages.map((v) => Number(sql('INSERT INTO villages (township_id, name) VALUES (?, ?)', t, v).lastInsertRowid)) };
    },
    org(kind: string, name: string, opts: { townshipId?: number | null; industries?: string[]; demoLevel?: string; demoYear?: number | null; status?: string } = {}) {
      return Number(
        sql(
          'INSERT INTO orgs (kind, name, township_id, industries, demo_level, demo_year, status, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          kind,
          name,
          opts.townshipId ?? null,
          JSON.stringify(opts.industries ?? []),
          opts.demoLevel ?? '',
          opts.demoYear ?? null,
          opts.status ?? 'active',
          pinyinKeys(name).initials,
          stamp(),
          stamp(),
        ).lastInsertRowid,
      );
    },
    household(name: string, opts: { townshipId?: number | null; crops?: string[] } = {}) {
      return Number(
        sql('INSERT INTO households (name, township_id, crops, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', name, opts.townshipId ?? null, JSON.stringify(opts.crops ?? []), pinyinKeys(name, true).initials, stamp(), stamp())
          .lastInsertRowid,
      );
    },
    union(name: string) {
      return Number(sql("INSERT INTO unions (kind, level, name, status, created_at, updated_at) VALUES ('regional', 'county', ?, 'active', ?, ?)", name, stamp(), stamp()).lastInsertRowid);
    },
    join(unionId: number, orgId: number, joinedOn: string) {
      sql("INSERT INTO union_members (union_id, org_id, joined_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)", unionId, orgId, joinedOn, stamp(), stamp());
    },
    coopMember(coopId: number, householdId: number, joinedOn: string) {
      sql('INSERT INTO coop_members (coop_id, household_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', coopId, householdId, joinedOn, stamp(), stamp());
    },
    audits(method: string): { entity: string; entityIds: string; summary: string; username: string }[] {
      return core.store.sqlite.prepare('SELECT entity, entity_ids AS entityIds, summary, username FROM audit_log WHERE method = ? ORDER BY id').all(method) as never;
    },
    close() {
      core.close();
      tmp.cleanup();
    },
  };

  async function login2(username: string, password: string) {
    const c = new CliClient(core, router);
    await c.login(username, password);
    return c;
  }
}

export type CreditEnv = Awaited<ReturnType<typeof setupCredit>>;
