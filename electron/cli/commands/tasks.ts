import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import type { CliClient } from '../io';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { TASK_STATUSES, formatPct, formatValue } from '../../../shared/tasks';

type TaskList = Out<Contract['tasks.list']>;
type Indicators = Out<Contract['indicators.list']>;

async function taskIdByNo(c: CliClient, no: number): Promise<number> {
  const list = await c.call<TaskList>('tasks.list', {});
  const t = list.rows.find((r) => r.no === no);
  if (!t) throw new Error(`没有序号为 ${no} 的任务`);
  return t.id;
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const tasksCommands: Command[] = [
  {
    name: 'tasks list',
    summary: `列出改革任务（--status ${TASK_STATUSES.join('/')}；--due overdue 逾期 / soon 30 天内到期）`,
    asUser: true,
    options: { status: { type: 'string' }, due: { type: 'string' }, q: { type: 'string' } },
    run: async (c, a) => {
      const status = str(a, 'status');
      if (status && !(TASK_STATUSES as readonly string[]).includes(status)) throw new Error(`--status 应为 ${TASK_STATUSES.join('、')} 之一`);
      const r = await c.call<TaskList>('tasks.list', { status, due: str(a, 'due'), q: str(a, 'q') });
      return r.rows.map((t) => ({
        序号: t.no,
        事项: t.item,
        状态: t.status,
        进度: `${t.progress}%`,
        责任单位: t.responsible.map((u) => u.name).join('、'),
        责任人: t.ownerName,
        完成时限: t.dueOn,
        最近进展: t.latestReport ? `${t.latestReport.reportedOn} ${t.latestReport.text.slice(0, 30)}` : '',
      }));
    },
  },
  {
    name: 'tasks report',
    summary: '填报任务进展（--task 为任务序号；--file 可重复，附佐证材料）',
    usage: 'weinong tasks report --task 8 --text "本月完成托管服务 1.2 万亩次" [--progress 40] [--period 2026-11 | --quarter 2026-Q4] [--date 2026-11-30] [--file 照片.jpg]',
    asUser: true,
    options: {
      task: { type: 'string' },
      text: { type: 'string' },
      progress: { type: 'string' },
      period: { type: 'string' },
      quarter: { type: 'string' },
      date: { type: 'string' },
      file: { type: 'string', multiple: true },
    },
    run: async (c, a) => {
      const no = Number(str(a, 'task', true));
      if (!Number.isInteger(no) || no <= 0) throw new Error('--task 应为任务序号（正整数）');
      const reportedOn = str(a, 'date') || localToday();
      const quarter = str(a, 'quarter');
      const files = ((a.values.file as string[] | undefined) ?? []).map((f) => {
        const full = path.resolve(f);
        if (!fs.existsSync(full)) throw new Error(`文件不存在：${f}`);
        return { name: path.basename(full), base64: fs.readFileSync(full).toString('base64') };
      });
      const progress = str(a, 'progress');
      return c.call('tasks.report', {
        taskId: await taskIdByNo(c, no),
        reportedOn,
        periodKind: quarter ? 'quarter' : 'month',
        period: quarter || str(a, 'period') || reportedOn.slice(0, 7),
        text: str(a, 'text', true),
        progress: progress === '' ? null : Number(progress),
        files,
      });
    },
  },
  {
    name: 'indicators show',
    summary: '查看 8 项主要指标的目标与完成值（--period YYYY-MM，默认本月；已保存快照的月份显示快照值）',
    asUser: true,
    options: { period: { type: 'string' } },
    run: async (c, a) => {
      const r = await c.call<Indicators>('indicators.list', { period: str(a, 'period') });
      return r.rows.map((f) => ({
        序号: f.no,
        指标: f.name,
        单位: f.unit,
        '2024年目标': formatValue(f.target2024, f.decimals),
        [`${f.year}年目标`]: formatValue(f.yearTarget, f.decimals),
        '2027年目标': formatValue(f.target2027, f.decimals),
        [`${r.period} 完成`]: formatValue(f.value, f.decimals),
        完成率: formatPct(f.pct2027),
        来源: f.fromSnapshot ? `快照（${f.snapshotAt.slice(0, 10)}）` : { computed: '系统计算', manual: '手工填报', carried: '沿用上期填报', none: '无数据' }[f.basis],
      }));
    },
  },
  {
    name: 'indicators snapshot',
    summary: '保存某月的指标快照（保存后不可修改）',
    usage: 'weinong indicators snapshot --period 2026-11',
    asUser: true,
    options: { period: { type: 'string' } },
    run: (c, a) => c.call('indicators.snapshot', { period: str(a, 'period', true) }),
  },
];
