import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setupCore } from '../helpers/core';
import { catalog, household, refusal, staff, township, type Env } from '../helpers/frontdesk';
import type { CliClient } from '../../electron/cli/io';
import type { RequestDetail } from '../../shared/contract/requestFields';
import { readTable } from '../../electron/core/io/table';
import { addDays, localDate } from '../../electron/core/requests/rules';

/** A clock the test moves forward; sessions are renewed after each jump. */
let now = new Date('2026-04-01T02:00:00Z');
let env: Env;
let desk: CliClient;
let ids: Awaited<ReturnType<typeof catalog>>;
let jk: { id: number; villages: { id: number }[] };
let nx: { id: number; villages: { id: number }[] };
let farmer: number;
const P: Record<string, number> = {};

const day = () => localDate(now.toISOString());
const get = (id: number) => desk.call<RequestDetail>('requests.get', { id });

async function jump(days: number): Promise<void> {
  now = new Date(now.getTime() + days * 86_400_000);
  desk = await env.as('qiantai', 'second-pass-2');
  await env.admin.login('admin', 'admin-pass-1');
}

beforeAll(async () => {
  env = await setupCore({ clock: () => now });
  desk = await staff(env, 'qiantai', '王前台', 'frontdesk');
  jk = await township(env, '江口镇', ['梨树村']);
  nx = await township(env, '南溪镇', ['钟鼓村']);
  farmer = await household(env, '周大姐', jk.id, '13900001111');
  ids = await catalog(desk);
  const rice = ids.crop('水稻');
  for (const [link, price] of [
    ['耕', 8000],
    ['种', 6000],
    ['防', 2000],
    ['收', 10000],
  ] as const)
    await desk.call('servicePrices.save', { linkId: ids.link(link), cropId: rice, priceFen: price, validFrom: '2026-01-01', validTo: '2026-12-31' });
  const provider = async (name: string, kind: string, links: string[], townships: number[], capacityMu: number) =>
    (P[name] = (await desk.call<{ id: number }>('providers.save', { name, kind, linkIds: links.map(ids.link), cropIds: [rice], townshipIds: townships, capacityMu100: capacityMu * 100 })).id);
  await provider('江口农机合作社', '农机专业合作社', ['耕', '种', '收'], [jk.id], 100);
  await provider('县农服专业队', '专业化服务队', ['耕', '种', '防', '收'], [jk.id, nx.id], 10);
  await provider('南溪综合服务社', '综合服务合作社', ['耕', '种', '防', '收'], [nx.id], 200);
  await provider('刘师傅', '个体农机手', ['耕'], [jk.id], 300);
});
afterAll(() => env.close());

const intake = (over: Record<string, unknown> = {}) =>
  desk.call<{ id: number; code: string }>('requests.create', {
    party: { kind: 'household', id: farmer },
    channel: '来访',
    kind: '生产托管·多环节',
    cropId: ids.crop('水稻'),
    linkIds: [ids.link('耕'), ids.link('收')],
    areaMu100: 5000,
    townshipId: jk.id,
    wishedFrom: addDays(day(), 1),
    wishedTo: addDays(day(), 3),
    ...over,
  });

describe('dispatch', () => {
  it('ranks providers that offer the links, cover the township and have capacity first, with the reason', async () => {
    const { id } = await intake();
    const s = await desk.call<{ name: string; rank: number; eligible: boolean; coversTownship: boolean; hasCapacity: boolean; reason: string; warnings: string[] }[]>('requests.suggest', { id });
    expect(s.map((x) => x.name)).toEqual(['江口农机合作社', '县农服专业队', '南溪综合服务社', '刘师傅']);
    expect(s[0]).toMatchObject({ rank: 1, eligible: true, coversTownship: true, hasCapacity: true });
    // 50 mu × 2 links = 100 亩次 over 3 days; the cooperative can do 300, the team 30.
    expect(s[0]!.reason).toContain('提供耕、收；覆盖江口镇');
    expect(s[0]!.reason).toContain('可作业 300 亩次，已排 0，本单需 100');
    expect(s[1]!.hasCapacity).toBe(false);
    expect(s[1]!.warnings[0]).toContain('产能不足');
    expect(s[2]!.coversTownship).toBe(false);
    expect(s[2]!.warnings).toContain('服务范围不含江口镇（派单须填写原因）');
    expect(s[3]).toMatchObject({ eligible: false, warnings: ['不提供：收'] });
  });

  it('counts work already dispatched against a provider’s capacity on overlapping days', async () => {
    const first = await intake();
    const r = await get(first.id);
    await desk.call('requests.dispatch', { id: first.id, version: r.version, providerId: P['江口农机合作社'] });
    const second = await intake({ areaMu100: 15000 });
    const s = await desk.call<{ name: string; hasCapacity: boolean; reason: string; warnings: string[] }[]>('requests.suggest', { id: second.id });
    const coop = s.find((x) => x.name === '江口农机合作社')!;
    expect(coop.hasCapacity).toBe(false);
    expect(coop.warnings[0]).toContain('可作业 300 亩次，已排 100，本单需 300');
    // Both eligible providers in 江口镇 are short; the one with more room left still comes first.
    expect(s.slice(0, 2).map((x) => x.name)).toEqual(['江口农机合作社', '县农服专业队']);
  });

  it('refuses a provider missing a link, and one outside its townships unless a reason is given', async () => {
    const { id } = await intake();
    const r = await get(id);
    const missing = await refusal(() => desk.call('requests.dispatch', { id, version: r.version, providerId: P['刘师傅'] }));
    expect(missing.fields?.providerId).toBe('“刘师傅”不提供：收，不能派给它');
    const outside = await refusal(() => desk.call('requests.dispatch', { id, version: r.version, providerId: P['南溪综合服务社'] }));
    expect(outside.fields?.outsideReason).toBe('“南溪综合服务社”的服务范围不含江口镇；如确需派给它，请填写原因');
    expect((await get(id)).status).toBe('received');
    await desk.call('requests.dispatch', { id, version: r.version, providerId: P['南溪综合服务社'], outsideReason: '江口农机合作社机器检修' });
    const after = await get(id);
    expect(after.provider?.name).toBe('南溪综合服务社');
    expect(after.outsideReason).toBe('江口农机合作社机器检修');
    expect(after.events.at(-1)!.note).toContain('超出服务范围，原因：江口农机合作社机器检修');
  });

  it('refuses to dispatch when the price list has no price for a link on the day', async () => {
    const { id } = await intake({ wishedFrom: '2027-03-01', wishedTo: '2027-03-05' });
    const r = await get(id);
    expect(r.quote.problems[0]).toBe('价目表中没有“水稻·耕”在 2027-03-01 有效的价格');
    const e = await refusal(() => desk.call('requests.dispatch', { id, version: r.version, providerId: P['江口农机合作社'] }));
    expect(e.code).toBe('REFUSED');
    expect((await get(id)).status).toBe('received');
  });

  it('prints a work order once dispatched', async () => {
    const { id } = await intake();
    const notYet = await refusal(() => desk.call('workOrders.print', { id }));
    expect(notYet.message).toContain('尚未派单');
    const r = await get(id);
    await desk.call('requests.dispatch', { id, version: r.version, providerId: P['江口农机合作社'] });
    const pdf = await desk.call<{ name: string; base64: string }>('workOrders.print', { id });
    expect(pdf.name).toBe(`派工单_${r.code}.pdf`);
    const file = path.join(env.dir, 'order.pdf');
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    // 50 亩: 耕 80 + 收 100 元/亩 = 9,000 元; 30% subsidy = 2,700 元 (under 100 元/亩); the farmer pays 6,300 元.
    for (const part of ['农业生产服务派工单', r.code, '周大姐', '江口镇', '江口农机合作社', '9,000.00', '2,700.00', '6,300.00', '陆仟叁佰元整']) expect(text).toContain(part);
  });
});

describe('queue and overdue', () => {
  it('flags a request past its wished date and one dispatched but not started within the set days', async () => {
    await desk.call('serviceCatalog.saveSettings', { startOverdueDays: 2 });
    const late = await intake({ wishedFrom: day(), wishedTo: day(), notes: '逾期测试' });
    const slow = await intake({ wishedFrom: addDays(day(), 10), wishedTo: addDays(day(), 12), notes: '派单未开始' });
    const s = await get(slow.id);
    await desk.call('requests.dispatch', { id: slow.id, version: s.version, providerId: P['江口农机合作社'] });
    expect((await get(late.id)).overdue).toEqual([]);
    await jump(3);
    expect((await get(late.id)).overdue[0]).toMatch(/^已过期望日期/);
    expect((await get(slow.id)).overdue).toEqual(['派单超过 2 天未开始服务']);
    const q = await desk.call<{ total: number; rows: { id: number; overdue: string[] }[]; counts: Record<string, number> }>('requests.list', { status: 'overdue', limit: 500 });
    expect(q.rows.map((r) => r.id)).toEqual(expect.arrayContaining([late.id, slow.id]));
    expect(q.rows.every((r) => r.overdue.length > 0)).toBe(true);
    expect(q.counts.overdue).toBe(q.total);
  });

  it('counts by status, township, provider and handler, filters, sorts and shows a clerk’s own desk', async () => {
    const other = await staff(env, 'qiantai2', '赵前台', 'frontdesk');
    const nanxi = await household(env, '吴二哥', nx.id, '13700002222');
    const mine = await other.call<{ id: number }>('requests.create', { party: { kind: 'household', id: nanxi }, channel: '乡镇转办', kind: '农机作业', cropId: ids.crop('水稻'), linkIds: [ids.link('耕')], areaMu100: 800, townshipId: nx.id, priority: 2 });
    const all = await desk.call<{ total: number; counts: Record<string, number>; byTownship: { name: string; count: number }[]; byHandler: { name: string; count: number }[]; rows: { id: number; priority: number }[] }>('requests.list', {
      status: 'all',
      sort: 'priority',
      dir: 'desc',
    });
    expect(all.total).toBe(all.counts.all);
    expect(all.counts.open).toBe(all.counts.received! + all.counts.dispatched! + all.counts.in_service!);
    expect(all.byTownship.find((t) => t.name === '南溪镇')?.count).toBe(1);
    expect(all.byHandler.find((h) => h.name === '赵前台')?.count).toBe(1);
    expect(all.rows[0]!.id).toBe(mine.id);
    const hers = await other.call<{ total: number; rows: { id: number }[] }>('requests.list', { status: 'open', mine: true });
    expect(hers.rows.map((r) => r.id)).toEqual([mine.id]);
    const byTownship = await desk.call<{ total: number }>('requests.list', { status: 'all', townshipId: nx.id });
    expect(byTownship.total).toBe(1);
    const byPhone = await desk.call<{ rows: { party: string }[] }>('requests.list', { status: 'all', q: '2222' });
    expect(byPhone.rows.map((r) => r.party)).toEqual(['吴二哥']);
  });
});

describe('contracts and figures', () => {
  it('prices a contract request at the agreed price and rolls its records up to the contract', async () => {
    const rice = ids.crop('水稻');
    const c = await desk.call<{ id: number; code: string; plots: { id: number }[]; version: number }>('serviceContracts.save', {
      party: { kind: 'household', id: farmer },
      term: 'season',
      model: '全程托管',
      startsOn: '2026-03-01',
      endsOn: '2026-09-30',
      plots: [
        { townshipId: jk.id, villageId: jk.villages[0]!.id, location: '河坝田', cropId: rice, areaMu100: 2000 },
        { townshipId: jk.id, villageId: null, location: '坡上', cropId: rice, areaMu100: 1000 },
      ],
      prices: ['耕', '种', '防', '收'].map((l) => ({ linkId: ids.link(l), cropId: rice, priceFen: 5000 })),
    });
    expect(c.code).toBe('TG2026-001');
    const wrong = await refusal(() =>
      desk.call('serviceContracts.save', { party: { kind: 'household', id: farmer }, term: 'season', model: '单环节托管', startsOn: '2026-09-01', endsOn: '2026-03-01', plots: [{ townshipId: jk.id, cropId: rice, areaMu100: 100 }], prices: [{ linkId: ids.link('耕'), cropId: rice, priceFen: 1 }] }),
    );
    expect(wrong.fields?.endsOn).toBe('结束日期不能早于开始日期');
    const { id } = await intake({ contractId: c.id, contractPlotId: c.plots[0]!.id, areaMu100: 2000, linkIds: [ids.link('耕'), ids.link('收')] });
    const r = await get(id);
    expect(r.quote.lines.map((l) => [l.priceFen, l.priceSource])).toEqual([
      [5000, '合同约定'],
      [5000, '合同约定'],
    ]);
    await desk.call('requests.dispatch', { id, version: r.version, providerId: P['江口农机合作社'] });
    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('耕'), doneOn: day(), areaMu100: 2000, paidFen: 50000 });
    const got = await desk.call<{ rollup: { lines: { link: string; plannedMuTimes100: number; muTimes100: number; feeFen: number; paidFen: number }[]; totals: { plannedMuTimes100: number; muTimes100: number } } }>('serviceContracts.get', { id: c.id });
    expect(got.rollup.totals.plannedMuTimes100).toBe(4 * 3000);
    expect(got.rollup.totals.muTimes100).toBe(2000);
    expect(got.rollup.lines.find((l) => l.link === '耕')).toMatchObject({ plannedMuTimes100: 3000, muTimes100: 2000, feeFen: 100000, paidFen: 50000 });
    const close = await refusal(() => desk.call('serviceContracts.close', { id: c.id, version: c.version }));
    expect(close.message).toContain('未完成的服务申请');
  });

  it('reports 亩次 by township, link and month, the indicator-6 figure, and exports them', async () => {
    const stats = await desk.call<{ rows: { key: string; label: string; muTimes100: number; requests: number }[]; totals: { muTimes100: number; requests: number }; indicator: { wanMuTimes: number } }>('serviceStats.get', {
      from: '2026-01-01',
      to: '2026-12-31',
      by: 'link',
    });
    const records = env.core.store.sqlite.prepare(`SELECT coalesce(sum(area_mu100), 0) AS n FROM service_records`).get() as { n: number };
    expect(stats.totals.muTimes100).toBe(records.n);
    expect(stats.totals.muTimes100).toBeGreaterThan(0);
    const sql = (q: string) => (env.core.store.sqlite.prepare(q).get() as { n: number }).n;
    const tillRequests = sql(`SELECT count(*) AS n FROM request_links rl JOIN service_links l ON l.id = rl.link_id WHERE l.name = '耕'`);
    expect(stats.rows.find((r) => r.label === '耕')?.requests).toBe(tillRequests);
    // By link a request counts once per link; the total counts each request once.
    expect(stats.totals.requests).toBe(sql('SELECT count(*) AS n FROM service_requests'));
    const byTownship = await desk.call<{ rows: { label: string; muTimes100: number }[] }>('serviceStats.get', { from: '2026-01-01', to: '2026-12-31', by: 'township' });
    expect(byTownship.rows.find((r) => r.label === '江口镇')?.muTimes100).toBe(records.n);
    const indicator = await desk.call<{ muTimes100: number; wanMuTimes: number }>('serviceStats.indicator', { year: 2026 });
    expect(indicator.muTimes100).toBe(records.n);
    expect(indicator.wanMuTimes).toBe(Math.round(records.n / 100) / 10000);
    const tracker = await env.admin.call<{ rows: { no: number; basis: string; computed: number | null; how: string; route: string }[] }>('indicators.list', {});
    const six = tracker.rows.find((r) => r.no === 6)!;
    expect(six.basis).toBe('computed');
    expect(six.computed).toBeCloseTo(records.n / 100 / 10000, 2);
    expect(six.how).toContain(`合计 ${(records.n / 100).toLocaleString('zh-CN')} 亩次`);
    expect(six.route).toBe('/requests/stats');
    const months = await desk.call<{ rows: { label: string }[] }>('serviceStats.get', { from: '2026-01-01', to: '2026-12-31', by: 'month' });
    expect(months.rows.map((r) => r.label)).toContain('2026年4月');

    const file = await desk.call<{ name: string; base64: string }>('serviceStats.export', { from: '2026-01-01', to: '2026-12-31', by: 'township', format: 'xlsx' });
    const table = await readTable(file.name, Buffer.from(file.base64, 'base64'));
    const row = table.rows.find((r) => r.cells[0] === '江口镇')!;
    expect(Number(row.cells[4])).toBeCloseTo(records.n / 100, 2);
  });

  it('exports providers and imports the edited file back, all or nothing', async () => {
    const file = await desk.call<{ name: string; base64: string }>('providers.export', { format: 'csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '');
    const edited = text.replace('县农服专业队,专业化服务队', '县农服专业队,专业化服务队').replace(/\n?$/, `\n新来的机手,个体农机手,,,13600000000,耕、收,水稻,南溪镇,旋耕机（耕整机）×1,80,在用,\n`);
    const upload = { name: 'providers.csv', base64: Buffer.from(edited, 'utf8').toString('base64') };
    const preview = await desk.call<{ rows: { name: string; status: string }[]; errors: number }>('providers.importPreview', upload);
    expect(preview.errors).toBe(0);
    expect(preview.rows.find((r) => r.name === '新来的机手')?.status).toBe('new');
    expect(preview.rows.find((r) => r.name === '县农服专业队')?.status).toBe('update');
    const bad = { name: 'bad.csv', base64: Buffer.from(`${edited}坏行,不存在的类型,,,,,,,,,,\n`, 'utf8').toString('base64') };
    const before = (await desk.call<unknown[]>('providers.list')).length;
    const e = await refusal(() => desk.call('providers.importCommit', bad));
    expect(e.message).toContain('未导入任何数据');
    expect((await desk.call<unknown[]>('providers.list')).length).toBe(before);
    const done = await desk.call<{ created: number; updated: number }>('providers.importCommit', upload);
    expect(done.created).toBe(1);
    const added = (await desk.call<{ name: string; capacityMu100: number; machines: { name: string; kind: string; count: number }[]; townships: string[] }[]>('providers.list')).find((p) => p.name === '新来的机手')!;
    expect(added).toMatchObject({ capacityMu100: 8000, townships: ['南溪镇'], machines: [{ name: '旋耕机', kind: '耕整机', count: 1 }] });
  });
});
