import type { Store } from '../db/store';
import { formatFen } from '../../../shared/money';
import { registerIndicatorSource } from '../tasks/indicator-sources';

/** 1 亿元 in fen. */
export const FEN_PER_YI = 10_000_000_000;

/** Money the banks paid out on loans the centre helped arrange, by disbursement date. */
export function disbursedBetween(store: Store, from: string, to: string): { count: number; fen: number; members: number } {
  return store.sqlite
    .prepare(
      `SELECT count(*) AS count, COALESCE(sum(d.amount_fen), 0) AS fen, count(DISTINCT a.subject_key) AS members
       FROM credit_disbursements d JOIN credit_applications a ON a.id = d.application_id WHERE d.disbursed_on BETWEEN ? AND ?`,
    )
    .get(from, to) as { count: number; fen: number; members: number };
}

/**
 * Indicator 8 (撬动金融机构投入“三位一体”改革信贷资金规模, 亿元): the year's disbursements on loans the centre
 * helped arrange (金融代办), from 1 January to the day counted to, like the front desk's yearly 亩次.
 * Credit the banks extend without the centre is not in the app; a county figure that includes it can still
 * be entered by hand with its source, and both are kept.
 */
export function indicator8(store: Store, year: number, asOf: string): { value: number; how: string; route: string } {
  const from = `${year}-01-01`;
  const r = disbursedBetween(store, from, asOf);
  const value = r.fen / FEN_PER_YI;
  return {
    value,
    how: `信用服务：${from} 至 ${asOf} 中心代办贷款放款 ${r.count} 笔（${r.members} 户/家会员），合计 ${formatFen(r.fen)} 元，折合 ${value.toFixed(4)} 亿元`,
    route: `/credit/figures?year=${year}`,
  };
}

registerIndicatorSource(8, (store, p) => indicator8(store, p.year, p.asOf));
