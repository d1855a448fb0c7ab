import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import ExcelJS from 'exceljs';
import { setupCore } from '../helpers/core';
import { addOrg, count, day, setupCatalogue, townshipId, type Catalogue } from '../helpers/matching';
import { AppError } from '../../shared/errors';
import { matchingFigures } from '../../electron/core/matching/figures';

type Listing = { id: number; version: number; remaining: string; remainingBase: number; committedBase: number; status: string };
type Deal = { id: number; version: number; status: string; quantity: string; delivered: string; undelivered: string; valueFen: number; deliveredValueFen: number; score: number | null };
type Rank = {
  candidates: { listing: { id: number; partyName: string }; score: number; parts: { key: string; value: number; note: string }[]; suggestion: { quantity: string; unit: string; priceFen: number | null; priceUnit: string; deliveryDate: string } }[];
  excluded: { reason: string; count: number }[];
  considered: number;
  feasible: number;
  closed: string;
};

let env: Awaited<ReturnType<typeof setupCore>>;
let cat: Catalogue;
const ids = {} as Record<'coopA' | 'coopB' | 'coopC' | 'coopD' | 'buyer1' | 'buyer2' | 'S1' | 'S2' | 'S3' | 'S4' | 'D1' | 'D2' | 'deal1' | 'event', number>;

const listing = (side: 'supply' | 'demand', party: number, over: Record<string, unknown>) =>
  env.admin.call<Listing>('listings.save', { side, partyKind: 'org', partyId: party, productId: cat.orange, quantity: '10', unit: '吨', windowFrom: day(0), windowTo: day(30), ...over });

async function refusal(method: string, input: unknown): Promise<AppError> {
  const before = [count(env.core, 'deals'), count(env.core, 'deal_deliveries'), env.core.store.sqlite.prepare('SELECT sum(committed_base) FROM listings').pluck().get()];
  const e = await env.admin.call(method, input).then(
    () => null,
    (x: unknown) => x as AppError,
  );
  expect(e, `${method} should be refused`).toBeInstanceOf(AppError);
  expect([count(env.core, 'deals'), count(env.core, 'deal_deliveries'), env.core.store.sqlite.prepare('SELECT sum(committed_base) FROM listings').pluck().get()]).toEqual(before);
  return e!;
}

const get = async (id: number) => (await env.admin.call<{ listing: Listing }>('listings.get', { id })).listing;

beforeAll(async () => {
  env = await setupCore();
  cat = await setupCatalogue(env.core, env.admin);
  ids.coopA = addOrg(env.core, '江口柑橘合作社', { township: '江口镇' });
  ids.coopB = addOrg(env.core, '龙角果业合作社', { township: '龙角镇' });
  ids.coopC = addOrg(env.core, '高价果园', { township: '高阳镇' });
  ids.coopD = addOrg(env.core, '晚到果园', { township: '南溪镇' });
  ids.buyer1 = addOrg(env.core, '重庆鲜果超市', { kind: '涉农企业', township: '青龙街道' });
  ids.buyer2 = addOrg(env.core, '万州果品批发', { kind: '涉农企业', township: '高阳镇' });
  const jk = townshipId(env.core, '江口镇');
  ids.S1 = (await listing('supply', ids.coopA, { grade: '一级', quantity: '20', priceMinFen: 320, priceMaxFen: 360, priceUnit: '斤', townshipId: jk, certifications: ['地理标志'] })).id;
  ids.S2 = (await listing('supply', ids.coopB, { grade: '二级', priceMinFen: 280, priceMaxFen: 300, priceUnit: '斤', townshipId: townshipId(env.core, '龙角镇') })).id;
  ids.S3 = (await listing('supply', ids.coopC, { grade: '一级', priceMinFen: 800, priceMaxFen: 900, priceUnit: '斤' })).id;
  ids.S4 = (await listing('supply', ids.coopD, { grade: '一级', windowFrom: day(40), windowTo: day(60) })).id;
  ids.D1 = (await listing('demand', ids.buyer1, { grade: '一级', quantity: '8', priceMinFen: 600, priceMaxFen: 760, priceUnit: '公斤', windowFrom: day(5), windowTo: day(25), townshipId: townshipId(env.core, '青龙街道') })).id;
});
afterAll(() => env?.close());

describe('ranking for one listing', () => {
  it('ranks the matching supplies with their score parts and leaves out what breaks a hard rule', async () => {
    const r = await env.admin.call<Rank>('matching.rank', { listingId: ids.D1 });
    expect(r.closed).toBe('');
    expect(r.considered).toBe(4);
    expect(r.candidates.map((c) => c.listing.id)).toEqual([ids.S1, ids.S2]);
    expect(r.excluded).toEqual(expect.arrayContaining([{ reason: '价格区间对不上', count: 1 }, { reason: '时间窗口不重叠', count: 1 }]));
    const best = r.candidates[0]!;
    expect(best.parts.map((p) => p.key)).toEqual(['fit', 'quantity', 'window', 'price', 'distance', 'record']);
    expect(best.parts.find((p) => p.key === 'fit')!.note).toBe('同一产品；等级相符（一级）');
    expect(best.parts.find((p) => p.key === 'distance')!.note).toMatch(/江口镇 → 青龙街道/);
    expect(r.candidates[1]!.parts.find((p) => p.key === 'fit')!.note).toBe('同一产品；低 1 级（二级，要求一级）');
    expect(best.score).toBeGreaterThan(r.candidates[1]!.score);
    expect(best.suggestion).toMatchObject({ quantity: '8', unit: '吨', priceUnit: '斤', deliveryDate: day(5) });
    expect(best.suggestion.priceFen).toBe(340);
  });

  it('ranks from the supply side too, counting coverage of the supply', async () => {
    const r = await env.admin.call<Rank>('matching.rank', { listingId: ids.S1 });
    expect(r.candidates.map((c) => c.listing.id)).toEqual([ids.D1]);
    expect(r.candidates[0]!.parts.find((p) => p.key === 'quantity')!.value).toBeCloseTo(8 / 20);
  });
});

describe('deals', () => {
  it('refuses terms that break a rule, changing nothing', async () => {
    const base = { supplyId: ids.S1, demandId: ids.D1, quantity: '8', unit: '吨', priceFen: 340, priceUnit: '斤', deliveryDate: day(5), signedOn: day(0) };
    expect((await refusal('deals.create', { ...base, priceFen: 310 })).fields).toEqual({ priceFen: '成交价低于供方最低价 3.20 元/斤' });
    expect((await refusal('deals.create', { ...base, priceFen: 400 })).fields).toEqual({ priceFen: '成交价高于需方最高价 7.60 元/公斤' });
    expect((await refusal('deals.create', { ...base, quantity: '9' })).fields?.quantity).toBe('成交数量超过需求挂牌剩余（剩 8 吨）');
    expect((await refusal('deals.create', { ...base, deliveryDate: day(2) })).fields?.deliveryDate).toBe(`交货日期须在双方共同的时间窗口内（${day(5)} 至 ${day(25)}）`);
    expect((await refusal('deals.create', { ...base, unit: '头' })).fields?.unit).toBe('单位“头”不适用于晚熟脐橙');
    expect((await refusal('deals.create', { ...base, supplyId: ids.S4 })).fields?.deliveryDate).toBe('供需双方的时间窗口不重叠');
  });

  it('confirms a deal and both listings keep the remaining quantity', async () => {
    const d = await env.admin.call<Deal>('deals.create', { supplyId: ids.S1, demandId: ids.D1, quantity: '8', unit: '吨', priceFen: 340, priceUnit: '斤', deliveryDate: day(5), signedOn: day(0) });
    ids.deal1 = d.id;
    expect(d).toMatchObject({ status: 'open', quantity: '8', valueFen: 8_000_000 / 500 * 340 });
    expect(d.score).toBeGreaterThan(50);
    expect((await get(ids.S1)).remaining).toBe('12');
    const d1 = await get(ids.D1);
    expect(d1).toMatchObject({ remainingBase: 0, status: 'matched' });
    expect((await env.admin.call<Rank>('matching.rank', { listingId: ids.D1 })).closed).toBe('该挂牌已全部成交');
    expect((await refusal('deals.create', { supplyId: ids.S2, demandId: ids.D1, quantity: '1', unit: '吨', priceFen: 290, priceUnit: '斤', deliveryDate: day(5), signedOn: day(0) })).message).toContain('已全部成交，不能再成交');
  });

  it('records partial deliveries until the deal completes, values adding up to the deal', async () => {
    let d = (await env.admin.call<{ deal: Deal }>('deals.get', { id: ids.deal1 })).deal;
    d = await env.admin.call<Deal>('deals.deliver', { id: d.id, version: d.version, date: day(5), quantity: '3', unit: '吨' });
    d = await env.admin.call<Deal>('deals.deliver', { id: d.id, version: d.version, date: day(6), quantity: '6000', unit: '斤' });
    expect(d).toMatchObject({ status: 'open', delivered: '6', undelivered: '2' });
    expect((await refusal('deals.deliver', { id: d.id, version: d.version, date: day(7), quantity: '3', unit: '吨' })).fields?.quantity).toBe('交货数量超过未交货的 2 吨');
    expect((await refusal('deals.deliver', { id: d.id, version: d.version, date: day(-9), quantity: '1', unit: '吨' })).fields?.date).toContain('不能早于签约日期');
    expect((await refusal('deals.deliver', { id: d.id, version: d.version - 1, date: day(7), quantity: '1', unit: '吨' })).code).toBe('CONFLICT');
    d = await env.admin.call<Deal>('deals.deliver', { id: d.id, version: d.version, date: day(7), quantity: '320', unit: '箱' });
    expect(d.status).toBe('completed');
    const detail = await env.admin.call<{ deal: Deal; deliveries: { quantity: string; valueFen: number }[] }>('deals.get', { id: d.id });
    expect(detail.deliveries.map((x) => x.quantity)).toEqual(['3', '3', '2']);
    expect(detail.deliveries.reduce((s, x) => s + x.valueFen, 0)).toBe(detail.deal.valueFen);
    expect(detail.deal.deliveredValueFen).toBe(detail.deal.valueFen);
    expect((await refusal('deals.cancel', { id: d.id, version: d.version, reason: '不要了' })).message).toBe('已全部交货的成交不能取消');
  });

  it('cancels with a reason and gives the undelivered part back to both listings', async () => {
    ids.D2 = (await listing('demand', ids.buyer2, { grade: '一级', quantity: '5', priceMaxFen: 400, priceUnit: '斤' })).id;
    let d = await env.admin.call<Deal>('deals.create', { supplyId: ids.S1, demandId: ids.D2, quantity: '5', unit: '吨', priceFen: 350, priceUnit: '斤', deliveryDate: day(3), signedOn: day(0) });
    d = await env.admin.call<Deal>('deals.deliver', { id: d.id, version: d.version, date: day(3), quantity: '1', unit: '吨' });
    expect((await get(ids.S1)).remaining).toBe('7');
    expect((await refusal('deals.cancel', { id: d.id, version: d.version, reason: '' })).fields?.reason).toBe('取消原因不能为空');
    d = await env.admin.call<Deal>('deals.cancel', { id: d.id, version: d.version, reason: '买方资金不到位' });
    expect(d.status).toBe('cancelled');
    expect((await get(ids.S1)).remaining).toBe('11');
    expect(await get(ids.D2)).toMatchObject({ remainingBase: 4_000_000, status: 'open' });
    expect((await refusal('deals.deliver', { id: d.id, version: d.version, date: day(4), quantity: '1', unit: '吨' })).message).toBe('该成交已取消');
  });

  it("shows a seller's fulfilled and cancelled deals in the next ranking", async () => {
    const D3 = (await listing('demand', ids.buyer2, { grade: '', quantity: '2' })).id;
    const r = await env.admin.call<Rank>('matching.rank', { listingId: D3 });
    const a = r.candidates.find((c) => c.listing.id === ids.S1)!;
    expect(a.parts.find((p) => p.key === 'record')!.note).toBe('对方已履约 1 笔、取消 1 笔');
    expect(a.parts.find((p) => p.key === 'record')!.value).toBeCloseTo(0.5);
  });

  it('refuses a deal once the seller has been deregistered', async () => {
    const D4 = (await listing('demand', ids.buyer1, { quantity: '1', priceMaxFen: 320, priceUnit: '斤' })).id;
    env.core.store.sqlite.prepare("UPDATE orgs SET status = 'deregistered' WHERE id = ?").run(ids.coopB);
    const e = await refusal('deals.create', { supplyId: ids.S2, demandId: D4, quantity: '1', unit: '吨', priceFen: 290, priceUnit: '斤', deliveryDate: day(5), signedOn: day(0) });
    expect(e.message).toBe('供应方“龙角果业合作社”已注销，不能挂牌或成交');
    env.core.store.sqlite.prepare("UPDATE orgs SET status = 'active' WHERE id = ?").run(ids.coopB);
  });

  it('lets the bookkeeper read deals but not confirm or deliver', async () => {
    await env.admin.call('users.create', { username: 'kuaiji', displayName: '李会计', role: 'bookkeeper', password: 'kuaiji-pass-1' });
    const bk = await env.as('kuaiji', 'kuaiji-pass-1');
    await bk.call('auth.changePassword', { oldPassword: 'kuaiji-pass-1', newPassword: 'kuaiji-pass-2' });
    expect((await bk.call<{ total: number }>('deals.list', {})).total).toBe(2);
    const e = await bk.call('deals.deliver', { id: ids.deal1, version: 1, date: day(1), quantity: '1', unit: '吨' }).catch((x: AppError) => x);
    expect((e as AppError).code).toBe('FORBIDDEN');
  });
});

describe('events and figures', () => {
  it('signs deals at an event, adding both parties as participants', async () => {
    const ev = await env.admin.call<{ id: number }>('matchEvents.save', { name: '春季柑橘产销对接会', date: day(0), townshipId: townshipId(env.core, '青龙街道'), place: '县展销中心' });
    await env.admin.call('matchEvents.addParticipant', { eventId: ev.id, partyKind: 'org', partyId: ids.buyer1, role: 'buyer' });
    const D5 = (await listing('demand', ids.buyer1, { quantity: '2', priceMaxFen: 700, priceUnit: '公斤' })).id;
    await env.admin.call('deals.create', { supplyId: ids.S1, demandId: D5, quantity: '2', unit: '吨', priceFen: 330, priceUnit: '斤', deliveryDate: day(1), signedOn: day(0), eventId: ev.id });
    const detail = await env.admin.call<{ event: { deals: number; participants: number }; participants: { name: string; role: string }[]; deals: unknown[] }>('matchEvents.get', { id: ev.id });
    expect(detail.event).toMatchObject({ deals: 1, participants: 2 });
    expect(detail.participants.map((p) => `${p.name}:${p.role}`).sort()).toEqual(['江口柑橘合作社:seller', '重庆鲜果超市:buyer']);
    const e = await env.admin.call('matchEvents.removeParticipant', { eventId: ev.id, partyKind: 'org', partyId: ids.coopA }).catch((x: AppError) => x);
    expect((e as AppError).message).toBe('该参与方在本次活动中签有 1 笔成交，不能移除');
    ids.event = ev.id;
  });

  it('counts deals, quantity and value by product, township, month and event, with the branded share', () => {
    const f = matchingFigures(env.core.store, { from: '', to: '' });
    expect(f.totals).toMatchObject({ deals: 2, cancelled: 1, completed: 1, events: 1, inputDeals: 0 });
    // 8 t at 3.40/斤 + 2 t at 3.30/斤; the cancelled deal delivered 1 t at 3.50/斤.
    expect(f.totals.valueFen).toBe(5_440_000 + 1_320_000);
    expect(f.totals.deliveredValueFen).toBe(5_440_000 + 700_000);
    expect(f.totals.brandedShare).toBe(1);
    expect(f.byProduct).toEqual([expect.objectContaining({ product: '晚熟脐橙', unit: '斤', quantity: '20000', deals: 2, quantities: '10 吨' })]);
    expect(f.byTownship).toEqual([expect.objectContaining({ township: '江口镇', deals: 2 })]);
    expect(f.byMonth.map((m) => m.month)).toEqual([day(0).slice(0, 7)]);
    expect(f.byEvent).toEqual([expect.objectContaining({ event: '春季柑橘产销对接会', deals: 1, valueFen: 1_320_000, participants: 2 })]);
    const none = matchingFigures(env.core.store, { from: day(400), to: day(500) });
    expect(none.totals.deals).toBe(0);
  });

  it('exports the figures to an xlsx workbook a county office can open', async () => {
    const file = await env.admin.call<{ name: string; base64: string }>('matching.exportFigures', {});
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按产品', '按乡镇', '按月份', '按活动', '成交明细']);
    const byProduct = wb.getWorksheet('按产品')!;
    const texts = byProduct.getSheetValues().flat().map(String);
    expect(texts).toContain('晚熟脐橙');
    expect(wb.getWorksheet('成交明细')!.rowCount).toBe(1 + 3 + 1 + 3);
  });
});
