import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { PERIOD_KIND_LABELS, REPORT_FORMATS, type ReportFormat } from '../../../shared/reports';
import { waitForJob } from '../jobs';

type Catalog = Out<Contract['reports.catalog']>;
type History = Out<Contract['reports.history']>;
type File = { name: string; base64: string };

function formatOf(out: string, given: string): ReportFormat {
  const ext = path.extname(out).slice(1).toLowerCase();
  const format = (given || (ext === 'zip' ? '' : ext) || 'xlsx') as ReportFormat;
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`--format 应为 ${REPORT_FORMATS.join('、')} 之一`);
  return format;
}

export const reportsCommands: Command[] = [
  {
    name: 'reports list',
    summary: '列出本用户可导出的报表（键、名称、报告期类型、范围）',
    asUser: true,
    run: async (c) => {
      const cat = await c.call<Catalog>('reports.catalog');
      return cat.reports.map((r) => ({
        键: r.key,
        报表: r.title,
        来源: r.capability,
        报告期: r.periods.map((k) => PERIOD_KIND_LABELS[k]).join('/'),
        范围: r.scopes.length ? `${r.scopes.length} 项（--scope）` : '',
        批量: r.batch ? `每个${r.batch}一份` : '',
      }));
    },
  },
  {
    name: 'reports export',
    summary: '导出报表并记入上报记录（--period 2026-11 月 / 2026-Q4 季 / 2026 年；批量报表显示进度）',
    usage:
      'weinong reports export annex1 --period 2026-11 --out 附件1.xlsx [--format xlsx|pdf|csv] [--scope 范围值或名称] [--unit 填报单位] [--preparer 制表人] [--reviewer 审核人] [--date 制表日期]',
    asUser: true,
    options: {
      period: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      scope: { type: 'string' },
      unit: { type: 'string' },
      preparer: { type: 'string' },
      reviewer: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (c, a) => {
      const key = a.positionals[0];
      if (!key) throw new Error('请给出报表的键，如 weinong reports export annex1 …（reports list 可列出）');
      const cat = await c.call<Catalog>('reports.catalog');
      const report = cat.reports.find((r) => r.key === key);
      if (!report) throw new Error(`没有“${key}”这张报表，或您的角色不能导出它（reports list 可列出）`);
      const out = str(a, 'out', true);
      const format = formatOf(out, str(a, 'format'));
      const scopeArg = str(a, 'scope');
      const scope = scopeArg ? report.scopes.find((s) => s.value === scopeArg || s.label === scopeArg)?.value : '';
      if (scope === undefined) throw new Error(`--scope “${scopeArg}”不是这张报表的范围`);
      const params = {
        period: str(a, 'period', true),
        scope,
        unit: str(a, 'unit') || cat.prefs.unit,
        preparer: str(a, 'preparer') || cat.prefs.preparer,
        reviewer: str(a, 'reviewer') || cat.prefs.reviewer,
        preparedOn: str(a, 'date') || cat.today,
      };
      const batchFile = async () => {
        const { jobId } = await c.call<{ jobId: string }>('reports.exportBatch', { key, params, format });
        await waitForJob(c, jobId);
        return c.call<File>('jobs.download', { id: jobId });
      };
      const file = report.batch ? await batchFile() : await c.call<File & { sha256: string }>('reports.export', { key, params, format });
      const target = path.resolve(out);
      fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
      return { 文件: target, 原文件名: file.name, 字节: fs.statSync(target).size };
    },
  },
  {
    name: 'reports history',
    summary: '列出上报记录（谁、何时、哪张报表、参数、文件名和 SHA-256）',
    usage: 'weinong reports history [--key annex1] [--limit 50]',
    asUser: true,
    options: { key: { type: 'string' }, limit: { type: 'string' } },
    run: async (c, a) => {
      const h = await c.call<History>('reports.history', { key: str(a, 'key'), limit: Number(str(a, 'limit') || 50) });
      return h.rows.map((r) => ({
        编号: r.id,
        时间: r.createdAt.replace('T', ' ').slice(0, 19),
        报表: r.title,
        报告期: r.periodLabel,
        文件: r.fileName,
        导出人: r.userName,
        SHA256: r.sha256,
      }));
    },
  },
  {
    name: 'reports verify',
    summary: '按上报时的参数重新生成，核对内容是否与上报文件一致',
    usage: 'weinong reports verify --id 12',
    asUser: true,
    options: { id: { type: 'string' } },
    run: async (c, a) => {
      const { jobId } = await c.call<Out<Contract['reports.regenerate']>>('reports.regenerate', { id: Number(str(a, 'id', true)) });
      await waitForJob(c, jobId);
      const r = await c.call<Out<Contract['reports.regenerated']>>('reports.regenerated', { jobId });
      return r.matches ? { 结果: '一致', 内容校验值: r.contentSha256 } : { 结果: `不一致（${r.total} 处）`, 差异: r.differences.slice(0, 20).map((d) => `${d.where}：${d.was} → ${d.now}`) };
    },
  },
];
