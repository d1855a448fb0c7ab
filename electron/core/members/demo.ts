import type { Store } from '../db/store';
import { pinyinOf } from './keys';
import { indexHousehold, indexOrg } from './fts';
import { rng, pick, personName, idNumber, mobile, creditCode, PLACE_WORDS } from './generate';
import type { OrgKind } from './orgs';
import type { SiteKind } from './sites';

interface Place {
  townshipId: number;
  township: string;
  villages: { id: number; name: string }[];
}

const DEMO_INDUSTRIES = ['柑橘', '中药材', '生猪', '茶叶', '蔬菜'];
const COOP_PRODUCTS: [string, string][] = [
  ['柑橘', '柑橘'],
  ['脐橙', '柑橘'],
  ['中药材', '中药材'],
  ['生猪养殖', '生猪'],
  ['茶叶', '茶叶'],
  ['蔬菜', '蔬菜'],
];

const date = (r: () => number, from: number, to: number) => {
  const y = from + Math.floor(r() * (to - from + 1));
  return `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
};

/**
 * The registry's part of the demo set: 300 households, 36 cooperatives with members and capital,
 * family farms, enterprises and other organisations, the county, township and three industry unions
 * with member units, and service sites of every kind. Deterministic, and skips what exists.
 */
export function loadRegistryDemo(store: Store): Record<string, number> {
  const q = store.sqlite;
  const r = rng(20260101);
  const now = store.now();
  const places: Place[] = (q.prepare('SELECT id, name FROM townships ORDER BY sort, id').all() as { id: number; name: string }[]).map((t) => ({
    townshipId: t.id,
    township: t.name,
    villages: q.prepare('SELECT id, name FROM villages WHERE township_id = ? ORDER BY id').all(t.id) as { id: number; name: string }[],
  }));
  if (places.length === 0) return {};
  const count = { 农户: 0, 主体: 0, 合作社成员: 0, 农合联: 0, 会员单位: 0, 服务站点: 0, 产业: 0 };

  for (const [i, name] of DEMO_INDUSTRIES.entries()) count.产业 += q.prepare('INSERT OR IGNORE INTO industries (name, sort) VALUES (?, ?)').run(name, i + 1).changes;

  const insH = q.prepare('INSERT INTO households (name, id_number, phone, township_id, village_id, household_size, land_area_mu100, crops, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const hByIdNo = q.prepare('SELECT id FROM households WHERE id_number = ?').pluck();
  const householdsByTownship = new Map<number, number[]>();
  const usedIds = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const p = places[i % places.length]!;
    const v = p.villages.length ? pick(r, p.villages) : null;
    const name = personName(r);
    let idNo = idNumber(r);
    while (usedIds.has(idNo)) idNo = idNumber(r);
    usedIds.add(idNo);
    const phone = mobile(r);
    const size = 1 + Math.floor(r() * 6);
    const land = Math.round(r() * 1500) + 50;
    const crops = JSON.stringify([pick(r, ['柑橘', '玉米', '红薯', '中药材', '蔬菜', '茶叶'])]);
    let id = hByIdNo.get(idNo) as number | undefined;
    if (id === undefined) {
      const py = pinyinOf(name, true);
      id = Number(insH.run(name, idNo, phone, p.townshipId, v?.id ?? null, size, land, crops, py.full, py.initials, now, now).lastInsertRowid);
      indexHousehold(q, { id, name, phone, idNumber: idNo }, true);
      count.农户++;
    }
    householdsByTownship.set(p.townshipId, [...(householdsByTownship.get(p.townshipId) ?? []), id]);
  }

  const insO = q.prepare(
    `INSERT INTO orgs (kind, name, credit_code, legal_rep, contact_name, contact_phone, township_id, village_id, address, industries, land_area_mu100, member_count, demo_level, demo_year, registered_on, py_full, py_initials, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const oByCode = q.prepare('SELECT id FROM orgs WHERE credit_code = ?').pluck();
  const org = (kind: OrgKind, name: string, codePrefix: string, p: Place, industries: string[], extra: { members?: number; demo?: ['国家级' | '市级' | '县级', number] } = {}) => {
    const code = creditCode(r, codePrefix);
    const legal = personName(r);
    const phone = mobile(r);
    const v = p.villages.length ? pick(r, p.villages) : null;
    const land = Math.round(r() * 50000) + 1000;
    const reg = date(r, 2010, 2022);
    const existing = oByCode.get(code) as number | undefined;
    if (existing !== undefined) return existing;
    const py = pinyinOf(name, false);
    const id = Number(
      insO.run(kind, name, code, legal, legal, phone, p.townshipId, v?.id ?? null, `${p.township}${v?.name ?? ''}`, JSON.stringify(industries), land, extra.members ?? 0, extra.demo?.[0] ?? '', extra.demo?.[1] ?? null, reg, py.full, py.initials, now, now)
        .lastInsertRowid,
    );
    indexOrg(q, { id, name, contactPhone: phone, creditCode: code }, true);
    count.主体++;
    return id;
  };

  const short = (t: string) => t.replace(/(土家族乡|街道|镇|乡)$/, '');
  const coops: { id: number; place: Place; industry: string }[] = [];
  const levels: (['国家级' | '市级' | '县级', number] | undefined)[] = [['国家级', 2021], ['市级', 2022], ['市级', 2023], ['县级', 2022], ['县级', 2023], ['县级', 2024], ['县级', 2024], ['市级', 2024]];
  for (let i = 0; i < 36; i++) {
    const p = places[i % places.length]!;
    const [product, industry] = COOP_PRODUCTS[i % COOP_PRODUCTS.length]!;
    const name = `云阳县${short(p.township)}${PLACE_WORDS[i % PLACE_WORDS.length]}${product}专业合作社`;
    const id = org('农民专业合作社', name, '93', p, [industry], { members: 0, demo: levels[i] });
    coops.push({ id, place: p, industry });
  }
  const others: { kind: OrgKind; prefix: string; n: number; name: (p: Place, i: number) => string; industries: () => string[] }[] = [
    { kind: '家庭农场', prefix: '92', n: 12, name: (p, i) => `云阳县${short(p.township)}${personName(r).slice(0, 1)}${['家', '氏'][i % 2]}${pick(r, ['柑橘', '生态', '种养', '中药材'])}家庭农场`, industries: () => [pick(r, DEMO_INDUSTRIES)] },
    { kind: '涉农企业', prefix: '91', n: 6, name: (_p, i) => `重庆${PLACE_WORDS[(i + 7) % PLACE_WORDS.length]}${pick(r, ['农业开发', '农产品', '食品', '生物科技'])}有限公司`, industries: () => [pick(r, DEMO_INDUSTRIES)] },
    { kind: '村集体经济组织', prefix: 'N2', n: 4, name: (p) => `云阳县${short(p.township)}${p.villages[1]?.name ?? p.villages[0]?.name ?? ''}股份经济合作联合社`, industries: () => [] },
    { kind: '供销合作社基层社', prefix: '93', n: 3, name: (p) => `云阳县${short(p.township)}供销合作社`, industries: () => [] },
    { kind: '农村综合服务社', prefix: '93', n: 5, name: (p) => `云阳县${short(p.township)}农村综合服务社`, industries: () => [] },
    { kind: '金融机构', prefix: '91', n: 2, name: (p, i) => [`重庆农村商业银行股份有限公司云阳${short(p.township)}支行`, `云阳县${short(p.township)}村镇银行`][i]!, industries: () => [] },
    { kind: '行业协会', prefix: '51', n: 1, name: () => '云阳县柑橘产业协会', industries: () => ['柑橘'] },
  ];
  const byKind = new Map<OrgKind, { id: number; place: Place }[]>();
  for (const o of others) {
    for (let i = 0; i < o.n; i++) {
      const p = places[(i * 3 + o.n) % places.length]!;
      const id = org(o.kind, o.name(p, i), o.prefix, p, o.industries());
      byKind.set(o.kind, [...(byKind.get(o.kind) ?? []), { id, place: p }]);
    }
  }

  // Members: households of the cooperative's township, a family farm now and then.
  const insM = q.prepare('INSERT INTO coop_members (coop_id, household_id, member_org_id, joined_on, capital_poverty_fen, capital_other_fen, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const hasM = q.prepare('SELECT 1 FROM coop_members WHERE coop_id = ? AND (household_id IS ? AND member_org_id IS ?)').pluck();
  const setCount = q.prepare('UPDATE orgs SET member_count = (SELECT count(*) FROM coop_members WHERE coop_id = ?) WHERE id = ?');
  for (const c of coops) {
    const pool = householdsByTownship.get(c.place.townshipId) ?? [];
    const n = Math.min(pool.length, 5 + Math.floor(r() * 12));
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(pick(r, pool));
    const farms = byKind.get('家庭农场')!.filter((f) => f.place.townshipId === c.place.townshipId);
    const rows: [number | null, number | null][] = [...[...chosen].map((h) => [h, null] as [number, null]), ...farms.slice(0, 1).map((f) => [null, f.id] as [null, number])];
    for (const [h, o] of rows) {
      const poverty = r() < 0.3 ? (1 + Math.floor(r() * 10)) * 50000 : 0;
      const other = (1 + Math.floor(r() * 20)) * 100000;
      const joined = date(r, 2016, 2024);
      if (hasM.get(c.id, h, o)) continue;
      insM.run(c.id, h, o, joined, poverty, other, now, now);
      count.合作社成员++;
    }
    setCount.run(c.id, c.id);
  }

  // Unions: the county union, township unions (one may cover two townships), three industry unions.
  const insU = q.prepare('INSERT INTO unions (kind, level, name, industry, established_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const uByName = q.prepare('SELECT id FROM unions WHERE name = ?').pluck();
  const insUT = q.prepare('INSERT OR IGNORE INTO union_townships (union_id, township_id) VALUES (?, ?)');
  const union = (kind: 'regional' | 'industry', level: 'county' | 'township', name: string, industry: string, townshipIds: number[]) => {
    let id = uByName.get(name) as number | undefined;
    if (id === undefined) {
      id = Number(insU.run(kind, level, name, industry, date(r, 2019, 2021), now, now).lastInsertRowid);
      for (const t of townshipIds) insUT.run(id, t);
      count.农合联++;
    }
    return id;
  };
  const county = union('regional', 'county', '云阳县农民合作经济组织联合会', '', []);
  const townshipUnions = new Map<number, number>();
  for (let i = 0; i < places.length; i += 2) {
    const pair = places.slice(i, i + 2);
    const name = pair.length === 2 && i >= 6 ? `云阳县${short(pair[0]!.township)}${short(pair[1]!.township)}片区农合联` : `云阳县${short(pair[0]!.township)}农合联`;
    const covered = pair.length === 2 && i >= 6 ? pair : [pair[0]!];
    const id = union('regional', 'township', name, '', covered.map((p) => p.townshipId));
    for (const p of covered) townshipUnions.set(p.townshipId, id);
    if (covered.length === 1 && pair[1]) {
      const id2 = union('regional', 'township', `云阳县${short(pair[1].township)}农合联`, '', [pair[1].townshipId]);
      townshipUnions.set(pair[1].townshipId, id2);
    }
  }
  const industryUnions = new Map(['柑橘', '中药材', '生猪'].map((ind) => [ind, union('industry', 'county', `云阳县${ind}产业农合联`, ind, [])]));

  const insUM = q.prepare('INSERT INTO union_members (union_id, org_id, category, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const hasUM = q.prepare('SELECT 1 FROM union_members WHERE union_id = ? AND org_id = ?').pluck();
  const join = (unionId: number, orgId: number, category: string) => {
    if (hasUM.get(unionId, orgId)) return;
    insUM.run(unionId, orgId, category, date(r, 2020, 2024), now, now);
    count.会员单位++;
  };
  for (const [i, c] of coops.entries()) {
    join(county, c.id, i < 4 ? '理事单位' : '会员单位');
    const tu = townshipUnions.get(c.place.townshipId);
    if (tu) join(tu, c.id, '会员单位');
    const iu = industryUnions.get(c.industry);
    if (iu) join(iu, c.id, '会员单位');
  }
  for (const kind of ['涉农企业', '供销合作社基层社', '农村综合服务社', '金融机构', '村集体经济组织'] as OrgKind[]) for (const o of byKind.get(kind) ?? []) join(county, o.id, kind === '涉农企业' ? '常务理事单位' : '会员单位');

  // Service sites of every kind, so the indicators have something to count.
  const insS = q.prepare('INSERT INTO service_sites (kind, name, township_id, village_id, address, operator_org_id, operator_name, opened_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const hasS = q.prepare('SELECT 1 FROM service_sites WHERE kind = ? AND name = ?').pluck();
  const site = (kind: SiteKind, name: string, p: Place | null, villageId: number | null, operatorOrgId: number | null, operatorName: string) => {
    if (hasS.get(kind, name)) return;
    insS.run(kind, name, p?.townshipId ?? null, villageId, p ? p.township : '云阳县', operatorOrgId, operatorName, date(r, 2019, 2024), now, now);
    count.服务站点++;
  };
  site('县级为农服务中心', '云阳县为农服务中心', null, null, null, '云阳县供销合作社');
  for (const p of places.slice(0, 6)) site('乡镇为农服务中心', `${p.township}为农服务中心`, p, null, null, `${p.township}供销合作社`);
  for (const o of byKind.get('农村综合服务社') ?? []) site('农村综合服务社', `${o.place.township}农村综合服务社`, o.place, null, o.id, '');
  for (const p of places.slice(0, 8)) {
    const v = p.villages[1] ?? p.villages[0];
    site('农村流通网点', `${p.township}${v?.name ?? ''}农资农产品流通网点`, p, v?.id ?? null, null, personName(r));
  }
  for (const p of places) {
    const v = p.villages[2] ?? p.villages[0];
    if (v) site('村级一站式服务站', `${v.name}一站式服务站`, p, v.id, null, `${v.name}村民委员会`);
  }
  return count;
}
