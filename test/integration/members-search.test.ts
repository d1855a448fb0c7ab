import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { seedGeo, validId, validCode, household, org, type Geo } from '../helpers/members';

type Env = Awaited<ReturnType<typeof setupCore>>;
interface Hit {
  kind: 'household' | 'org';
  id: number;
  name: string;
  township: string;
  phone: string;
  idNumber: string;
  creditCode: string;
  figures: string;
  matched: string;
  active: boolean;
}

describe('member search', () => {
  let env: Env;
  let geo: Geo;
  const ids: Record<string, string> = {};
  let coopCode = '';
  const search = (q: string, extra: Record<string, unknown> = {}) => env.admin.call<Hit[]>('members.search', { q, ...extra });
  const names = async (q: string, extra: Record<string, unknown> = {}) => (await search(q, extra)).map((h) => h.name);

  beforeAll(async () => {
    env = await setupCore();
    geo = await seedGeo(env.admin);
    const people: [string, string, number][] = [
      ['张三', '13812345678', geo.jiangkou],
      ['张三丰', '13955556666', geo.nanxi],
      ['张珊', '13700001111', geo.jiangkou],
      ['李四', '023-55123456', geo.nanxi],
      ['王小明', '15888889999', geo.jiangkou],
      ['单雄信', '18600007777', geo.nanxi],
      ['曾国藩', '18911112222', geo.jiangkou],
      ['欧阳娜娜', '13566667777', geo.nanxi],
    ];
    for (const [i, [name, phone, t]] of people.entries()) {
      ids[name] = validId(`19${60 + i}0${(i % 9) + 1}15`, 100 + i);
      await env.admin.call('households.save', household(t, { name, phone, idNumber: ids[name] }));
    }
    coopCode = validCode('93', 'MA5U7K3P1');
    await env.admin.call('orgs.save', org({ name: '云阳县江口镇兴农柑橘专业合作社', creditCode: coopCode, contactPhone: '13312340000', townshipId: geo.jiangkou, memberCount: 56, demoLevel: '市级', demoYear: 2023 }));
    await env.admin.call('orgs.save', org({ kind: '家庭农场', name: '云阳县南溪镇张氏家庭农场', townshipId: geo.nanxi, industries: ['中药材'] }));
    await env.admin.call('orgs.save', org({ kind: '涉农企业', name: '重庆三峡柑橘食品有限公司', industries: ['柑橘'], creditCode: validCode('91', '12345678X') }));
  });
  afterAll(() => env.close());

  it('finds people by pinyin initials, exact initials first', async () => {
    const hits = await names('zs');
    expect(hits[0]).toBe('张三');
    expect(hits).toContain('张三丰');
    expect(hits).toContain('张珊');
    expect(hits.indexOf('张三丰')).toBeGreaterThan(hits.indexOf('张三'));
    expect((await names('zsf'))[0]).toBe('张三丰');
    expect(await names('wxm')).toEqual(['王小明']);
  });

  it('reads surnames the way names are read (单 shan, 曾 zeng)', async () => {
    expect(await names('sxx')).toContain('单雄信');
    expect(await names('shanxiongxin')).toEqual(['单雄信']);
    expect(await names('zgf')).toContain('曾国藩');
  });

  it('finds by full pinyin, its prefix and a given name in pinyin', async () => {
    expect(await names('zhangsan')).toEqual(['张三', '张三丰']);
    expect(await names('zhangshan')).toEqual(['张珊']);
    expect((await names('zhangsanf'))[0]).toBe('张三丰');
    expect(await names('xiaoming')).toEqual(['王小明']);
  });

  it('finds 2-character names exactly, before longer names that start with them', async () => {
    const hits = await search('张三');
    expect(hits[0]!.name).toBe('张三');
    expect(hits.map((h) => h.name)).toContain('张三丰');
    expect(hits.map((h) => h.name)).not.toContain('张珊');
    expect(await names('李四')).toEqual(['李四']);
  });

  it('finds any part of a name of 1, 2 or 3+ characters', async () => {
    expect(await names('三丰')).toEqual(['张三丰']);
    expect(await names('小明')).toEqual(['王小明']);
    expect(await names('欧阳娜')).toEqual(['欧阳娜娜']);
    expect(await names('柑橘')).toEqual(expect.arrayContaining(['云阳县江口镇兴农柑橘专业合作社', '重庆三峡柑橘食品有限公司']));
    expect(await names('兴农柑橘')).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
    expect(await names('张')).toEqual(expect.arrayContaining(['张三', '张三丰', '张珊', '云阳县南溪镇张氏家庭农场']));
    expect(await names('不存在的名字')).toEqual([]);
  });

  it('finds by phone tail, whole phone, landline and its local part', async () => {
    const tail = await search('5678');
    expect(tail[0]!.name).toBe('张三');
    expect(tail[0]!.matched).toBe('电话');
    expect(await names('13812345678')).toEqual(['张三']);
    expect(await names('023-55123456')).toEqual(['李四']);
    expect(await names('3456')).toContain('李四');
    expect(await names('0000', { kinds: ['org'] })).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
  });

  it('finds by ID number tail (lower-case x too) and by whole ID number', async () => {
    const id = ids['单雄信']!;
    const hit = await search(id.slice(-6));
    expect(hit.map((h) => h.name)).toContain('单雄信');
    expect(hit.find((h) => h.name === '单雄信')!.matched).toBe('身份证号');
    expect(await names(id.toLowerCase())).toEqual(['单雄信']);
    const xs = Object.entries(ids).filter(([, v]) => v.endsWith('X'));
    for (const [name, v] of xs) expect(await names(v.slice(-4).toLowerCase())).toContain(name);
  });

  it('finds organisations by credit code or its beginning', async () => {
    expect(await names(coopCode)).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
    expect(await names(coopCode.toLowerCase().slice(0, 12))).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
    const hit = (await search(coopCode))[0]!;
    expect(hit).toMatchObject({ kind: 'org', matched: '信用代码', township: '江口镇' });
    expect(hit.figures).toContain('市级示范社');
    expect(hit.figures).toContain('成员 56');
  });

  it('finds organisations by initials anywhere in the name', async () => {
    expect(await names('gj', { kinds: ['org'] })).toEqual(expect.arrayContaining(['云阳县江口镇兴农柑橘专业合作社', '重庆三峡柑橘食品有限公司']));
    expect(await names('yyxjkz')).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
  });

  it('combines words (name and phone tail) and filters by kind, organisation kind and status', async () => {
    expect(await names('张 1111')).toEqual(['张珊']);
    expect(await names('张珊13700001111')).toEqual(['张珊']);
    expect(await names('zs', { kinds: ['org'] })).not.toContain('张三');
    expect(await names('柑橘', { orgKinds: ['农民专业合作社'] })).toEqual(['云阳县江口镇兴农柑橘专业合作社']);
    const h = (await env.admin.call<{ rows: { id: number; version: number }[] }>('households.list', { q: '张珊' })).rows[0]!;
    await env.admin.call('households.setStatus', { id: h.id, version: h.version, status: 'inactive' });
    expect(await names('张珊')).toEqual(['张珊']);
    expect(await names('张珊', { activeOnly: true })).toEqual([]);
    const all = await search('zs');
    expect(all.find((x) => x.name === '张珊')!.active).toBe(false);
  });

  it('narrows to the members of one cooperative and returns their membership ids', async () => {
    const coop = (await env.admin.call<{ rows: { id: number }[] }>('orgs.list', { q: '兴农柑橘' })).rows[0]!;
    const zhang = (await search('张三'))[0]!;
    const m = await env.admin.call<{ id: number }>('coopMembers.save', { coopId: coop.id, memberKind: 'household', memberId: zhang.id, joinedOn: '2022-01-01' });
    const hits = await search('zs', { coopId: coop.id });
    expect(hits.map((h) => [h.name, (h as unknown as { coopMemberId: number }).coopMemberId])).toEqual([['张三', m.id]]);
  });

  it('follows renames and phone changes', async () => {
    const h = (await env.admin.call<{ rows: { id: number; version: number }[] }>('households.list', { q: '李四' })).rows[0]!;
    await env.admin.call('households.save', { ...household(geo.nanxi, { name: '李思思', phone: '13611112233', idNumber: ids['李四'] }), id: h.id, version: h.version });
    expect(await names('李四')).toEqual([]);
    expect(await names('lss')).toEqual(['李思思']);
    expect(await names('2233')).toEqual(['李思思']);
    expect(await names('3456')).not.toContain('李思思');
  });

  it('filters paged lists by the same search text', async () => {
    const r = await env.admin.call<{ total: number; rows: { name: string }[] }>('households.list', { q: 'zs', townshipId: geo.jiangkou });
    expect(r.rows.map((x) => x.name).sort()).toEqual(['张三', '张珊'].sort());
    expect(r.total).toBe(2);
    const o = await env.admin.call<{ total: number }>('orgs.list', { q: '柑橘', kind: '涉农企业' });
    expect(o.total).toBe(1);
  });

  it('feeds the Ctrl+K box with links to the records', async () => {
    const hits = await env.admin.call<{ kindLabel: string; title: string; route: string }[]>('search.global', { q: 'zsf' });
    expect(hits[0]).toMatchObject({ kindLabel: '农户', title: '张三丰' });
    expect(hits[0]!.route).toMatch(/^\/members\/households\/\d+$/);
    const org = await env.admin.call<{ kindLabel: string; route: string }[]>('search.global', { q: '兴农' });
    expect(org[0]).toMatchObject({ kindLabel: '合作社' });
    expect(org[0]!.route).toMatch(/^\/members\/orgs\/\d+$/);
  });
});
