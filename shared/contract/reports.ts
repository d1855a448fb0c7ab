import { z, text, optText, int, id, date } from '../zod';
import { defineMethods } from './define';
import { empty, fileDownload } from './common';
import { jobStarted } from './admin';
import { PERIOD_KINDS, REPORT_FORMATS } from '../reports';

export const reportParams = z.object({
  period: text('报告期', 10),
  scope: optText('范围', 40),
  unit: text('填报单位', 100),
  preparer: optText('制表人', 30),
  reviewer: optText('审核人', 30),
  preparedOn: date('制表日期'),
});

const format = z.enum(REPORT_FORMATS, { error: '导出格式应为 xlsx、pdf 或 csv' });
const reportKey = text('报表', 40);

const contentSheet = z.object({
  name: z.string(),
  title: z.string(),
  meta: z.array(z.string()),
  header: z.array(z.object({ r: z.number(), c: z.number(), rs: z.number(), cs: z.number(), text: z.string() })),
  numeric: z.array(z.boolean()),
  rows: z.array(z.array(z.string())),
  merges: z.array(z.object({ row: z.number(), col: z.number(), rowSpan: z.number().optional(), colSpan: z.number().optional() })),
  strong: z.array(z.number()),
  footer: z.array(z.string()),
});

const historyRow = z.object({
  id: z.number(),
  reportKey: z.string(),
  title: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  params: reportParams,
  format,
  fileName: z.string(),
  size: z.number(),
  sha256: z.string(),
  contentSha256: z.string(),
  basis: z.string(),
  parts: z.number(),
  userName: z.string(),
  createdAt: z.string(),
});

export const reportsContract = defineMethods({
  'reports.catalog': {
    title: '查看可导出的报表',
    input: empty,
    output: z.object({
      today: z.string(),
      prefs: z.object({ unit: z.string(), preparer: z.string(), reviewer: z.string() }),
      reports: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          capability: z.string(),
          periods: z.array(z.enum(PERIOD_KINDS)),
          scopes: z.array(z.object({ value: z.string(), label: z.string() })),
          batch: z.string().nullable(),
          /** Periods to offer first, by kind, where the last finished one would have no data. */
          suggested: z.record(z.string(), z.string()),
        }),
      ),
    }),
  },
  'reports.preview': {
    title: '预览报表',
    input: z.object({ key: reportKey, params: reportParams }),
    output: z.object({
      title: z.string(),
      basis: z.string(),
      fileBase: z.string(),
      partLabel: z.string().nullable(),
      parts: z.array(z.string()),
      shown: z.string(),
      sheets: z.array(contentSheet),
      contentSha256: z.string().nullable(),
    }),
  },
  'reports.export': {
    title: '导出报表',
    input: z.object({ key: reportKey, params: reportParams, format }),
    output: fileDownload.extend({ id: z.number(), sha256: z.string(), contentSha256: z.string() }),
  },
  'reports.exportBatch': {
    title: '批量导出报表',
    input: z.object({ key: reportKey, params: reportParams, format }),
    output: jobStarted,
  },
  'reports.history': {
    title: '查看上报记录',
    input: z.object({ key: optText('报表', 40), offset: int('起始行').default(0), limit: int('每页行数', 1, 500).default(50) }),
    output: z.object({ total: z.number(), rows: z.array(historyRow) }),
  },
  'reports.download': { title: '下载已上报的文件', input: z.object({ id: id('上报记录') }), output: fileDownload },
  'reports.regenerate': {
    title: '重新生成并核对报表',
    input: z.object({ id: id('上报记录') }),
    output: jobStarted,
  },
  'reports.regenerated': {
    title: '查看核对结果',
    input: z.object({ jobId: text('任务', 32) }),
    output: z.object({
      id: z.number(),
      matches: z.boolean(),
      contentSha256: z.string(),
      regeneratedSha256: z.string(),
      basis: z.string(),
      regeneratedBasis: z.string(),
      differences: z.array(z.object({ where: z.string(), was: z.string(), now: z.string() })),
      total: z.number(),
    }),
  },
});
