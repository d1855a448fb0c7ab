import type { Store } from '../db/store';
import { listPeriods, isOverdue, CLOSE_GRACE_DAYS, type PeriodInfo } from '../ledger/periods';
import { bookYears } from '../ledger/books-read';
import { balanceSheet, surplusStatement } from '../ledger/reports/statements';
import { COOP_KIND } from '../ledger/members';
import { formatFen } from '../../../shared/money';
import { idsOf, inIds, registerFactSource, type FactReading, type FactScope } from './fact-sources';
import type { Subject } from './subjects';

/**
 * Facts from the books the centre keeps (统一代账), for cooperatives. Every figure comes from the ledger's own
 * functions: its period list and overdue rule for "closed on time", its balance sheet (line 22 资产总计) and
 * its surplus statement (line 12 本年盈余), at the last period closed by the rating day.
 */

interface BookFacts {
  bookId: number;
  startPeriod: string;
  active: boolean;
  /** The last 12 periods that were due for closing by the rating day, newest first. */
  due: PeriodInfo[];
  onTime: number;
  lastClosed: string | null;
  surplusFen: number | null;
  assetsFen: number | null;
}

const DUE_WINDOW = 12;
const wan = (fen: number) => Math.round(fen / 10_000) / 100;

function closedOnTime(p: PeriodInfo): boolean {
  return p.status === 'closed' && p.closedAt !== null && !isOverdue(p.period, p.closedAt.slice(0, 10));
}

function readBook(store: Store, book: { id: number; startPeriod: string; status: string }, asOf: string): BookFacts {
  const asOfPeriod = asOf.slice(0, 7);
  const years = bookYears(store, book.id).filter((y) => y <= Number(asOf.slice(0, 4)));
  const periods = years.flatMap((y) => listPeriods(store, book.id, y)).filter((p) => p.period <= asOfPeriod);
  const due = periods.filter((p) => isOverdue(p.period, asOf)).reverse().slice(0, DUE_WINDOW);
  const lastClosed = [...periods].reverse().find((p) => p.status === 'closed')?.period ?? null;
  let surplusFen: number | null = null;
  let assetsFen: number | null = null;
  if (lastClosed) {
    assetsFen = balanceSheet(store, { bookId: book.id, period: lastClosed }).lines.find((l) => l.line === 22)?.endFen ?? null;
    surplusFen = surplusStatement(store, { bookId: book.id, year: Number(lastClosed.slice(0, 4)) }).lines.find((l) => l.line === 12)?.currentFen ?? null;
  }
  return { bookId: book.id, startPeriod: book.startPeriod, active: book.status === 'active', due, onTime: due.filter(closedOnTime).length, lastClosed, surplusFen, assetsFen };
}

/** One read of the books per rating run, shared by the four ledger facts. */
function booksFor(store: Store, scope: FactScope): Map<number, BookFacts> {
  const cached = memo.get(scope);
  if (cached) return cached;
  const ids = inIds('coop_id', idsOf(scope, 'org'));
  const books = store.sqlite
    .prepare(`SELECT coop_id AS coopId, id, start_period AS startPeriod, status FROM ledger_books WHERE start_period <= ?${ids.sql}`)
    .all(scope.asOf.slice(0, 7), ...ids.args) as { coopId: number; id: number; startPeriod: string; status: string }[];
  const out = new Map(books.map((b) => [b.coopId, readBook(store, b, scope.asOf)]));
  memo.set(scope, out);
  return out;
}

const memo = new WeakMap<FactScope, Map<number, BookFacts>>();

const isCoop = (s: Subject) => s.kind === 'org' && s.kindLabel === COOP_KIND;
const NO_BOOKS = '未由中心代账';

function ledgerFact(key: string, label: string, unit: string, help: string, read: (b: BookFacts, asOf: string) => FactReading): void {
  registerFactSource({
    key,
    label,
    unit,
    from: '统一代账',
    help,
    appliesTo: isCoop,
    load(store, scope) {
      const books = booksFor(store, scope);
      return (s) => {
        const b = books.get(s.id);
        return b ? read(b, scope.asOf) : { value: key === 'booksKept' ? 0 : null, detail: NO_BOOKS };
      };
    },
  });
}

ledgerFact('booksKept', '中心代账', '', '合作社的账由为农服务中心统一代账（账套已启用）记 1，否则记 0。', (b) =>
  b.active ? { value: 1, detail: `中心代账，自 ${b.startPeriod} 起` } : { value: 0, detail: `账套 ${b.startPeriod} 起建立，尚未启用` },
);

ledgerFact(
  'closedOnTime',
  '按期结账率',
  '%',
  `最近 12 个应结账月份中按期结账（月末后 ${CLOSE_GRACE_DAYS} 天内结账）的比例，按统一代账的结账规则计算。`,
  (b) => {
    if (b.due.length === 0) return { value: null, detail: '账套启用不久，尚无到期应结账的月份' };
    const pct = Math.round((b.onTime / b.due.length) * 1000) / 10;
    const late = b.due.filter((p) => !closedOnTime(p)).map((p) => p.period);
    return {
      value: pct,
      detail: `${b.due.at(-1)!.period} 至 ${b.due[0]!.period} 应结账 ${b.due.length} 个月，按期结账 ${b.onTime} 个月${late.length ? `（未按期：${late.slice(0, 4).join('、')}${late.length > 4 ? ' 等' : ''}）` : ''}`,
    };
  },
);

ledgerFact('surplus', '本年盈余', '万元', '最后一个已结账月份所在年度的盈余及盈余分配表第 12 行“本年盈余”。', (b) => {
  if (b.surplusFen === null || b.lastClosed === null) return { value: null, detail: '尚无已结账月份' };
  const year = b.lastClosed.slice(0, 4);
  const span = b.lastClosed.endsWith('-12') ? '全年' : `已结账至 ${b.lastClosed}`;
  return { value: wan(b.surplusFen), detail: `${year} 年盈余及盈余分配表（${span}）本年盈余 ${formatFen(b.surplusFen)} 元` };
});

ledgerFact('totalAssets', '资产总额', '万元', '最后一个已结账月份末资产负债表第 22 行“资产总计”。', (b) => {
  if (b.assetsFen === null || b.lastClosed === null) return { value: null, detail: '尚无已结账月份' };
  return { value: wan(b.assetsFen), detail: `${b.lastClosed} 资产负债表资产总计 ${formatFen(b.assetsFen)} 元` };
});
