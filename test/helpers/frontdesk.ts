import { setupCore } from './core';
import type { CliClient } from '../../electron/cli/io';
import { AppError } from '../../shared/errors';

export type Env = Awaited<ReturnType<typeof setupCore>>;

export async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A user of the given role, logged in with the first password already changed. */
export async function staff(env: Env, username: string, displayName: string, role: 'frontdesk' | 'manager' | 'bookkeeper'): Promise<CliClient> {
  await env.admin.call('users.create', { username, displayName, role, password: 'first-pass-1' });
  const c = await env.as(username, 'first-pass-1');
  await c.call('auth.changePassword', { oldPassword: 'first-pass-1', newPassword: 'second-pass-2' });
  return env.as(username, 'second-pass-2');
}

interface Township {
  id: number;
  name: string;
  villages: { id: number; name: string }[];
}

export async function township(env: Env, name: string, villages: string[]): Promise<Township> {
  let t = await env.admin.call<Township>('geo.saveTownship', { name, kind: '镇', sort: 0 });
  for (const v of villages) t = await env.admin.call<Township>('geo.saveVillage', { townshipId: t.id, name: v, kind: '村' });
  return t;
}

/** A farmer household, added through the registry's own method as the desk would. */
export async function household(env: Env, name: string, townshipId: number, phone = ''): Promise<number> {
  const h = await env.admin.call<{ id: number }>('households.save', { name, townshipId, phone, confirmDuplicate: true });
  return h.id;
}

export interface Catalog {
  links: { id: number; name: string }[];
  crops: { id: number; name: string; links: number[] }[];
  settings: { startOverdueDays: number };
}

export async function catalog(c: CliClient) {
  const cat = await c.call<Catalog>('serviceCatalog.get');
  const link = (n: string) => cat.links.find((l) => l.name === n)!.id;
  const crop = (n: string) => cat.crops.find((x) => x.name === n)!.id;
  return { cat, link, crop };
}

export const count = (env: Env, table: string) => (env.core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
