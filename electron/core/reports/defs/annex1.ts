import type { ReportDef } from '../registry';
import type { Figure } from '../../tasks/figures';
import { indicatorList } from '../../tasks/indicators';
import { takeSnapshot } from '../../tasks/snapshots';
import { reportPeriodLabel } from '../../../../shared/reports';

const BASIS_LABELS: Record<Figure['basis'], string> = { computed: '系统计算', manual: '手工填报', carried: '沿用前期填报', none: '未填报' };

/** The month whose figures a period reports: its last month, or the running month for the running period. */
export function reportMonth(lastMonth: string, today: string): string {
  return lastMonth < today.slice(0, 7) ? lastMonth : today.slice(0, 7);
}

function basisOf(rows: Figure[], month: string, finished: boolean): string {
  const frozen = rows.filter((r) => r.fromSnapshot);
  const label = reportPeriodLabel(month);
  if (rows.length > 0 && frozen.length === rows.length) return `${label}月末快照（${frozen[0]!.snapshotAt.slice(0, 10)} 保存，${frozen[0]!.snapshotBy}）`;
  if (finished) return `${label}已结束，尚无月末快照：导出时将把本表数值保存为该月快照，以后重新生成仍得到相同数值`;
  return `${label}当前数据（本月未结束，数值会随登记变化；月末后将自动保存快照）`;
}

/**
 * 附件1 主要指标 with the period's figures, read through the tracker's indicatorList: a finished month's
 * figures come from its month-end snapshot, so the same report can be regenerated later and still match.
 */
const TITLE = '生产、供销、信用“三位一体”改革主要指标完成情况';

export const annex1: ReportDef = {
  key: 'annex1',
  title: TITLE,
  capability: '任务台账',
  roles: ['admin', 'manager'],
  periods: ['month', 'quarter', 'year'],
  // What is sent for a finished month becomes that month's frozen figures, so it can be regenerated later.
  beforeExport(store, actor, ctx) {
    const month = reportMonth(ctx.range.lastMonth, ctx.today);
    if (month < ctx.today.slice(0, 7) && indicatorList(store, month).rows.some((r) => !r.fromSnapshot)) takeSnapshot(store, actor, month);
  },
  build(store, ctx) {
    const month = reportMonth(ctx.range.lastMonth, ctx.today);
    const list = indicatorList(store, month);
    const year = Number(month.slice(0, 4));
    const upTo = reportPeriodLabel(month);
    const rows = list.rows.map((f) => ({
      no: f.no,
      name: f.name,
      unit: f.unit,
      decimals: f.decimals,
      target2024: f.target2024,
      target2027: f.target2027,
      yearTarget: f.yearTarget,
      value: f.value,
      pctYear: f.pctYear,
      pct2027: f.pct2027,
      basis: BASIS_LABELS[f.basis],
      how: f.how,
    }));
    const dec = (r: Record<string, unknown>) => Number(r.decimals);
    return {
      basis: basisOf(list.rows, month, month < ctx.today.slice(0, 7)),
      sheets: [
        {
          name: '主要指标完成情况',
          title: TITLE,
          columns: [
            { header: '序号', key: 'no', kind: 'int', width: 6 },
            { header: '指标名称', key: 'name', width: 24, wrap: true },
            { header: '单位', key: 'unit', width: 8 },
            { header: '2024年目标', key: 'target2024', kind: 'number', decimals: dec, width: 11 },
            { header: '2027年目标', key: 'target2027', kind: 'number', decimals: dec, width: 11 },
            { header: `${year}年目标`, key: 'yearTarget', kind: 'number', decimals: dec, width: 11 },
            { header: `截至${upTo}`, key: 'value', kind: 'number', decimals: dec, width: 14 },
            { header: `占${year}年目标`, key: 'pctYear', kind: 'percent', width: 11 },
            { header: '占2027年目标', key: 'pct2027', kind: 'percent', width: 12 },
            { header: '来源', key: 'basis', width: 12 },
            { header: '计算或填报说明', key: 'how', width: 36, wrap: true },
          ],
          headerRows: [
            [{ text: '序号', rowSpan: 2 }, { text: '指标名称', rowSpan: 2 }, { text: '单位', rowSpan: 2 }, { text: '目标', colSpan: 3 }, { text: '完成值', rowSpan: 1 }, { text: '完成率', colSpan: 2 }, { text: '数据说明', colSpan: 2 }],
            [{ text: '2024年目标' }, { text: '2027年目标' }, { text: `${year}年目标` }, { text: `截至${upTo}` }, { text: `占${year}年目标` }, { text: '占2027年目标' }, { text: '来源' }, { text: '计算或填报说明' }],
          ],
          rows,
          footer: ['说明：“系统计算”为本系统按登记数据自动统计的数值；“手工填报”为负责人录入并注明来源的数值（同时列出系统计算值）；“沿用前期填报”为本期未填报，沿用最近一次填报值。'],
        },
      ],
    };
  },
};
