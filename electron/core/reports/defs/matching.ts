import type { ReportDef } from '../registry';
import type { Column, SheetSpec } from '../../io/sheet';
import { matchingFigures } from '../../matching/figures';
import { reportPeriodLabel } from '../../../../shared/reports';

const TITLE = '产销对接统计表';

const GROUP: Column[] = [
  { header: '成交笔数', key: 'deals', kind: 'int', width: 10 },
  { header: '成交数量', key: 'quantities', width: 22, wrap: true },
  { header: '成交金额（元）', key: 'valueFen', kind: 'fen', width: 16 },
  { header: '已交货金额（元）', key: 'deliveredValueFen', kind: 'fen', width: 16 },
  { header: '品牌产品金额（元）', key: 'brandedValueFen', kind: 'fen', width: 16 },
];

/**
 * Supply-matching figures (deals, quantity and value by product, origin township and event; by month too
 * for a quarter or a year) from the matching capability's own matchingFigures, by signing date.
 */
export const matchingStatistics: ReportDef = {
  key: 'matching',
  title: TITLE,
  capability: '产销对接',
  roles: ['admin', 'manager'],
  periods: ['month', 'quarter', 'year'],
  build(store, ctx) {
    const f = matchingFigures(store, { from: ctx.range.from, to: ctx.asOf });
    const t = f.totals;
    // The matching capability's own totals, so every breakdown adds up to the same figures as its screen.
    const total = (label: Record<string, string>) => ({ ...label, deals: t.deals, valueFen: t.valueFen, deliveredValueFen: t.deliveredValueFen, brandedValueFen: t.brandedValueFen });
    const sheet = (name: string, columns: Column[], rows: Record<string, unknown>[], withTotal: boolean): SheetSpec => ({
      name,
      title: `${TITLE}（${name}）`,
      columns,
      rows,
      strongRows: withTotal ? [rows.length - 1] : [],
    });
    const products = [...f.byProduct, total({ category: '合计' })];
    const townships = [...f.byTownship, total({ township: '合计' })];
    const sheets: SheetSpec[] = [
      {
        name: '汇总',
        title: `${TITLE}（汇总）`,
        columns: [
          { header: '项目', key: 'label', width: 28 },
          { header: '数值', key: 'value', kind: 'number', decimals: (r) => Number(r.decimals ?? 0), width: 18 },
          { header: '单位', key: 'unit', width: 8 },
        ],
        rows: [
          { label: '成交笔数（不含已取消）', value: t.deals, unit: '笔' },
          { label: '其中：已完成', value: t.completed, unit: '笔' },
          { label: '已取消', value: t.cancelled, unit: '笔' },
          { label: '成交金额', value: t.valueFen / 100, decimals: 2, unit: '元' },
          { label: '已交货金额', value: t.deliveredValueFen / 100, decimals: 2, unit: '元' },
          { label: '品牌产品成交笔数', value: t.brandedDeals, unit: '笔' },
          { label: '品牌产品成交金额', value: t.brandedValueFen / 100, decimals: 2, unit: '元' },
          { label: '品牌产品金额占比', value: t.brandedShare * 100, decimals: 1, unit: '%' },
          { label: '农资成交笔数', value: t.inputDeals, unit: '笔' },
          { label: '农资成交金额', value: t.inputValueFen / 100, decimals: 2, unit: '元' },
          { label: '对接活动', value: t.events, unit: '场' },
        ],
        footer: ['品牌产品：供方挂牌带有绿色食品、有机、地理标志或“天生云阳”认证。已取消的成交只计已交货金额。'],
      },
      // A product's quantity is in its own unit, so the total row leaves quantities out.
      sheet(
        '按产品',
        [{ header: '品类', key: 'category', width: 10 }, { header: '产品', key: 'product', width: 18 }, { header: '成交数量', key: 'quantity', width: 12 }, { header: '单位', key: 'unit', width: 6 }, ...GROUP.filter((c) => c.key !== 'quantities')],
        products,
        true,
      ),
      sheet('按乡镇', [{ header: '产地乡镇', key: 'township', width: 14 }, ...GROUP], townships, true),
      sheet('按活动', [{ header: '对接活动', key: 'event', width: 24, wrap: true }, { header: '日期', key: 'date', width: 12 }, { header: '参与方', key: 'participants', kind: 'int', width: 8 }, ...GROUP], f.byEvent, false),
      ...(ctx.range.kind === 'month' ? [] : [sheet('按月份', [{ header: '签约月份', key: 'month', width: 12 }, ...GROUP], f.byMonth.map((m) => ({ ...m, month: reportPeriodLabel(m.month) })), false)]),
    ];
    return { basis: `产销对接 ${ctx.range.from} 至 ${ctx.asOf} 签约的成交（按签约日期）`, sheets };
  },
};
