import { and, eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { STAFF_FACT_LABELS, type StaffFactKind, type SubjectKind } from '../../../shared/credit';
import { todayOf } from '../tasks/dates';
import { who } from '../tasks/who';
import { creditEvaluations, creditFacts } from './schema';
import { getSubject, subjectColumns } from './subjects';

/** What staff record about a member for its credit profile: facts from documents, and mutual evaluations (互评). */

export type StaffFactRow = typeof creditFacts.$inferSelect;

export function presentFact(r: StaffFactRow) {
  return {
    id: r.id,
    kind: r.kind,
    occurredOn: r.occurredOn,
    endsOn: r.endsOn,
    title: r.title,
    amountFen: r.amountFen,
    source: r.source,
    enteredBy: r.enteredBy,
    enteredAt: r.enteredAt,
    withdrawnAt: r.withdrawnAt,
    withdrawnBy: r.withdrawnBy,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
  };
}

export function addFact(
  store: Store,
  actor: Actor,
  input: { kind: SubjectKind; id: number; factKind: StaffFactKind; occurredOn: string; endsOn: string; title: string; amountFen: number | null; source: string },
) {
  const subject = getSubject(store, input.kind, input.id);
  if (input.occurredOn > todayOf(store)) throw fieldError('occurredOn', '发生日期不能晚于今天');
  if (input.factKind === 'guarantee') {
    if (!input.amountFen) throw fieldError('amountFen', '对外担保须填写担保金额');
    if (input.endsOn && input.endsOn <= input.occurredOn) throw fieldError('endsOn', '担保到期日应晚于发生日期');
  } else if (input.endsOn) throw fieldError('endsOn', '只有对外担保填写到期日');
  return store.write(actor, 'credit.facts.add', (audit) => {
    const row = store.db
      .insert(creditFacts)
      .values({
        ...subjectColumns(subject),
        kind: input.factKind,
        occurredOn: input.occurredOn,
        endsOn: input.endsOn,
        title: input.title,
        amountFen: input.amountFen,
        source: input.source,
        enteredBy: who(store, actor),
        enteredAt: store.now(),
      })
      .returning()
      .get();
    audit.record({ entity: 'credit_fact', ids: [row.id], summary: { subject: subject.key, name: subject.name, kind: STAFF_FACT_LABELS[input.factKind], occurredOn: input.occurredOn, title: input.title } });
    return presentFact(row);
  });
}

/** Facts are withdrawn with a reason, never deleted: past ratings may have counted them. */
export function withdrawFact(store: Store, actor: Actor, input: { id: number; version: number; reason: string }): { ok: true } {
  return store.write(actor, 'credit.facts.withdraw', (audit) => {
    const row = store.db.select().from(creditFacts).where(eq(creditFacts.id, input.id)).get();
    if (!row) throw new AppError('NOT_FOUND', `信用记录 #${input.id} 不存在`);
    if (row.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (row.withdrawnAt) throw new AppError('REFUSED', '这条记录已撤销');
    store.db
      .update(creditFacts)
      .set({ withdrawnAt: store.now(), withdrawnBy: who(store, actor), withdrawnReason: input.reason, version: row.version + 1 })
      .where(eq(creditFacts.id, row.id))
      .run();
    audit.record({ entity: 'credit_fact', ids: [row.id], summary: { subject: row.subjectKey, title: row.title, withdrawn: input.reason } });
    return { ok: true as const };
  });
}

export function factsOf(store: Store, key: string) {
  return store.db.select().from(creditFacts).where(eq(creditFacts.subjectKey, key)).all().sort((a, b) => b.occurredOn.localeCompare(a.occurredOn) || b.id - a.id).map(presentFact);
}

const EVAL_SQL = `SELECT e.id, e.evaluator_org_id AS evaluatorOrgId, o.name AS evaluatorName, e.year, e.score, e.comment, e.entered_by AS enteredBy, e.updated_at AS updatedAt, e.version
  FROM credit_evaluations e JOIN orgs o ON o.id = e.evaluator_org_id`;

type EvaluationOut = { id: number; evaluatorOrgId: number; evaluatorName: string; year: number; score: number; comment: string; enteredBy: string; updatedAt: string; version: number };

export function evaluationsOf(store: Store, key: string): EvaluationOut[] {
  return store.sqlite.prepare(`${EVAL_SQL} WHERE e.subject_key = ? ORDER BY e.year DESC, e.id DESC`).all(key) as EvaluationOut[];
}

/** An evaluator must be a current member unit of a union (农合联会员单位) other than the subject itself. */
function checkEvaluator(store: Store, subjectKey: string, evaluatorOrgId: number, year: number): string {
  const org = store.sqlite.prepare('SELECT name, status FROM orgs WHERE id = ?').get(evaluatorOrgId) as { name: string; status: string } | undefined;
  if (!org) throw fieldError('evaluatorOrgId', '评价单位不存在');
  if (subjectKey === `org:${evaluatorOrgId}`) throw fieldError('evaluatorOrgId', '会员单位不能评价自己');
  const member = store.sqlite
    .prepare("SELECT 1 FROM union_members WHERE org_id = ? AND status = 'active' AND joined_on <= ? AND (left_on = '' OR left_on >= ?) LIMIT 1")
    .get(evaluatorOrgId, `${year}-12-31`, `${year}-01-01`);
  if (!member) throw fieldError('evaluatorOrgId', `“${org.name}”${year} 年不是农合联会员单位，不能参加互评`);
  return org.name;
}

export function saveEvaluation(
  store: Store,
  actor: Actor,
  input: { kind: SubjectKind; id: number; evaluationId: number | null; version: number | null; evaluatorOrgId: number; year: number; score: number; comment: string },
): EvaluationOut {
  const subject = getSubject(store, input.kind, input.id);
  if (input.year > Number(todayOf(store).slice(0, 4))) throw fieldError('year', '评价年度不能晚于今年');
  const id = store.write(actor, 'credit.evaluations.save', (audit) => {
    const evaluatorName = checkEvaluator(store, subject.key, input.evaluatorOrgId, input.year);
    const same = store.db
      .select()
      .from(creditEvaluations)
      .where(and(eq(creditEvaluations.subjectKey, subject.key), eq(creditEvaluations.evaluatorOrgId, input.evaluatorOrgId), eq(creditEvaluations.year, input.year)))
      .get();
    const now = store.now();
    if (input.evaluationId === null) {
      if (same) throw fieldError('evaluatorOrgId', `“${evaluatorName}”已对 ${subject.name} 作过 ${input.year} 年的评价，每个单位每年只评一次（可修改原评价）`, 'DUPLICATE');
      const row = store.db
        .insert(creditEvaluations)
        .values({ ...subjectColumns(subject), evaluatorOrgId: input.evaluatorOrgId, year: input.year, score: input.score, comment: input.comment, enteredBy: who(store, actor), createdAt: now, updatedAt: now })
        .returning()
        .get();
      audit.record({ entity: 'credit_evaluation', ids: [row.id], summary: { subject: subject.key, evaluator: evaluatorName, year: input.year, score: input.score } });
      return row.id;
    }
    const before = store.db.select().from(creditEvaluations).where(eq(creditEvaluations.id, input.evaluationId)).get();
    if (!before || before.subjectKey !== subject.key) throw new AppError('NOT_FOUND', `互评 #${input.evaluationId} 不存在`);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    if (same && same.id !== before.id) throw fieldError('evaluatorOrgId', `“${evaluatorName}”已有 ${input.year} 年的评价`, 'DUPLICATE');
    store.db
      .update(creditEvaluations)
      .set({ evaluatorOrgId: input.evaluatorOrgId, year: input.year, score: input.score, comment: input.comment, enteredBy: who(store, actor), updatedAt: now, version: before.version + 1 })
      .where(eq(creditEvaluations.id, before.id))
      .run();
    audit.record({ entity: 'credit_evaluation', ids: [before.id], summary: { subject: subject.key, before: { score: before.score, year: before.year }, after: { score: input.score, year: input.year } } });
    return before.id;
  });
  return store.sqlite.prepare(`${EVAL_SQL} WHERE e.id = ?`).get(id) as EvaluationOut;
}

export function removeEvaluation(store: Store, actor: Actor, input: { id: number; version: number }): { ok: true } {
  return store.write(actor, 'credit.evaluations.remove', (audit) => {
    const row = store.db.select().from(creditEvaluations).where(eq(creditEvaluations.id, input.id)).get();
    if (!row) throw new AppError('NOT_FOUND', `互评 #${input.id} 不存在`);
    if (row.version !== input.version) throw new AppError('CONFLICT', '此记录已被他人修改，请刷新后重试');
    store.db.delete(creditEvaluations).where(eq(creditEvaluations.id, row.id)).run();
    audit.record({ entity: 'credit_evaluation', ids: [row.id], summary: { subject: row.subjectKey, removed: { evaluator: row.evaluatorOrgId, year: row.year, score: row.score } } });
    return { ok: true as const };
  });
}
