import type { ReportDef } from '../registry';
import type { SheetSpec } from '../../io/sheet';
import { figuresBetween, groupColumns } from '../../credit/figures';
import { reportPeriodLabel } from '../../../../shared/reports';

const TITLE = '信用服务（金融代办）统计表';

/**
 * Loan assistance for the period from credit's own figuresBetween: applications, bank approvals and
 * disbursements by bank, product, industry and township (by month too for a quarter or a year), with
 * indicator 8 as the tracker computes it. Amounts are credit data: managers and the administrator only.
 */
export const creditStatistics: ReportDef = {
  key: 'credit',
  title: TITLE,
  capability: '信用服务',
  roles: ['admin', 'manager'],
  periods: ['month', 'quarter', 'year'],
  build(store, ctx) {
    const f = figuresBetween(store, ctx.range.from, ctx.asOf);
    const t = f.totals;
    const rows = (r: typeof f.byBank) => r as unknown as Record<string, unknown>[];
    const sheet = (name: string, first: string, data: typeof f.byBank): SheetSpec => ({ name, title: `${TITLE}（${name}）`, columns: groupColumns(first), rows: rows(data) });
    const yuan = (fen: number) => fen / 100;
    const sheets: SheetSpec[] = [
      {
        name: '汇总',
        title: `${TITLE}（汇总）`,
        columns: [
          { header: '项目', key: 'label', width: 30 },
          { header: '数值', key: 'value', kind: 'number', decimals: (r) => Number(r.decimals ?? 0), width: 18 },
          { header: '单位', key: 'unit', width: 8 },
        ],
        rows: [
          { label: '受理申请', value: t.applications, unit: '件' },
          { label: '提交银行', value: t.submitted, unit: '件' },
          { label: '银行批准', value: t.approvals, unit: '件' },
          { label: '银行未批准', value: t.rejections, unit: '件' },
          { label: '批准金额', value: yuan(t.grantedFen), decimals: 2, unit: '元' },
          { label: '放款笔数', value: t.disbursements, unit: '笔' },
          { label: '放款金额', value: yuan(t.disbursedFen), decimals: 2, unit: '元' },
          { label: '期末未还清余额', value: yuan(t.outstandingFen), decimals: 2, unit: '元' },
          { label: '逾期未还', value: t.overdue, unit: '笔' },
          { label: '信用村', value: f.campaigns.villages, unit: '个' },
          { label: '信用乡镇', value: f.campaigns.townships, unit: '个' },
          { label: '整村授信', value: f.campaigns.wholeVillage, unit: '次' },
          { label: `指标 8（${f.year} 年累计）`, value: f.indicator.value, decimals: 4, unit: '亿元' },
        ],
        footer: [f.indicator.how],
      },
      sheet('按银行', '银行', f.byBank),
      sheet('按产品', '产品', f.byProduct),
      sheet('按产业', '产业', f.byIndustry),
      sheet('按乡镇', '乡镇（街道）', f.byTownship),
      ...(ctx.range.kind === 'month'
        ? []
        : [
            {
              name: '按月份',
              title: `${TITLE}（按月份）`,
              columns: [
                { header: '月份', key: 'month', width: 12 },
                { header: '放款金额（元）', key: 'disbursedFen', kind: 'fen' as const, width: 18 },
              ],
              rows: f.byMonth.map((m) => ({ month: reportPeriodLabel(m.month), disbursedFen: m.disbursedFen })),
            },
          ]),
    ];
    return { basis: `信用服务：${ctx.range.from} 至 ${ctx.asOf} 中心代办的贷款（受理按受理日期、批准按银行审批日期、放款按放款日期）`, sheets };
  },
};
