import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { setupCore } from '../helpers/core';
import fs from 'node:fs';
import path from 'node:path';
import { count, type Env } from '../helpers/frontdesk';
import { COMMANDS } from '../../electron/cli/commands';
import { readTable } from '../../electron/core/io/table';

let env: Env;
beforeAll(async () => {
  env = await setupCore({ demo: true });
});
afterAll(() => env.close());

const statuses = () => Object.fromEntries((env.core.store.sqlite.prepare('SELECT status, count(*) AS n FROM service_requests GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]));

describe('front desk demo data', () => {
  it('loads providers of every kind and a price list for every link each crop offers', async () => {
    const providers = await env.admin.call<{ kind: string; machines: unknown[]; capacityMu100: number }[]>('providers.list');
    expect(new Set(providers.map((p) => p.kind))).toEqual(new Set(['专业化服务队', '综合服务合作社', '农机专业合作社', '个体农机手']));
    expect(providers.every((p) => p.machines.length > 0 && p.capacityMu100 > 0)).toBe(true);
    const prices = await env.admin.call<{ crop: string; link: string }[]>('servicePrices.list', {});
    expect(prices.find((p) => p.crop === '水稻' && p.link === '收')).toBeTruthy();
  });

  it('adds a season of requests in every state for the registry’s demo farmers, and nothing more when loaded again', async () => {
    expect(count(env, 'households')).toBeGreaterThan(0);
    const first = statuses();
    expect(Object.keys(first).sort()).toEqual(['cancelled', 'dispatched', 'done', 'followed_up', 'in_service', 'received']);
    expect(count(env, 'service_records')).toBeGreaterThan(20);
    expect(count(env, 'service_contracts')).toBe(1);
    const records = count(env, 'service_records');
    const again = await env.admin.call<{ summary: Record<string, number> }>('demo.load');
    expect(again.summary.服务主体).toBe(0);
    expect(statuses()).toEqual(first);
    expect(count(env, 'service_records')).toBe(records);
    const complaints = await env.admin.call<unknown[]>('requests.complaints', { status: '' });
    expect(complaints.length).toBeGreaterThan(0);
    const stats = await env.admin.call<{ totals: { muTimes100: number; followUps: number } }>('serviceStats.get', { from: '2000-01-01', to: '2100-12-31', by: 'township' });
    expect(stats.totals.muTimes100).toBeGreaterThan(0);
    expect(stats.totals.followUps).toBe(first.followed_up);
  });

  it('lists, counts and exports from the command line', async () => {
    const cmd = (name: string) => COMMANDS.find((c) => c.name === name)!;
    const rows = (await cmd('requests list').run(env.admin, { values: { status: 'followed_up' }, positionals: [] })) as { 状态: string }[];
    expect(rows.length).toBe(statuses().followed_up);
    expect(new Set(rows.map((r) => r.状态))).toEqual(new Set(['回访']));
    await expect(cmd('requests list').run(env.admin, { values: { status: 'later' }, positionals: [] })).rejects.toThrow('--status 应为');
    const year = new Date().getFullYear();
    const stats = (await cmd('requests stats').run(env.admin, { values: { year: String(year), by: 'township' }, positionals: [] })) as Record<string, string | number>[];
    expect(stats.at(-1)!.乡镇).toBe('合计');
    const out = path.join(env.dir, 'stats.xlsx');
    await cmd('requests stats').run(env.admin, { values: { year: String(year), out }, positionals: [] });
    const table = await readTable('stats.xlsx', fs.readFileSync(out));
    expect(table.headers[0]).toContain('农业社会化服务统计');
    const exported = path.join(env.dir, 'providers.xlsx');
    await cmd('providers export').run(env.admin, { values: { out: exported }, positionals: [] });
    const again = (await cmd('providers import').run(env.admin, { values: {}, positionals: [exported] })) as { created: number; updated: number };
    expect(again).toEqual({ created: 0, updated: 8 });
  });
});
