import fs from 'node:fs';
import path from 'node:path';
import type { Command, CommandArgs } from '../command';
import { str } from '../command';
import type { CliClient } from '../io';
import { parseYuan } from '../../../shared/money';
import { nextPeriod } from '../../core/ledger/dates';

interface WorkloadRow {
  coopId: number;
  coopName: string;
  bookId: number | null;
}

/** --book takes the book's number or the cooperative's name (as listed by `ledger books`). */
async function bookOf(c: CliClient, a: CommandArgs): Promise<number> {
  const v = str(a, 'book', true);
  if (/^\d+$/.test(v)) return Number(v);
  const { rows } = await c.call<{ rows: WorkloadRow[] }>('ledger.workload');
  const hits = rows.filter((r) => r.bookId !== null && r.coopName.includes(v));
  if (hits.length !== 1) throw new Error(hits.length ? `“${v}”匹配到多个账套：${hits.map((h) => `${h.bookId} ${h.coopName}`).join('；')}` : `没有名称含“${v}”的账套（用 ledger books 查看）`);
  return hits[0]!.bookId!;
}

function upload(file: string | undefined): { name: string; base64: string } {
  if (!file) throw new Error('请指定文件');
  return { name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') };
}

const REPORTS = ['trial', 'general', 'detail', 'journal', 'balance-sheet', 'surplus', 'equity', 'member-account', 'members', 'consolidated'] as const;
type ReportName = (typeof REPORTS)[number];

async function reportRequest(c: CliClient, name: ReportName, a: CommandArgs): Promise<{ method: string; request: Record<string, unknown> }> {
  const year = () => Number(str(a, 'year', true));
  const range = () => {
    const from = str(a, 'from') || str(a, 'period', true);
    return { from, to: str(a, 'to') || from };
  };
  switch (name) {
    case 'consolidated':
      return { method: 'ledger.reports.consolidated', request: { report: 'consolidated', year: year() } };
    case 'trial':
      return { method: 'ledger.reports.trial', request: { report: 'trial', bookId: await bookOf(c, a), ...range(), level: Number(str(a, 'level') || 0), members: a.values.members === true } };
    case 'journal':
      return { method: 'ledger.reports.journal', request: { report: 'journal', bookId: await bookOf(c, a), ...range() } };
    case 'balance-sheet':
      return { method: 'ledger.reports.balanceSheet', request: { report: 'balanceSheet', bookId: await bookOf(c, a), period: str(a, 'period', true) } };
    case 'surplus':
    case 'equity':
      return { method: `ledger.reports.${name}`, request: { report: name, bookId: await bookOf(c, a), year: year() } };
    case 'members':
      return { method: 'ledger.reports.memberSummary', request: { report: 'memberSummary', bookId: await bookOf(c, a), year: year() } };
    case 'member-account':
      return { method: 'ledger.reports.memberAccount', request: { report: 'memberAccount', bookId: await bookOf(c, a), memberId: Number(str(a, 'member', true)), year: year() } };
    case 'general':
    case 'detail': {
      const bookId = await bookOf(c, a);
      const code = str(a, 'account', name === 'detail');
      let accountId = 0;
      if (code) {
        const accounts = await c.call<{ id: number; code: string }[]>('ledger.accounts.list', { bookId });
        accountId = accounts.find((x) => x.code === code)?.id ?? 0;
        if (!accountId) throw new Error(`科目编码 ${code} 不存在`);
      }
      return name === 'general'
        ? { method: 'ledger.reports.general', request: { report: 'general', bookId, year: year(), accountId } }
        : { method: 'ledger.reports.detail', request: { report: 'detail', bookId, accountId, memberId: Number(str(a, 'member') || 0), ...range() } };
    }
  }
}

const bookOpt = { book: { type: 'string' as const } };

export const ledgerCommands: Command[] = [
  {
    name: 'ledger books',
    summary: '列出合作社及其账套（账套号、待审核、未记账、已结账至、逾期未结账）',
    asUser: true,
    run: async (c) => {
      const w = await c.call<{ rows: (WorkloadRow & { drafts: number; reviewed: number; lastClosed: string | null; overdue: number; bookStatus: string })[] }>('ledger.workload');
      return w.rows.map((r) => ({ 账套: r.bookId ?? '', 合作社: r.coopName, 状态: r.bookStatus, 待审核: r.drafts, 未记账: r.reviewed, 已结账至: r.lastClosed ?? '', 逾期: r.overdue }));
    },
  },
  {
    name: 'ledger books create',
    summary: '为合作社建账（预置 2021 年制度会计科目）',
    usage: 'weinong ledger books create --coop <合作社编号> --start 2024-01 [--kinds split] --user kuaiji',
    asUser: true,
    options: { coop: { type: 'string' }, start: { type: 'string' }, kinds: { type: 'string' } },
    run: (c, a) => c.call('ledger.books.create', { coopId: Number(str(a, 'coop', true)), startPeriod: str(a, 'start', true), voucherKinds: str(a, 'kinds') === 'split' ? 'split' : 'general' }),
  },
  {
    name: 'ledger opening import',
    summary: '导入期初余额（列：科目编码、科目名称、期初借方、期初贷方、成员），替换现有期初余额',
    usage: 'weinong ledger opening import 期初.xlsx --book 1 [--map2007] --user kuaiji',
    asUser: true,
    options: { ...bookOpt, map2007: { type: 'boolean' } },
    run: async (c, a) => {
      const r = await c.call<{ debitFen: number; creditFen: number; rows: unknown[] }>('ledger.opening.importCommit', { ...upload(a.positionals[0]), bookId: await bookOf(c, a), map2007: a.values.map2007 === true });
      return { 行数: r.rows.length, 借方合计: r.debitFen / 100, 贷方合计: r.creditFen / 100, 平衡: r.debitFen === r.creditFen };
    },
  },
  {
    name: 'ledger opening activate',
    summary: '试算期初余额并启用账套',
    asUser: true,
    options: bookOpt,
    run: async (c, a) => c.call('ledger.opening.activate', { bookId: await bookOf(c, a) }),
  },
  {
    name: 'ledger vouchers import',
    summary: '导入凭证（列：日期、凭证字、凭证号、摘要、科目编码、科目名称、借方金额、贷方金额、成员），全部无误才导入，导入为草稿',
    usage: 'weinong ledger vouchers import 凭证.xlsx --book 1 [--map2007] [--preview] --user kuaiji',
    asUser: true,
    options: { ...bookOpt, map2007: { type: 'boolean' }, preview: { type: 'boolean' } },
    run: async (c, a) => {
      const input = { ...upload(a.positionals[0]), bookId: await bookOf(c, a), map2007: a.values.map2007 === true };
      if (a.values.preview !== true) return c.call('ledger.vouchers.importCommit', input);
      const p = await c.call<{ rows: { line: number; error: string }[]; errors: number; vouchers: number; totalRows: number }>('ledger.vouchers.importPreview', input);
      return { 行数: p.totalRows, 凭证: p.vouchers, 错误: p.errors, 错误行: p.rows.filter((r) => r.error).map((r) => `第 ${r.line} 行：${r.error}`) };
    },
  },
  {
    name: 'ledger vouchers review',
    summary: '审核他人制单的全部草稿凭证（可用 --through 限定截止期间）；审核人不能是制单人',
    usage: 'weinong ledger vouchers review --book 1 [--through 2024-12] --user kuaiji2',
    asUser: true,
    options: { ...bookOpt, through: { type: 'string' } },
    run: async (c, a) => c.call('ledger.vouchers.reviewAll', { bookId: await bookOf(c, a), period: str(a, 'through') }),
  },
  {
    name: 'ledger vouchers post',
    summary: '对已审核的凭证记账（可用 --through 限定截止期间）',
    asUser: true,
    options: { ...bookOpt, through: { type: 'string' } },
    run: async (c, a) => c.call('ledger.vouchers.postAll', { bookId: await bookOf(c, a), period: str(a, 'through') }),
  },
  {
    name: 'ledger vouchers print',
    summary: '打印凭证为 PDF（--size A4 或 half：240×140 毫米凭证纸）',
    usage: 'weinong ledger vouchers print --ids 12,13 --size half --out 凭证.pdf --user kuaiji',
    asUser: true,
    options: { ids: { type: 'string' }, size: { type: 'string' }, out: { type: 'string' } },
    run: async (c, a) => {
      const f = await c.call<{ name: string; base64: string }>('ledger.vouchers.print', { ids: str(a, 'ids', true).split(',').map(Number), size: str(a, 'size') === 'half' ? 'half' : 'A4' });
      const out = path.resolve(str(a, 'out') || f.name);
      fs.writeFileSync(out, Buffer.from(f.base64, 'base64'));
      return { 文件: out };
    },
  },
  {
    name: 'ledger periods close',
    summary: '期末结账：--period 结一个月，或 --through 依次结账至该月（12 月结账即年末结转并开启下一年度）',
    usage: 'weinong ledger periods close --book 1 --through 2024-12 --user kuaiji',
    asUser: true,
    options: { ...bookOpt, period: { type: 'string' }, through: { type: 'string' } },
    run: async (c, a) => {
      const bookId = await bookOf(c, a);
      const through = str(a, 'through');
      if (!through) return c.call('ledger.periods.close', { bookId, period: str(a, 'period', true) });
      const book = await c.call<{ firstOpen: string | null }>('ledger.books.get', { bookId });
      const closed: string[] = [];
      for (let p = book.firstOpen; p && p <= through; p = nextPeriod(p)) {
        await c.call('ledger.periods.close', { bookId, period: p });
        closed.push(p);
      }
      return { 已结账: closed };
    },
  },
  {
    name: 'ledger periods reopen',
    summary: '反结账（仅管理员，记入审计日志）',
    asUser: true,
    options: { ...bookOpt, period: { type: 'string' }, reason: { type: 'string' } },
    run: async (c, a) => c.call('ledger.periods.reopen', { bookId: await bookOf(c, a), period: str(a, 'period', true), reason: str(a, 'reason', true) }),
  },
  {
    name: 'ledger distribute',
    summary: '盈余分配：默认只试算并列出各成员分配额，加 --commit 生成并记账分配凭证',
    usage: 'weinong ledger distribute --book 1 --year 2024 --date 2024-12-31 --share 60 --basis amount [--product 柑橘] [--reserve 885.00] [--loss 0] [--commit] --user kuaiji',
    asUser: true,
    options: { ...bookOpt, year: { type: 'string' }, date: { type: 'string' }, share: { type: 'string' }, basis: { type: 'string' }, product: { type: 'string' }, reserve: { type: 'string' }, loss: { type: 'string' }, commit: { type: 'boolean' } },
    run: async (c, a) => {
      const fen = (name: string) => {
        const v = str(a, name);
        const f = v ? parseYuan(v) : 0;
        if (f === null) throw new Error(`--${name} 不是有效金额`);
        return f;
      };
      const input = {
        bookId: await bookOf(c, a),
        year: Number(str(a, 'year', true)),
        date: str(a, 'date', true),
        basis: str(a, 'basis') === 'volume' ? 'volume' : 'amount',
        product: str(a, 'product'),
        shareBp: Math.round(Number(str(a, 'share') || 60) * 100),
        reserveFen: fen('reserve'),
        lossCoverFen: fen('loss'),
      };
      type Plan = { distributableFen: number; patronageFen: number; remainderFen: number; members: { name: string; patronageFen: number; remainderFen: number; totalFen: number }[] };
      const plan = a.values.commit === true ? (await c.call<{ plan: Plan }>('ledger.distribution.commit', input)).plan : await c.call<Plan>('ledger.distribution.preview', input);
      return plan.members.map((m) => ({ 成员: m.name, 盈余返还: m.patronageFen / 100, 剩余盈余分配: m.remainderFen / 100, 合计: m.totalFen / 100 }));
    },
  },
  {
    name: 'ledger report',
    summary: `打印账表：${REPORTS.join(' / ')}；--format csv|json|xlsx（csv、xlsx 写入 --out 文件）`,
    usage: 'weinong ledger report balance-sheet --book 1 --period 2024-12 --format xlsx --out 资产负债表.xlsx --user fuzeren',
    asUser: true,
    options: {
      ...bookOpt,
      format: { type: 'string' },
      out: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string' },
      year: { type: 'string' },
      account: { type: 'string' },
      member: { type: 'string' },
      level: { type: 'string' },
      members: { type: 'boolean' },
    },
    run: async (c, a) => {
      const name = a.positionals[0] as ReportName | undefined;
      if (!name || !REPORTS.includes(name)) throw new Error(`请指定账表：${REPORTS.join('、')}`);
      const format = str(a, 'format') || 'json';
      if (!['json', 'csv', 'xlsx', 'pdf'].includes(format)) throw new Error('--format 应为 csv、json、xlsx 或 pdf');
      const { method, request } = await reportRequest(c, name, a);
      if (format === 'json') {
        const { report: _report, ...params } = request;
        const data = await c.call(method, params);
        const out = str(a, 'out');
        if (!out) return data;
        fs.writeFileSync(path.resolve(out), `${JSON.stringify(data, null, 2)}\n`);
        return { 文件: path.resolve(out) };
      }
      const f = await c.call<{ name: string; base64: string }>('ledger.reports.export', { request, format });
      const out = path.resolve(str(a, 'out') || f.name);
      fs.writeFileSync(out, Buffer.from(f.base64, 'base64'));
      return { 文件: out };
    },
  },
];
