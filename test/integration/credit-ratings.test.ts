import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCredit, type CreditEnv } from '../helpers/credit';
import { refusal } from '../helpers/refusal';
import { finishJob } from '../helpers/jobs';
import type { CliClient } from '../../electron/cli/io';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';
import type { ModelDefinition } from '../../shared/credit';

type Rating = Out<Contract['credit.rate']>;
type Profile = Out<Contract['credit.profile.get']>;
type Model = Out<Contract['credit.model.get']>;

let env: CreditEnv;
let manager: CliClient;
let desk: CliClient;
let keeper: CliClient;
let union: number;
let coop: number;
let peerA: number;
let peerB: number;

const line = (r: Rating, fact: string) => r.lines.find((l) => l.fact === fact)!;

beforeAll(async () => {
  env = await setupCredit('2026-05-20');
  manager = await env.user('fuzeren', '陈主任', 'manager');
  desk = await env.user('qiantai', '王前台', 'frontdesk');
  keeper = await env.user('kuaiji', '李会计', 'bookkeeper');
  union = env.union('云阳县农民合作经济组织联合会');
  coop = env.org('农民专业合作社', '云阳县江口镇兴农柑橘专业合作社', { industries: ['柑橘'], demoLevel: '市级', demoYear: 2022 });
  peerA = env.org('农民专业合作社', '云阳县南溪镇丰收脐橙专业合作社');
  peerB = env.org('涉农企业', '重庆佳禾农业开发有限公司');
  env.join(union, coop, '2020-03-01');
  env.join(union, peerA, '2021-01-01');
  env.join(union, peerB, '2022-01-01');
});
afterAll(() => env.close());

describe('a rating from fixed inputs', () => {
  it('scores each indicator of the model from the registry, staff records and mutual evaluations', async () => {
    await manager.call('credit.facts.add', { kind: 'org', id: coop, factKind: 'repaidOnTime', occurredOn: '2025-08-01', title: '农商行贷款 50 万元按期结清', source: '农商行结清证明' });
    await manager.call('credit.facts.add', { kind: 'org', id: coop, factKind: 'award', occurredOn: '2025-03-01', title: '县级优秀会员单位' });
    // Older than the three-year window: not counted.
    await manager.call('credit.facts.add', { kind: 'org', id: coop, factKind: 'penalty', occurredOn: '2022-05-01', title: '2022 年行政处罚' });
    await manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: peerA, year: 2026, score: 5, comment: '履约好' });
    await manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: peerB, year: 2025, score: 4, comment: '' });

    const r = await manager.call<Rating>('credit.rate', { kind: 'org', id: coop });
    expect(r).toMatchObject({ status: 'proposed', modelVersion: 1, asOf: '2026-05-20', ratedBy: '陈主任', approvedBy: '' });
    expect(line(r, 'memberYears')).toMatchObject({ value: 6.2, pct: 100, pointsX100: 500, detail: '2020-03-01 加入云阳县农民合作经济组织联合会，至 2026-05-20 满 6.2 年' });
    expect(line(r, 'demoLevel')).toMatchObject({ value: 2, pct: 80, pointsX100: 400, rule: '≥ 2级 → 80%' });
    expect(line(r, 'booksKept')).toMatchObject({ value: 0, pct: 0, detail: '未由中心代账' });
    expect(line(r, 'closedOnTime')).toMatchObject({ value: null, pct: 30, pointsX100: 300, rule: '无数据 → 30%' });
    expect(line(r, 'surplus')).toMatchObject({ value: null, pointsX100: 200 });
    expect(line(r, 'totalAssets')).toMatchObject({ value: null, pointsX100: 200 });
    expect(line(r, 'loansOnTime')).toMatchObject({ value: 1, pct: 70, pointsX100: 700 });
    expect(line(r, 'loansOverdue')).toMatchObject({ value: 0, pct: 100, pointsX100: 1500 });
    expect(line(r, 'guarantees')).toMatchObject({ value: 0, pointsX100: 500 });
    expect(line(r, 'awards')).toMatchObject({ value: 1, pct: 60, pointsX100: 300 });
    expect(line(r, 'penalties')).toMatchObject({ value: 0, pointsX100: 1000 });
    expect(line(r, 'peerScore')).toMatchObject({ value: 4.5, pct: 100, pointsX100: 500, detail: '2025、2026 年 2 家会员单位评价，平均 4.50 分' });
    expect(line(r, 'servicesPaid')).toMatchObject({ value: null, pct: 50, pointsX100: 250, detail: '近 3 年没有需付费的服务记录' });
    // 5 + 4 + 0 + 3 + 2 + 2 + 7 + 15 + 5 + 3 + 10 + 2.5 + 5 = 63.5 of 100.
    expect(r).toMatchObject({ applicableWeight: 100, rawX100: 6350, scoreX100: 6350, computedGrade: 'B', grade: 'B' });
  });

  it('is approved by a manager, who may adjust the grade only with a reason', async () => {
    const r = (await manager.call<Profile>('credit.profile.get', { kind: 'org', id: coop })).ratings[0]!;
    expect(r.status).toBe('proposed');
    const noReason = await refusal(() => manager.call('credit.ratings.approve', { id: r.id, grade: 'A', reason: '' }));
    expect(noReason.fields?.reason).toContain('须说明理由');
    const ok = await manager.call<Rating>('credit.ratings.approve', { id: r.id, grade: null, reason: '' });
    expect(ok).toMatchObject({ status: 'approved', grade: 'B', approvedBy: '陈主任', validUntil: '2027-05-20' });
    const twice = await refusal(() => manager.call('credit.ratings.approve', { id: r.id, grade: null, reason: '' }));
    expect(twice.message).toBe('此评级已审批');
  });

  it('keeps an old rating explainable after the model changes and the facts move on', async () => {
    const m = await manager.call<Model>('credit.model.get');
    expect(m.current?.version).toBe(1);
    const def: ModelDefinition = structuredClone(m.current!.definition);
    // Version 2: A from 62 points, and the award counts for more.
    def.bands[2]!.min = 62;
    def.indicators.find((i) => i.fact === 'awards')!.levels = [{ at: 1, pct: 100 }];
    const stale = await refusal(() => manager.call('credit.model.save', { baseVersion: 0, definition: def, note: '调整' }));
    expect(stale.code).toBe('CONFLICT');
    expect((await manager.call<{ version: number }>('credit.model.save', { baseVersion: 1, definition: def, note: 'A 级门槛降为 62 分' })).version).toBe(2);

    await manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: peerA, year: 2025, score: 2, comment: '供货延误' });
    const again = await manager.call<Rating>('credit.rate', { kind: 'org', id: coop, approve: true });
    expect(again).toMatchObject({ modelVersion: 2, status: 'approved', approvedBy: '陈主任' });
    expect(line(again, 'awards')).toMatchObject({ pct: 100, pointsX100: 500 });
    expect(line(again, 'peerScore')).toMatchObject({ value: 3.67, pct: 50, pointsX100: 250 });
    expect(again).toMatchObject({ scoreX100: 6300, grade: 'A' });

    const p = await manager.call<Profile>('credit.profile.get', { kind: 'org', id: coop });
    expect(p.ratings.map((r) => [r.modelVersion, r.grade, r.scoreX100, r.status])).toEqual([
      [2, 'A', 6300, 'approved'],
      [1, 'B', 6350, 'approved'],
    ]);
    // The first rating still reads as it was computed: version 1, the two evaluations it counted, its own rule for awards.
    const old = p.ratings[1]!;
    expect(line(old, 'peerScore')).toMatchObject({ value: 4.5, detail: '2025、2026 年 2 家会员单位评价，平均 4.50 分' });
    expect(line(old, 'awards')).toMatchObject({ pct: 60, rule: '≥ 1项 → 60%' });
    expect(p.current).toEqual({ grade: 'A', validUntil: '2027-05-20', ratingId: again.id });
    const v1 = await manager.call<Out<Contract['credit.model.version']>>('credit.model.version', { version: 1 });
    expect(v1.definition.bands[2]).toEqual({ grade: 'A', min: 70 });

    expect(() => env.sql('UPDATE credit_models SET note = ? WHERE version = 1', 'x')).toThrow('评级模型的已有版本不可修改');
    expect(() => env.sql('UPDATE credit_ratings SET score_x100 = 9000 WHERE id = ?', old.id)).toThrow('信用评级的计算结果不可修改');
    expect(() => env.sql('DELETE FROM credit_ratings WHERE id = ?', old.id)).toThrow('信用评级记录不可删除');
    expect((await manager.call<Model>('credit.model.get')).versions.map((v) => [v.version, v.ratings])).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });

  it('refuses a model whose weights do not add up, that reads an unknown fact, or whose bands are out of order', async () => {
    const m = await manager.call<Model>('credit.model.get');
    const base = m.current!.definition;
    const heavier = structuredClone(base);
    heavier.indicators[0]!.weight += 5;
    expect((await refusal(() => manager.call('credit.model.save', { baseVersion: 2, definition: heavier, note: 'x' }))).fields?.indicators).toBe('各项指标权重合计应为 100，现为 105');
    const unknown = structuredClone(base);
    unknown.indicators[0]!.fact = 'shoeSize';
    expect((await refusal(() => manager.call('credit.model.save', { baseVersion: 2, definition: unknown, note: 'x' }))).fields?.['indicators.0.fact']).toContain('不是系统能读取的事实');
    const bands = structuredClone(base);
    bands.bands[1]!.min = 95;
    expect((await refusal(() => manager.call('credit.model.save', { baseVersion: 2, definition: bands, note: 'x' }))).fields?.['bands.1.min']).toContain('AA 级的最低分应低于 AAA 级');
    const same = await refusal(() => manager.call('credit.model.save', { baseVersion: 2, definition: base, note: 'x' }));
    expect(same.message).toContain('没有改动');
    expect((await manager.call<Model>('credit.model.get')).current?.version).toBe(2);
  });
});

describe('households and mutual evaluations', () => {
  it('rates a household on the indicators that apply to it, scaled to 100', async () => {
    const h = env.household('张大山', { crops: ['柑橘'] });
    env.coopMember(coop, h, '2023-05-20');
    const r = await manager.call<Rating>('credit.rate', { kind: 'household', id: h });
    expect(r.lines.filter((l) => !l.applicable).map((l) => l.fact)).toEqual(['demoLevel', 'booksKept', 'closedOnTime', 'surplus', 'totalAssets']);
    expect(line(r, 'memberYears')).toMatchObject({ value: 3, pct: 70, detail: '2023-05-20 加入云阳县江口镇兴农柑橘专业合作社，至 2026-05-20 满 3 年' });
    expect(r.applicableWeight).toBe(60);
    // 3.5 + 4 (no loans yet: 40%) + 15 + 5 + 0 + 10 + 2.5 (no service records) + 2.5 (no evaluations) = 42.5 of 60 = 70.83.
    expect(r).toMatchObject({ rawX100: 4250, scoreX100: 7083, grade: 'A' });
  });

  it('rates the households of one township as a batch (整村授信), and no one else', async () => {
    const town = env.township('龙角镇', ['龙角村']);
    const farmers = ['王一', '王二', '王三'].map((n) => env.household(n, { townshipId: town.id, crops: ['柑橘'] }));
    const elsewhere = env.household('刘外', { crops: ['柑橘'] });
    const { jobId } = await manager.call<{ jobId: string }>('credit.rateAll', { who: 'households', townshipId: town.id });
    const s = await finishJob(manager, jobId);
    expect(s).toMatchObject({ state: 'done', done: 3, total: 3, title: '批量信用评级：龙角镇农户' });
    expect(s.message).toMatch(/^已评级 3 户（评级模型第 \d+ 版，待审批）/);
    const rated = env.core.store.sqlite.prepare("SELECT household_id FROM credit_ratings WHERE status = 'proposed' AND household_id IS NOT NULL ORDER BY household_id").pluck().all();
    expect(rated).toEqual(expect.arrayContaining(farmers));
    expect(rated).not.toContain(elsewhere);
    const bad = await refusal(() => manager.call('credit.rateAll', { who: 'households', townshipId: 999_999 }));
    expect(bad.fields?.townshipId).toBe('所选乡镇不存在，请重新选择');
  });

  it('takes one evaluation per member unit and year, never from the subject itself or a non-member', async () => {
    const dup = await refusal(() => manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: peerA, year: 2026, score: 3, comment: '' }));
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.fields?.evaluatorOrgId).toContain('每个单位每年只评一次');
    const self = await refusal(() => manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: coop, year: 2026, score: 5, comment: '' }));
    expect(self.fields?.evaluatorOrgId).toBe('会员单位不能评价自己');
    const outsider = env.org('涉农企业', '云阳县外地农资有限公司');
    const notMember = await refusal(() => manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: outsider, year: 2026, score: 5, comment: '' }));
    expect(notMember.fields?.evaluatorOrgId).toBe('“云阳县外地农资有限公司”2026 年不是农合联会员单位，不能参加互评');
    const badScore = await refusal(() => manager.call('credit.evaluations.save', { kind: 'org', id: coop, evaluatorOrgId: peerB, year: 2026, score: 6, comment: '' }));
    expect(badScore.fields?.score).toBe('评分不能大于5');
  });
});

describe('facts from the books the centre keeps', () => {
  it('reads closing on time, surplus and total assets through the ledger’s own rules and statements', async () => {
    const li = await env.user('kuaiji1', '李会计', 'bookkeeper');
    const zhou = await env.user('kuaiji2', '周会计', 'bookkeeper');
    const booked = env.org('农民专业合作社', '云阳县高阳镇中药材专业合作社');
    const bookId = (await li.call<{ id: number }>('ledger.books.create', { coopId: booked, startPeriod: '2026-01' })).id;
    await li.call('ledger.opening.activate', { bookId });
    const accounts = await li.call<{ id: number; code: string }[]>('ledger.accounts.list', { bookId });
    const acc = (code: string) => accounts.find((a) => a.code === code)!.id;
    const post = async (who: { li: CliClient; zhou: CliClient }, date: string, debit: string, credit: string, fen: number) => {
      const blank = { memberId: 0, product: '', qtyMilli: 0, unit: '' };
      const v = await who.li.call<{ id: number }>('ledger.vouchers.save', {
        bookId,
        date,
        kind: '记',
        attachments: 0,
        lines: [
          { ...blank, summary: '业务', accountId: acc(debit), debitFen: fen, creditFen: 0 },
          { ...blank, summary: '业务', accountId: acc(credit), debitFen: 0, creditFen: fen },
        ],
      });
      await who.zhou.call('ledger.vouchers.review', { ids: [v.id] });
      await who.li.call('ledger.vouchers.post', { ids: [v.id] });
    };
    const close = (c: CliClient, period: string) => c.call('ledger.periods.close', { bookId, period });
    let who = { li, zhou };
    await post(who, '2026-01-10', '101', '501', 1_000_000);
    await post(who, '2026-02-10', '101', '501', 500_000);
    await post(who, '2026-03-10', '521', '101', 300_000);
    // January closed on 10 February (on time); February and March on 10 April: February late, March on time.
    env.setDay('2026-02-10');
    who = { li: await env.login('kuaiji1'), zhou: await env.login('kuaiji2') };
    await close(who.li, '2026-01');
    env.setDay('2026-04-10');
    who.li = await env.login('kuaiji1');
    await close(who.li, '2026-02');
    await close(who.li, '2026-03');
    env.setDay('2026-05-20');
    const boss = await env.login('fuzeren');

    const r = await boss.call<Rating>('credit.rate', { kind: 'org', id: booked });
    expect(line(r, 'booksKept')).toMatchObject({ value: 1, pointsX100: 500, detail: '中心代账，自 2026-01 起' });
    // Due by 20 May: January to April (April's grace ended 15 May); on time: January and March.
    expect(line(r, 'closedOnTime')).toMatchObject({ value: 50, pct: 40, detail: '2026-01 至 2026-04 应结账 4 个月，按期结账 2 个月（未按期：2026-04、2026-02）' });
    const sheet = await boss.call<Out<Contract['ledger.reports.balanceSheet']>>('ledger.reports.balanceSheet', { bookId, period: '2026-03' });
    const surplus = await boss.call<Out<Contract['ledger.reports.surplus']>>('ledger.reports.surplus', { bookId, year: 2026 });
    const assets = sheet.lines.find((l) => l.line === 22)!.endFen;
    const year = surplus.lines.find((l) => l.line === 12)!.currentFen;
    expect([assets, year]).toEqual([1_200_000, 1_200_000]);
    expect(line(r, 'totalAssets')).toMatchObject({ value: assets / 1_000_000, detail: '2026-03 资产负债表资产总计 12,000.00 元' });
    expect(line(r, 'surplus')).toMatchObject({ value: year / 1_000_000, pct: 40, detail: '2026 年盈余及盈余分配表（已结账至 2026-03）本年盈余 12,000.00 元' });
  });
});

describe('privacy', () => {
  it('refuses ratings and profiles to the front desk and bookkeepers, and audits every view and export', async () => {
    for (const c of [desk, keeper]) {
      for (const [method, input] of [
        ['credit.profile.get', { kind: 'org', id: coop }],
        ['credit.profile.export', { kind: 'org', id: coop }],
        ['credit.rate', { kind: 'org', id: coop }],
        ['credit.ratings.list', {}],
        ['credit.model.get', {}],
        ['credit.facts.add', { kind: 'org', id: coop, factKind: 'award', occurredOn: '2026-01-01', title: 'x' }],
      ] as const) {
        const e = await refusal(() => c.call(method, input));
        expect(e.code, `${method}`).toBe('FORBIDDEN');
      }
    }
    const before = env.audits('credit.viewProfile').length;
    await manager.call('credit.profile.get', { kind: 'org', id: coop });
    await env.admin.call('credit.profile.get', { kind: 'org', id: coop });
    const views = env.audits('credit.viewProfile').slice(before);
    expect(views.map((v) => [v.username, v.entity, JSON.parse(v.entityIds)])).toEqual([
      ['fuzeren', 'credit_profile', [`org:${coop}`]],
      ['admin', 'credit_profile', [`org:${coop}`]],
    ]);
    const file = await manager.call<{ name: string; base64: string }>('credit.profile.export', { kind: 'org', id: coop });
    expect(file.name).toBe('信用档案-云阳县江口镇兴农柑橘专业合作社-2026-05-20.xlsx');
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(env.audits('credit.profile.export').at(-1)).toMatchObject({ username: 'fuzeren', entity: 'credit_profile', entityIds: JSON.stringify([`org:${coop}`]) });
  });
});

describe('facts from the front desk', () => {
  it('counts the services a member used, how many it paid for in full and the complaints it raised', async () => {
    const t = env.township('江口镇', ['梨树村']);
    const farmer = env.household('李大山', { townshipId: t.id });
    const cat = await desk.call<{ links: { id: number; name: string }[]; crops: { id: number; name: string }[] }>('serviceCatalog.get');
    const link = (n: string) => cat.links.find((l) => l.name === n)!.id;
    const rice = cat.crops.find((c) => c.name === '水稻')!.id;
    for (const [l, price] of [
      ['耕', 8000],
      ['收', 30000],
    ] as const)
      await desk.call('servicePrices.save', { linkId: link(l), cropId: rice, priceFen: price, validFrom: '2020-01-01' });
    const team = await desk.call<{ id: number }>('providers.save', { name: '江口农机专业合作社', kind: '农机专业合作社', linkIds: [link('耕'), link('收')], cropIds: [rice], townshipIds: [t.id], capacityMu100: 20000, machines: [] });
    const { id } = await desk.call<{ id: number }>('requests.create', {
      party: { kind: 'household', id: farmer },
      channel: '电话',
      kind: '生产托管·多环节',
      cropId: rice,
      linkIds: [link('耕'), link('收')],
      areaMu100: 1000,
      townshipId: t.id,
      villageId: t.villages[0],
      location: '3组',
      wishedFrom: '2026-05-20',
      wishedTo: '2026-05-20',
    });
    const get = () => desk.call<{ version: number }>('requests.get', { id });
    await desk.call('requests.dispatch', { id, version: (await get()).version, providerId: team.id });
    // 耕 paid in full (10 亩 × 80 元 less the default 30% subsidy), 收 not paid yet.
    await desk.call('requests.addRecord', { requestId: id, linkId: link('耕'), doneOn: '2026-05-20', areaMu100: 1000, paidFen: 56_000 });
    await desk.call('requests.addRecord', { requestId: id, linkId: link('收'), doneOn: '2026-05-20', areaMu100: 1000, paidFen: 0 });
    await desk.call('requests.complete', { id, version: (await get()).version });
    await desk.call('requests.addComplaint', { requestId: id, content: '收割损失偏大' });

    const r = await manager.call<Rating>('credit.rate', { kind: 'household', id: farmer });
    expect(line(r, 'servicesPaid')).toMatchObject({ value: 50, pct: 0 });
    expect(line(r, 'servicesPaid').detail).toMatch(/^服务记录 2 条，付清 1 条；应付 [\d,.]+ 元，实付 560\.00 元$/);
    const p = await manager.call<Profile>('credit.profile.get', { kind: 'household', id: farmer });
    const fact = (k: string) => p.facts.find((f) => f.key === k)!;
    expect(fact('servicesUsed')).toMatchObject({ value: 1, from: '前台受理', detail: '近 3 年完成服务 1 次，最近一次 2026-05-20' });
    expect(fact('complaintsRaised')).toMatchObject({ value: 1, detail: '近 3 年投诉 1 次，1 次尚未处理' });
  });
});
