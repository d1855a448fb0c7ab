import type { Store } from '../db/store';
import { formatFen } from '../../../shared/money';
import { STAFF_FACT_LABELS, type StaffFactKind } from '../../../shared/credit';
import { FEW, registerFactSource, yearsBefore, type FactScope } from './fact-sources';

/**
 * Facts credit work holds itself: what staff entered (repayments, guarantees, awards, penalties), the
 * repayments of loans the centre helped arrange (金融代办), and the mutual evaluations (互评).
 * Counting windows: the three years up to the rating day; evaluations of that year and the year before.
 */

const WINDOW_YEARS = 3;

interface StaffFact {
  key: string;
  kind: StaffFactKind;
  occurredOn: string;
  endsOn: string;
  title: string;
  amountFen: number | null;
}

interface Disbursement {
  key: string;
  no: string;
  disbursedOn: string;
  dueOn: string;
  repaidOn: string;
}

interface Loaded {
  facts: Map<string, StaffFact[]>;
  loans: Map<string, Disbursement[]>;
  evaluations: Map<string, { year: number; score: number }[]>;
}

function keysFilter(scope: FactScope, column: string): { sql: string; args: string[] } {
  if (scope.subjects.length > FEW) return { sql: '', args: [] };
  if (scope.subjects.length === 0) return { sql: ' AND 0', args: [] };
  return { sql: ` AND ${column} IN (${scope.subjects.map(() => '?').join(',')})`, args: scope.subjects.map((s) => s.key) };
}

function group<T extends { key: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.key);
    if (list) list.push(r);
    else m.set(r.key, [r]);
  }
  return m;
}

const memo = new WeakMap<FactScope, Loaded>();

function load(store: Store, scope: FactScope): Loaded {
  const cached = memo.get(scope);
  if (cached) return cached;
  const f = keysFilter(scope, 'subject_key');
  const facts = store.sqlite
    .prepare(
      `SELECT subject_key AS key, kind, occurred_on AS occurredOn, ends_on AS endsOn, title, amount_fen AS amountFen FROM credit_facts
       WHERE withdrawn_at = '' AND occurred_on <= ?${f.sql} ORDER BY occurred_on DESC`,
    )
    .all(scope.asOf, ...f.args) as StaffFact[];
  const a = keysFilter(scope, 'a.subject_key');
  const loans = store.sqlite
    .prepare(
      `SELECT a.subject_key AS key, a.no, d.disbursed_on AS disbursedOn, d.due_on AS dueOn, d.repaid_on AS repaidOn
       FROM credit_disbursements d JOIN credit_applications a ON a.id = d.application_id
       WHERE d.disbursed_on <= ?${a.sql}`,
    )
    .all(scope.asOf, ...a.args) as Disbursement[];
  const year = Number(scope.asOf.slice(0, 4));
  const evaluations = store.sqlite
    .prepare(`SELECT subject_key AS key, year, score FROM credit_evaluations WHERE year BETWEEN ? AND ?${f.sql}`)
    .all(year - 1, year, ...f.args) as { key: string; year: number; score: number }[];
  const out = { facts: group(facts), loans: group(loans), evaluations: group(evaluations) };
  memo.set(scope, out);
  return out;
}

const inWindow = (day: string, scope: FactScope) => day > yearsBefore(scope.asOf, WINDOW_YEARS) && day <= scope.asOf;
const repaidBy = (d: Disbursement, asOf: string) => d.repaidOn !== '' && d.repaidOn <= asOf;
const list = (xs: string[]) => (xs.length > 3 ? `${xs.slice(0, 3).join('；')} 等` : xs.join('；'));

function staffOf(l: Loaded, key: string, kind: StaffFactKind, scope: FactScope): StaffFact[] {
  return (l.facts.get(key) ?? []).filter((f) => f.kind === kind && (kind === 'guarantee' || inWindow(f.occurredOn, scope)));
}

registerFactSource({
  key: 'loansOnTime',
  label: '按期还款笔数',
  unit: '笔',
  from: '信用服务',
  help: `近 ${WINDOW_YEARS} 年按期还清的贷款：工作人员登记的按期还款记录，加上中心代办贷款中到期前还清的放款。`,
  appliesTo: () => true,
  load(store, scope) {
    const l = load(store, scope);
    return (s) => {
      const staff = staffOf(l, s.key, 'repaidOnTime', scope);
      const assisted = (l.loans.get(s.key) ?? []).filter((d) => repaidBy(d, scope.asOf) && d.repaidOn <= d.dueOn && inWindow(d.repaidOn, scope));
      const n = staff.length + assisted.length;
      if (n === 0) return { value: 0, detail: `近 ${WINDOW_YEARS} 年没有按期还款记录` };
      return { value: n, detail: list([...staff.map((f) => `${f.occurredOn} ${f.title}`), ...assisted.map((d) => `代办 ${d.no} ${d.repaidOn} 还清（到期 ${d.dueOn}）`)]) };
    };
  },
});

registerFactSource({
  key: 'loansOverdue',
  label: '逾期笔数',
  unit: '笔',
  from: '信用服务',
  help: `近 ${WINDOW_YEARS} 年逾期的贷款：登记的逾期还款记录，代办贷款中逾期后才还清的，以及评级日已到期未还清的。`,
  appliesTo: () => true,
  load(store, scope) {
    const l = load(store, scope);
    return (s) => {
      const staff = staffOf(l, s.key, 'repaidLate', scope);
      const late = (l.loans.get(s.key) ?? []).filter((d) => (repaidBy(d, scope.asOf) ? d.repaidOn > d.dueOn && inWindow(d.repaidOn, scope) : d.dueOn < scope.asOf));
      const n = staff.length + late.length;
      if (n === 0) return { value: 0, detail: `近 ${WINDOW_YEARS} 年没有逾期记录` };
      return {
        value: n,
        detail: list([
          ...staff.map((f) => `${f.occurredOn} ${f.title}`),
          ...late.map((d) => (repaidBy(d, scope.asOf) ? `代办 ${d.no} 到期 ${d.dueOn}，${d.repaidOn} 才还清` : `代办 ${d.no} 到期 ${d.dueOn} 未还清`)),
        ]),
      };
    };
  },
});

registerFactSource({
  key: 'guarantees',
  label: '对外担保余额',
  unit: '万元',
  from: '信用服务',
  help: '评级日仍在担保期内的对外担保金额合计（工作人员登记）。',
  appliesTo: () => true,
  load(store, scope) {
    const l = load(store, scope);
    return (s) => {
      const open = staffOf(l, s.key, 'guarantee', scope).filter((f) => f.endsOn === '' || f.endsOn > scope.asOf);
      if (open.length === 0) return { value: 0, detail: '没有在保的对外担保' };
      const fen = open.reduce((sum, f) => sum + (f.amountFen ?? 0), 0);
      return { value: Math.round(fen / 10_000) / 100, detail: `${open.length} 笔在保，合计 ${formatFen(fen)} 元：${list(open.map((f) => f.title))}` };
    };
  },
});

function countFact(kind: 'award' | 'penalty', key: string, label: string): void {
  registerFactSource({
    key,
    label,
    unit: '项',
    from: '信用服务',
    help: `近 ${WINDOW_YEARS} 年的${STAFF_FACT_LABELS[kind]}（工作人员登记）。`,
    appliesTo: () => true,
    load(store, scope) {
      const l = load(store, scope);
      return (s) => {
        const xs = staffOf(l, s.key, kind, scope);
        return xs.length === 0 ? { value: 0, detail: `近 ${WINDOW_YEARS} 年没有${STAFF_FACT_LABELS[kind]}` } : { value: xs.length, detail: list(xs.map((f) => `${f.occurredOn} ${f.title}`)) };
      };
    },
  });
}

countFact('award', 'awards', '荣誉奖励');
countFact('penalty', 'penalties', '处罚或失信记录');

registerFactSource({
  key: 'peerScore',
  label: '会员互评',
  unit: '分',
  from: '信用服务',
  help: '评级日所在年度和上一年度其他会员单位评分（1-5 分）的平均。',
  appliesTo: () => true,
  load(store, scope) {
    const l = load(store, scope);
    return (s) => {
      const xs = l.evaluations.get(s.key) ?? [];
      if (xs.length === 0) return { value: null, detail: '近两年没有会员互评' };
      const avg = Math.round((xs.reduce((sum, e) => sum + e.score, 0) / xs.length) * 100) / 100;
      const years = [...new Set(xs.map((e) => e.year))].sort();
      return { value: avg, detail: `${years.join('、')} 年 ${xs.length} 家会员单位评价，平均 ${avg.toFixed(2)} 分` };
    };
  },
});
