import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { setupCore } from '../helpers/core';
import { catalog, count, household, refusal, staff, township, type Env } from '../helpers/frontdesk';
import type { CliClient } from '../../electron/cli/io';
import type { RequestDetail } from '../../shared/contract/requestFields';
import { localDate } from '../../electron/core/requests/rules';

let env: Env;
let desk: CliClient;
let ids: Awaited<ReturnType<typeof catalog>>;
let jiangkou: { id: number; villages: { id: number }[] };
let farmer: number;
let teamId: number;

const today = () => localDate(new Date().toISOString());

beforeEach(async () => {
  env = await setupCore();
  desk = await staff(env, 'qiantai', '王前台', 'frontdesk');
  jiangkou = await township(env, '江口镇', ['梨树村', '新桥村']);
  farmer = await household(env, '李大山', jiangkou.id, '13812345678');
  ids = await catalog(desk);
  for (const [link, price] of [
    ['耕', 8000],
    ['种', 6000],
    ['防', 2000],
    ['收', 30000],
  ] as const) {
    await desk.call('servicePrices.save', { linkId: ids.link(link), cropId: ids.crop('水稻'), priceFen: price, validFrom: '2020-01-01' });
  }
  const team = await desk.call<{ id: number }>('providers.save', {
    name: '江口农机专业合作社',
    kind: '农机专业合作社',
    linkIds: [ids.link('耕'), ids.link('种'), ids.link('防'), ids.link('收')],
    cropIds: [ids.crop('水稻')],
    townshipIds: [jiangkou.id],
    capacityMu100: 20000,
    machines: [{ name: '久保田联合收割机', kind: '收割机', count: 2 }],
  });
  teamId = team.id;
});
afterEach(() => env.close());

const intake = (over: Record<string, unknown> = {}) =>
  desk.call<{ id: number; code: string }>('requests.create', {
    party: { kind: 'household', id: farmer },
    channel: '电话',
    kind: '生产托管·多环节',
    cropId: ids.crop('水稻'),
    linkIds: [ids.link('耕'), ids.link('收')],
    areaMu100: 1000,
    townshipId: jiangkou.id,
    villageId: jiangkou.villages[0]!.id,
    location: '3组',
    wishedFrom: today(),
    wishedTo: today(),
    ...over,
  });

const get = (id: number) => desk.call<RequestDetail>('requests.get', { id });

describe('front desk lifecycle', () => {
  it('takes a request through 受理 → 派单 → 服务中 → 完成 → 回访, stamping each step with user and time', async () => {
    const { id, code } = await intake();
    expect(code).toMatch(new RegExp(`^FW${today().slice(0, 4)}-00001$`));
    let r = await get(id);
    expect(r.status).toBe('received');
    expect(r.handler).toBe('王前台');
    expect(r.actions).toEqual(expect.arrayContaining(['dispatch', 'cancel', 'edit']));

    await desk.call('requests.dispatch', { id, version: r.version, providerId: teamId });
    r = await get(id);
    expect(r.status).toBe('dispatched');
    expect(r.links.map((l) => l.priceFen)).toEqual([8000, 30000]);

    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 1000, operator: '张师傅', machine: '旋耕机', paidFen: 0 });
    r = await get(id);
    expect(r.status).toBe('in_service');
    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('收'), doneOn: today(), areaMu100: 600, operator: '张师傅', machine: '久保田联合收割机', paidFen: 0 });
    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('收'), doneOn: today(), areaMu100: 400, operator: '刘师傅', machine: '久保田联合收割机', paidFen: 0 });
    r = await get(id);
    expect(r.records).toHaveLength(3);
    expect(r.totals.muTimes100).toBe(2000);
    expect(r.progress.map((p) => [p.link, p.doneMu100])).toEqual([
      ['耕', 1000],
      ['收', 1000],
    ]);

    await desk.call('requests.complete', { id, version: r.version });
    r = await get(id);
    await desk.call('requests.followUp', { id, version: r.version, satisfaction: 4, comment: '收割及时', complaint: '' });
    r = await get(id);
    expect(r.status).toBe('followed_up');
    expect(r.satisfaction).toBe(4);
    expect(r.actions).toEqual([]);
    const steps = r.events.map((e) => [e.label, e.toStatus, e.displayName]);
    expect(steps).toEqual([
      ['受理', 'received', '王前台'],
      ['派单', 'dispatched', '王前台'],
      ['开始服务', 'in_service', '王前台'],
      ['登记服务记录', 'in_service', '王前台'],
      ['登记服务记录', 'in_service', '王前台'],
      ['登记服务记录', 'in_service', '王前台'],
      ['完成服务', 'done', '王前台'],
      ['回访', 'followed_up', '王前台'],
    ]);
    expect(r.events.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('applies the subsidy as 30% of the fee, capped at 100 元 per mu per season across the links', async () => {
    const { id } = await intake();
    const r0 = await get(id);
    // 耕 80 元/亩 × 10 亩 = 800 元, 30% = 240; 收 300 元/亩 × 10 亩 = 3000 元, 30% = 900 but the cap leaves 1000 - 240 = 760.
    expect(r0.quote.lines.map((l) => [l.link, l.feeFen, l.subsidyFen, l.dueFen])).toEqual([
      ['耕', 80000, 24000, 56000],
      ['收', 300000, 76000, 224000],
    ]);
    await desk.call('requests.dispatch', { id, version: r0.version, providerId: teamId });
    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('收'), doneOn: today(), areaMu100: 1000, paidFen: 0 });
    await desk.call('requests.addRecord', { requestId: id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 1000, paidFen: 56000 });
    const r = await get(id);
    // Same day: the records are settled in the order they were entered, the cap is the plot's either way.
    expect(r.records.map((x) => [x.link, x.subsidyFen, x.payState])).toEqual([
      ['收', 90000, 'unpaid'],
      ['耕', 10000, 'partial'],
    ]);
    expect(r.totals.subsidyFen).toBe(100000);

    const over = await refusal(() => desk.call('requests.updateRecord', { ...r.records[1]!, paidFen: 80000 }));
    expect(over.code).toBe('VALIDATION');
    expect(over.fields?.paidFen).toContain('超过应付');
    expect((await get(id)).records[1]!.paidFen).toBe(56000);
  });

  it('refuses bad input with a message naming the problem and saves nothing', async () => {
    const before = count(env, 'service_requests');
    const auditBefore = count(env, 'audit_log');
    const zero = await refusal(() => intake({ areaMu100: 0 }));
    expect(zero.fields?.areaMu100).toBe('面积必须大于 0');
    const negative = await refusal(() => intake({ areaMu100: -5 }));
    expect(negative.fields?.areaMu100).toContain('面积');
    const notOffered = await refusal(() => intake({ cropId: ids.crop('柑橘'), linkIds: [ids.link('收')], kind: '生产托管·单环节' }));
    expect(notOffered.fields?.linkIds).toBe('“柑橘”没有“收”环节，请另选环节或作物');
    const order = await refusal(() => intake({ wishedFrom: '2026-05-10', wishedTo: '2026-05-01' }));
    expect(order.fields?.wishedTo).toBe('期望结束日期不能早于开始日期');
    const single = await refusal(() => intake({ kind: '生产托管·单环节' }));
    expect(single.fields?.linkIds).toBe('单环节托管只能选一个环节');
    const full = await refusal(() => intake({ kind: '生产托管·全程' }));
    expect(full.fields?.linkIds).toContain('缺少：种、防');
    expect(count(env, 'service_requests')).toBe(before);
    expect(count(env, 'request_links')).toBe(0);
    expect(count(env, 'audit_log')).toBe(auditBefore);
  });

  it('refuses a service record on a cancelled request, and cancelling once work is on record', async () => {
    const a = await intake();
    const ra = await get(a.id);
    const noReason = await refusal(() => desk.call('requests.cancel', { id: a.id, version: ra.version, reason: ' ' }));
    expect(noReason.fields?.reason).toBeTruthy();
    await desk.call('requests.cancel', { id: a.id, version: ra.version, reason: '农户自行收割' });
    const cancelled = await get(a.id);
    expect(cancelled.cancelReason).toBe('农户自行收割');
    const rec = await refusal(() => desk.call('requests.addRecord', { requestId: a.id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 100 }));
    expect(rec.code).toBe('REFUSED');
    expect(rec.message).toBe(`申请 ${cancelled.code} 已取消，不能登记服务记录`);
    expect(count(env, 'service_records')).toBe(0);

    const b = await intake();
    const rb = await get(b.id);
    const early = await refusal(() => desk.call('requests.addRecord', { requestId: b.id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 100 }));
    expect(early.message).toContain('尚未派单');
    await desk.call('requests.dispatch', { id: b.id, version: rb.version, providerId: teamId });
    const notMine = await refusal(() => desk.call('requests.addRecord', { requestId: b.id, linkId: ids.link('种'), doneOn: today(), areaMu100: 100 }));
    expect(notMine.fields?.linkId).toContain('没有“种”环节');
    const tooBig = await refusal(() => desk.call('requests.addRecord', { requestId: b.id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 1001 }));
    expect(tooBig.fields?.areaMu100).toBe('作业面积不能超过申请面积 10 亩');
    const noArea = await refusal(() => desk.call('requests.addRecord', { requestId: b.id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 0 }));
    expect(noArea.fields?.areaMu100).toBe('作业面积必须大于 0');
    const rb2 = await get(b.id);
    const notDone = await refusal(() => desk.call('requests.complete', { id: b.id, version: rb2.version }));
    expect(notDone.message).toContain('还没有服务记录');
    await desk.call('requests.addRecord', { requestId: b.id, linkId: ids.link('耕'), doneOn: today(), areaMu100: 500 });
    const rb3 = await get(b.id);
    const cancel = await refusal(() => desk.call('requests.cancel', { id: b.id, version: rb3.version, reason: '改期' }));
    expect(cancel.message).toContain('已有 1 条服务记录，不能取消');
    expect((await get(b.id)).status).toBe('in_service');
  });

  it('finds a request in the Ctrl+K box by its number and by its farmer, pinyin initials included', async () => {
    const { id, code } = await intake();
    type Hit = { kind: string; id: number; route: string };
    const byCode = await desk.call<Hit[]>('search.global', { q: code });
    expect(byCode.find((h) => h.kind === 'request')).toMatchObject({ id, route: `/requests/item/${id}` });
    const byInitials = await desk.call<Hit[]>('search.global', { q: 'lds' });
    expect(byInitials.filter((h) => h.kind === 'request').map((h) => h.id)).toContain(id);
    const queue = await desk.call<{ rows: { id: number }[] }>('requests.list', { status: 'all', q: 'lds' });
    expect(queue.rows.map((r) => r.id)).toEqual([id]);
  });

  it('refuses a stale version with CONFLICT and keeps the other desk’s change', async () => {
    const { id } = await intake();
    const r = await get(id);
    await desk.call('requests.update', { ...editable(r), version: r.version, priority: 2 });
    const stale = await refusal(() => desk.call('requests.update', { ...editable(r), version: r.version, priority: 1 }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('此记录已被他人修改，请刷新后重试');
    expect((await get(id)).priority).toBe(2);
    const dispatchStale = await refusal(() => desk.call('requests.dispatch', { id, version: r.version, providerId: teamId }));
    expect(dispatchStale.code).toBe('CONFLICT');
  });

  it('keeps what the provider was sent once dispatched, while dates and notes stay editable', async () => {
    const { id } = await intake();
    let r = await get(id);
    await desk.call('requests.dispatch', { id, version: r.version, providerId: teamId });
    r = await get(id);
    const area = await refusal(() => desk.call('requests.update', { ...editable(r), version: r.version, areaMu100: 2000 }));
    expect(area.message).toContain('已派单的申请不能修改');
    await desk.call('requests.update', { ...editable(r), version: r.version, notes: '田块在河边' });
    expect((await get(id)).notes).toBe('田块在河边');
  });

  it('lets every role read, only the desk and the administrator write, and managers export', async () => {
    const { id } = await intake();
    const kj = await staff(env, 'kuaiji', '李会计', 'bookkeeper');
    const fz = await staff(env, 'fuzeren', '陈主任', 'manager');
    const seen = await kj.call<RequestDetail>('requests.get', { id });
    expect(seen.party.phone).toBe('138****5678');
    expect((await get(id)).party.phone).toBe('13812345678');
    const refused = await refusal(() => kj.call('requests.create', { party: { kind: 'household', id: farmer }, channel: '来访', kind: '政策咨询' }));
    expect(refused.code).toBe('FORBIDDEN');
    expect((await refusal(() => fz.call('requests.dispatch', { id, version: 1, providerId: teamId }))).code).toBe('FORBIDDEN');
    expect((await refusal(() => kj.call('serviceStats.export', { from: '2020-01-01', to: '2030-12-31' }))).code).toBe('FORBIDDEN');
    const file = await fz.call<{ name: string; base64: string }>('serviceStats.export', { from: '2020-01-01', to: '2030-12-31' });
    expect(file.name).toMatch(/\.xlsx$/);
  });

  it('closes a consultation without a provider and records a complaint until it is resolved', async () => {
    const { id } = await desk.call<{ id: number }>('requests.create', { party: { kind: 'household', id: farmer }, channel: '来访', kind: '政策咨询', notes: '问农机购置补贴' });
    let r = await get(id);
    expect(r.production).toBe(false);
    await desk.call('requests.complete', { id, version: r.version, note: '当面解答' });
    r = await get(id);
    await desk.call('requests.followUp', { id, version: r.version, satisfaction: 2, comment: '', complaint: '答复不清楚' });
    const open = await desk.call<{ id: number; version: number; content: string }[]>('requests.complaints', { status: 'open' });
    expect(open.map((c) => c.content)).toEqual(['答复不清楚']);
    const noText = await refusal(() => desk.call('requests.resolveComplaint', { id: open[0]!.id, version: open[0]!.version, resolution: '' }));
    expect(noText.code).toBe('VALIDATION');
    await desk.call('requests.resolveComplaint', { id: open[0]!.id, version: open[0]!.version, resolution: '已电话回复并寄送政策文件' });
    expect(await desk.call('requests.complaints', { status: 'open' })).toEqual([]);
    r = await get(id);
    expect(r.complaints[0]!.status).toBe('resolved');
    expect(r.events.map((e) => e.label)).toEqual(['受理', '完成服务', '回访', '登记投诉', '投诉处理完毕']);
  });
});

function editable(r: RequestDetail) {
  return {
    id: r.id,
    party: { kind: r.party.kind, id: r.party.id },
    channel: r.channel,
    kind: r.kind,
    cropId: r.cropId,
    linkIds: r.links.map((l) => l.linkId),
    areaMu100: r.areaMu100,
    townshipId: r.townshipId,
    villageId: r.villageId,
    location: r.location,
    wishedFrom: r.wishedFrom,
    wishedTo: r.wishedTo,
    priority: r.priority,
    notes: r.notes,
    contractId: r.contract?.id ?? null,
    contractPlotId: r.contractPlotId,
    handlerId: r.handlerId,
  };
}
