import type { Store } from '../../db/store';
import { AppError } from '../../../../shared/errors';
import { formatFen } from '../../../../shared/money';
import { accountIndex, type AccountIndex } from '../accounts';
import { accountBalances, memberBalances, type RangeBalances } from '../balances';
import { bookYears, requireBook } from '../books-read';
import { BALANCE_SHEET, CODES, EQUITY_COLUMNS, EQUITY_ROWS, SURPLUS_STATEMENT, type BsTerm, type EquityColumn, type SurplusTerm } from '../chart2021';
import { makePeriod, periodLabel, yearOf } from '../dates';
import { classify, flowsTouching } from './flows';

export interface LineAccount {
  id: number;
  code: string;
  name: string;
}

/** Accounts behind a statement line, for drilling down to the detail ledger. */
function accountsOf(idx: AccountIndex, codes: string[]): LineAccount[] {
  return codes.map((c) => idx.byCode.get(c)).filter((a) => a !== undefined).map((a) => ({ id: a.id, code: a.code, name: a.name }));
}

const netUnder = (idx: AccountIndex, nets: Map<string, number>, code: string) => idx.leavesUnder(code).reduce((s, a) => s + (nets.get(String(a.id)) ?? 0), 0);

/** Nets of each member across the 114 details: debit nets are receivables, credit nets payables. */
function member114(idx: AccountIndex, memberNets: Map<string, number>): { D: number; C: number } {
  const leaves = new Set(idx.leavesUnder(CODES.members).map((a) => String(a.id)));
  const per = new Map<string, number>();
  for (const [key, net] of memberNets) {
    const [acc, member] = key.split(':') as [string, string];
    if (leaves.has(acc)) per.set(member, (per.get(member) ?? 0) + net);
  }
  let D = 0;
  let C = 0;
  for (const net of per.values()) if (net > 0) D += net;
  else C -= net;
  return { D, C };
}

function evalBalanceSheet(idx: AccountIndex, nets: Map<string, number>, memberNets: Map<string, number>): Map<number, number> {
  const m114 = member114(idx, memberNets);
  const pnl = idx.list.filter((a) => a.cls === 'pnl' && a.leaf).reduce((s, a) => s + (nets.get(String(a.id)) ?? 0), 0);
  const values = new Map<number, number>();
  const term = (t: BsTerm): number => {
    if ('acc' in t) {
      // 114 itself is split by member on lines 2 and 24; other accounts are taken whole on their side.
      const net = netUnder(idx, nets, t.acc);
      return (t.as === 'D' ? net : 0 - net) * (t.k ?? 1);
    }
    if ('members114' in t) return m114[t.members114];
    if ('line' in t) return (values.get(t.line) ?? 0) * (t.k ?? 1);
    return 0 - pnl;
  };
  for (const l of BALANCE_SHEET) values.set(l.line, l.terms.reduce((s, t) => s + term(t), 0));
  return values;
}

/**
 * 资产负债表 (会农社01表) at the end of a period, with the year-opening column. Reads closing nets of leaf
 * accounts and of members on 114 from the balance rows.
 */
export function balanceSheet(store: Store, input: { bookId: number; period: string }) {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const yearStart = yearOf(input.period) === yearOf(book.startPeriod) ? book.startPeriod : makePeriod(yearOf(input.period), 1);
  const acc = accountBalances(store, book.id, yearStart, input.period);
  const mem = memberBalances(store, book.id, yearStart, input.period);
  const end = evalBalanceSheet(idx, acc.closing, mem.closing);
  const begin = evalBalanceSheet(idx, acc.opening, mem.opening);
  const suspense = netUnder(idx, acc.closing, CODES.suspense);
  const warnings: string[] = [];
  if (suspense !== 0) warnings.push(`181 待处理财产损溢期末余额 ${formatFen(suspense)} 尚未处理，资产负债表不含此项`);
  const bsCodes = codesByLine(BALANCE_SHEET, (t) => ('acc' in t ? [(t as { acc: string }).acc] : 'members114' in t ? [CODES.members] : []));
  if (end.get(22) !== end.get(42) && suspense === 0) warnings.push(`资产总计与负债和所有者权益总计相差 ${formatFen((end.get(22) ?? 0) - (end.get(42) ?? 0))}`);
  return {
    coopName: book.coopName,
    period: input.period,
    title: '资产负债表',
    formNo: '会农社01表',
    lines: BALANCE_SHEET.map((l) => ({
      line: l.line,
      item: l.item,
      indent: l.indent ?? 0,
      total: l.total ?? false,
      endFen: end.get(l.line) ?? 0,
      beginFen: begin.get(l.line) ?? 0,
      accounts: accountsOf(idx, bsCodes.get(l.line) ?? []),
    })),
    balanced: end.get(22) === end.get(42) && begin.get(22) === begin.get(42),
    warnings,
  };
}

const DIST_RULE = {
  gain: { preferred: [] as [string, string[]][], fallback: 'otherIn' },
  loss: {
    preferred: [
      ['reserve', ['322']],
      ['patronage', ['221']],
      ['remainder', ['222']],
      ['toCapital', ['301']],
    ] as [string, string[]][],
    fallback: 'otherOut',
  },
};

/** Movements of 331 + 332 other than closing transfers, by counterpart (02表 lines 14, 15, 17-19). */
function distributionFlows(store: Store, idx: AccountIndex, bookId: number, year: number): Map<string, number> {
  const total = new Map<string, number>();
  for (const f of flowsTouching(store, idx, bookId, year, [CODES.yearSurplus, CODES.distribution]))
    for (const [k, v] of classify(f, [CODES.yearSurplus, CODES.distribution], DIST_RULE)) total.set(k, (total.get(k) ?? 0) + v);
  return total;
}

function yearRange(book: { startPeriod: string }, year: number, upTo?: string): [string, string] {
  const from = year === yearOf(book.startPeriod) ? book.startPeriod : makePeriod(year, 1);
  return [from, upTo ?? makePeriod(year, 12)];
}

function surplusValues(store: Store, idx: AccountIndex, book: { id: number; startPeriod: string }, year: number): Map<number, number> {
  const [from, to] = yearRange(book, year);
  const b: RangeBalances = accountBalances(store, book.id, from, to);
  const flows = distributionFlows(store, idx, book.id, year);
  const values = new Map<number, number>();
  const act = (code: string, as: 'D' | 'C') => {
    let d = 0;
    let c = 0;
    for (const a of idx.leavesUnder(code)) {
      const m = b.ytd.get(String(a.id));
      if (m) {
        d += m.d - m.cd;
        c += m.c - m.cc;
      }
    }
    return as === 'C' ? c - d : d - c;
  };
  const term = (t: SurplusTerm): number => {
    if ('act' in t) return act(t.act, t.as);
    if ('opening332' in t) return 0 - netUnder(idx, b.opening, CODES.distribution) - netUnder(idx, b.opening, CODES.yearSurplus);
    if ('dist' in t) return flows.get(`${t.dist === 'otherIn' ? 'increase' : 'decrease'}.${t.dist}`) ?? 0;
    return (values.get(t.line) ?? 0) * (t.k ?? 1);
  };
  for (const l of SURPLUS_STATEMENT) values.set(l.line, l.terms.reduce((s, t) => s + term(t), 0));
  values.set(-1, flows.get('decrease.otherOut') ?? 0);
  return values;
}

/** 盈余及盈余分配表 (会农社02表) for a year, with the prior year beside it when the books hold it. */
export function surplusStatement(store: Store, input: { bookId: number; year: number }) {
  const book = requireBook(store, input.bookId);
  const years = bookYears(store, book.id);
  if (!years.includes(input.year)) throw new AppError('NOT_FOUND', `${input.year} 年不在账套范围内`);
  const idx = accountIndex(store, book.id);
  const cur = surplusValues(store, idx, book, input.year);
  const prior = years.includes(input.year - 1) ? surplusValues(store, idx, book, input.year - 1) : null;
  const other = cur.get(-1) ?? 0;
  const codes = codesByLine(SURPLUS_STATEMENT, (t) => ('act' in t ? [(t as { act: string }).act] : 'opening332' in t || 'dist' in t ? [CODES.distribution] : []));
  return {
    coopName: book.coopName,
    year: input.year,
    title: '盈余及盈余分配表',
    formNo: '会农社02表',
    lines: SURPLUS_STATEMENT.map((l) => ({
      line: l.line,
      item: l.item,
      total: l.total ?? false,
      currentFen: cur.get(l.line) ?? 0,
      priorFen: prior ? (prior.get(l.line) ?? 0) : null,
      accounts: accountsOf(idx, codes.get(l.line) ?? []),
    })),
    warnings: other !== 0 ? [`盈余分配有 ${formatFen(other)} 的减少未能按对方科目归入本表各行（对方科目不是 322、221、222、301），请核对`] : [],
  };
}

type EquityCells = Record<EquityColumn, number>;
const zeroCells = (): EquityCells => ({ capital: 0, fund: 0, capReserve: 0, surReserve: 0, undistributed: 0 });

/**
 * The account codes behind each line, following references to other lines, so that a subtotal such as
 * 流动资产合计 drills down to every account it adds up (lines refer only to lines defined before them).
 */
function codesByLine<T extends { line: number; terms: readonly object[] }>(lines: readonly T[], own: (term: object) => string[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const l of lines) {
    const codes = l.terms.flatMap((term) => ('line' in term ? (out.get((term as { line: number }).line) ?? []) : own(term)));
    out.set(l.line, [...new Set(codes)]);
  }
  return out;
}

/**
 * 成员权益变动表 (会农社03表): each column's year opening, the year's increases and decreases by detail
 * line (classified by the counterpart of each voucher), and the year end. Every column foots: opening +
 * increases - decreases = closing, which the report checks.
 */
export function equityStatement(store: Store, input: { bookId: number; year: number }) {
  const book = requireBook(store, input.bookId);
  if (!bookYears(store, book.id).includes(input.year)) throw new AppError('NOT_FOUND', `${input.year} 年不在账套范围内`);
  const idx = accountIndex(store, book.id);
  const [from, to] = yearRange(book, input.year);
  const b = accountBalances(store, book.id, from, to);
  const pnlNet = (nets: Map<string, number>) => idx.list.filter((a) => a.cls === 'pnl' && a.leaf).reduce((s, a) => s + (nets.get(String(a.id)) ?? 0), 0);
  const columnNet = (nets: Map<string, number>): EquityCells => ({
    capital: 0 - netUnder(idx, nets, '301'),
    fund: 0 - netUnder(idx, nets, '311'),
    capReserve: 0 - netUnder(idx, nets, '321'),
    surReserve: 0 - netUnder(idx, nets, '322'),
    undistributed: 0 - netUnder(idx, nets, '331') - netUnder(idx, nets, '332') - pnlNet(nets),
  });
  const opening = columnNet(b.opening);
  const closing = columnNet(b.closing);
  const rows = new Map<string, EquityCells>(EQUITY_ROWS.map((r) => [r.key, zeroCells()]));
  const put = (key: string, col: EquityColumn, v: number) => {
    if (v !== 0) rows.get(key)![col] += v;
  };
  const year = input.year;
  const flows = (codes: string[]) => flowsTouching(store, idx, book.id, year, codes);
  for (const f of flows(['301'])) {
    const c = classify(f, ['301'], {
      gain: { preferred: [['capReserveToCapital', ['321']], ['surReserveToCapital', ['322']]], fallback: 'memberContribution' },
      loss: { preferred: [], fallback: 'memberWithdrawal' },
    });
    for (const [k, v] of c) put(k, 'capital', v);
  }
  for (const f of flows(['311'])) {
    const red = f.lines.reduce((s, l) => s + l.d, 0) < 0;
    for (const [sub, key] of [
      [CODES.donationFund, 'increase.donation'],
      ['311', 'increase.subsidy'],
    ] as const) {
      const own = f.lines.filter((l) => l.code.startsWith(sub) && (sub !== '311' || !l.code.startsWith(CODES.donationFund)));
      const net = own.reduce((s, l) => s + l.c - l.d, 0);
      if (net > 0 || red) put(key, 'fund', net);
      else put('decrease.otherOut', 'fund', 0 - net);
    }
  }
  for (const [code, col, inc] of [
    ['321', 'capReserve', (f: { lines: { top: string }[] }) => (f.lines.some((l) => l.top === '301') ? 'sharePremium' : 'revaluation')],
    ['322', 'surReserve', () => 'fromSurplus'],
  ] as const) {
    for (const f of flows([code])) {
      const c = classify(f, [code], {
        gain: { preferred: [], fallback: inc(f) },
        loss: { preferred: [['toCapital', ['301']], ['lossCover', ['331', '332']]], fallback: 'otherOut' },
      });
      for (const [k, v] of c) put(k, col, v);
    }
  }
  const dist = distributionFlows(store, idx, book.id, year);
  const surplus = surplusValues(store, idx, book, year).get(12) ?? 0;
  put('increase.yearSurplus', 'undistributed', surplus);
  for (const [k, v] of dist) put(k === 'decrease.toCapital' ? 'decrease.surplusToCapital' : k, 'undistributed', v);
  const increase = zeroCells();
  const decrease = zeroCells();
  for (const r of EQUITY_ROWS) for (const col of EQUITY_COLUMNS) (r.group === 'increase' ? increase : decrease)[col.key] += rows.get(r.key)![col.key];
  const sum = (c: EquityCells) => EQUITY_COLUMNS.reduce((s, col) => s + c[col.key], 0);
  const withTotal = (c: EquityCells) => ({ ...c, total: sum(c) });
  const foots = EQUITY_COLUMNS.every((col) => opening[col.key] + increase[col.key] - decrease[col.key] === closing[col.key]);
  return {
    coopName: book.coopName,
    year,
    title: '成员权益变动表',
    formNo: '会农社03表',
    asOf: to,
    columns: EQUITY_COLUMNS.map((c) => ({ key: c.key, title: c.title, accounts: accountsOf(idx, [...c.accounts]) })),
    rows: [
      { key: 'opening', item: '一、年初余额', group: 'total', cells: withTotal(opening) },
      { key: 'increase', item: '二、本年增加数', group: 'total', cells: withTotal(increase) },
      ...EQUITY_ROWS.filter((r) => r.group === 'increase').map((r) => ({ key: r.key, item: r.item, group: 'increase', cells: withTotal(rows.get(r.key)!) })),
      { key: 'decrease', item: '三、本年减少数', group: 'total', cells: withTotal(decrease) },
      ...EQUITY_ROWS.filter((r) => r.group === 'decrease' && (r.key !== 'decrease.otherOut' || sum(rows.get(r.key)!) !== 0)).map((r) => ({
        key: r.key,
        item: r.item,
        group: 'decrease',
        cells: withTotal(rows.get(r.key)!),
      })),
      { key: 'closing', item: '四、年末余额', group: 'total', cells: withTotal(closing) },
    ],
    foots,
    warnings: foots ? [] : ['各栏年初余额加本年增加减本年减少不等于年末余额，请核对'],
    periodLabel: periodLabel(to),
  };
}

