import type { Actor, Store } from '../db/store';
import { APP_STATUS_LABELS, formatScore, RATING_STATUS_LABELS, STAFF_FACT_LABELS, type AppStatus, type SubjectKind } from '../../../shared/credit';
import { writeXlsx } from '../io/xlsx';
import type { SheetSpec } from '../io/sheet';
import { todayOf } from '../tasks/dates';
import { factSources } from './fact-sources';
import { currentModel } from './model';
import { currentGrade, ratingsOf, readFacts } from './ratings';
import { evaluationsOf, factsOf } from './records';
import { getSubject, type Subject } from './subjects';

/**
 * A member's credit profile: the facts the app reads today, what staff recorded, mutual evaluations,
 * every rating with its inputs (the explanation), and the loans the centre helped arrange. Reading it is
 * a write: the view is recorded in the audit log in the same transaction, so no profile is seen unrecorded.
 */

function loansOf(store: Store, key: string) {
  const rows = store.sqlite
    .prepare(
      `SELECT a.id, a.no, p.name AS productName, a.bank, a.status, a.granted_fen AS grantedFen, a.decided_on AS decidedOn,
         (SELECT COALESCE(sum(amount_fen), 0) FROM credit_disbursements d WHERE d.application_id = a.id) AS disbursedFen,
         (SELECT COALESCE(sum(amount_fen), 0) FROM credit_disbursements d WHERE d.application_id = a.id AND d.repaid_on = '') AS outstandingFen
       FROM credit_applications a JOIN credit_products p ON p.id = a.product_id WHERE a.subject_key = ? ORDER BY a.id DESC`,
    )
    .all(key) as { id: number; no: string; productName: string; bank: string; status: AppStatus; grantedFen: number | null; decidedOn: string; disbursedFen: number; outstandingFen: number }[];
  return rows;
}

function build(store: Store, subject: Subject) {
  const asOf = todayOf(store);
  const readings = readFacts(store, [subject], asOf).get(subject.key)!;
  return {
    subject: { kind: subject.kind, id: subject.id, key: subject.key, name: subject.name, kindLabel: subject.kindLabel, township: subject.township, industries: subject.industries, active: subject.active },
    asOf,
    facts: factSources().map((s) => {
      const r = readings.get(s.key) ?? null;
      return { key: s.key, label: s.label, unit: s.unit, from: s.from, help: s.help, applicable: r !== null, value: r?.value ?? null, detail: r?.detail ?? '不适用于此类主体' };
    }),
    staffFacts: factsOf(store, subject.key),
    evaluations: evaluationsOf(store, subject.key),
    ratings: ratingsOf(store, subject.key),
    current: currentGrade(store, subject.key, asOf),
    loans: loansOf(store, subject.key),
    modelVersion: currentModel(store)?.version ?? null,
  };
}

export type Profile = ReturnType<typeof build>;

export function viewProfile(store: Store, actor: Actor, input: { kind: SubjectKind; id: number }): Profile {
  const subject = getSubject(store, input.kind, input.id);
  return store.write(actor, 'credit.viewProfile', (audit) => {
    const p = build(store, subject);
    audit.record({ entity: 'credit_profile', ids: [subject.key], summary: { name: subject.name, viewed: 'profile', grade: p.current?.grade ?? null } });
    return p;
  });
}

function sheets(p: Profile): SheetSpec[] {
  const head = [`${p.subject.name}（${p.subject.kindLabel}${p.subject.township ? `，${p.subject.township}` : ''}）`, `数据截至 ${p.asOf}`, '本档案含个人信用信息，仅限授权人员使用，导出已记录审计日志'];
  const v = (x: number | null) => (x === null ? '无数据' : String(x));
  return [
    {
      name: '信用档案',
      title: '信用档案',
      meta: [...head, p.current ? `现行信用等级 ${p.current.grade}（有效期至 ${p.current.validUntil}）` : '现行信用等级：无有效评级'],
      columns: [
        { header: '来源', key: 'from' },
        { header: '事实', key: 'label' },
        { header: '数值', key: 'value' },
        { header: '单位', key: 'unit' },
        { header: '依据', key: 'detail', width: 70 },
      ],
      rows: p.facts.map((f) => ({ ...f, value: f.applicable ? v(f.value) : '不适用' })),
    },
    {
      name: '信用记录',
      title: '工作人员登记的信用记录',
      meta: head,
      columns: [
        { header: '类别', key: 'kind' },
        { header: '日期', key: 'occurredOn' },
        { header: '事项', key: 'title', width: 40 },
        { header: '金额', key: 'amountFen', kind: 'fen' },
        { header: '依据', key: 'source' },
        { header: '登记人', key: 'enteredBy' },
        { header: '状态', key: 'state' },
      ],
      rows: p.staffFacts.map((f) => ({ ...f, kind: STAFF_FACT_LABELS[f.kind], state: f.withdrawnAt ? `已撤销：${f.withdrawnReason}` : '有效' })),
    },
    {
      name: '会员互评',
      title: '会员互评',
      meta: head,
      columns: [
        { header: '年度', key: 'year', kind: 'int' },
        { header: '评价单位', key: 'evaluatorName', width: 36 },
        { header: '评分', key: 'score', kind: 'int' },
        { header: '评语', key: 'comment', width: 50 },
      ],
      rows: p.evaluations,
    },
    {
      name: '评级记录',
      title: '信用评级记录',
      meta: head,
      columns: [
        { header: '评级日', key: 'asOf' },
        { header: '模型版本', key: 'modelVersion', kind: 'int' },
        { header: '得分', key: 'score' },
        { header: '计算等级', key: 'computedGrade' },
        { header: '审批等级', key: 'grade' },
        { header: '调整理由', key: 'adjustReason' },
        { header: '状态', key: 'status' },
        { header: '评级人', key: 'ratedBy' },
        { header: '审批人', key: 'approvedBy' },
        { header: '得分明细', key: 'lines', width: 80 },
      ],
      rows: p.ratings.map((r) => ({
        ...r,
        score: formatScore(r.scoreX100),
        status: RATING_STATUS_LABELS[r.status],
        lines: r.lines.map((l) => `${l.label} ${l.applicable ? `${v(l.value)}${l.unit} ${l.rule} 得 ${(l.pointsX100 / 100).toFixed(2)}/${l.weight}` : '不适用'}`).join('；'),
      })),
    },
    {
      name: '代办贷款',
      title: '中心代办的贷款',
      meta: head,
      columns: [
        { header: '编号', key: 'no' },
        { header: '产品', key: 'productName' },
        { header: '银行', key: 'bank', width: 28 },
        { header: '状态', key: 'status' },
        { header: '批准日期', key: 'decidedOn' },
        { header: '批准金额', key: 'grantedFen', kind: 'fen' },
        { header: '已放款', key: 'disbursedFen', kind: 'fen' },
        { header: '未还清', key: 'outstandingFen', kind: 'fen' },
      ],
      rows: p.loans.map((l) => ({ ...l, status: APP_STATUS_LABELS[l.status] })),
    },
  ];
}

export async function exportProfile(store: Store, actor: Actor, input: { kind: SubjectKind; id: number }): Promise<{ name: string; mime: string; base64: string }> {
  const subject = getSubject(store, input.kind, input.id);
  const p = store.write(actor, 'credit.profile.export', (audit) => {
    const built = build(store, subject);
    audit.record({ entity: 'credit_profile', ids: [subject.key], summary: { name: subject.name, exported: 'xlsx', ratings: built.ratings.length, loans: built.loans.length } });
    return built;
  });
  const bytes = await writeXlsx(sheets(p));
  return { name: `信用档案-${subject.name}-${p.asOf}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
}
