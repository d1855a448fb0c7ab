import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';

const KINDS: Record<string, 'households' | 'orgs' | 'coopMembers'> = { households: 'households', orgs: 'orgs', 'coop-members': 'coopMembers', 农户: 'households', 主体: 'orgs' };

function kindOf(word: string | undefined): 'households' | 'orgs' | 'coopMembers' {
  const k = word ? KINDS[word] : undefined;
  if (!k) throw new Error('请指定类型：households（农户）、orgs（主体）或 coop-members（合作社成员）');
  return k;
}

interface Preview {
  rows: { line: number; error: string; values: string[] }[];
  errors: number;
  newIndustries: string[];
  encoding: string;
}

export const membersCommands: Command[] = [
  {
    name: 'members import',
    summary: '导入会员档案（xlsx 或 csv，UTF-8/GB18030）：有任何一行错误则全部不导入并列出错误',
    usage: 'weinong members import households|orgs|coop-members FILE --user NAME',
    asUser: true,
    run: async (c, a) => {
      const kind = kindOf(a.positionals[0]);
      const file = a.positionals[1];
      if (!file) throw new Error('请指定要导入的文件');
      const upload = { kind, name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') };
      const preview = await c.call<Preview>('members.importPreview', upload);
      if (preview.errors > 0) {
        const bad = preview.rows.filter((r) => r.error);
        const lines = bad.slice(0, 50).map((r) => `  第 ${r.line} 行：${r.error}`);
        if (bad.length > 50) lines.push(`  ……另有 ${bad.length - 50} 行错误`);
        throw new Error(`共 ${preview.rows.length} 行，其中 ${preview.errors} 行有错误，未导入任何数据：\n${lines.join('\n')}`);
      }
      const r = await c.call<{ imported: number }>('members.importCommit', upload);
      return { 文件: upload.name, 编码: preview.encoding, 导入行数: r.imported, 新增产业: preview.newIndustries.join('、') || '无' };
    },
  },
  {
    name: 'members export',
    summary: '导出名录（身份证号、电话按该用户的权限隐去部分数字；导出记入审计日志）',
    usage: 'weinong members export households|orgs|coop-members --out FILE [--format xlsx|csv] [--q 搜索] [--township 乡镇] [--coop 合作社编号]',
    asUser: true,
    options: { out: { type: 'string' }, format: { type: 'string' }, q: { type: 'string' }, township: { type: 'string' }, coop: { type: 'string' } },
    run: async (c, a) => {
      const kind = kindOf(a.positionals[0]);
      const out = str(a, 'out', true);
      const format = (str(a, 'format') || (out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx')) as 'xlsx' | 'csv';
      if (format !== 'xlsx' && format !== 'csv') throw new Error('--format 只能是 xlsx 或 csv');
      let townshipId: number | null = null;
      const township = str(a, 'township');
      if (township) {
        const geo = await c.call<{ id: number; name: string }[]>('geo.list');
        townshipId = geo.find((t) => t.name === township)?.id ?? null;
        if (townshipId === null) throw new Error(`没有名为“${township}”的乡镇`);
      }
      const filter = { q: str(a, 'q'), townshipId };
      const input = kind === 'coopMembers' ? { kind, format, coopId: Number(str(a, 'coop', true)) } : { kind, format, filter };
      const file = await c.call<{ name: string; base64: string }>('members.export', input);
      const target = path.resolve(out);
      fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
      return { 文件: target, 字节: fs.statSync(target).size };
    },
  },
  {
    name: 'members template',
    summary: '下载导入模板（xlsx）',
    usage: 'weinong members template households|orgs|coop-members --out FILE',
    asUser: true,
    options: { out: { type: 'string' } },
    run: async (c, a) => {
      const kind = kindOf(a.positionals[0]);
      const file = await c.call<{ name: string; base64: string }>('members.importTemplate', { kind });
      const target = path.resolve(str(a, 'out') || file.name);
      fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
      return { 文件: target };
    },
  },
  {
    name: 'members search',
    summary: '查找农户和主体：姓名或其一部分、拼音首字母（zs）、全拼、电话或尾号、身份证号尾号、信用代码',
    usage: 'weinong members search TEXT [--limit 20]',
    asUser: true,
    options: { limit: { type: 'string' } },
    run: async (c, a) => {
      const q = a.positionals.join(' ');
      if (!q) throw new Error('请输入要查找的内容');
      const hits = await c.call<{ kindLabel: string; id: number; name: string; township: string; village: string; phone: string; idNumber: string; creditCode: string; figures: string }[]>('members.search', {
        q,
        limit: Number(str(a, 'limit') || 20),
      });
      return hits.map((h) => ({ 类型: h.kindLabel, 编号: h.id, 名称: h.name, 地点: h.township + h.village, 电话: h.phone, 证件: h.idNumber || h.creditCode, 概况: h.figures }));
    },
  },
  { name: 'members reindex', summary: '重建会员搜索索引（数据被绕过程序写入后使用）', asUser: true, run: (c) => c.call('members.reindex') },
];
