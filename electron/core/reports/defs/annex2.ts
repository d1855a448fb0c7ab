import type { ReportDef } from '../registry';
import type { CellMerge } from '../../io/sheet';
import { loadTaskRows, type TaskRow } from '../../tasks/queries';
import { listUnits } from '../../tasks/units';

const TITLE = '生产、供销、信用“三位一体”改革重点任务推进情况';

/**
 * The status as of the report's day. For a finished period the percent is the one the latest report then
 * set (the task's own percent is today's); without such a report no percent is claimed.
 */
function statusText(t: TaskRow, running: boolean): string {
  if (t.status === '暂缓') return t.holdReason ? `暂缓（${t.holdReason}）` : '暂缓';
  if (t.status === '已完成') return t.completedOn ? `已完成（${t.completedOn}）` : '已完成';
  const pct = running ? t.progress : (t.latestReport?.progress ?? null);
  return pct ? `${t.status}（${pct}%）` : t.status;
}

/** Runs of equal values in a column become one merged cell, as the annex prints 名称 and 事项. */
function runs(values: string[], col: number, within?: string[]): CellMerge[] {
  const out: CellMerge[] = [];
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const same = i < values.length && values[i] === values[start] && (!within || within[i] === within[start]);
    if (same) continue;
    if (i - start > 1 && values[start] !== '') out.push({ row: start, col, rowSpan: i - start });
    start = i;
  }
  return out;
}

/**
 * 附件2 重点任务分工 with each task's latest progress report and status as of the period's last day (or today
 * for the running period), from the tracker's own task list.
 */
export const annex2: ReportDef = {
  key: 'annex2',
  title: TITLE,
  capability: '任务台账',
  roles: ['admin', 'manager'],
  periods: ['month', 'quarter', 'year'],
  scopes: (store) => [
    { value: '', label: '全部任务' },
    ...listUnits(store)
      .filter((u) => u.responsibleCount + u.cooperatingCount > 0)
      .map((u) => ({ value: `unit:${u.id}`, label: `${u.name}牵头或配合的任务` })),
  ],
  build(store, ctx) {
    const unitId = ctx.scope.startsWith('unit:') ? Number(ctx.scope.slice(5)) : undefined;
    const tasks = loadTaskRows(store, ctx.asOf, unitId === undefined ? {} : { unitId });
    const rows = tasks.map((t) => ({
      no: t.no,
      area: t.area,
      item: t.item,
      text: t.text,
      responsible: t.responsible.map((u) => u.name).join('、'),
      cooperating: t.cooperating.map((u) => u.name).join('、'),
      progress: t.latestReport ? `${t.latestReport.reportedOn}（${t.latestReport.reporterName}）：${t.latestReport.text}` : '尚未填报进展',
      status: statusText(t, ctx.asOf === ctx.today),
    }));
    const areas = rows.map((r) => r.area);
    return {
      basis: `任务台账截至 ${ctx.asOf} 的最近一次进展填报和状态`,
      sheets: [
        {
          name: '重点任务推进情况',
          title: TITLE,
          columns: [
            { header: '序号', key: 'no', kind: 'int', width: 6 },
            { header: '名称', key: 'area', width: 14, wrap: true },
            { header: '事项', key: 'item', width: 14, wrap: true },
            { header: '工作任务', key: 'text', width: 40, wrap: true },
            { header: '责任单位', key: 'responsible', width: 14, wrap: true },
            { header: '配合单位', key: 'cooperating', width: 18, wrap: true },
            { header: '进展情况', key: 'progress', width: 40, wrap: true },
            { header: '状态', key: 'status', width: 12, wrap: true },
          ],
          rows,
          merges: [...runs(areas, 1), ...runs(rows.map((r) => r.item), 2, areas)],
        },
      ],
    };
  },
};
