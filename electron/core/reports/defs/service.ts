import type { ReportDef } from '../registry';
import type { SheetSpec } from '../../io/sheet';
import { serviceStats } from '../../requests/stats';
import { listGeo } from '../../settings/geo';

const TITLE = '农业生产社会化服务统计表';

type Dim = 'township' | 'crop' | 'link' | 'kind' | 'month';
const DIMS: { by: Dim; name: string; label: string }[] = [
  { by: 'township', name: '按乡镇', label: '乡镇（街道）' },
  { by: 'crop', name: '按作物', label: '作物' },
  { by: 'link', name: '按环节', label: '服务环节' },
  { by: 'kind', name: '按服务类别', label: '服务类别' },
  { by: 'month', name: '按月份', label: '月份' },
];

/**
 * The front desk's service statistics (requests and 亩次 by township, crop, link and kind; by month too for a
 * quarter or a year), from its own serviceStats: requests counted when received, completions when completed,
 * 亩次 and money by the dates of the service records. The whole county, or one township for its centre.
 */
export const serviceStatistics: ReportDef = {
  key: 'service',
  title: TITLE,
  capability: '前台受理',
  roles: ['admin', 'manager', 'frontdesk'],
  periods: ['month', 'quarter', 'year'],
  scopes: (store) => [
    { value: '', label: '全县' },
    ...listGeo(store).map((t) => ({ value: `town:${t.id}`, label: t.name })),
  ],
  build(store, ctx) {
    const { from } = ctx.range;
    const to = ctx.asOf;
    const town = ctx.scope.startsWith('town:') ? Number(ctx.scope.slice(5)) : null;
    // Within one township, a sheet by township would be a single row.
    const dims = DIMS.filter((d) => (d.by !== 'month' || ctx.range.kind !== 'month') && (d.by !== 'township' || town === null));
    const sheets = dims.map(({ by, name, label }): SheetSpec => {
      const s = serviceStats(store, from, to, by, town);
      const rows = [...s.rows, { ...s.totals, label: '合计' }];
      return {
        name,
        title: `${TITLE}（${name}）`,
        columns: [
          { header: label, key: 'label', width: 16 },
          { header: '受理', key: 'requests', kind: 'int', width: 8 },
          { header: '完成', key: 'done', kind: 'int', width: 8 },
          { header: '平均办结天数', key: 'avgDays', kind: 'number', decimals: 1, width: 12 },
          { header: '服务量（亩次）', key: 'muTimes100', kind: 'mu100', width: 14 },
          { header: '服务费', key: 'feeFen', kind: 'fen', width: 14 },
          { header: '补贴', key: 'subsidyFen', kind: 'fen', width: 14 },
          { header: '已收', key: 'paidFen', kind: 'fen', width: 14 },
          { header: '回访', key: 'followUps', kind: 'int', width: 8 },
          { header: '满意度', key: 'satisfaction', kind: 'number', decimals: 2, width: 8 },
        ],
        headerRows: [
          [{ text: label, rowSpan: 2 }, { text: '服务申请（件）', colSpan: 3 }, { text: '服务量（亩次）', rowSpan: 2 }, { text: '金额（元）', colSpan: 3 }, { text: '回访', colSpan: 2 }],
          [{ text: '受理' }, { text: '完成' }, { text: '平均办结天数' }, { text: '服务费' }, { text: '补贴' }, { text: '已收' }, { text: '次数' }, { text: '满意度' }],
        ],
        rows,
        strongRows: [rows.length - 1],
        footer: by === 'link' ? ['注：一件申请涉及多个环节的，在各环节分别计数；合计按申请计一次。'] : [],
      };
    });
    const where = town === null ? '' : `${ctx.scopeLabel}`;
    return { basis: `前台受理 ${from} 至 ${to} ${where}的登记：申请按受理日期、完成按办结日期、亩次和金额按服务记录日期统计`, sheets };
  },
};
