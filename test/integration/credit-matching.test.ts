import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { addOrg, day, setupCatalogue, type Catalogue } from '../helpers/matching';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

type Deal = { id: number; version: number; status: string };
type Profile = Out<Contract['credit.profile.get']>;

let env: Awaited<ReturnType<typeof setupCore>>;
let cat: Catalogue;

beforeAll(async () => {
  env = await setupCore();
  cat = await setupCatalogue(env.core, env.admin);
});
afterAll(() => env?.close());

describe('facts from supply-matching', () => {
  it('counts the deals a member fulfilled as seller or buyer and its fulfilment rate', async () => {
    const coop = addOrg(env.core, '江口柑橘合作社', { township: '江口镇' });
    const shop = addOrg(env.core, '重庆鲜果超市', { kind: '涉农企业', township: '青龙街道' });
    const listing = (side: 'supply' | 'demand', party: number, quantity: string) =>
      env.admin.call<{ id: number }>('listings.save', { side, partyKind: 'org', partyId: party, productId: cat.orange, grade: '一级', quantity, unit: '吨', priceMinFen: 300, priceMaxFen: 400, priceUnit: '斤', windowFrom: day(0), windowTo: day(30) });
    const supply = await listing('supply', coop, '30');
    const deal = async (quantity: string) => {
      const demand = await listing('demand', shop, quantity);
      return env.admin.call<Deal>('deals.create', { supplyId: supply.id, demandId: demand.id, quantity, unit: '吨', priceFen: 340, priceUnit: '斤', deliveryDate: day(5), signedOn: day(0) });
    };
    const a = await deal('8');
    const b = await deal('5');
    const c = await deal('2');
    const done = await env.admin.call<Deal>('deals.deliver', { id: a.id, version: a.version, date: day(0), quantity: '8', unit: '吨', note: '' });
    expect(done.status).toBe('completed');
    await env.admin.call('deals.cancel', { id: b.id, version: b.version, reason: '超市暂停采购' });
    expect(c.status).toBe('open');

    const p = await env.admin.call<Profile>('credit.profile.get', { kind: 'org', id: coop });
    const fact = (k: string) => p.facts.find((f) => f.key === k)!;
    const detail = '近 3 年签约 3 笔（供方 3 笔、采购方 0 笔）：已完成 1 笔，已取消 1 笔，履约中 1 笔';
    expect(fact('dealsFulfilled')).toMatchObject({ from: '产销对接', value: 1, detail });
    expect(fact('dealsFulfilledRate')).toMatchObject({ value: 50, detail });
    const buyer = await env.admin.call<Profile>('credit.profile.get', { kind: 'org', id: shop });
    expect(buyer.facts.find((f) => f.key === 'dealsFulfilled')).toMatchObject({ value: 1, detail: '近 3 年签约 3 笔（供方 0 笔、采购方 3 笔）：已完成 1 笔，已取消 1 笔，履约中 1 笔' });
    // The model may weigh them: both are offered to the model editor.
    const model = await env.admin.call<Out<Contract['credit.model.get']>>('credit.model.get');
    expect(model.facts.map((f) => f.key)).toEqual(expect.arrayContaining(['dealsFulfilled', 'dealsFulfilledRate', 'servicesPaid', 'closedOnTime']));
  });
});
