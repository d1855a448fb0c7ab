import { and, eq } from 'drizzle-orm';
import type { Store, Actor } from '../db/store';
import { catalogCategories, catalogProducts, catalogUnits, matchingEvents } from './schema';
import { pinyinKeys } from '../search/pinyin';
import { factorFrom, STANDARD_UNITS, type BaseUnit } from '../../../shared/quantity';
import { prepareListing, insertListing, type ListingInput } from './listings';
import { createDeals, deliver } from './deals';
import { saveEvent } from './events';
import { readDeal } from './dealViews';
import { todayOf } from './offers';
import { dayNumber, dayText } from './score';

interface DemoProduct {
  name: string;
  variety?: string;
  base: BaseUnit;
  unit: string;
  grades?: string[];
  /** Own units: [name, amount, of standard unit]. */
  units?: [string, string, string][];
}

const CATALOGUE: { name: string; kind: 'produce' | 'input'; products: DemoProduct[] }[] = [
  {
    name: '柑橘',
    kind: 'produce',
    products: [
      { name: '晚熟脐橙', base: 'g', unit: '斤', grades: ['特级', '一级', '二级'], units: [['箱', '10', '公斤']] },
      { name: '脐橙', variety: '纽荷尔', base: 'g', unit: '斤', grades: ['一级', '二级'], units: [['箱', '10', '公斤']] },
      { name: '沃柑', base: 'g', unit: '斤', grades: ['一级', '二级'], units: [['箱', '12.5', '斤']] },
      { name: '柠檬', base: 'g', unit: '公斤', grades: ['一级', '二级'] },
    ],
  },
  {
    name: '中药材',
    kind: 'produce',
    products: [
      { name: '青蒿', base: 'g', unit: '公斤' },
      { name: '黄连', base: 'g', unit: '公斤', grades: ['一级', '二级'] },
      { name: '木香', base: 'g', unit: '公斤' },
    ],
  },
  {
    name: '生猪',
    kind: 'produce',
    products: [
      { name: '商品猪', base: 'head', unit: '头' },
      { name: '仔猪', base: 'head', unit: '头' },
    ],
  },
  { name: '种子', kind: 'input', products: [{ name: '玉米种子', base: 'g', unit: '公斤', units: [['袋', '1', '公斤']] }, { name: '水稻种子', base: 'g', unit: '公斤', units: [['袋', '1', '公斤']] }] },
  { name: '化肥', kind: 'input', products: [{ name: '复合肥', base: 'g', unit: '吨', units: [['袋', '50', '公斤']] }, { name: '尿素', base: 'g', unit: '吨', units: [['袋', '40', '公斤']] }] },
  { name: '农药', kind: 'input', products: [{ name: '石硫合剂', base: 'ml', unit: '升', units: [['瓶', '500', '毫升']] }] },
  { name: '农膜', kind: 'input', products: [{ name: '地膜', base: 'g', unit: '公斤', units: [['卷', '5', '公斤']] }] },
];

export const DEMO_EVENT = '云阳晚熟柑橘产销对接会';
const DEMO_ACTOR: Actor = { userId: null, username: 'demo', role: 'system' };

function loadCatalogue(store: Store): { categories: number; products: number; ids: Map<string, number> } {
  const now = store.now();
  let categories = 0;
  let products = 0;
  const ids = new Map<string, number>();
  CATALOGUE.forEach((c, ci) => {
    let cat = store.db.select().from(catalogCategories).where(eq(catalogCategories.name, c.name)).get();
    if (!cat) {
      cat = store.db.insert(catalogCategories).values({ name: c.name, kind: c.kind, sort: ci + 1, createdAt: now, updatedAt: now }).returning().get();
      categories++;
    }
    for (const p of c.products) {
      const variety = p.variety ?? '';
      let row = store.db
        .select()
        .from(catalogProducts)
        .where(and(eq(catalogProducts.categoryId, cat.id), eq(catalogProducts.name, p.name), eq(catalogProducts.variety, variety)))
        .get();
      if (!row) {
        const py = pinyinKeys(`${p.name}${variety}`);
        row = store.db
          .insert(catalogProducts)
          .values({ categoryId: cat.id, name: p.name, variety, baseUnit: p.base, grades: JSON.stringify(p.grades ?? []), defaultUnit: p.unit, pyFull: py.full, pyInitials: py.initials, createdAt: now, updatedAt: now })
          .returning()
          .get();
        products++;
        for (const [name, amount, of] of p.units ?? []) {
          const f = factorFrom(amount, STANDARD_UNITS[p.base].find((u) => u.name === of)!, name)!;
          store.db.insert(catalogUnits).values({ productId: row.id, name, num: f.num, den: f.den }).run();
        }
      }
      ids.set(`${p.name}${variety}`, row.id);
    }
  });
  return { categories, products, ids };
}

type Party = { kind: 'org' | 'household'; id: number; townshipId: number | null };

function parties(store: Store, sql: string, ...args: unknown[]): Party[] {
  return store.sqlite.prepare(sql).all(...args) as Party[];
}

/**
 * The matching part of the demo set: a catalogue, and — when the registry has parties — open supply
 * and demand listings, an event with deals signed there (one partly delivered). Runs once: the event
 * marks that it has.
 */
export function loadMatchingDemo(store: Store): Record<string, number> {
  const cat = loadCatalogue(store);
  const summary: Record<string, number> = { 产品品类: cat.categories, 产品: cat.products };
  if (store.db.select().from(matchingEvents).where(eq(matchingEvents.name, DEMO_EVENT)).get()) return summary;
  const active = "status = 'active'";
  const coops = (industry: string) =>
    parties(store, `SELECT 'org' AS kind, id, township_id AS townshipId FROM orgs WHERE kind IN ('农民专业合作社', '家庭农场') AND ${active} AND industries LIKE ? ORDER BY id LIMIT 4`, `%${industry}%`);
  const buyers = parties(store, `SELECT 'org' AS kind, id, township_id AS townshipId FROM orgs WHERE kind = '涉农企业' AND ${active} ORDER BY id LIMIT 4`);
  const suppliers = parties(store, `SELECT 'org' AS kind, id, township_id AS townshipId FROM orgs WHERE kind IN ('供销合作社基层社', '农村综合服务社') AND ${active} ORDER BY id LIMIT 2`);
  const farmers = parties(store, `SELECT 'household' AS kind, id, township_id AS townshipId FROM households WHERE ${active} ORDER BY id LIMIT 3`);
  const citrus = coops('柑橘');
  if (buyers.length === 0 || citrus.length === 0) return summary;

  const today = dayNumber(todayOf(store));
  const day = (offset: number) => dayText(today + offset);
  const product = (name: string) => cat.ids.get(name)!;
  const listing = (side: 'supply' | 'demand', p: Party, productName: string | null, extra: Partial<ListingInput>): number => {
    const input: ListingInput = {
      side,
      partyKind: p.kind,
      partyId: p.id,
      categoryId: null,
      productId: productName ? product(productName) : null,
      grade: '',
      quantity: '10',
      unit: '吨',
      priceMinFen: null,
      priceMaxFen: null,
      priceUnit: '',
      windowFrom: day(-15),
      windowTo: day(60),
      townshipId: p.townshipId,
      place: '',
      certifications: [],
      notes: '',
      ...extra,
    };
    return insertListing(store, DEMO_ACTOR, prepareListing(store, input));
  };
  let listings = 0;
  const supplies = citrus.map((p, i) => {
    listings++;
    return listing('supply', p, '晚熟脐橙', {
      grade: i % 2 === 0 ? '一级' : '特级',
      quantity: String(20 + i * 15),
      priceMinFen: 300 + i * 20,
      priceMaxFen: 360 + i * 20,
      priceUnit: '斤',
      certifications: i === 0 ? ['地理标志', '天生云阳'] : i === 1 ? ['绿色食品'] : [],
    });
  });
  const demands = buyers.map((p, i) => {
    listings++;
    return listing('demand', p, i === 3 ? null : '晚熟脐橙', {
      categoryId: i === 3 ? store.db.select().from(catalogCategories).where(eq(catalogCategories.name, '柑橘')).get()!.id : null,
      grade: i === 3 ? '' : '一级',
      quantity: String(8 + i * 6),
      priceMinFen: 600 + i * 40,
      priceMaxFen: 760 + i * 40,
      priceUnit: '公斤',
      place: i === 2 ? '重庆主城' : '',
      townshipId: i === 2 ? null : buyers[i]!.townshipId,
    });
  });
  for (const [industry, name, unit, qty] of [
    ['中药材', '青蒿', '公斤', '3000'],
    ['生猪', '商品猪', '头', '120'],
  ] as const) {
    const sellers = coops(industry);
    if (sellers[0]) {
      listing('supply', sellers[0], name, { quantity: qty, unit, priceMinFen: null, priceMaxFen: null });
      listings++;
    }
  }
  if (buyers[1]) {
    listing('demand', buyers[1], '商品猪', { quantity: '80', unit: '头', priceMaxFen: 2_000_000 / 10, priceUnit: '头' });
    listings++;
  }
  for (const [i, s] of suppliers.entries()) {
    listing('supply', s, i === 0 ? '复合肥' : '地膜', { quantity: i === 0 ? '30' : '2000', unit: i === 0 ? '吨' : '公斤', priceMinFen: i === 0 ? 280_000 : 1_200, priceUnit: i === 0 ? '吨' : '公斤', windowFrom: day(-5), windowTo: day(90) });
    listings++;
  }
  for (const f of farmers) {
    listing('demand', f, '复合肥', { quantity: '20', unit: '袋', priceMaxFen: 16_000, priceUnit: '袋', windowFrom: day(0), windowTo: day(45) });
    listings++;
  }
  summary.挂牌信息 = listings;

  const event = saveEvent(store, DEMO_ACTOR, {
    name: DEMO_EVENT,
    kind: '产销对接活动',
    date: day(-10),
    townshipId: citrus[0]!.townshipId,
    place: '县农产品展销中心',
    organiser: '云阳县农合联',
    notes: '',
  });
  const signed = createDeals(
    store,
    DEMO_ACTOR,
    [
      { supplyId: supplies[0]!, demandId: demands[0]!, quantity: '5', unit: '吨', priceFen: 340, priceUnit: '斤', deliveryDate: day(-5), signedOn: day(-10), eventId: event.id, notes: '' },
      ...(supplies[1] && demands[1] ? [{ supplyId: supplies[1], demandId: demands[1], quantity: '200', unit: '箱', priceFen: 7200, priceUnit: '箱', deliveryDate: day(5), signedOn: day(-10), eventId: event.id, notes: '' }] : []),
    ],
    'matching.accept',
  );
  const first = readDeal(store, signed[0]!);
  deliver(store, DEMO_ACTOR, { id: first.id, version: first.version, date: day(-5), quantity: '2', unit: '吨', note: '第一车' });
  summary.对接活动 = 1;
  summary.成交 = signed.length;
  return summary;
}
