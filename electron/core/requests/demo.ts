import type { Actor, Store } from '../db/store';
import { listCrops, listLinks } from './catalog';
import { listProviders, writeProvider } from './providers';
import { writePrice } from './prices';
import { writeContract } from './contracts';
import { insertRequest } from './intake';
import { dispatchWith, suggestProviders } from './dispatch';
import { unitPrice } from './quote';
import { insertRecord } from './records';
import { cancelWith, completeWith, followUpWith } from './lifecycle';
import { addDays, feeFen, isProduction, localDate } from './rules';
import { opOf } from './events';
import { all, one } from './util';
import { PROVIDER_KIND_VALUES, type RequestFields } from '../../../shared/contract/requestFields';

type Kind = (typeof PROVIDER_KIND_VALUES)[number];

/** Providers of every kind around the demo townships (names are typical of Yunyang, not real firms). */
const PROVIDERS: { name: string; kind: Kind; contact: string; phone: string; links: string[]; crops: string[]; townships: string[]; capacityMu: number; machines: [string, string, number][] }[] = [
  {
    name: '县为农服务中心农业专业化服务队',
    kind: '专业化服务队',
    contact: '黄队长',
    phone: '023-55123401',
    links: ['耕', '种', '防', '收', '烘干'],
    crops: ['水稻', '玉米', '小麦', '油菜'],
    townships: ['青龙街道', '双江街道', '人和街道', '江口镇', '南溪镇', '红狮镇', '龙角镇', '高阳镇'],
    capacityMu: 300,
    machines: [
      ['东方红拖拉机', '耕整机', 2],
      ['久保田插秧机', '插秧机', 2],
      ['大疆 T40 植保无人机', '植保无人机', 3],
      ['沃得联合收割机', '收割机', 2],
      ['5H-30 粮食烘干机', '烘干机', 1],
    ],
  },
  {
    name: '江口镇农机专业合作社',
    kind: '农机专业合作社',
    contact: '冉建国',
    phone: '13908251234',
    links: ['耕', '种', '收'],
    crops: ['水稻', '玉米', '油菜'],
    townships: ['江口镇', '南溪镇'],
    capacityMu: 200,
    machines: [
      ['微耕机', '耕整机', 6],
      ['久保田联合收割机', '收割机', 2],
    ],
  },
  {
    name: '红狮镇众兴农机专业合作社',
    kind: '农机专业合作社',
    contact: '谭明',
    phone: '13709871122',
    links: ['耕', '收'],
    crops: ['水稻', '玉米', '红薯', '马铃薯'],
    townships: ['红狮镇', '龙角镇'],
    capacityMu: 150,
    machines: [
      ['旋耕机', '耕整机', 4],
      ['履带式收割机', '收割机', 1],
    ],
  },
  {
    name: '南溪镇综合服务合作社',
    kind: '综合服务合作社',
    contact: '向红梅',
    phone: '13996543210',
    links: ['防'],
    crops: ['水稻', '玉米', '柑橘', '蔬菜', '中药材'],
    townships: ['南溪镇', '高阳镇', '江口镇'],
    capacityMu: 400,
    machines: [['植保无人机', '植保无人机', 4]],
  },
  {
    name: '龙角镇为农综合服务社',
    kind: '综合服务合作社',
    contact: '陈国富',
    phone: '13594561230',
    links: ['耕', '种', '防', '收'],
    crops: ['水稻', '玉米', '马铃薯', '红薯'],
    townships: ['龙角镇', '高阳镇', '外郎乡'],
    capacityMu: 180,
    machines: [
      ['微耕机', '耕整机', 5],
      ['植保无人机', '植保无人机', 2],
      ['小型收割机', '收割机', 2],
    ],
  },
  {
    name: '刘德明（个体机手）',
    kind: '个体农机手',
    contact: '刘德明',
    phone: '13883451276',
    links: ['耕'],
    crops: ['水稻', '玉米', '马铃薯', '蔬菜'],
    townships: ['青龙街道', '双江街道', '人和街道'],
    capacityMu: 40,
    machines: [['旋耕机', '耕整机', 1]],
  },
  {
    name: '谭家兵（飞防机手）',
    kind: '个体农机手',
    contact: '谭家兵',
    phone: '15123456789',
    links: ['防'],
    crops: ['柑橘', '水稻', '中药材'],
    townships: ['清水土家族乡', '外郎乡', '江口镇'],
    capacityMu: 60,
    machines: [['极飞 P100 植保无人机', '植保无人机', 1]],
  },
  {
    name: '向远华（收割机手）',
    kind: '个体农机手',
    contact: '向远华',
    phone: '13678901234',
    links: ['收'],
    crops: ['水稻', '玉米'],
    townships: ['人和街道', '双江街道', '青龙街道'],
    capacityMu: 50,
    machines: [['久保田收割机', '收割机', 1]],
  },
];

/** 元/亩 per crop and link (a typical local price list; 防 is one spraying). */
const PRICES: Record<string, Record<string, number>> = {
  水稻: { 耕: 80, 种: 70, 防: 15, 收: 100, 烘干: 40 },
  玉米: { 耕: 70, 种: 40, 防: 12, 收: 90, 烘干: 35 },
  小麦: { 耕: 60, 种: 35, 防: 12, 收: 80, 烘干: 35 },
  油菜: { 耕: 60, 种: 30, 防: 12, 收: 80 },
  马铃薯: { 耕: 80, 种: 100, 防: 15, 收: 120 },
  红薯: { 耕: 80, 种: 90, 收: 130 },
  蔬菜: { 耕: 90, 种: 60, 防: 20 },
  柑橘: { 防: 30 },
  中药材: { 耕: 90, 防: 25 },
};

/** A small deterministic generator, so the demo set is the same on every machine. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function loadProviders(store: Store): number {
  const have = new Set(listProviders(store).map((p) => p.name));
  const links = new Map(listLinks(store).map((l) => [l.name, l.id]));
  const crops = new Map(listCrops(store).map((c) => [c.name, c.id]));
  const ts = new Map(all<{ id: number; name: string }>(store.sqlite, 'SELECT id, name FROM townships').map((t) => [t.name, t.id]));
  let n = 0;
  for (const p of PROVIDERS) {
    if (have.has(p.name)) continue;
    const ids = (names: string[], map: Map<string, number>) => names.map((x) => map.get(x)).filter((x): x is number => x !== undefined);
    // A comprehensive service cooperative is on file in the registry (农村综合服务社) when the registry's demo has one there.
    const org =
      p.kind === '综合服务合作社'
        ? one<{ id: number }>(store.sqlite, `SELECT id FROM orgs WHERE kind = '农村综合服务社' AND township_id = ? ORDER BY id LIMIT 1`, ts.get(p.townships[0]!) ?? -1)
        : undefined;
    writeProvider(store, {
      name: p.name,
      kind: p.kind,
      orgId: org?.id ?? null,
      contactName: p.contact,
      phone: p.phone,
      linkIds: ids(p.links, links),
      cropIds: ids(p.crops, crops),
      townshipIds: ids(p.townships, ts),
      machines: p.machines.map(([name, kind, count]) => ({ name, kind, count })),
      capacityMu100: p.capacityMu * 100,
      notes: '',
      active: true,
    });
    n++;
  }
  return n;
}

function loadPrices(store: Store, from: string): number {
  if (one<{ n: number }>(store.sqlite, 'SELECT count(*) AS n FROM service_prices')!.n > 0) return 0;
  const links = new Map(listLinks(store).map((l) => [l.name, l.id]));
  let n = 0;
  for (const crop of listCrops(store)) {
    for (const [link, yuan] of Object.entries(PRICES[crop.name] ?? {})) {
      const linkId = links.get(link);
      if (linkId === undefined || !crop.links.includes(linkId)) continue;
      writePrice(store, { linkId, cropId: crop.id, priceFen: yuan * 100, validFrom: from, validTo: '', notes: '演示价目' });
      n++;
    }
  }
  return n;
}

const NON_PRODUCTION = ['农资配送', '农技指导', '政策咨询', '金融代办', '项目申报', '产品流通'] as const;
const CHANNELS = ['来访', '电话', '电话', '乡镇转办', '网上'] as const;
const COMMENTS = ['服务及时，机手认真', '收割干净，损失少', '价格合理', '希望明年继续托管', '飞防效果好', ''];

/**
 * A season of requests over the last four months, in every state, with dispatches, service records,
 * payments, follow-ups and a complaint; only when the registry has households and no request exists yet.
 */
function loadSeason(store: Store, actor: Actor): Record<string, number> {
  if (one<{ n: number }>(store.sqlite, 'SELECT count(*) AS n FROM service_requests')!.n > 0) return {};
  const households = all<{ id: number; township_id: number | null; village_id: number | null }>(store.sqlite, `SELECT id, township_id, village_id FROM households WHERE status = 'active' AND township_id IS NOT NULL ORDER BY id`);
  if (households.length === 0) return {};
  const r = rng(20260405);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const crops = listCrops(store).filter((c) => c.active && ['水稻', '玉米', '马铃薯', '红薯', '柑橘', '油菜'].includes(c.name));
  const linkCore = new Map(listLinks(store).map((l) => [l.id, l.core]));
  const nowMs = Date.parse(store.now());
  const N = 64;
  const count = { 服务申请: 0, 服务记录: 0, 托管合同: 0 };
  const counted = (id: number) => one<{ n: number }>(store.sqlite, 'SELECT count(*) AS n FROM service_records WHERE request_id = ?', id)!.n;

  // One season contract for a household with two plots; two of the requests below are served under it.
  const holder = households[0]!;
  const rice = crops.find((c) => c.name === '水稻');
  let contract: { id: number; plots: number[] } | null = null;
  if (rice) {
    const startsOn = localDate(new Date(nowMs - 130 * 86_400_000).toISOString());
    const id = writeContract(store, {
      party: { kind: 'household', id: holder.id },
      term: 'season',
      model: '全程托管',
      startsOn,
      endsOn: addDays(startsOn, 200),
      signedOn: startsOn,
      notes: '演示：水稻全程托管',
      plots: [
        { townshipId: holder.township_id!, villageId: holder.village_id, location: '河坝田', cropId: rice.id, areaMu100: 3000 },
        { townshipId: holder.township_id!, villageId: holder.village_id, location: '堰塘湾', cropId: rice.id, areaMu100: 1500 },
      ],
      prices: rice.links.filter((l) => linkCore.get(l)).map((linkId) => ({ linkId, cropId: rice.id, priceFen: (PRICES.水稻![listLinks(store).find((x) => x.id === linkId)!.name] ?? 50) * 90 })),
    });
    contract = { id, plots: all<{ id: number }>(store.sqlite, 'SELECT id FROM contract_plots WHERE contract_id = ? ORDER BY id', id).map((p) => p.id) };
    count.托管合同 = 1;
  }

  for (let i = 0; i < N; i++) {
    const f = i / N;
    const receivedMs = nowMs - Math.round((1 - f) * 120 * 86_400_000) - 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const op = (ms: number) => opOf(store, actor, at(ms));
    const day = (ms: number) => localDate(at(ms));
    const underContract = contract !== null && (i === 3 || i === 20);
    const h = underContract ? holder : pick(households);
    const production = underContract || r() < 0.8;
    const crop = underContract ? rice! : pick(crops);
    const offered = crop.links;
    let kind: RequestFields['kind'];
    let linkIds: number[];
    if (!production) {
      kind = pick(NON_PRODUCTION);
      linkIds = [];
    } else if ((underContract || r() < 0.25) && offered.filter((l) => linkCore.get(l)).length >= 3) {
      kind = '生产托管·全程';
      linkIds = offered.filter((l) => linkCore.get(l));
    } else if (offered.length >= 2 && r() < 0.5) {
      kind = '生产托管·多环节';
      linkIds = offered.filter(() => r() < 0.6).slice(0, 3);
      if (linkIds.length < 2) linkIds = offered.slice(0, 2);
    } else {
      kind = r() < 0.5 ? '农机作业' : '生产托管·单环节';
      linkIds = [pick(offered)];
    }
    if (kind === '农机作业' && linkIds.length === 0) linkIds = [offered[0]!];
    const areaMu100 = underContract ? (i === 3 ? 3000 : 1500) : (5 + Math.floor(r() * 60)) * 100;
    const wishedFrom = day(receivedMs + (1 + Math.floor(r() * 5)) * 86_400_000);
    const input: RequestFields = {
      party: { kind: 'household', id: h.id },
      channel: pick(CHANNELS),
      kind,
      cropId: production ? crop.id : null,
      linkIds,
      areaMu100: production ? areaMu100 : 0,
      townshipId: h.township_id,
      villageId: h.village_id,
      location: production ? pick(['屋后田', '河坝', '坡地', '堰塘边', '老屋基', '']) : '',
      wishedFrom: production ? wishedFrom : '',
      wishedTo: production ? addDays(wishedFrom, 3 + Math.floor(r() * 7)) : '',
      priority: r() < 0.1 ? 1 : 0,
      notes: production ? '' : pick(['咨询农机购置补贴', '代办小额信贷', '申报高标准农田项目', '配送复合肥 20 袋', '咨询病虫害防治', '联系收购商']),
      contractId: underContract ? contract!.id : null,
      contractPlotId: underContract ? contract!.plots[i === 3 ? 0 : 1]! : null,
    };
    const { id } = insertRequest(op(receivedMs), input);
    count.服务申请++;
    // The newest requests stay open in the early states; older ones go further, a few are cancelled.
    const stage = f > 0.93 ? 0 : f > 0.86 ? 1 : f > 0.79 ? 2 : f > 0.68 ? 3 : 4;
    const version = () => one<{ version: number }>(store.sqlite, 'SELECT version FROM service_requests WHERE id = ?', id)!.version;
    if (i % 11 === 5) {
      cancelWith(op(receivedMs + 3_600_000), { id, version: version(), reason: pick(['农户自行完成', '天气原因改期，重新预约', '重复登记']) });
      continue;
    }
    if (stage === 0) continue;
    let t = receivedMs + (4 + Math.floor(r() * 20)) * 3_600_000;
    if (production) {
      const best = suggestProviders(store, id, day(t)).find((s) => s.eligible);
      if (!best || linkIds.some((l) => unitPrice(store, l, crop.id, input.wishedFrom, input.contractId).priceFen === null)) continue;
      dispatchWith(op(t), { id, version: version(), providerId: best.providerId, outsideReason: best.coversTownship ? '' : '本镇服务队机具不足，就近调派', note: '' });
      if (stage === 1) continue;
      const provider = listProviders(store).find((p) => p.id === best.providerId)!;
      t = Math.max(t, Date.parse(`${input.wishedFrom}T01:00:00Z`));
      const visits = stage === 2 ? linkIds.slice(0, 1) : linkIds;
      for (const linkId of visits) {
        const parts = areaMu100 >= 2000 && r() < 0.5 ? [Math.round(areaMu100 * 0.6), areaMu100 - Math.round(areaMu100 * 0.6)] : [areaMu100];
        for (const area of parts) {
          t += (1 + Math.floor(r() * 3)) * 86_400_000;
          if (t > nowMs) t = nowMs;
          const price = one<{ price_fen: number }>(store.sqlite, 'SELECT price_fen FROM request_links WHERE request_id = ? AND link_id = ?', id, linkId)!.price_fen;
          const fee = feeFen(price, area);
          // At most 70% of the fee: the subsidy never takes more than 30%, so this never exceeds what is owed.
          const paid = r() < 0.7 ? Math.floor((fee * 7) / 10) : r() < 0.5 ? Math.floor((fee * 3) / 10) : 0;
          insertRecord(op(t), id, { linkId, doneOn: day(t), areaMu100: area, operator: provider.contactName, machine: provider.machines[0]?.name ?? '', paidFen: paid, notes: '' });
          count.服务记录++;
        }
      }
      if (stage === 2 || counted(id) === 0) continue;
    } else if (stage <= 2) continue;
    t = Math.min(nowMs, t + 86_400_000);
    completeWith(op(t), { id, version: version(), note: isProduction(kind) ? '' : '已办结' });
    if (stage === 3) continue;
    t = Math.min(nowMs, t + (2 + Math.floor(r() * 5)) * 86_400_000);
    const satisfaction = i % 13 === 7 ? 2 : 3 + Math.floor(r() * 3);
    followUpWith(op(t), { id, version: version(), satisfaction, comment: satisfaction < 3 ? '作业不彻底' : pick(COMMENTS), complaint: satisfaction < 3 ? '机手漏收了一块田，要求返工' : '' });
  }
  return count;
}

/** Providers, the price list and a season of requests; skips what exists, so loading twice adds nothing. */
export function loadFrontDeskDemo(store: Store): Record<string, number> {
  const clerk = one<{ id: number; username: string }>(store.sqlite, `SELECT id, username FROM users WHERE username = 'qiantai'`);
  const actor: Actor = clerk ? { userId: clerk.id, username: clerk.username, role: 'frontdesk' } : { userId: null, username: 'system', role: 'system' };
  const priceFrom = `${Number(localDate(store.now()).slice(0, 4)) - 1}-01-01`;
  return { 服务主体: loadProviders(store), 服务价目: loadPrices(store, priceFrom), ...loadSeason(store, actor) };
}
