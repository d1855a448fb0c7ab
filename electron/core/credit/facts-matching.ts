import type { Store } from '../db/store';
import { DEAL_STATUS_LABELS } from '../../../shared/contract/matchingFields';
import { FEW, registerFactSource, yearsBefore, type FactScope } from './fact-sources';
import type { Subject } from './subjects';

/**
 * Facts from supply-matching (产销对接): the deals a member signed as seller or buyer and how they ended.
 * Supply-matching owns the rule: a deal is 已完成 when everything was delivered (matching/deals.ts deliver)
 * and 已取消 when what was left was cancelled; its status is read as stored. Counting window: deals signed in
 * the three years up to the rating day.
 */

const WINDOW_YEARS = 3;

interface DealCounts {
  kind: 'org' | 'household';
  id: number;
  asSeller: number;
  asBuyer: number;
  completed: number;
  cancelled: number;
  open: number;
}

function partyFilter(scope: FactScope, kindCol: string, idCol: string): { sql: string; args: (string | number)[] } {
  if (scope.subjects.length > FEW) return { sql: '', args: [] };
  if (scope.subjects.length === 0) return { sql: ' AND 0', args: [] };
  return { sql: ` AND (${scope.subjects.map(() => `(${kindCol} = ? AND ${idCol} = ?)`).join(' OR ')})`, args: scope.subjects.flatMap((s) => [s.kind, s.id]) };
}

const memo = new WeakMap<FactScope, Map<string, DealCounts>>();

function dealsOf(store: Store, scope: FactScope): Map<string, DealCounts> {
  const cached = memo.get(scope);
  if (cached) return cached;
  const from = yearsBefore(scope.asOf, WINDOW_YEARS);
  const side = (role: 'seller' | 'buyer') => {
    const f = partyFilter(scope, `${role}_kind`, `${role}_id`);
    return store.sqlite
      .prepare(
        `SELECT ${role}_kind AS kind, ${role}_id AS id, count(*) AS n, sum(status = 'completed') AS completed, sum(status = 'cancelled') AS cancelled, sum(status = 'open') AS open
         FROM deals WHERE signed_on > ? AND signed_on <= ?${f.sql} GROUP BY ${role}_kind, ${role}_id`,
      )
      .all(from, scope.asOf, ...f.args) as { kind: 'org' | 'household'; id: number; n: number; completed: number; cancelled: number; open: number }[];
  };
  const out = new Map<string, DealCounts>();
  for (const [role, rows] of [
    ['seller', side('seller')],
    ['buyer', side('buyer')],
  ] as const) {
    for (const r of rows) {
      const key = `${r.kind}:${r.id}`;
      const c = out.get(key) ?? { kind: r.kind, id: r.id, asSeller: 0, asBuyer: 0, completed: 0, cancelled: 0, open: 0 };
      if (role === 'seller') c.asSeller += r.n;
      else c.asBuyer += r.n;
      c.completed += r.completed;
      c.cancelled += r.cancelled;
      c.open += r.open;
      out.set(key, c);
    }
  }
  memo.set(scope, out);
  return out;
}

const describe = (c: DealCounts) =>
  `近 ${WINDOW_YEARS} 年签约 ${c.asSeller + c.asBuyer} 笔（供方 ${c.asSeller} 笔、采购方 ${c.asBuyer} 笔）：${DEAL_STATUS_LABELS.completed} ${c.completed} 笔，${DEAL_STATUS_LABELS.cancelled} ${c.cancelled} 笔，${DEAL_STATUS_LABELS.open} ${c.open} 笔`;

registerFactSource({
  key: 'dealsFulfilled',
  label: '履约成交笔数',
  unit: '笔',
  from: '产销对接',
  help: `近 ${WINDOW_YEARS} 年作为供方或采购方签约、已全部交货（已完成）的成交。`,
  appliesTo: () => true,
  load(store, scope) {
    const deals = dealsOf(store, scope);
    return (s: Subject) => {
      const c = deals.get(s.key);
      return c ? { value: c.completed, detail: describe(c) } : { value: 0, detail: `近 ${WINDOW_YEARS} 年没有产销对接成交` };
    };
  },
});

registerFactSource({
  key: 'dealsFulfilledRate',
  label: '成交履约率',
  unit: '%',
  from: '产销对接',
  help: `近 ${WINDOW_YEARS} 年已了结的成交（已完成或已取消）中已完成的比例；取消不一定是本会员的责任，请结合取消原因看待。`,
  appliesTo: () => true,
  load(store, scope) {
    const deals = dealsOf(store, scope);
    return (s: Subject) => {
      const c = deals.get(s.key);
      if (!c || c.completed + c.cancelled === 0) return { value: null, detail: c ? describe(c) : `近 ${WINDOW_YEARS} 年没有已了结的成交` };
      return { value: Math.round((c.completed / (c.completed + c.cancelled)) * 1000) / 10, detail: describe(c) };
    };
  },
});
