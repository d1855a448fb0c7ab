import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { setupCore } from '../helpers/core';
import ExcelJS from 'exceljs';
import type { AppError } from '../../shared/errors';
import fs from 'node:fs';
import path from 'node:path';
import { count, type Env } from '../helpers/frontdesk';
import { COMMANDS } from '../../electron/cli/commands';
import { readTable } from '../../electron/core/io/table';
import { recordSums, type RecordDimension } from '../../electron/core/requests/recordSums';
import type { RequestDetail } from '../../shared/contract/requestFields';

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

  it('keeps the monthly rollups equal to the records themselves, through corrections and removals', async () => {
    const store = env.core.store;
    const keyOf: Record<RecordDimension, string> = { month: 'substr(done_on, 1, 7)', township: 'township_id', crop: 'crop_id', link: 'link_id', provider: 'provider_id', kind: 'kind', total: "''" };
    const raw = (by: RecordDimension, from: string, to: string) =>
      Object.fromEntries(
        (store.sqlite.prepare(`SELECT coalesce(${keyOf[by]}, '') AS k, sum(mu_times100) AS mu, sum(fee_fen) AS fee, sum(paid_fen) AS paid FROM service_records WHERE done_on BETWEEN ? AND ? GROUP BY k`).all(from, to) as { k: unknown; mu: number; fee: number; paid: number }[]).map((r) => [String(r.k), [r.mu, r.fee, r.paid]]),
      );
    const viaRollups = (by: RecordDimension, from: string, to: string) => Object.fromEntries(recordSums(store, by, from, to).map((r) => [r.key, [r.muTimes100, r.feeFen, r.paidFen]]));
    const days = (store.sqlite.prepare('SELECT min(done_on) AS a, max(done_on) AS b FROM service_records').get() as { a: string; b: string });
    const ranges: [string, string][] = [['2000-01-01', '2100-12-31'], [days.a, days.b], [`${days.a.slice(0, 7)}-15`, days.b], [`${days.a.slice(0, 7)}-01`, `${days.b.slice(0, 7)}-01`]];
    const check = () => {
      for (const by of ['month', 'township', 'crop', 'link', 'provider', 'kind', 'total'] as RecordDimension[]) for (const [a, b] of ranges) expect(viaRollups(by, a, b)).toEqual(raw(by, a, b));
    };
    check();
    const open = store.sqlite.prepare(`SELECT r.id FROM service_requests r WHERE r.status = 'in_service' AND (SELECT count(*) FROM service_records s WHERE s.request_id = r.id) >= 1 LIMIT 1`).get() as { id: number };
    const detail = await env.admin.call<RequestDetail>('requests.get', { id: open.id });
    const rec = detail.records[0]!;
    await env.admin.call('requests.updateRecord', { id: rec.id, version: rec.version, linkId: rec.linkId, doneOn: detail.receivedOn, areaMu100: Math.max(1, rec.areaMu100 - 100), operator: rec.operator, machine: rec.machine, paidFen: 0, notes: '更正' });
    check();
    const again = await env.admin.call<RequestDetail>('requests.get', { id: open.id });
    await env.admin.call('requests.removeRecord', { id: again.records.at(-1)!.id, version: again.records.at(-1)!.version });
    check();
  });

  it('counts requests by link the same as joining requests to their links', async () => {
    type Row = { label: string; requests: number; done: number; followUps: number; satisfaction: number | null };
    const stats = await env.admin.call<{ rows: Row[] }>('serviceStats.get', { from: '2000-01-01', to: '2100-12-31', by: 'link' });
    const joined = env.core.store.sqlite
      .prepare(
        `SELECT l.name AS label, count(*) AS requests, sum(r.done_on <> '') AS done, sum(r.followed_on <> '') AS followUps, round(avg(r.satisfaction), 2) AS satisfaction
         FROM request_links rl JOIN service_requests r ON r.id = rl.request_id JOIN service_links l ON l.id = rl.link_id GROUP BY l.name`,
      )
      .all() as Row[];
    const pick = (r: Row) => [r.label, r.requests, r.done, r.followUps, r.satisfaction];
    expect(stats.rows.map(pick).sort()).toEqual(joined.map(pick).sort());
  });

  it('narrows the statistics to one township: each township’s figures by crop add up to its row county-wide', async () => {
    type Row = { key: string; label: string; requests: number; done: number; muTimes100: number; feeFen: number; subsidyFen: number };
    type Stats = { rows: Row[]; totals: Row };
    const range = { from: '2000-01-01', to: '2100-12-31' };
    const county = await env.admin.call<Stats>('serviceStats.get', { ...range, by: 'township' });
    expect(county.rows.length).toBeGreaterThan(1);
    const pick = (r: Row) => [r.requests, r.done, r.muTimes100, r.feeFen, r.subsidyFen];
    for (const town of county.rows.filter((r) => r.key !== '')) {
      const one = await env.admin.call<Stats>('serviceStats.get', { ...range, by: 'crop', townshipId: Number(town.key) });
      expect(pick(one.totals)).toEqual(pick(town));
      const byLink = await env.admin.call<Stats>('serviceStats.get', { ...range, by: 'link', townshipId: Number(town.key) });
      expect(byLink.totals.requests).toBe(town.requests);
    }
    const town = county.rows[0]!;
    const f = await env.admin.call<{ name: string; base64: string }>('serviceStats.export', { ...range, by: 'all', format: 'xlsx', townshipId: Number(town.key) });
    expect(f.name).toBe(`服务统计_${town.label}_2000-01-01_2100-12-31.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).not.toContain('按乡镇');
    expect(wb.worksheets[0]!.getCell('A3').value).toBe(`范围：${town.label}`);
    const e = await env.admin.call('serviceStats.get', { ...range, by: 'crop', townshipId: 999_999 }).catch((x: AppError) => x);
    expect((e as AppError).message).toBe('所选乡镇不存在，请重新选择');
  });
});
