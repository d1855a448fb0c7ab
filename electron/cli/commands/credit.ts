import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';
import { formatFen } from '../../../shared/money';
import { formatRate, formatScore, formatWan, PRODUCT_KIND_LABELS } from '../../../shared/credit';

type Rating = Out<Contract['credit.rate']>;
import { waitForJob } from '../jobs';

function positiveId(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${option} 应为编号（正整数）`);
  return n;
}

const ratingRow = (r: Rating) => ({
  会员: r.name,
  类别: r.kindLabel,
  评级日: r.asOf,
  模型版本: r.modelVersion,
  得分: formatScore(r.scoreX100),
  等级: r.grade,
  状态: r.status === 'approved' ? `已审批（${r.approvedBy}）` : '待审批',
  明细: r.lines.map((l) => `${l.label} ${l.applicable ? `${l.value ?? '无数据'}${l.unit}→${(l.pointsX100 / 100).toFixed(2)}/${l.weight}` : '不适用'}`).join('；'),
});

export const creditCommands: Command[] = [
  {
    name: 'credit rate',
    summary: '为一个主体（--org）或农户（--household）计算信用评级；--approve 同时以本人名义审批',
    usage: 'weinong credit rate --org 12 [--approve] --user fuzeren',
    asUser: true,
    options: { org: { type: 'string' }, household: { type: 'string' }, approve: { type: 'boolean' } },
    run: async (c, a) => {
      const org = str(a, 'org');
      const household = str(a, 'household');
      if (!org === !household) throw new Error('请指定 --org 或 --household 之一');
      const r = await c.call<Rating>('credit.rate', { kind: org ? 'org' : 'household', id: positiveId(org || household, org ? 'org' : 'household'), approve: a.values.approve === true });
      return ratingRow(r);
    },
  },
  {
    name: 'credit rate-all',
    summary: '批量评级：在册的生产经营类主体（合作社、家庭农场、涉农企业、村集体经济组织），或 --households 在册农户；--township 只评一个乡镇；--approve 同时审批；--out 保存结果表',
    usage: 'weinong credit rate-all [--households] [--township 江口镇] [--approve] [--out 评级结果.xlsx] --user fuzeren',
    asUser: true,
    options: { approve: { type: 'boolean' }, households: { type: 'boolean' }, township: { type: 'string' }, out: { type: 'string' } },
    run: async (c, a) => {
      const townName = str(a, 'township');
      let townshipId: number | null = null;
      if (townName) {
        const towns = await c.call<{ id: number; name: string }[]>('geo.list');
        const found = towns.find((x) => x.name === townName);
        if (!found) throw new Error(`没有名为“${townName}”的乡镇（街道）`);
        townshipId = found.id;
      }
      const { jobId } = await c.call<{ jobId: string }>('credit.rateAll', { approve: a.values.approve === true, who: a.values.households === true ? 'households' : 'orgs', townshipId });
      const s = await waitForJob(c, jobId);
      const result: Record<string, unknown> = { 评级: s.done, 说明: s.message };
      const out = str(a, 'out');
      if (out) {
        const f = await c.call<{ base64: string }>('jobs.download', { id: jobId });
        fs.writeFileSync(path.resolve(out), Buffer.from(f.base64, 'base64'));
        result['文件'] = path.resolve(out);
      }
      return result;
    },
  },
  {
    name: 'credit products',
    summary: '列出合作银行的贷款产品（额度、期限、利率、申请条件）',
    asUser: true,
    options: { active: { type: 'boolean' } },
    run: async (c, a) => {
      const list = await c.call<Out<Contract['credit.products.list']>>('credit.products.list', { activeOnly: a.values.active === true });
      return list.map((p) => ({
        产品: p.example ? `${p.name}（示例）` : p.name,
        银行: p.bank,
        方式: PRODUCT_KIND_LABELS[p.kind],
        额度: `${formatWan(p.minFen)}–${formatWan(p.maxFen)}`,
        期限: `${p.termMinMonths}–${p.termMaxMonths} 个月`,
        年利率: `${formatRate(p.rateMinBp)}–${formatRate(p.rateMaxBp)}`,
        申请对象: p.applicantKinds.join('、'),
        最低等级: p.minGrade || '不限',
        产业: p.industries.join('、') || '不限',
        状态: p.active ? '在办' : '停办',
      }));
    },
  },
  {
    name: 'credit figures',
    summary: '某年的金融代办统计（受理、批准、放款，按银行、产品、产业、乡镇）；--out 导出 xlsx',
    usage: 'weinong credit figures --year 2026 [--out 信用服务统计.xlsx] --user fuzeren',
    asUser: true,
    options: { year: { type: 'string' }, out: { type: 'string' } },
    run: async (c, a) => {
      const year = Number(str(a, 'year', true));
      if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error('--year 应为四位年份');
      const out = str(a, 'out');
      if (out) {
        const f = await c.call<{ base64: string }>('credit.figures.export', { year });
        fs.writeFileSync(path.resolve(out), Buffer.from(f.base64, 'base64'));
        return { 文件: path.resolve(out) };
      }
      const f = await c.call<Out<Contract['credit.figures']>>('credit.figures', { year });
      return [
        { 项目: '受理申请', 数值: `${f.totals.applications} 件` },
        { 项目: '银行批准', 数值: `${f.totals.approvals} 件，${formatFen(f.totals.grantedFen)} 元` },
        { 项目: '放款', 数值: `${f.totals.disbursements} 笔，${formatFen(f.totals.disbursedFen)} 元` },
        ...f.byBank.map((b) => ({ 项目: `其中 ${b.key}`, 数值: `放款 ${b.disbursements} 笔，${formatFen(b.disbursedFen)} 元` })),
        { 项目: '指标 8', 数值: f.indicator.how },
      ];
    },
  },
];
