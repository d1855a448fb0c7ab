import type { Store } from '../db/store';
import { formatFen } from '../../../shared/money';
import { STATUS_LABELS } from '../../../shared/contract/requestFields';
import { FEW, registerFactSource, yearsBefore, type FactScope } from './fact-sources';
import type { Subject } from './subjects';

/**
 * Facts from the front desk (前台受理): services the member used and whether it paid for them, and the
 * complaints it raised. The front desk owns the rules: a request is used once it is 已完成 or 回访; a
 * service record's payment state (付清 / 部分 / 未付) is what its settlement computed (requests/records.ts,
 * rules.ts payState) and is read as stored. Counting window: the three years up to the rating day.
 */

const WINDOW_YEARS = 3;
const USED = ['done', 'followed_up'] as const;

interface PartyCounts {
  householdId: number | null;
  orgId: number | null;
}

/** " AND (r.household_id IN (…) OR r.org_id IN (…))" for a few subjects, nothing for a large scope. */
function partyFilter(scope: FactScope): { sql: string; args: number[] } {
  if (scope.subjects.length > FEW) return { sql: '', args: [] };
  const hh = scope.subjects.filter((s) => s.kind === 'household').map((s) => s.id);
  const orgs = scope.subjects.filter((s) => s.kind === 'org').map((s) => s.id);
  const list = (ids: number[]) => (ids.length ? ids.map(() => '?').join(',') : 'NULL');
  return { sql: ` AND (r.household_id IN (${list(hh)}) OR r.org_id IN (${list(orgs)}))`, args: [...hh, ...orgs] };
}

function byParty<T extends PartyCounts>(rows: T[]): (s: Subject) => T | undefined {
  const m = new Map(rows.map((r) => [r.householdId !== null ? `household:${r.householdId}` : `org:${r.orgId}`, r]));
  return (s) => m.get(s.key);
}

function span(scope: FactScope): [string, string] {
  return [yearsBefore(scope.asOf, WINDOW_YEARS), scope.asOf];
}

const memo = new WeakMap<FactScope, Map<string, unknown>>();
function once<T>(scope: FactScope, key: string, load: () => T): T {
  let m = memo.get(scope);
  if (!m) memo.set(scope, (m = new Map()));
  if (!m.has(key)) m.set(key, load());
  return m.get(key) as T;
}

function usedRequests(store: Store, scope: FactScope) {
  return once(scope, 'used', () => {
    const [from, to] = span(scope);
    const f = partyFilter(scope);
    return byParty(
      store.sqlite
        .prepare(
          `SELECT r.household_id AS householdId, r.org_id AS orgId, count(*) AS n, max(r.done_on) AS last FROM service_requests r
           WHERE r.status IN (${USED.map(() => '?').join(',')}) AND r.done_on > ? AND r.done_on <= ?${f.sql} GROUP BY r.household_id, r.org_id`,
        )
        .all(...USED, from, to, ...f.args) as (PartyCounts & { n: number; last: string })[],
    );
  });
}

function payments(store: Store, scope: FactScope) {
  return once(scope, 'paid', () => {
    const [from, to] = span(scope);
    const f = partyFilter(scope);
    return byParty(
      store.sqlite
        .prepare(
          `SELECT r.household_id AS householdId, r.org_id AS orgId, count(*) AS n, sum(s.pay_state = 'paid') AS paid,
             sum(s.fee_fen - s.subsidy_fen) AS dueFen, sum(s.paid_fen) AS paidFen
           FROM service_records s JOIN service_requests r ON r.id = s.request_id
           WHERE s.done_on > ? AND s.done_on <= ? AND s.fee_fen - s.subsidy_fen > 0${f.sql} GROUP BY r.household_id, r.org_id`,
        )
        .all(from, to, ...f.args) as (PartyCounts & { n: number; paid: number; dueFen: number; paidFen: number })[],
    );
  });
}

function complaintsOf(store: Store, scope: FactScope) {
  return once(scope, 'complaints', () => {
    const [from, to] = span(scope);
    const f = partyFilter(scope);
    return byParty(
      store.sqlite
        .prepare(
          `SELECT r.household_id AS householdId, r.org_id AS orgId, count(*) AS n, sum(c.status = 'open') AS open FROM complaints c
           JOIN service_requests r ON r.id = c.request_id WHERE substr(c.received_at, 1, 10) > ? AND substr(c.received_at, 1, 10) <= ?${f.sql}
           GROUP BY r.household_id, r.org_id`,
        )
        .all(from, to, ...f.args) as (PartyCounts & { n: number; open: number })[],
    );
  });
}

registerFactSource({
  key: 'servicesUsed',
  label: '使用服务次数',
  unit: '次',
  from: '前台受理',
  help: `近 ${WINDOW_YEARS} 年通过为农服务中心完成的服务申请（状态为${STATUS_LABELS.done}或${STATUS_LABELS.followed_up}）。`,
  appliesTo: () => true,
  load(store, scope) {
    const read = usedRequests(store, scope);
    return (s) => {
      const r = read(s);
      return r ? { value: r.n, detail: `近 ${WINDOW_YEARS} 年完成服务 ${r.n} 次，最近一次 ${r.last}` } : { value: 0, detail: `近 ${WINDOW_YEARS} 年没有完成的服务申请` };
    };
  },
});

registerFactSource({
  key: 'servicesPaid',
  label: '服务费付清率',
  unit: '%',
  from: '前台受理',
  help: `近 ${WINDOW_YEARS} 年有应付费用的服务记录中，前台结算为“付清”的比例。`,
  appliesTo: () => true,
  load(store, scope) {
    const read = payments(store, scope);
    return (s) => {
      const r = read(s);
      if (!r) return { value: null, detail: `近 ${WINDOW_YEARS} 年没有需付费的服务记录` };
      const pct = Math.round((r.paid / r.n) * 1000) / 10;
      return { value: pct, detail: `服务记录 ${r.n} 条，付清 ${r.paid} 条；应付 ${formatFen(r.dueFen)} 元，实付 ${formatFen(r.paidFen)} 元` };
    };
  },
});

registerFactSource({
  key: 'complaintsRaised',
  label: '提出的服务投诉',
  unit: '次',
  from: '前台受理',
  help: `近 ${WINDOW_YEARS} 年本会员对中心服务提出的投诉（投诉的是服务方，不是本会员的失信记录，默认模型不计分）。`,
  appliesTo: () => true,
  load(store, scope) {
    const read = complaintsOf(store, scope);
    return (s) => {
      const r = read(s);
      return r ? { value: r.n, detail: `近 ${WINDOW_YEARS} 年投诉 ${r.n} 次${r.open ? `，${r.open} 次尚未处理` : '，均已处理'}` } : { value: 0, detail: `近 ${WINDOW_YEARS} 年没有投诉` };
    };
  },
});
