import type { Store } from '../../db/store';
import { accountIndex, type Account, type AccountIndex } from '../accounts';
import { accountBalances, memberBalances, type Movement, type RangeBalances } from '../balances';
import { requireBook } from '../books-read';
import { listCoopMembers } from '../members';

/** Figures of one account over a range: nets (debit positive) and movements. */
export interface Figures {
  opening: number;
  periodD: number;
  periodC: number;
  ytdD: number;
  ytdC: number;
  closing: number;
}

const blank = (): Figures => ({ opening: 0, periodD: 0, periodC: 0, ytdD: 0, ytdC: 0, closing: 0 });

function add(f: Figures, opening: number, period: Movement | undefined, ytd: Movement | undefined, closing: number): void {
  f.opening += opening;
  f.periodD += period?.d ?? 0;
  f.periodC += period?.c ?? 0;
  f.ytdD += ytd?.d ?? 0;
  f.ytdC += ytd?.c ?? 0;
  f.closing += closing;
}

/** Leaf figures summed up the tree: every account gets the total of the leaves below it. */
export function rollUp(idx: AccountIndex, b: RangeBalances): Map<number, Figures> {
  const out = new Map<number, Figures>(idx.list.map((a) => [a.id, blank()]));
  for (const a of idx.list) {
    if (!a.leaf) continue;
    const k = String(a.id);
    const o = b.opening.get(k) ?? 0;
    const p = b.period.get(k);
    const y = b.ytd.get(k);
    const c = b.closing.get(k) ?? 0;
    for (let cur: Account | undefined = a; cur; cur = cur.parentId !== null ? idx.byId.get(cur.parentId) : undefined) add(out.get(cur.id)!, o, p, y, c);
  }
  return out;
}

export interface TrialRow {
  accountId: number;
  code: string;
  name: string;
  level: number;
  leaf: boolean;
  memberId: number;
  memberName: string;
  openingD: number;
  openingC: number;
  periodD: number;
  periodC: number;
  ytdD: number;
  ytdC: number;
  closingD: number;
  closingC: number;
}

export interface TrialBalance {
  coopName: string;
  from: string;
  to: string;
  rows: TrialRow[];
  totals: Omit<TrialRow, 'accountId' | 'code' | 'name' | 'level' | 'leaf' | 'memberId' | 'memberName'>;
  balanced: boolean;
}

const split = (net: number) => ({ d: net > 0 ? net : 0, c: net < 0 ? -net : 0 });

function toRow(a: Account, f: Figures, memberId = 0, memberName = ''): TrialRow {
  const o = split(f.opening);
  const c = split(f.closing);
  return {
    accountId: a.id,
    code: a.code,
    name: memberId ? memberName : a.name,
    level: memberId ? a.level + 1 : a.level,
    leaf: a.leaf,
    memberId,
    memberName,
    openingD: o.d,
    openingC: o.c,
    periodD: f.periodD,
    periodC: f.periodC,
    ytdD: f.ytdD,
    ytdC: f.ytdC,
    closingD: c.d,
    closingC: c.c,
  };
}

const isZero = (f: Figures) => f.opening === 0 && f.periodD === 0 && f.periodC === 0 && f.ytdD === 0 && f.ytdC === 0 && f.closing === 0;

export interface TrialInput {
  bookId: number;
  from: string;
  to: string;
  /** Deepest account level shown; 0 shows all. */
  level: number;
  /** Show member rows under member-dimension accounts. */
  members: boolean;
  /** Include accounts with no balance and no activity. */
  zeros: boolean;
}

/**
 * 科目余额表: opening, period and closing balances with year-to-date activity, from the per-period balance
 * rows (at most 14 per account whatever the history). Balances are shown on their side: a debit net in
 * the debit column, a credit net in the credit column.
 */
export function trialBalance(store: Store, input: TrialInput): TrialBalance {
  const book = requireBook(store, input.bookId);
  const idx = accountIndex(store, book.id);
  const figures = rollUp(idx, accountBalances(store, book.id, input.from, input.to));
  const rows: TrialRow[] = [];
  let memberFigures: Map<string, Figures> | null = null;
  let names: Map<number, string> | null = null;
  if (input.members) {
    const mb = memberBalances(store, book.id, input.from, input.to);
    memberFigures = new Map();
    for (const key of new Set([...mb.opening.keys(), ...mb.period.keys(), ...mb.closing.keys()])) {
      const f = blank();
      add(f, mb.opening.get(key) ?? 0, mb.period.get(key), mb.ytd.get(key), mb.closing.get(key) ?? 0);
      memberFigures.set(key, f);
    }
    names = new Map(listCoopMembers(store, book.coopId).map((m) => [m.id, m.name]));
  }
  for (const a of idx.list) {
    if (input.level > 0 && a.level > input.level) continue;
    const f = figures.get(a.id)!;
    if (!input.zeros && isZero(f)) continue;
    rows.push(toRow(a, f));
    if (memberFigures && names && a.leaf && a.memberDim) {
      const mine = [...memberFigures.entries()]
        .filter(([k, mf]) => k.startsWith(`${a.id}:`) && (input.zeros || !isZero(mf)))
        .map(([k, mf]) => ({ id: Number(k.split(':')[1]), f: mf }))
        .sort((x, y) => (names!.get(x.id) ?? '').localeCompare(names!.get(y.id) ?? '', 'zh-CN'));
      for (const m of mine) rows.push(toRow(a, m.f, m.id, names.get(m.id) ?? `#${m.id}`));
    }
  }
  const totals = { openingD: 0, openingC: 0, periodD: 0, periodC: 0, ytdD: 0, ytdC: 0, closingD: 0, closingC: 0 };
  for (const a of idx.list) {
    if (a.level !== 1) continue;
    const r = toRow(a, figures.get(a.id)!);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += r[k];
  }
  const balanced = totals.openingD === totals.openingC && totals.periodD === totals.periodC && totals.closingD === totals.closingC;
  return { coopName: book.coopName, from: input.from, to: input.to, rows, totals, balanced };
}

export interface ConsolidatedRow {
  code: string;
  name: string;
  openingD: number;
  openingC: number;
  periodD: number;
  periodC: number;
  closingD: number;
  closingC: number;
}

/**
 * A year's trial balance of every cooperative added together by chart account (the chart's codes are
 * the same in every book; details differ, so they are summed into their chart account). Reads only each
 * book's year-opening and year-total rows.
 */
export function consolidatedTrial(store: Store, year: number): { year: number; books: number; rows: ConsolidatedRow[]; balanced: boolean } {
  const rows = store.sqlite
    .prepare(
      `SELECT substr(a.code, 1, 3) AS top, b.month AS month, sum(b.debit_fen) AS d, sum(b.credit_fen) AS c, sum(b.debit_fen - b.credit_fen) AS net
       FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
       WHERE b.book_id IN (SELECT id FROM ledger_books) AND b.year = ? AND b.month IN (0, 13)
       GROUP BY top, b.month`,
    )
    .all(year) as { top: string; month: number; d: number; c: number; net: number }[];
  const books = store.sqlite.prepare("SELECT count(DISTINCT book_id) FROM ledger_periods WHERE period BETWEEN ? AND ?").pluck().get(`${year}-01`, `${year}-12`) as number;
  const names = new Map(
    (store.sqlite.prepare('SELECT code, name FROM ledger_accounts WHERE book_id = (SELECT min(id) FROM ledger_books) AND parent_id IS NULL').raw().all() as [string, string][]).map(
      ([c, n]) => [c, n],
    ),
  );
  const by = new Map<string, ConsolidatedRow>();
  for (const r of rows) {
    const row = by.get(r.top) ?? { code: r.top, name: names.get(r.top) ?? r.top, openingD: 0, openingC: 0, periodD: 0, periodC: 0, closingD: 0, closingC: 0 };
    by.set(r.top, row);
    if (r.month === 0) {
      const s = split(r.net);
      row.openingD = s.d;
      row.openingC = s.c;
    } else {
      row.periodD = r.d;
      row.periodC = r.c;
    }
  }
  const out = [...by.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const r of out) {
    const s = split(r.openingD - r.openingC + r.periodD - r.periodC);
    r.closingD = s.d;
    r.closingC = s.c;
  }
  const sum = (k: keyof ConsolidatedRow) => out.reduce((s, r) => s + (r[k] as number), 0);
  return { year, books, rows: out, balanced: sum('openingD') === sum('openingC') && sum('periodD') === sum('periodC') && sum('closingD') === sum('closingC') };
}
