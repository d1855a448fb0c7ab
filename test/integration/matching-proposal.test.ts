import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { setupCore } from '../helpers/core';
import { finishJob, proposeMatches } from '../helpers/jobs';
import { addHousehold, addOrg, count, day, setupCatalogue, type Catalogue } from '../helpers/matching';
import { COMMANDS } from '../../electron/cli/commands';
import type { CliClient } from '../../electron/cli/io';
import { AppError } from '../../shared/errors';

type Pair = { supplyId: number; demandId: number; quantityBase: number; suggestion: { quantity: string; unit: string; priceFen: number | null; priceUnit: string; deliveryDate: string } };
type Proposal = { pairs: Pair[]; openSupplies: number; openDemands: number };

let env: Awaited<ReturnType<typeof setupCore>>;
let cat: Catalogue;
const sellers: number[] = [];
const buyers: number[] = [];

beforeAll(async () => {
  env = await setupCore();
  cat = await setupCatalogue(env.core, env.admin);
  for (let i = 0; i < 4; i++) sellers.push(addOrg(env.core, `合作社${i}`, { township: ['江口镇', '龙角镇', '南溪镇', '高阳镇'][i] }));
  for (let i = 0; i < 4; i++) buyers.push(addOrg(env.core, `采购商${i}`, { kind: '涉农企业', township: '青龙街道' }));
});
afterAll(() => env?.close());

const run = (name: string, client: CliClient, values: Record<string, string | boolean> = {}, positionals: string[] = []) =>
  COMMANDS.find((c) => c.name === name)!.run(client, { values, positionals });

function accept(p: Pair) {
  return {
    supplyId: p.supplyId,
    demandId: p.demandId,
    quantity: p.suggestion.quantity,
    unit: p.suggestion.unit,
    priceFen: p.suggestion.priceFen ?? 300,
    priceUnit: p.suggestion.priceUnit,
    deliveryDate: p.suggestion.deliveryDate,
    signedOn: day(0),
  };
}

/** Listings, deals and their quantities agree: what deals hold is what listings say is committed. */
function bookkeepingHolds() {
  const q = env.core.store.sqlite;
  const bad = q
    .prepare(
      `SELECT l.id, l.quantity_base, l.committed_base, l.status,
         coalesce((SELECT sum(CASE WHEN d.status = 'cancelled' THEN d.delivered_base ELSE d.quantity_base END) FROM deals d WHERE d.supply_id = l.id OR d.demand_id = l.id), 0) AS held
       FROM listings l`,
    )
    .all() as { id: number; quantity_base: number; committed_base: number; status: string; held: number }[];
  for (const l of bad) {
    expect(l.committed_base).toBe(l.held);
    expect(l.committed_base).toBeLessThanOrEqual(l.quantity_base);
    if (l.status !== 'withdrawn') expect(l.status).toBe(l.committed_base === l.quantity_base ? 'matched' : 'open');
  }
}

describe('batch proposal through the API', () => {
  it('proposes pairs for all open listings, staff accept some, and accepting the stale rest is refused', async () => {
    const mk = (side: 'supply' | 'demand', party: number, quantity: string, unit: string, price: [number, number], priceUnit: string) =>
      env.admin.call<{ id: number }>('listings.save', { side, partyKind: 'org', partyId: party, productId: cat.orange, quantity, unit, priceMinFen: price[0], priceMaxFen: price[1], priceUnit, windowFrom: day(0), windowTo: day(20) });
    await mk('supply', sellers[0]!, '10', '吨', [300, 340], '斤');
    await mk('supply', sellers[1]!, '800', '箱', [280, 320], '斤');
    await mk('demand', buyers[0]!, '6', '吨', [600, 700], '公斤');
    await mk('demand', buyers[1]!, '12000', '斤', [620, 720], '公斤');
    await mk('demand', buyers[2]!, '1', '吨', [100, 200], '公斤');
    const p = await proposeMatches<Proposal>(env.admin);
    expect(p.openSupplies).toBe(2);
    expect(p.openDemands).toBe(3);
    const total = p.pairs.reduce((s, x) => s + x.quantityBase, 0);
    // 15 t offered, 12 t wanted at prices that meet (the third buyer's ceiling is below every floor).
    expect(total).toBe(12_000_000);
    const before = count(env.core, 'deals');
    const [first, ...rest] = p.pairs;
    await env.admin.call('matching.accept', { items: [accept(first!)] });
    expect(count(env.core, 'deals')).toBe(before + 1);
    bookkeepingHolds();
    const again = await env.admin.call('matching.accept', { items: p.pairs.map(accept) }).catch((e: AppError) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).message).toMatch(/^第 1 条：/);
    expect(count(env.core, 'deals')).toBe(before + 1);
    await env.admin.call('matching.accept', { items: rest.map(accept) });
    bookkeepingHolds();
    const left = await proposeMatches<Proposal>(env.admin);
    expect(left.pairs).toEqual([]);
  });

  it('runs as a job the screen can follow and cancel, and leaves nothing to fetch when cancelled', async () => {
    const { jobId } = await env.admin.call<{ jobId: string }>('matching.propose', {});
    const done = await finishJob(env.admin, jobId);
    expect(done).toMatchObject({ state: 'done', done: 100, total: 100, file: null });
    expect((await env.admin.call<Proposal>('matching.proposal', { jobId })).openSupplies).toBeGreaterThanOrEqual(0);
    const stopped = await env.admin.call<{ jobId: string }>('matching.propose', {});
    await env.admin.call('jobs.cancel', { id: stopped.jobId });
    expect((await finishJob(env.admin, stopped.jobId)).state).toBe('cancelled');
    const e = await env.admin.call('matching.proposal', { jobId: stopped.jobId }).catch((x: AppError) => x);
    expect((e as AppError).message).toBe('这个任务没有结果');
  });

  it('keeps the bookkeeping exact through random proposals, accepts, deliveries and cancellations', async () => {
    const units = ['吨', '公斤', '斤', '箱'];
    const listingArb = fc.record({
      side: fc.constantFrom('supply', 'demand'),
      party: fc.integer({ min: 0, max: 3 }),
      qty: fc.integer({ min: 1, max: 50 }),
      unit: fc.constantFrom(...units),
      price: fc.integer({ min: 150, max: 450 }),
      priceUnit: fc.constantFrom('斤', '公斤'),
      from: fc.integer({ min: -5, max: 10 }),
      len: fc.integer({ min: 0, max: 15 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(listingArb, { minLength: 2, maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 6 }), async (ls, actions) => {
        for (const l of ls) {
          await env.admin.call('listings.save', {
            side: l.side,
            partyKind: 'org',
            partyId: l.side === 'supply' ? sellers[l.party] : buyers[l.party],
            productId: cat.orange,
            quantity: String(l.qty),
            unit: l.unit,
            priceMinFen: l.price,
            priceMaxFen: l.price + 60,
            priceUnit: l.priceUnit,
            windowFrom: day(l.from),
            windowTo: day(l.from + l.len),
          });
        }
        const p = await proposeMatches<Proposal>(env.admin);
        if (p.pairs.length) await env.admin.call('matching.accept', { items: p.pairs.map(accept) });
        bookkeepingHolds();
        const open = (await env.admin.call<{ rows: { id: number; version: number; quantityBase: number; deliveredBase: number }[] }>('deals.list', { status: 'open', limit: 500 })).rows;
        for (const [i, a] of actions.entries()) {
          const d = open[i];
          if (!d) break;
          if (a === 1) await env.admin.call('deals.cancel', { id: d.id, version: d.version, reason: '测试取消' });
          if (a === 2) await env.admin.call('deals.deliver', { id: d.id, version: d.version, date: day(10), quantity: String((d.quantityBase - d.deliveredBase) / 1000), unit: '公斤' });
        }
        bookkeepingHolds();
      }),
      { numRuns: 12 },
    );
  });
});

describe('command line', () => {
  it('writes the proposal for review and lists deals', async () => {
    const farmer = addHousehold(env.core, '李二', '南溪镇');
    await env.admin.call('listings.save', { side: 'supply', partyKind: 'org', partyId: sellers[3], productId: cat.compound, quantity: '5', unit: '吨', priceMinFen: 250_000, priceUnit: '吨', windowFrom: day(0), windowTo: day(30) });
    await env.admin.call('listings.save', { side: 'demand', partyKind: 'household', partyId: farmer, productId: cat.compound, quantity: '10', unit: '袋', priceMaxFen: 15_000, priceUnit: '袋', windowFrom: day(0), windowTo: day(30) });
    const out = path.join(env.dir, 'proposal.xlsx');
    const r = (await run('matching propose', env.admin, { out, kind: 'input' })) as { 方案配对: number; saved: string };
    expect(r.方案配对).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.saved);
    const values = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(values).toContain('李二');
    expect(values).toEqual(expect.arrayContaining(['复合肥', '0.5', '吨', '2,750.00']));
    const json = path.join(env.dir, 'proposal.json');
    await run('matching propose', env.admin, { out: json });
    expect(JSON.parse(fs.readFileSync(json, 'utf8')).pairs.length).toBeGreaterThan(0);
    const deals = (await run('deals list', env.admin, { status: 'all', limit: '5' })) as { 编号: string; 状态: string }[];
    expect(deals.length).toBe(5);
    expect(deals[0]!.编号).toMatch(/^CJ\d{6}$/);
  });

  it('exports listings and imports them back all-or-nothing', async () => {
    const out = path.join(env.dir, 'listings.xlsx');
    await run('listings export', env.admin, { out, status: 'all' });
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    const good = path.join(env.dir, 'good.csv');
    fs.writeFileSync(
      good,
      ['方向,主体名称,品类,产品,等级,数量,单位,最低价（元）,最高价（元）,价格单位,开始日期,结束日期,乡镇,认证', `供应,合作社0,柑橘,晚熟脐橙,一级,3,吨,3.2,3.5,斤,${day(0)},${day(9)},江口镇,地理标志、天生云阳`, `需求,采购商0,柑橘,,,2000,斤,,,,${day(1)},${day(5)},,`].join('\n'),
    );
    const before = count(env.core, 'listings');
    expect(await run('listings import', env.admin, {}, [good])).toEqual({ imported: 2 });
    expect(count(env.core, 'listings')).toBe(before + 2);
    const bad = path.join(env.dir, 'bad.csv');
    fs.writeFileSync(bad, ['方向,主体名称,品类,产品,数量,单位,开始日期,结束日期', `供应,合作社0,柑橘,晚熟脐橙,3,头,${day(0)},${day(9)}`, `供应,没登记的社,柑橘,晚熟脐橙,3,吨,${day(0)},${day(9)}`, `供应,合作社1,柑橘,晚熟脐橙,3,吨,${day(0)},${day(9)}`].join('\n'));
    const r = (await run('listings import', env.admin, {}, [bad])) as { imported: number; errors: string[] };
    expect(r.imported).toBe(0);
    expect(r.errors).toEqual([expect.stringMatching(/^第 2 行：单位“头”不适用于晚熟脐橙/), '第 3 行：会员档案中没有“没登记的社”，请先登记']);
    expect(count(env.core, 'listings')).toBe(before + 2);
    const commit = await env.admin.call('listings.importCommit', { name: 'bad.csv', base64: fs.readFileSync(bad).toString('base64') }).catch((e: AppError) => e);
    expect((commit as AppError).message).toBe('有 2 行错误，未导入任何数据（第 2 行：单位“头”不适用于晚熟脐橙（可用：斤、公斤、吨、箱））');
  });
});
