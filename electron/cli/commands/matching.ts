import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { waitForJob } from '../jobs';
import { str } from '../command';
import { exportSheet } from '../../core/io/tabular';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { formatFen } from '../../../shared/money';
import { DEAL_STATUS_LABELS } from '../../../shared/contract/matchingFields';

type Proposal = Out<Contract['matching.proposal']>;
type DealList = Out<Contract['deals.list']>;

const upload = (file: string) => ({ name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') });

function save(out: string, file: { name: string; base64: string }): string {
  const target = path.resolve(out || file.name);
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  return target;
}

/** The proposal as a review sheet (xlsx or csv by the file's extension, JSON for .json). */
async function writeProposal(p: Proposal, out: string): Promise<string> {
  const target = path.resolve(out);
  if (target.toLowerCase().endsWith('.json')) {
    fs.writeFileSync(target, JSON.stringify(p, null, 2));
    return target;
  }
  const format = target.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
  const file = await exportSheet(
    {
      name: '撮合方案',
      title: '产销对接撮合方案（待确认）',
      meta: [`可撮合供应 ${p.openSupplies} 条、需求 ${p.openDemands} 条；方案 ${p.pairs.length} 对，用时 ${p.tookMs} 毫秒`],
      columns: [
        { header: '供应编号', key: 'supplyCode' },
        { header: '供方', key: 'seller' },
        { header: '需求编号', key: 'demandCode' },
        { header: '需方', key: 'buyer' },
        { header: '产品', key: 'product' },
        { header: '数量', key: 'quantity' },
        { header: '单位', key: 'unit' },
        { header: '建议价（元）', key: 'price' },
        { header: '价格单位', key: 'priceUnit' },
        { header: '建议交货日期', key: 'deliveryDate' },
        { header: '匹配分', key: 'score' },
      ],
      rows: p.pairs.map((x) => ({
        ...x,
        quantity: x.suggestion.quantity,
        unit: x.suggestion.unit,
        price: x.suggestion.priceFen === null ? '面议' : formatFen(x.suggestion.priceFen),
        priceUnit: x.suggestion.priceUnit,
        deliveryDate: x.suggestion.deliveryDate,
      })),
    },
    format,
    'proposal',
  );
  fs.writeFileSync(target, file.bytes);
  return target;
}

export const matchingCommands: Command[] = [
  {
    name: 'listings export',
    summary: '导出挂牌信息（默认当前有效的，xlsx；--status all 导出全部）',
    usage: 'weinong listings export [--out 文件.xlsx] [--status current|all|open|matched|withdrawn|expired] [--side supply|demand]',
    asUser: true,
    options: { out: { type: 'string' }, status: { type: 'string' }, side: { type: 'string' } },
    run: async (c, a) => {
      const out = str(a, 'out');
      const format = out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx';
      const file = await c.call<{ name: string; base64: string }>('listings.export', { status: str(a, 'status') || 'current', side: str(a, 'side') || undefined, format });
      return { saved: save(out, file) };
    },
  },
  {
    name: 'listings import',
    summary: '导入挂牌信息（xlsx 或 csv，先检查全部行，有错则一行都不导入）；--template 生成模板',
    usage: 'weinong listings import 文件.xlsx | --template 模板.xlsx',
    asUser: true,
    options: { template: { type: 'string' } },
    run: async (c, a) => {
      const template = str(a, 'template');
      if (template) return { saved: save(template, await c.call<{ name: string; base64: string }>('listings.importTemplate')) };
      const file = a.positionals[0];
      if (!file) throw new Error('请指定要导入的文件');
      const preview = await c.call<{ rows: { line: number; error: string }[]; errors: number }>('listings.importPreview', upload(file));
      if (preview.errors > 0) return { imported: 0, errors: preview.rows.filter((r) => r.error).map((r) => `第 ${r.line} 行：${r.error}`) };
      return c.call('listings.importCommit', upload(file));
    },
  },
  {
    name: 'matching propose',
    summary: '为全部挂牌中的供需生成撮合方案（只生成，不成交）；--out 保存为 xlsx/csv/json',
    usage: 'weinong matching propose [--out 方案.xlsx] [--kind produce|input]',
    asUser: true,
    options: { out: { type: 'string' }, kind: { type: 'string' } },
    run: async (c, a) => {
      const { jobId } = await c.call<{ jobId: string }>('matching.propose', { kind: str(a, 'kind') || undefined });
      await waitForJob(c, jobId);
      const p = await c.call<Proposal>('matching.proposal', { jobId });
      const out = str(a, 'out');
      const summary = {
        可撮合供应: p.openSupplies,
        可撮合需求: p.openDemands,
        方案配对: p.pairs.length,
        涉及供应: p.matchedSupplies,
        涉及需求: p.matchedDemands,
        用时毫秒: p.tookMs,
      };
      if (out) return { ...summary, saved: await writeProposal(p, out) };
      return { ...summary, 前20对: p.pairs.slice(0, 20).map((x) => `${x.supplyCode} ${x.seller} → ${x.demandCode} ${x.buyer}：${x.product} ${x.suggestion.quantity}${x.suggestion.unit}（${x.score} 分）`) };
    },
  },
  {
    name: 'deals list',
    summary: '列出成交（最新在前）',
    usage: 'weinong deals list [--status open|completed|cancelled|all] [--limit 50] [--q 关键词]',
    asUser: true,
    options: { status: { type: 'string' }, limit: { type: 'string' }, q: { type: 'string' } },
    run: async (c, a) => {
      const r = await c.call<DealList>('deals.list', { status: str(a, 'status') || 'all', limit: Number(str(a, 'limit') || 50), q: str(a, 'q') });
      return r.rows.map((d) => ({
        编号: d.code,
        签约: d.signedOn,
        供方: d.seller,
        需方: d.buyer,
        产品: d.product,
        数量: `${d.quantity} ${d.unit}`,
        已交货: `${d.delivered} ${d.unit}`,
        金额: formatFen(d.valueFen),
        状态: DEAL_STATUS_LABELS[d.status],
      }));
    },
  },
];
