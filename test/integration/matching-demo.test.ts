import { describe, it, expect, afterEach } from 'vitest';
import { setupCore } from '../helpers/core';
import { proposeMatches } from '../helpers/jobs';
import { addHousehold, addOrg, count } from '../helpers/matching';
import { loadGeoDemo } from '../../electron/core/demo/geo';

let env: Awaited<ReturnType<typeof setupCore>> | undefined;
afterEach(() => env?.close());

describe('matching demo data', () => {
  it('loads a catalogue, and listings, an event and deals for the registry demo parties', async () => {
    env = await setupCore();
    const r = await env.admin.call<{ summary: Record<string, number> }>('demo.load');
    expect(r.summary.产品).toBeGreaterThanOrEqual(10);
    expect(r.summary).toMatchObject({ 对接活动: 1, 成交: 2 });
    const cat = await env.admin.call<{ products: { label: string; category: string; units: { name: string }[] }[] }>('catalog.list');
    const orange = cat.products.find((p) => p.label === '晚熟脐橙')!;
    expect(orange.category).toBe('柑橘');
    expect(orange.units.map((u) => u.name)).toEqual(['斤', '公斤', '吨', '箱']);
    expect(cat.products.map((p) => p.category)).toEqual(expect.arrayContaining(['中药材', '生猪', '种子', '化肥', '农药', '农膜']));
    const listings = await env.admin.call<{ total: number; rows: { kind: string; side: string }[] }>('listings.list', { status: 'all', limit: 100 });
    expect(listings.rows.some((l) => l.kind === 'input' && l.side === 'demand')).toBe(true);
    expect(listings.rows.some((l) => l.kind === 'produce' && l.side === 'supply')).toBe(true);
    const figures = await env.admin.call<{ totals: { deals: number; events: number; brandedShare: number } }>('matching.figures', {});
    expect(figures.totals).toMatchObject({ deals: 2, events: 1 });
    expect(figures.totals.brandedShare).toBeGreaterThan(0);
  });

  it('adds listings, an event and its deals for registry parties, once', async () => {
    env = await setupCore();
    loadGeoDemo(env.core.store);
    const q = env.core.store.sqlite;
    for (const [name, industry] of [
      ['云阳县江口柑橘专业合作社', '柑橘'],
      ['云阳县龙角脐橙专业合作社', '柑橘'],
      ['云阳县南溪中药材专业合作社', '中药材'],
    ]) {
      const id = addOrg(env.core, name!, { township: '江口镇' });
      q.prepare('UPDATE orgs SET industries = ? WHERE id = ?').run(JSON.stringify([industry]), id);
    }
    addOrg(env.core, '重庆鲜果贸易有限公司', { kind: '涉农企业', township: '青龙街道' });
    addOrg(env.core, '万州果品批发有限公司', { kind: '涉农企业', township: '高阳镇' });
    addOrg(env.core, '已注销果品公司', { kind: '涉农企业', status: 'deregistered' });
    addOrg(env.core, '云阳县红狮供销合作社', { kind: '供销合作社基层社', township: '红狮镇' });
    addHousehold(env.core, '王小田', '南溪镇');
    const first = await env.admin.call<{ summary: Record<string, number> }>('demo.load');
    expect(first.summary).toMatchObject({ 对接活动: 1, 成交: 2 });
    expect(first.summary.挂牌信息).toBeGreaterThanOrEqual(6);
    const listings = count(env.core, 'listings');
    const deals = await env.admin.call<{ rows: { status: string; delivered: string; event: string }[] }>('deals.list', {});
    expect(deals.rows.every((d) => d.event === '云阳晚熟柑橘产销对接会')).toBe(true);
    expect(deals.rows.some((d) => d.delivered !== '0')).toBe(true);
    const parties = q.prepare("SELECT DISTINCT o.name FROM listings l JOIN orgs o ON l.party_kind = 'org' AND o.id = l.party_id").pluck().all();
    expect(parties).not.toContain('已注销果品公司');
    const second = await env.admin.call<{ summary: Record<string, number> }>('demo.load');
    expect(second.summary).toMatchObject({ 产品品类: 0, 产品: 0 });
    expect(second.summary.成交).toBeUndefined();
    expect(count(env.core, 'listings')).toBe(listings);
    expect(count(env.core, 'deals')).toBe(2);
    const open = await proposeMatches<{ pairs: unknown[] }>(env.admin);
    expect(open.pairs.length).toBeGreaterThan(0);
  });
});
