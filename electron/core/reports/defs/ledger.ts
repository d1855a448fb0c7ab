import type { ReportDef, BuildContext } from '../registry';
import type { Store } from '../../db/store';
import type { SheetSpec } from '../../io/sheet';
import { listCoopBooks } from '../../ledger/books';
import { bookYears, findBook, lastClosedPeriod, type Book } from '../../ledger/books-read';
import { listPeriods } from '../../ledger/periods';
import { listCoopMembers } from '../../ledger/members';
import { balanceSheet, surplusStatement } from '../../ledger/reports/statements';
import { reportSheet } from '../../ledger/reports/sheets';
import { reportPeriodLabel } from '../../../../shared/reports';

const BOOKKEEPING = ['admin', 'manager', 'bookkeeper'] as const;
/** 资产总计 on the balance sheet; 经营收入 and 本年盈余 on the surplus statement (chart2021.ts). */
const LINE = { totalAssets: 22, income: 1, surplus: 12 } as const;

/** The month a balance sheet is read at: the period's last month, or the running month. */
const endMonth = (ctx: BuildContext) => (ctx.range.lastMonth < ctx.today.slice(0, 7) ? ctx.range.lastMonth : ctx.today.slice(0, 7));

function booksInScope(store: Store): Book[] {
  return listCoopBooks(store)
    .filter((c) => c.bookId !== null)
    .map((c) => findBook(store, c.bookId!)!)
    .filter((b) => b !== undefined);
}

function membersAt(store: Store, coopId: number, day: string): number {
  return listCoopMembers(store, coopId).filter((m) => m.joinedOn <= day && (m.leftOn === '' || m.leftOn > day)).length;
}

const SUMMARY_TITLE = '统一代账服务情况统计表';

/**
 * What the centre's bookkeeping did in a period: cooperatives served, vouchers, periods closed and overdue,
 * and the cooperatives' key figures side by side with their total. Everything is read through the ledger's
 * own functions (period list, balance sheet, surplus statement, member list). The surplus statement is
 * yearly, so income and surplus appear in the annual report only.
 */
export const ledgerSummary: ReportDef = {
  key: 'ledger',
  title: SUMMARY_TITLE,
  capability: '统一代账',
  roles: BOOKKEEPING,
  periods: ['month', 'quarter', 'year'],
  build(store, ctx) {
    const books = booksInScope(store);
    const last = endMonth(ctx);
    const annual = ctx.range.kind === 'year';
    const service = books.map((b) => {
      const months = listPeriods(store, b.id, ctx.range.year).filter((p) => p.period >= ctx.range.firstMonth && p.period <= last);
      return {
        coop: b.coopName,
        status: b.status === 'active' ? '已启用' : '建账中',
        start: reportPeriodLabel(b.startPeriod),
        posted: months.reduce((s, p) => s + p.posted, 0),
        unposted: months.reduce((s, p) => s + p.drafts + p.reviewed, 0),
        // The running month cannot be closed yet; finished months are due.
        due: months.filter((p) => p.period < ctx.today.slice(0, 7)).length,
        closed: months.filter((p) => p.status === 'closed').length,
        overdue: months.filter((p) => p.overdue).length,
        lastClosed: reportPeriodLabel(lastClosedPeriod(store, b.id) ?? ''),
      };
    });
    const figures = books
      .filter((b) => b.status === 'active' && b.startPeriod <= last)
      .map((b) => {
        const bs = balanceSheet(store, { bookId: b.id, period: last });
        const ss = annual && bookYears(store, b.id).includes(ctx.range.year) ? surplusStatement(store, { bookId: b.id, year: ctx.range.year }) : null;
        const line = (lines: { line: number; currentFen?: number; endFen?: number }[], n: number) => lines.find((l) => l.line === n);
        return {
          coop: b.coopName,
          assets: line(bs.lines, LINE.totalAssets)?.endFen ?? 0,
          income: ss ? (line(ss.lines, LINE.income)?.currentFen ?? 0) : null,
          surplus: ss ? (line(ss.lines, LINE.surplus)?.currentFen ?? 0) : null,
          members: membersAt(store, b.coopId, ctx.asOf),
        };
      });
    const sum = <K extends 'posted' | 'unposted' | 'due' | 'closed' | 'overdue'>(k: K) => service.reduce((s, r) => s + r[k], 0);
    const sumOf = (k: 'assets' | 'income' | 'surplus' | 'members') => figures.reduce((s, r) => s + (r[k] ?? 0), 0);
    const through = `截至${reportPeriodLabel(last)}`;
    const sheets: SheetSpec[] = [
      {
        name: '服务概况',
        title: `${SUMMARY_TITLE}（服务概况）`,
        columns: [
          { header: '项目', key: 'item', width: 30 },
          { header: '数量', key: 'n', kind: 'int', width: 12 },
        ],
        rows: [
          { item: '代账合作社（已建账套）', n: books.length },
          { item: '其中：账套已启用', n: books.filter((b) => b.status === 'active').length },
          { item: '报告期已记账凭证', n: sum('posted') },
          { item: '报告期未记账凭证（待审核、待记账）', n: sum('unposted') },
          { item: '报告期应结账期间', n: sum('due') },
          { item: '报告期已结账期间', n: sum('closed') },
          { item: '逾期未结账期间', n: sum('overdue') },
        ],
      },
      {
        name: '各合作社代账情况',
        title: `${SUMMARY_TITLE}（各合作社代账情况）`,
        columns: [
          { header: '合作社', key: 'coop', width: 30 },
          { header: '账套', key: 'status', width: 8 },
          { header: '建账起始', key: 'start', width: 12 },
          { header: '已记账', key: 'posted', kind: 'int', width: 9 },
          { header: '未记账', key: 'unposted', kind: 'int', width: 9 },
          { header: '应结账', key: 'due', kind: 'int', width: 9 },
          { header: '已结账', key: 'closed', kind: 'int', width: 9 },
          { header: '逾期未结', key: 'overdue', kind: 'int', width: 9 },
          { header: '最近结账期间', key: 'lastClosed', width: 12 },
        ],
        headerRows: [
          [{ text: '合作社', rowSpan: 2 }, { text: '账套', rowSpan: 2 }, { text: '建账起始', rowSpan: 2 }, { text: '凭证（张）', colSpan: 2 }, { text: '结账期间（个）', colSpan: 3 }, { text: '最近结账期间', rowSpan: 2 }],
          [{ text: '已记账' }, { text: '未记账' }, { text: '应结账' }, { text: '已结账' }, { text: '逾期未结' }],
        ],
        rows: [...service, { coop: '合计', posted: sum('posted'), unposted: sum('unposted'), due: sum('due'), closed: sum('closed'), overdue: sum('overdue') }],
        strongRows: [service.length],
      },
      {
        name: '主要指标汇总',
        title: `${SUMMARY_TITLE}（主要指标汇总）`,
        meta: ['单位：元'],
        columns: [
          { header: '合作社', key: 'coop', width: 30 },
          { header: '资产总计', key: 'assets', kind: 'fen', width: 18 },
          { header: '经营收入', key: 'income', kind: 'fen', width: 18 },
          { header: '本年盈余', key: 'surplus', kind: 'fen', width: 18 },
          { header: '成员数（个）', key: 'members', kind: 'int', width: 12 },
        ],
        headerRows: [
          [{ text: '合作社', rowSpan: 2 }, { text: '资产总计' }, { text: annual ? `${ctx.range.year}年度` : '经营收入、本年盈余（年报列示）', colSpan: 2 }, { text: '成员数（个）', rowSpan: 2 }],
          [{ text: `${through}期末` }, { text: '经营收入' }, { text: '本年盈余' }],
        ],
        rows: [...figures, { coop: `合计（${figures.length} 家）`, assets: sumOf('assets'), income: annual ? sumOf('income') : null, surplus: annual ? sumOf('surplus') : null, members: sumOf('members') }],
        strongRows: [figures.length],
        footer: annual ? [] : ['注：经营收入和本年盈余取自年度盈余及盈余分配表（会农社02表），请选择年报查看。'],
      },
    ];
    return { basis: `统一代账账套：凭证和结账按报告期内各月（${through}），资产总计取${reportPeriodLabel(last)}资产负债表${annual ? '，经营收入和本年盈余取年度盈余及盈余分配表' : ''}（已记账凭证）`, sheets };
  },
};

const STATEMENTS_TITLE = '合作社年度会计报表';

/**
 * Each cooperative's statements for a year, as the ledger lays them out: 资产负债表 (会农社01表) at the year's
 * last month (or the running month), 盈余及盈余分配表 (会农社02表) and 成员权益变动表 (会农社03表). A batch:
 * a sheet per cooperative, or a PDF per cooperative in a zip.
 */
export const ledgerStatements: ReportDef = {
  key: 'statements',
  title: STATEMENTS_TITLE,
  capability: '统一代账',
  roles: BOOKKEEPING,
  periods: ['year'],
  ownMeta: true,
  // Books started this year have no finished year yet: offer the running one.
  suggestPeriod(store, _kind, today) {
    const last = Number(today.slice(0, 4)) - 1;
    const years = new Set(booksInScope(store).flatMap((b) => bookYears(store, b.id)));
    return years.has(last) || !years.has(last + 1) ? null : String(last + 1);
  },
  scopes: (store) => [
    { value: '', label: '全部已启用账套的合作社' },
    ...booksInScope(store)
      .filter((b) => b.status === 'active')
      .map((b) => ({ value: `book:${b.id}`, label: b.coopName })),
  ],
  batch: {
    partLabel: '合作社',
    parts(store, ctx) {
      const only = ctx.scope.startsWith('book:') ? Number(ctx.scope.slice(5)) : null;
      return booksInScope(store)
        .filter((b) => b.status === 'active' && (only === null || b.id === only) && bookYears(store, b.id).includes(ctx.range.year))
        .map((b) => ({ key: String(b.id), name: b.coopName }));
    },
    build(store, ctx, part) {
      const bookId = Number(part.key);
      const month = endMonth(ctx);
      return {
        basis: `各合作社账套 ${reportPeriodLabel(month)} 资产负债表、${ctx.range.year} 年度盈余及盈余分配表和成员权益变动表（已记账凭证）`,
        sheets: [
          reportSheet(store, { report: 'balanceSheet', bookId, period: month }),
          reportSheet(store, { report: 'surplus', bookId, year: ctx.range.year }),
          reportSheet(store, { report: 'equity', bookId, year: ctx.range.year }),
        ],
      };
    },
  },
};
