import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { REQUEST_STATUS, STATUS_LABELS, STAT_DIMENSIONS, STAT_DIMENSION_LABELS } from '../../../shared/contract/requestFields';
import { formatFen } from '../../../shared/money';

type Queue = Out<Contract['requests.list']>;
type Stats = Out<Contract['serviceStats.get']>;
type Dimension = (typeof STAT_DIMENSIONS)[number];

const STATUS_WORDS = [...REQUEST_STATUS, 'open', 'overdue', 'all'] as const;
const mu = (mu100: number) => (mu100 / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

function writeFile(out: string, base64: string): string {
  const target = path.resolve(out);
  fs.writeFileSync(target, Buffer.from(base64, 'base64'));
  return target;
}

export const requestsCommands: Command[] = [
  {
    name: 'requests list',
    summary: `列出服务申请（--status ${STATUS_WORDS.join('/')}，默认 open 未办结；--q 单号、姓名或电话尾号）`,
    asUser: true,
    options: { status: { type: 'string' }, q: { type: 'string' }, limit: { type: 'string' } },
    run: async (c, a) => {
      const status = str(a, 'status') || 'open';
      if (!(STATUS_WORDS as readonly string[]).includes(status)) throw new Error(`--status 应为 ${STATUS_WORDS.join('、')} 之一`);
      const r = await c.call<Queue>('requests.list', { status, q: str(a, 'q'), limit: Number(str(a, 'limit') || 100) });
      process.stderr.write(`共 ${r.total} 件（未办结 ${r.counts.open ?? 0}，逾期 ${r.counts.overdue ?? 0}）\n`);
      return r.rows.map((x) => ({
        单号: x.code,
        农户: x.party,
        类别: x.kind,
        作物: x.crop,
        环节: x.links,
        面积亩: mu(x.areaMu100),
        乡镇: x.township,
        状态: STATUS_LABELS[x.status],
        服务主体: x.provider,
        经办人: x.handler,
        逾期: x.overdue.join('；'),
      }));
    },
  },
  {
    name: 'requests stats',
    summary: `服务统计（--by ${STAT_DIMENSIONS.join('/')}，默认 month；--out 文件.xlsx 导出全部维度，.csv/.pdf 导出 --by 的维度）`,
    usage: 'weinong requests stats --year 2026 [--by township] [--out 服务统计.xlsx]',
    asUser: true,
    options: { year: { type: 'string' }, by: { type: 'string' }, out: { type: 'string' } },
    run: async (c, a) => {
      const year = str(a, 'year', true);
      if (!/^\d{4}$/.test(year)) throw new Error('--year 应为四位年份，如 2026');
      const by = (str(a, 'by') || 'month') as Dimension;
      if (!STAT_DIMENSIONS.includes(by)) throw new Error(`--by 应为 ${STAT_DIMENSIONS.join('、')} 之一`);
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const out = str(a, 'out');
      if (out) {
        const ext = path.extname(out).slice(1).toLowerCase();
        if (!['xlsx', 'csv', 'pdf'].includes(ext)) throw new Error('--out 文件应以 .xlsx、.csv 或 .pdf 结尾');
        const file = await c.call<{ base64: string }>('serviceStats.export', { from, to, by: ext === 'xlsx' && !str(a, 'by') ? 'all' : by, format: ext });
        return { 已导出: writeFile(out, file.base64) };
      }
      const s = await c.call<Stats>('serviceStats.get', { from, to, by });
      process.stderr.write(`${year} 年服务量 ${mu(s.totals.muTimes100)} 亩次（指标6：${s.indicator.wanMuTimes} 万亩次）\n`);
      return [...s.rows, s.totals].map((r) => ({
        [STAT_DIMENSION_LABELS[by]]: r.label,
        受理: r.requests,
        完成: r.done,
        平均办结天数: r.avgDays ?? '',
        亩次: mu(r.muTimes100),
        服务费元: formatFen(r.feeFen),
        补助元: formatFen(r.subsidyFen),
        实付元: formatFen(r.paidFen),
        满意度: r.satisfaction ?? '',
      }));
    },
  },
  {
    name: 'providers export',
    summary: '导出服务主体名录（--out 文件.xlsx 或 .csv）',
    asUser: true,
    options: { out: { type: 'string' } },
    run: async (c, a) => {
      const out = str(a, 'out', true);
      const format = path.extname(out).slice(1).toLowerCase();
      if (format !== 'xlsx' && format !== 'csv') throw new Error('--out 文件应以 .xlsx 或 .csv 结尾');
      const file = await c.call<{ base64: string }>('providers.export', { format });
      return { 已导出: writeFile(out, file.base64) };
    },
  },
  {
    name: 'providers import',
    summary: '导入服务主体（列同导出文件；按名称新增或更新；有错误行则整个文件不导入）',
    usage: 'weinong providers import 服务主体.xlsx --user qiantai',
    asUser: true,
    run: async (c, a) => {
      const file = a.positionals[0];
      if (!file) throw new Error('请指定文件');
      return c.call('providers.importCommit', { name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') });
    },
  },
];
