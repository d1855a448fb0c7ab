import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { APPLICANT_KINDS, GRADES, HOUSEHOLD_LABEL, type Grade, type ModelDefinition, type RatingStatus, type SubjectKind } from '../../../shared/credit';
import { todayOf, addMonths } from '../tasks/dates';
import { lastDay } from '../ledger/dates';
import { who } from '../tasks/who';
import { factSource, factSources, type FactReading, type FactScope } from './fact-sources';
import { currentModel, DEFAULT_MODEL, ensureModel, modelVersion, type ModelVersion } from './model';
import { scoreFacts, type ScoredLine, type FactMeta } from './scoring';
import { activeHouseholds, activeOrgs, getSubject, subjectColumns, type Subject } from './subjects';

/** Organisations rated by "rate all": the producing members that borrow (生产经营类会员). */
export const RATED_ORG_KINDS = APPLICANT_KINDS.filter((k) => k !== HOUSEHOLD_LABEL);

export interface RatingInputs {
  subject: { name: string; kindLabel: string; township: string };
  lines: ScoredLine[];
  applicableWeight: number;
  rawX100: number;
}

export interface RatingOut {
  id: number;
  subjectKey: string;
  kind: SubjectKind;
  subjectId: number;
  name: string;
  kindLabel: string;
  modelVersion: number;
  asOf: string;
  scoreX100: number;
  computedGrade: Grade;
  grade: Grade;
  adjustReason: string;
  status: RatingStatus;
  ratedBy: string;
  ratedAt: string;
  approvedBy: string;
  approvedAt: string;
  /** Last day the approved rating is used for product matching ('' while not approved). */
  validUntil: string;
  lines: ScoredLine[];
  applicableWeight: number;
  rawX100: number;
}

interface RatingRow {
  id: number;
  subjectKey: string;
  orgId: number | null;
  householdId: number | null;
  modelVersion: number;
  asOf: string;
  inputs: string;
  scoreX100: number;
  computedGrade: string;
  grade: string;
  adjustReason: string;
  status: RatingStatus;
  ratedBy: string;
  ratedAt: string;
  approvedBy: string;
  approvedAt: string;
}

export const RATING_COLUMNS = `r.id, r.subject_key AS subjectKey, r.org_id AS orgId, r.household_id AS householdId, r.model_version AS modelVersion, r.as_of AS asOf,
  r.inputs, r.score_x100 AS scoreX100, r.computed_grade AS computedGrade, r.grade, r.adjust_reason AS adjustReason, r.status, r.rated_by AS ratedBy,
  r.rated_at AS ratedAt, r.approved_by AS approvedBy, r.approved_at AS approvedAt`;

/** Model definitions by version, read once per request. */
export function modelCache(store: Store): (version: number) => ModelDefinition {
  const cache = new Map<number, ModelDefinition>();
  return (v) => {
    let d = cache.get(v);
    if (!d) cache.set(v, (d = modelVersion(store, v).definition));
    return d;
  };
}

/** The same day `months` later, or the month's last day when it is shorter. */
function monthsLater(day: string, months: number): string {
  const end = lastDay(addMonths(day.slice(0, 7), months));
  return `${end.slice(0, 8)}${String(Math.min(Number(day.slice(8)), Number(end.slice(8)))).padStart(2, '0')}`;
}

export function presentRating(r: RatingRow, definition: (version: number) => ModelDefinition): RatingOut {
  const inputs = JSON.parse(r.inputs) as RatingInputs;
  const approvedDay = r.approvedAt ? r.approvedAt.slice(0, 10) : '';
  return {
    id: r.id,
    subjectKey: r.subjectKey,
    kind: r.householdId !== null ? 'household' : 'org',
    subjectId: r.householdId ?? r.orgId ?? 0,
    name: inputs.subject.name,
    kindLabel: inputs.subject.kindLabel,
    modelVersion: r.modelVersion,
    asOf: r.asOf,
    scoreX100: r.scoreX100,
    computedGrade: r.computedGrade as Grade,
    grade: r.grade as Grade,
    adjustReason: r.adjustReason,
    status: r.status,
    ratedBy: r.ratedBy,
    ratedAt: r.ratedAt,
    approvedBy: r.approvedBy,
    approvedAt: r.approvedAt,
    validUntil: approvedDay ? monthsLater(approvedDay, definition(r.modelVersion).validMonths) : '',
    lines: inputs.lines,
    applicableWeight: inputs.applicableWeight,
    rawX100: inputs.rawX100,
  };
}

export function getRatingRow(store: Store, id: number): RatingRow {
  const r = store.sqlite.prepare(`SELECT ${RATING_COLUMNS} FROM credit_ratings r WHERE r.id = ?`).get(id) as RatingRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', `评级记录 #${id} 不存在`);
  return r;
}

export const factMeta = (fact: string): FactMeta => {
  const s = factSource(fact);
  return s ? { label: s.label, unit: s.unit, from: s.from } : { label: fact, unit: '', from: '' };
};

/**
 * Reads facts for subjects as of a day: one load per source for the whole set. A fact that does not apply
 * to a subject reads as null (the model then leaves its indicator out).
 */
export function readFacts(store: Store, subjects: readonly Subject[], asOf: string, facts: readonly string[] = factSources().map((s) => s.key)): Map<string, Map<string, FactReading | null>> {
  const scope: FactScope = { asOf, subjects };
  const readers = facts.map((key) => {
    const src = factSource(key);
    return { key, src, read: src?.load(store, scope) };
  });
  const out = new Map<string, Map<string, FactReading | null>>();
  for (const s of subjects) {
    const m = new Map<string, FactReading | null>();
    for (const r of readers) m.set(r.key, r.src && r.read && r.src.appliesTo(s) ? r.read(s) : null);
    out.set(s.key, m);
  }
  return out;
}

interface Scored {
  subject: Subject;
  inputs: RatingInputs;
  scoreX100: number;
  grade: Grade;
}

function scoreOne(definition: ModelDefinition, subject: Subject, facts: ReadonlyMap<string, FactReading | null>): Scored {
  const r = scoreFacts(definition, facts, factMeta);
  return {
    subject,
    inputs: { subject: { name: subject.name, kindLabel: subject.kindLabel, township: subject.township }, lines: r.lines, applicableWeight: r.applicableWeight, rawX100: r.rawX100 },
    scoreX100: r.scoreX100,
    grade: r.grade,
  };
}

export function scoreSubjects(store: Store, definition: ModelDefinition, subjects: readonly Subject[], asOf: string): Scored[] {
  const facts = readFacts(store, subjects, asOf, definition.indicators.map((i) => i.fact));
  return subjects.map((subject) => scoreOne(definition, subject, facts.get(subject.key)!));
}

/** Inserts computed ratings (superseding the subjects' earlier proposals) inside the caller's write; returns the ids. */
function insertRatings(store: Store, actor: Actor, model: Pick<ModelVersion, 'id' | 'version'>, asOf: string, scored: Scored[], approve: boolean): number[] {
  const by = who(store, actor);
  const now = store.now();
  const supersede = store.sqlite.prepare("UPDATE credit_ratings SET status = 'superseded' WHERE subject_key = ? AND status = 'proposed'");
  const insert = store.sqlite.prepare(
    `INSERT INTO credit_ratings (subject_key, org_id, household_id, model_id, model_version, as_of, inputs, score_x100, computed_grade, grade, status, rated_by, rated_at, approved_by, approved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return scored.map((s) => {
    const c = subjectColumns(s.subject);
    supersede.run(c.subjectKey);
    return Number(
      insert.run(c.subjectKey, c.orgId, c.householdId, model.id, model.version, asOf, JSON.stringify(s.inputs), s.scoreX100, s.grade, s.grade, approve ? 'approved' : 'proposed', by, now, approve ? by : '', approve ? now : '')
        .lastInsertRowid,
    );
  });
}

export function rateSubject(store: Store, actor: Actor, input: { kind: SubjectKind; id: number; approve: boolean }): RatingOut {
  const subject = getSubject(store, input.kind, input.id);
  if (!subject.active) throw new AppError('REFUSED', `“${subject.name}”已停用或注销，不再评级`);
  const asOf = todayOf(store);
  const id = store.write(actor, 'credit.rate', (audit) => {
    const model = ensureModel(store, actor);
    const [scored] = scoreSubjects(store, model.definition, [subject], asOf);
    const [id] = insertRatings(store, actor, model, asOf, [scored!], input.approve);
    audit.record({ entity: 'credit_rating', ids: [id!], summary: { subject: subject.key, name: subject.name, model: model.version, score: scored!.scoreX100 / 100, grade: scored!.grade, approved: input.approve } });
    return id!;
  });
  return presentRating(getRatingRow(store, id), modelCache(store));
}

export interface RateAllResult {
  rated: number;
  modelVersion: number;
  grades: Record<string, number>;
  ids: number[];
}

/**
 * Rates every active producing organisation. The facts are read once for all of them, scored in slices
 * (with `yieldTo` between them so other desks are served and a job can be cancelled), then everything is
 * written in one transaction: a cancelled or failed run leaves no ratings behind.
 */
export interface RateAllInput {
  approve: boolean;
  /** Organisations (cooperatives, farms, enterprises, village collectives) or farmer households. */
  who: 'orgs' | 'households';
  townshipId: number | null;
}

export async function rateAll(store: Store, actor: Actor, input: RateAllInput, yieldTo: (done: number, total: number) => Promise<void> = async () => undefined): Promise<RateAllResult> {
  const asOf = todayOf(store);
  const subjects = input.who === 'households' ? activeHouseholds(store, input.townshipId) : activeOrgs(store, RATED_ORG_KINDS, input.townshipId);
  const existing = currentModel(store);
  const definition = existing?.definition ?? DEFAULT_MODEL;
  const facts = readFacts(store, subjects, asOf, definition.indicators.map((i) => i.fact));
  await yieldTo(0, subjects.length);
  const SLICE = 2000;
  const scored: Scored[] = [];
  for (let i = 0; i < subjects.length; i += SLICE) {
    for (const s of subjects.slice(i, i + SLICE)) scored.push(scoreOne(definition, s, facts.get(s.key)!));
    await yieldTo(Math.min(i + SLICE, subjects.length), subjects.length);
  }
  return store.write(actor, 'credit.rateAll', (audit) => {
    // The version the facts were scored with, even if someone saved a newer one meanwhile.
    const model = existing ?? ensureModel(store, actor);
    const ids = insertRatings(store, actor, model, asOf, scored, input.approve);
    const grades: Record<string, number> = {};
    for (const g of GRADES) {
      const n = scored.filter((s) => s.grade === g).length;
      if (n) grades[g] = n;
    }
    audit.record({ entity: 'credit_rating', ids: ids.length ? [ids[0]!, ids.at(-1)!] : [], summary: { rated: ids.length, who: input.who, townshipId: input.townshipId, model: model.version, asOf, grades, approved: input.approve, idRange: '首条至末条评级编号' } });
    return { rated: ids.length, modelVersion: model.version, grades, ids };
  });
}

/** A manager approves a proposed rating, keeping or adjusting the grade; an adjustment needs a reason. */
export function approveRating(store: Store, actor: Actor, input: { id: number; grade: Grade | null; reason: string }): RatingOut {
  store.write(actor, 'credit.ratings.approve', (audit) => {
    const r = getRatingRow(store, input.id);
    if (r.status !== 'proposed') throw new AppError('REFUSED', r.status === 'approved' ? '此评级已审批' : '此评级已被更新的评级取代，请审批最新的评级');
    const grade = input.grade ?? (r.computedGrade as Grade);
    if (grade !== r.computedGrade && input.reason.trim() === '') throw fieldError('reason', `调整等级（计算结果 ${r.computedGrade}，审批为 ${grade}）须说明理由`);
    store.sqlite
      .prepare("UPDATE credit_ratings SET status = 'approved', grade = ?, adjust_reason = ?, approved_by = ?, approved_at = ? WHERE id = ?")
      .run(grade, grade === r.computedGrade ? '' : input.reason.trim(), who(store, actor), store.now(), r.id);
    audit.record({ entity: 'credit_rating', ids: [r.id], summary: { subject: r.subjectKey, computed: r.computedGrade, grade, reason: input.reason.trim() } });
  });
  return presentRating(getRatingRow(store, input.id), modelCache(store));
}

/** The approved rating in force for each subject (the latest approved), for product matching and lists. */
export function currentGrade(store: Store, key: string, today: string): { grade: Grade; validUntil: string; ratingId: number } | null {
  const r = store.sqlite
    .prepare(`SELECT ${RATING_COLUMNS} FROM credit_ratings r WHERE r.subject_key = ? AND r.status = 'approved' ORDER BY r.approved_at DESC, r.id DESC LIMIT 1`)
    .get(key) as RatingRow | undefined;
  if (!r) return null;
  const out = presentRating(r, modelCache(store));
  return out.validUntil >= today ? { grade: out.grade, validUntil: out.validUntil, ratingId: out.id } : null;
}

export function ratingsOf(store: Store, key: string): RatingOut[] {
  const rows = store.sqlite.prepare(`SELECT ${RATING_COLUMNS} FROM credit_ratings r WHERE r.subject_key = ? ORDER BY r.id DESC`).all(key) as RatingRow[];
  const defs = modelCache(store);
  return rows.map((r) => presentRating(r, defs));
}
