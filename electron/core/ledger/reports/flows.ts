import type { Store } from '../../db/store';
import type { AccountIndex } from '../accounts';
import { CLOSING_SOURCES, type VoucherSource } from '../vouchers';

export interface FlowLine {
  accountId: number;
  code: string;
  top: string;
  memberId: number;
  d: number;
  c: number;
}

export interface VoucherFlow {
  voucherId: number;
  source: VoucherSource;
  lines: FlowLine[];
}

/**
 * Posted vouchers of a year that touch any account under `codes`, with all their lines, for the statements
 * that classify equity movements by counterpart (会农社02表 lines 14-19, 会农社03表). Closing transfers move
 * amounts inside a column and are left out. Reads the journal through its (book, account, date) index.
 */
export function flowsTouching(store: Store, idx: AccountIndex, bookId: number, year: number, codes: string[]): VoucherFlow[] {
  const leaves = codes.flatMap((c) => idx.leavesUnder(c)).map((a) => a.id);
  if (leaves.length === 0) return [];
  const ids = store.sqlite
    .prepare(
      `SELECT DISTINCT voucher_id FROM ledger_voucher_lines WHERE book_id = ? AND account_id IN (${leaves.map(() => '?').join(',')}) AND date BETWEEN ? AND ? AND posted = 1`,
    )
    .pluck()
    .all(bookId, ...leaves, `${year}-01-01`, `${year}-12-31`) as number[];
  const src = store.sqlite.prepare('SELECT source FROM ledger_vouchers WHERE id = ?').pluck();
  const linesOf = store.sqlite.prepare('SELECT account_id AS accountId, COALESCE(member_id, 0) AS memberId, debit_fen AS d, credit_fen AS c FROM ledger_voucher_lines WHERE voucher_id = ?');
  const out: VoucherFlow[] = [];
  for (const id of ids) {
    const source = src.get(id) as VoucherSource;
    if (CLOSING_SOURCES.includes(source)) continue;
    const lines = (linesOf.all(id) as { accountId: number; memberId: number; d: number; c: number }[]).map((l) => {
      const code = idx.get(l.accountId).code;
      return { ...l, code, top: code.slice(0, 3) };
    });
    out.push({ voucherId: id, source, lines });
  }
  return out;
}

const inSet = (code: string, set: readonly string[]) => set.some((s) => code.startsWith(s));

/**
 * Splits a voucher's effect on a group of accounts (credit positive) by counterpart. When the group gains,
 * the gain is taken first from the counterparts named in `preferred` (their debits), the rest goes to
 * `fallback`; when it loses, likewise with the counterparts' credits. The parts always add up to the net.
 * A red voucher (negative total) is classified as the entry it cancels and then negated, so a reversed
 * distribution reduces 盈余返还 instead of showing up as 其他转入. Keys are "increase.<category>" and
 * "decrease.<category>"; amounts are positive, negative only for red vouchers.
 */
export function classify(
  flow: VoucherFlow,
  group: readonly string[],
  rule: { gain: { preferred: [string, string[]][]; fallback: string }; loss: { preferred: [string, string[]][]; fallback: string } },
): Map<string, number> {
  const red = flow.lines.reduce((s, l) => s + l.d, 0) < 0;
  const lines = red ? flow.lines.map((l) => ({ ...l, d: -l.d, c: -l.c })) : flow.lines;
  const own = lines.filter((l) => inSet(l.code, group));
  const others = lines.filter((l) => !inSet(l.code, group));
  const net = own.reduce((s, l) => s + l.c - l.d, 0);
  const out = new Map<string, number>();
  if (net === 0) return out;
  const gain = net > 0;
  const side = gain ? rule.gain : rule.loss;
  let rest = Math.abs(net);
  for (const [category, codes] of side.preferred) {
    const available = others.filter((l) => inSet(l.code, codes)).reduce((s, l) => s + (gain ? l.d - l.c : l.c - l.d), 0);
    const take = Math.min(rest, Math.max(available, 0));
    if (take > 0) {
      out.set(category, (out.get(category) ?? 0) + take);
      rest -= take;
    }
  }
  if (rest > 0) out.set(side.fallback, (out.get(side.fallback) ?? 0) + rest);
  const keyed = new Map<string, number>();
  for (const [k, v] of out) keyed.set(`${gain ? 'increase' : 'decrease'}.${k}`, red ? -v : v);
  return keyed;
}
