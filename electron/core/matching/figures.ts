import type { Store } from '../db/store';
import { DISPLAY_UNIT, STANDARD_UNITS, formatQty, type BaseUnit, type UnitFactor } from '../../../shared/quantity';
import { productLabel } from './catalog';
import { writeXlsx } from '../io/xlsx';
import type { SheetSpec } from '../io/sheet';
import { getSettings } from '../settings/settings';
import { listDeals } from './dealViews';
import { DEAL_STATUS_LABELS } from '../../../shared/contract/matchingFields';

interface DealFact {
  kind: 'produce' | 'input';
  status: 'open' | 'completed' | 'cancelled';
  productId: number;
  product: string;
  category: string;
  baseUnit: BaseUnit;
  defaultUnit: UnitFactor;
  quantityBase: number;
  valueFen: number;
  deliveredValueFen: number;
  branded: boolean;
  month: string;
  townshipId: number | null;
  township: string;
  eventId: number | null;
}

interface Group {
  deals: number;
  valueFen: number;
  deliveredValueFen: number;
  brandedValueFen: number;
  byBase: Map<BaseUnit, number>;
}

const TONNE: UnitFactor = { name: '吨', num: 1_000_000, den: 1 };

/** "12.5 吨、30 头": one total per base kind, in a unit a report reader expects. */
function quantitiesText(byBase: Map<BaseUnit, number>): string {
  return [...byBase]
    .filter(([, q]) => q > 0)
    .map(([b, q]) => {
      const u = b === 'g' && q >= 1_000_000 ? TONNE : DISPLAY_UNIT[b];
      return `${formatQty(q, u)} ${u.name}`;
    })
    .join('、');
}

function emptyGroup(): Group {
  return { deals: 0, valueFen: 0, deliveredValueFen: 0, brandedValueFen: 0, byBase: new Map() };
}

/** Cancelled deals count only for what was delivered before the cancellation. */
function addTo(g: Group, f: DealFact): void {
  g.deliveredValueFen += f.deliveredValueFen;
  if (f.status === 'cancelled') return;
  g.deals += 1;
  g.valueFen += f.valueFen;
  if (f.branded) g.brandedValueFen += f.valueFen;
  g.byBase.set(f.baseUnit, (g.byBase.get(f.baseUnit) ?? 0) + f.quantityBase);
}

const groupOut = (g: Group) => ({ deals: g.deals, valueFen: g.valueFen, deliveredValueFen: g.deliveredValueFen, brandedValueFen: g.brandedValueFen, quantities: quantitiesText(g.byBase) });

function facts(store: Store, from: string, to: string): DealFact[] {
  const rows = store.sqlite
    .prepare(
      `SELECT d.kind, d.status, d.product_id, p.name AS pname, p.variety, c.name AS cname, d.base_unit, p.default_unit,
         d.quantity_base, d.value_fen, d.delivered_value_fen, d.certifications, substr(d.signed_on, 1, 7) AS month,
         d.origin_township_id, t.name AS tname, d.event_id
       FROM deals d JOIN catalog_products p ON p.id = d.product_id JOIN catalog_categories c ON c.id = d.category_id
       LEFT JOIN townships t ON t.id = d.origin_township_id
       WHERE (@from = '' OR d.signed_on >= @from) AND (@to = '' OR d.signed_on <= @to)
       ORDER BY d.signed_on, d.id`,
    )
    .all({ from, to }) as Record<string, unknown>[];
  const units = new Map(
    (store.sqlite.prepare('SELECT product_id, name, num, den FROM catalog_units').all() as { product_id: number; name: string; num: number; den: number }[]).map((u) => [`${u.product_id}:${u.name}`, u]),
  );
  return rows.map((r) => {
    const base = r.base_unit as BaseUnit;
    const own = units.get(`${String(r.product_id)}:${String(r.default_unit)}`);
    const std = STANDARD_UNITS[base].find((u) => u.name === r.default_unit);
    return {
      kind: r.kind as 'produce',
      status: r.status as 'open',
      productId: r.product_id as number,
      product: productLabel(r.pname as string, r.variety as string),
      category: r.cname as string,
      baseUnit: base,
      defaultUnit: own ? { name: own.name, num: own.num, den: own.den } : (std ?? DISPLAY_UNIT[base]),
      quantityBase: r.quantity_base as number,
      valueFen: r.value_fen as number,
      deliveredValueFen: r.delivered_value_fen as number,
      branded: (r.certifications as string) !== '[]',
      month: r.month as string,
      townshipId: r.origin_township_id as number | null,
      township: (r.tname as string | null) ?? '未填乡镇',
      eventId: r.event_id as number | null,
    };
  });
}

/**
 * Supply-matching figures for a period (by signing date; empty bounds are open): deals, quantity and
 * value by product, origin township, month and event, and the share of branded (certified) value.
 * The task tracker and the reports read these through this function.
 */
export function matchingFigures(store: Store, period: { from: string; to: string }) {
  const all = facts(store, period.from, period.to);
  const total = emptyGroup();
  const byProduct = new Map<number, Group & { f: DealFact }>();
  const byTownship = new Map<number | null, Group & { name: string }>();
  const byMonth = new Map<string, Group>();
  const byEvent = new Map<number, Group>();
  let cancelled = 0;
  let completed = 0;
  let brandedDeals = 0;
  const inputs = emptyGroup();
  for (const f of all) {
    addTo(total, f);
    if (f.status === 'cancelled') cancelled++;
    if (f.status === 'completed') completed++;
    if (f.branded && f.status !== 'cancelled') brandedDeals++;
    if (f.kind === 'input') addTo(inputs, f);
    let p = byProduct.get(f.productId);
    if (!p) byProduct.set(f.productId, (p = { ...emptyGroup(), f }));
    addTo(p, f);
    let t = byTownship.get(f.townshipId);
    if (!t) byTownship.set(f.townshipId, (t = { ...emptyGroup(), name: f.township }));
    addTo(t, f);
    let m = byMonth.get(f.month);
    if (!m) byMonth.set(f.month, (m = emptyGroup()));
    addTo(m, f);
    if (f.eventId !== null) {
      let e = byEvent.get(f.eventId);
      if (!e) byEvent.set(f.eventId, (e = emptyGroup()));
      addTo(e, f);
    }
  }
  const events = store.sqlite
    .prepare(
      `SELECT e.id, e.name, e.date, (SELECT count(*) FROM matching_event_parties p WHERE p.event_id = e.id) AS participants
       FROM matching_events e WHERE (@from = '' OR e.date >= @from) AND (@to = '' OR e.date <= @to) ORDER BY e.date, e.id`,
    )
    .all({ from: period.from, to: period.to }) as { id: number; name: string; date: string; participants: number }[];
  return {
    from: period.from,
    to: period.to,
    totals: {
      deals: total.deals,
      cancelled,
      completed,
      valueFen: total.valueFen,
      deliveredValueFen: total.deliveredValueFen,
      brandedDeals,
      brandedValueFen: total.brandedValueFen,
      brandedShare: total.valueFen > 0 ? total.brandedValueFen / total.valueFen : 0,
      events: events.length,
      inputDeals: inputs.deals,
      inputValueFen: inputs.valueFen,
    },
    byProduct: [...byProduct.values()]
      .sort((a, b) => b.valueFen - a.valueFen)
      .map((g) => {
        const q = g.byBase.get(g.f.baseUnit) ?? 0;
        return {
          productId: g.f.productId,
          product: g.f.product,
          category: g.f.category,
          kind: g.f.kind,
          unit: g.f.defaultUnit.name,
          quantityBase: q,
          quantity: formatQty(q, g.f.defaultUnit),
          ...groupOut(g),
        };
      }),
    byTownship: [...byTownship.entries()].sort((a, b) => b[1].valueFen - a[1].valueFen).map(([id, g]) => ({ townshipId: id, township: g.name, ...groupOut(g) })),
    byMonth: [...byMonth.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([month, g]) => ({ month, ...groupOut(g) })),
    byEvent: events.map((e) => ({ eventId: e.id, event: e.name, date: e.date, participants: e.participants, ...groupOut(byEvent.get(e.id) ?? emptyGroup()) })),
  };
}

export type MatchingFigures = ReturnType<typeof matchingFigures>;

const groupColumns = [
  { header: '成交笔数', key: 'deals', kind: 'int' as const },
  { header: '成交数量', key: 'quantities' },
  { header: '成交金额（元）', key: 'valueFen', kind: 'fen' as const },
  { header: '已交货金额（元）', key: 'deliveredValueFen', kind: 'fen' as const },
  { header: '品牌产品金额（元）', key: 'brandedValueFen', kind: 'fen' as const },
];

/** The figures as one workbook: summary, product, township, month, event, and every deal of the period. */
export async function exportFigures(store: Store, period: { from: string; to: string }): Promise<{ name: string; mime: string; base64: string }> {
  const f = matchingFigures(store, period);
  const centre = getSettings(store).centreName;
  const range = period.from || period.to ? `${period.from || '起'} 至 ${period.to || '今'}` : '全部';
  const meta = [`填报单位：${centre}`, `统计期间（签约日期）：${range}`, `制表日期：${new Date(store.now()).toISOString().slice(0, 10)}`];
  const t = f.totals;
  const deals = listDeals(store, { status: 'all', from: period.from, to: period.to, q: '', offset: 0, limit: 1_000_000 }).rows;
  const sheets: SheetSpec[] = [
    {
      name: '汇总',
      title: '产销对接统计汇总',
      meta,
      columns: [
        { header: '项目', key: 'label' },
        { header: '数值', key: 'value' },
      ],
      rows: [
        { label: '成交笔数（不含已取消）', value: t.deals },
        { label: '已完成笔数', value: t.completed },
        { label: '已取消笔数', value: t.cancelled },
        { label: '成交金额（元）', value: (t.valueFen / 100).toFixed(2) },
        { label: '已交货金额（元）', value: (t.deliveredValueFen / 100).toFixed(2) },
        { label: '品牌产品成交笔数', value: t.brandedDeals },
        { label: '品牌产品成交金额（元）', value: (t.brandedValueFen / 100).toFixed(2) },
        { label: '品牌产品金额占比', value: `${(t.brandedShare * 100).toFixed(1)}%` },
        { label: '农资成交笔数', value: t.inputDeals },
        { label: '农资成交金额（元）', value: (t.inputValueFen / 100).toFixed(2) },
        { label: '对接活动场次', value: t.events },
      ],
      footer: ['品牌产品：供方挂牌带有绿色食品、有机、地理标志或“天生云阳”认证。'],
    },
    {
      name: '按产品',
      title: '产销对接成交（按产品）',
      meta,
      columns: [{ header: '品类', key: 'category' }, { header: '产品', key: 'product' }, { header: '数量', key: 'quantity' }, { header: '单位', key: 'unit' }, ...groupColumns.filter((c) => c.key !== 'quantities')],
      rows: f.byProduct,
    },
    { name: '按乡镇', title: '产销对接成交（按产地乡镇）', meta, columns: [{ header: '乡镇', key: 'township' }, ...groupColumns], rows: f.byTownship },
    { name: '按月份', title: '产销对接成交（按签约月份）', meta, columns: [{ header: '月份', key: 'month' }, ...groupColumns], rows: f.byMonth },
    {
      name: '按活动',
      title: '产销对接活动',
      meta,
      columns: [{ header: '活动', key: 'event' }, { header: '日期', key: 'date' }, { header: '参与方', key: 'participants', kind: 'int' }, ...groupColumns],
      rows: f.byEvent,
    },
    {
      name: '成交明细',
      title: '产销对接成交明细',
      meta,
      columns: [
        { header: '成交编号', key: 'code' },
        { header: '签约日期', key: 'signedOn' },
        { header: '供方', key: 'seller' },
        { header: '需方', key: 'buyer' },
        { header: '产品', key: 'product' },
        { header: '等级', key: 'grade' },
        { header: '数量', key: 'quantity' },
        { header: '单位', key: 'unit' },
        { header: '单价（元）', key: 'priceFen', kind: 'fen' },
        { header: '价格单位', key: 'priceUnit' },
        { header: '金额（元）', key: 'valueFen', kind: 'fen' },
        { header: '已交货', key: 'delivered' },
        { header: '状态', key: 'statusLabel' },
        { header: '活动', key: 'event' },
        { header: '产地', key: 'originTownship' },
        { header: '认证', key: 'certs' },
      ],
      rows: deals.map((d) => ({ ...d, statusLabel: DEAL_STATUS_LABELS[d.status], certs: d.certifications.join('、') })),
    },
  ];
  const bytes = await writeXlsx(sheets);
  return { name: `产销对接统计-${range.replace(/\s/g, '')}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
}
