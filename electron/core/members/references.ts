import type { Store } from '../db/store';

/**
 * Where a record is used, found from the database's own foreign keys, so that tables added later by
 * other capabilities (books, service requests, listings) are counted without registering anything.
 * Capabilities may add a Chinese label for their column here ("table.column").
 */
export const REFERENCE_LABELS: Record<string, string> = {
  'coop_members.coop_id': '本社成员名册',
  'coop_members.household_id': '合作社成员资格',
  'coop_members.member_org_id': '合作社成员资格',
  'union_members.org_id': '农合联会员单位',
  'service_sites.operator_org_id': '运营的服务站点',
  'ledger_books.coop_id': '统一代账账套',
  'ledger_voucher_lines.member_id': '记账凭证分录',
  'ledger_opening.member_id': '期初余额',
  'ledger_member_txns.member_id': '成员交易登记',
  'ledger_member_shares.member_id': '成员账户量化份额',
  'service_requests.household_id': '前台服务申请',
  'service_requests.org_id': '前台服务申请',
  'service_contracts.household_id': '托管合同',
  'service_contracts.org_id': '托管合同',
  'providers.org_id': '服务主体',
  'listings.org_id': '产销对接挂牌',
  'listings.household_id': '产销对接挂牌',
  'deals.seller_org_id': '产销对接成交（供方）',
  'deals.seller_household_id': '产销对接成交（供方）',
  'deals.buyer_org_id': '产销对接成交（需方）',
  'deals.buyer_household_id': '产销对接成交（需方）',
  'matching_event_parties.org_id': '产销对接活动',
  'matching_event_parties.household_id': '产销对接活动',
  'credit_ratings.org_id': '信用评级',
  'credit_ratings.household_id': '信用评级',
  'credit_facts.org_id': '信用记录',
  'credit_facts.household_id': '信用记录',
  'credit_evaluations.org_id': '会员互评',
  'credit_evaluations.household_id': '会员互评',
  'credit_evaluations.evaluator_org_id': '会员互评（评价单位）',
  'credit_applications.org_id': '金融代办申请',
  'credit_applications.household_id': '金融代办申请',
};

export interface Reference {
  table: string;
  column: string;
  label: string;
  count: number;
}

export function referencesTo(store: Store, target: string, id: number): Reference[] {
  const tables = store.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  const out: Reference[] = [];
  for (const table of tables) {
    const fks = store.sqlite.pragma(`foreign_key_list("${table.replace(/"/g, '""')}")`) as { table: string; from: string }[];
    for (const fk of fks) {
      if (fk.table !== target) continue;
      const n = store.sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE "${fk.from}" = ?`).pluck().get(id) as number;
      if (n > 0) out.push({ table, column: fk.from, label: REFERENCE_LABELS[`${table}.${fk.from}`] ?? table, count: n });
    }
  }
  return out;
}

export function describeReferences(refs: Reference[]): string {
  return refs.map((r) => `${r.label} ${r.count} 条`).join('、');
}
