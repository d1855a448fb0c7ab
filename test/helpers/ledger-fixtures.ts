import type { Store } from '../../electron/core/db/store';
import type { CliClient } from '../../electron/cli/io';
import type { setupCore } from './core';
import { pinyinKeys } from '../../electron/core/search/pinyin';

/**
 * Registry rows the ledger reads (a cooperative, its member households), written straight into the
 * registry's tables: the registry's own screens and services are another capability's.
 */
export function createCoop(store: Store, name: string, memberNames: string[], opts: { joinedOn?: string } = {}): { coopId: number; memberIds: number[] } {
  const now = new Date().toISOString();
  const org = store.sqlite
    .prepare("INSERT INTO orgs (kind, name, py_initials, created_at, updated_at) VALUES ('农民专业合作社', ?, ?, ?, ?)")
    .run(name, pinyinKeys(name).initials, now, now);
  const coopId = Number(org.lastInsertRowid);
  const memberIds = memberNames.map((m) => {
    const h = store.sqlite.prepare('INSERT INTO households (name, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?)').run(m, pinyinKeys(m, true).initials, now, now);
    const cm = store.sqlite
      .prepare('INSERT INTO coop_members (coop_id, household_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(coopId, Number(h.lastInsertRowid), opts.joinedOn ?? '2020-01-01', now, now);
    return Number(cm.lastInsertRowid);
  });
  return { coopId, memberIds };
}

type Env = Awaited<ReturnType<typeof setupCore>>;

/** A user who has already changed the initial password, logged in. */
export async function addUser(env: Env, username: string, displayName: string, role: 'bookkeeper' | 'manager' | 'frontdesk' | 'admin'): Promise<CliClient> {
  await env.admin.call('users.create', { username, displayName, role, password: 'initial-pass-1' });
  const c = await env.as(username, 'initial-pass-1');
  await c.call('auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: `${username}-pass-2` });
  return c;
}

/** Fen from yuan written as a number literal in tests (12.34 -> 1234), exact for two decimals. */
export const y = (yuan: number) => Math.round(yuan * 100);

export interface LineSpec {
  code: string;
  d?: number;
  c?: number;
  member?: number;
  summary?: string;
  product?: string;
  qty?: number;
  unit?: string;
}

/** Turns account codes into ids for voucher inputs. */
export function linesFor(accounts: { id: number; code: string }[], summary: string, specs: LineSpec[]) {
  const byCode = new Map(accounts.map((a) => [a.code, a.id]));
  return specs.map((s) => {
    const accountId = byCode.get(s.code);
    if (!accountId) throw new Error(`no account ${s.code}`);
    return {
      summary: s.summary ?? summary,
      accountId,
      memberId: s.member ?? 0,
      debitFen: s.d ? y(s.d) : 0,
      creditFen: s.c ? y(s.c) : 0,
      product: s.product ?? '',
      qtyMilli: s.qty ? Math.round(s.qty * 1000) : 0,
      unit: s.unit ?? '',
    };
  });
}
