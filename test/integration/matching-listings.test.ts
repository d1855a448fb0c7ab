import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { addHousehold, addOrg, count, day, setupCatalogue, townshipId, type Catalogue } from '../helpers/matching';
import type { CliClient } from '../../electron/cli/io';
import { AppError } from '../../shared/errors';

let env: Awaited<ReturnType<typeof setupCore>>;
let cat: Catalogue;
let coop: number;
let buyer: number;
let farmer: number;

beforeAll(async () => {
  env = await setupCore();
  cat = await setupCatalogue(env.core, env.admin);
  coop = addOrg(env.core, '云阳县江口镇柑橘专业合作社', { township: '江口镇' });
  buyer = addOrg(env.core, '重庆果品贸易有限公司', { kind: '涉农企业', township: '青龙街道' });
  farmer = addHousehold(env.core, '张大山', '南溪镇');
});
afterAll(() => env?.close());

const supply = (over: Record<string, unknown> = {}) => ({
  side: 'supply',
  partyKind: 'org',
  partyId: coop,
  productId: cat.orange,
  grade: '一级',
  quantity: '20',
  unit: '吨',
  priceMinFen: 320,
  priceMaxFen: 360,
  priceUnit: '斤',
  windowFrom: day(0),
  windowTo: day(30),
  townshipId: townshipId(env.core, '江口镇'),
  certifications: ['地理标志', '天生云阳'],
  ...over,
});

async function refused(client: CliClient, method: string, input: unknown): Promise<AppError> {
  const before = count(env.core, 'listings');
  const e = await client.call(method, input).then(
    () => null,
    (x: unknown) => x as AppError,
  );
  expect(e, `${method} should have been refused`).toBeInstanceOf(AppError);
  expect(count(env.core, 'listings')).toBe(before);
  return e!;
}

describe('listings', () => {
  it('stores a supply in grams and reads it back as typed', async () => {
    const l = await env.admin.call<{ id: number; code: string; quantityBase: number; quantity: string; unit: string; remaining: string; partyName: string; product: string; township: string }>('listings.save', supply());
    expect(l.quantityBase).toBe(20_000_000);
    expect(l).toMatchObject({ quantity: '20', unit: '吨', remaining: '20', partyName: '云阳县江口镇柑橘专业合作社', product: '晚熟脐橙', township: '江口镇' });
    expect(l.code).toBe(`GY${String(l.id).padStart(6, '0')}`);
  });

  it('accepts a product box with its exact conversion, and a category-level demand in a standard unit', async () => {
    const box = await env.admin.call<{ quantityBase: number }>('listings.save', supply({ quantity: '7', unit: '箱' }));
    expect(box.quantityBase).toBe(7 * 6250);
    const anyCitrus = await env.admin.call<{ product: string; productId: number | null; baseUnit: string }>('listings.save', {
      side: 'demand',
      partyKind: 'org',
      partyId: buyer,
      categoryId: cat.citrus,
      quantity: '3000',
      unit: '斤',
      windowFrom: day(5),
      windowTo: day(20),
    });
    expect(anyCitrus).toMatchObject({ product: '柑橘（不限品种）', productId: null, baseUnit: 'g' });
  });

  it('lets a household list a demand for fertiliser in bags', async () => {
    const l = await env.admin.call<{ quantityBase: number; kind: string; partyName: string }>('listings.save', {
      side: 'demand',
      partyKind: 'household',
      partyId: farmer,
      productId: cat.compound,
      quantity: '20',
      unit: '袋',
      priceMaxFen: 16_000,
      priceUnit: '袋',
      windowFrom: day(0),
      windowTo: day(40),
    });
    expect(l).toMatchObject({ quantityBase: 1_000_000, kind: 'input', partyName: '张大山' });
  });

  it('refuses bad input with a message naming the field, and saves nothing', async () => {
    expect((await refused(env.admin, 'listings.save', supply({ unit: '头' }))).fields).toEqual({ unit: '单位“头”不适用于晚熟脐橙（可用：斤、公斤、吨、箱）' });
    expect((await refused(env.admin, 'listings.save', supply({ quantity: '-5' }))).fields).toEqual({ quantity: '数量不能为负数' });
    expect((await refused(env.admin, 'listings.save', supply({ quantity: 'abc' }))).fields?.quantity).toContain('不是有效数字');
    expect((await refused(env.admin, 'listings.save', supply({ windowFrom: day(10), windowTo: day(3) }))).fields).toEqual({ windowTo: '结束日期不能早于开始日期' });
    expect((await refused(env.admin, 'listings.save', supply({ windowTo: '2026-02-30' }))).fields?.windowTo).toContain('不是有效日期');
    expect((await refused(env.admin, 'listings.save', supply({ priceMinFen: 400, priceMaxFen: 300 }))).fields).toEqual({ priceMaxFen: '最高价不能低于最低价' });
    expect((await refused(env.admin, 'listings.save', supply({ priceMinFen: -1 }))).fields?.priceMinFen).toBe('最低价不能为负数');
    expect((await refused(env.admin, 'listings.save', supply({ grade: '三级' }))).fields?.grade).toContain('没有等级“三级”');
    expect((await refused(env.admin, 'listings.save', supply({ productId: cat.pig, grade: '', unit: '头', priceUnit: '头', quantity: '2.5' }))).fields?.quantity).toContain('不是整数');
    expect((await refused(env.admin, 'listings.save', supply({ productId: null }))).fields?.productId).toBe('供应挂牌须选择具体产品');
    expect((await refused(env.admin, 'listings.save', { side: 'demand', partyKind: 'org', partyId: buyer, categoryId: cat.citrus, quantity: '3', unit: '箱', windowFrom: day(0), windowTo: day(1) })).fields?.unit).toContain('按品类求购时单位只能是');
    expect((await refused(env.admin, 'listings.save', supply({ certifications: ['无公害'] }))).fields?.['certifications.0']).toBe('认证不在可选范围内');
    expect((await refused(env.admin, 'listings.save', supply({ partyId: 99_999 }))).fields?.partyId).toContain('不存在');
  });

  it('keeps the registry from deleting an organisation that has listings', async () => {
    const e = await env.admin.call('orgs.remove', { id: coop }).catch((x: AppError) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toContain('产销对接挂牌');
    expect(env.core.store.sqlite.prepare('SELECT count(*) FROM orgs WHERE id = ?').pluck().get(coop)).toBe(1);
  });

  it('refuses a listing by a deregistered organisation', async () => {
    const gone = addOrg(env.core, '已注销的果业合作社', { status: 'deregistered' });
    const e = await refused(env.admin, 'listings.save', supply({ partyId: gone }));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toBe('供应方“已注销的果业合作社”已注销，不能挂牌或成交');
  });

  it('lets the bookkeeper read listings but not write them, and the front desk write them', async () => {
    await env.admin.call('users.create', { username: 'kuaiji', displayName: '李会计', role: 'bookkeeper', password: 'kuaiji-pass-1' });
    await env.admin.call('users.create', { username: 'qiantai', displayName: '王前台', role: 'frontdesk', password: 'qiantai-pass-1' });
    const bk = await env.as('kuaiji', 'kuaiji-pass-1');
    await bk.call('auth.changePassword', { oldPassword: 'kuaiji-pass-1', newPassword: 'kuaiji-pass-2' });
    const fd = await env.as('qiantai', 'qiantai-pass-1');
    await fd.call('auth.changePassword', { oldPassword: 'qiantai-pass-1', newPassword: 'qiantai-pass-2' });
    const list = await bk.call<{ total: number }>('listings.list', { side: 'supply' });
    expect(list.total).toBeGreaterThan(0);
    expect((await refused(bk, 'listings.save', supply())).code).toBe('FORBIDDEN');
    await fd.call('listings.save', supply({ quantity: '1' }));
    expect((await refused(fd, 'catalog.saveUnit', { productId: cat.orange, name: '筐', amount: '20', of: '斤' })).code).toBe('FORBIDDEN');
  });

  it('refuses a stale edit, and withdraws and reopens with a reason', async () => {
    const l = await env.admin.call<{ id: number; version: number }>('listings.save', supply({ quantity: '5' }));
    await env.admin.call('listings.save', { ...supply({ quantity: '6' }), id: l.id, version: l.version });
    const stale = await env.admin.call('listings.save', { ...supply({ quantity: '7' }), id: l.id, version: l.version }).catch((e: AppError) => e);
    expect((stale as AppError).code).toBe('CONFLICT');
    expect((stale as AppError).message).toBe('此记录已被他人修改，请刷新后重试');
    const fresh = await env.admin.call<{ listing: { version: number; quantity: string } }>('listings.get', { id: l.id });
    expect(fresh.listing.quantity).toBe('6');
    const noReason = await env.admin.call('listings.setStatus', { id: l.id, version: fresh.listing.version, status: 'withdrawn' }).catch((e: AppError) => e);
    expect((noReason as AppError).fields).toEqual({ reason: '请填写撤回原因' });
    const w = await env.admin.call<{ status: string; version: number }>('listings.setStatus', { id: l.id, version: fresh.listing.version, status: 'withdrawn', reason: '果子已自销' });
    expect(w.status).toBe('withdrawn');
    const current = await env.admin.call<{ rows: { id: number }[] }>('listings.list', { status: 'current', side: 'supply' });
    expect(current.rows.map((r) => r.id)).not.toContain(l.id);
    const back = await env.admin.call<{ status: string }>('listings.setStatus', { id: l.id, version: w.version, status: 'open', reason: '' });
    expect(back.status).toBe('open');
  });

  it('finds listings by pinyin initials of the product and by code', async () => {
    const byPy = await env.admin.call<{ rows: { product: string }[] }>('listings.list', { q: 'wsqc', status: 'all' });
    expect(byPy.rows.length).toBeGreaterThan(0);
    expect(byPy.rows.every((r) => r.product === '晚熟脐橙')).toBe(true);
    const first = (await env.admin.call<{ rows: { id: number; code: string }[] }>('listings.list', { side: 'supply', status: 'all' })).rows.at(-1)!;
    const byCode = await env.admin.call<{ rows: { id: number }[] }>('listings.list', { q: first.code.toLowerCase(), status: 'all' });
    expect(byCode.rows.map((r) => r.id)).toEqual([first.id]);
    const hits = await env.admin.call<{ kind: string; route: string }[]>('search.global', { q: '江口镇柑橘' });
    expect(hits.some((h) => h.kind === 'listing' && h.route.startsWith('/matching/listings/'))).toBe(true);
  });

  it('keeps unit conversions that listings use, and refuses changing them', async () => {
    const e = await env.admin.call('catalog.saveUnit', { productId: cat.orange, name: '箱', amount: '10', of: '公斤' }).catch((x: AppError) => x);
    expect((e as AppError).code).toBe('REFUSED');
    expect((e as AppError).fields?.amount).toContain('已被');
    const p = await env.admin.call<{ units: { name: string; num: number; den: number }[] }>('catalog.saveUnit', { productId: cat.orange, name: '小箱', amount: '2.5', of: '公斤' });
    expect(p.units.find((u) => u.name === '小箱')).toMatchObject({ num: 2500, den: 1 });
    const removed = await env.admin.call<{ units: { name: string }[] }>('catalog.removeUnit', { productId: cat.orange, name: '小箱' });
    expect(removed.units.map((u) => u.name)).not.toContain('小箱');
  });
});
