import type { Store } from '../db/store';
import type { Grade } from '../../../shared/credit';

/** The latest rating of each member (proposed or approved), for the credit desk's list. */
export function listRatings(store: Store, input: { q: string; grade: Grade | ''; status: '' | 'proposed' | 'approved'; offset: number; limit: number }) {
  const where: string[] = [];
  const args: Record<string, unknown> = {};
  if (input.q) {
    where.push('(o.name LIKE @q OR h.name LIKE @q OR o.py_initials LIKE @qp OR h.py_initials LIKE @qp)');
    args.q = `%${input.q}%`;
    args.qp = `${input.q.toLowerCase()}%`;
  }
  if (input.status) {
    where.push('r.status = @status');
    args.status = input.status;
  }
  const base = `WITH latest AS (SELECT max(id) AS id FROM credit_ratings WHERE status <> 'superseded' GROUP BY subject_key)
    SELECT r.id, r.subject_key AS subjectKey, r.org_id AS orgId, r.household_id AS householdId, COALESCE(o.name, h.name, '') AS name,
      COALESCE(o.kind, '农户') AS kindLabel, COALESCE(t.name, '') AS township, r.grade, r.computed_grade AS computedGrade, r.score_x100 AS scoreX100,
      r.status, r.as_of AS asOf, r.model_version AS modelVersion, r.approved_at AS approvedAt
    FROM latest JOIN credit_ratings r ON r.id = latest.id LEFT JOIN orgs o ON o.id = r.org_id LEFT JOIN households h ON h.id = r.household_id
    LEFT JOIN townships t ON t.id = COALESCE(o.township_id, h.township_id)${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const grades = Object.fromEntries(store.sqlite.prepare(`SELECT grade, count(*) FROM (${base}) GROUP BY grade`).raw().all(args) as [string, number][]);
  const proposed = store.sqlite.prepare(`SELECT count(*) FROM (${base}) WHERE status = 'proposed'`).pluck().get(args) as number;
  const filtered = input.grade ? `SELECT * FROM (${base}) WHERE grade = @grade` : base;
  const fargs = input.grade ? { ...args, grade: input.grade } : args;
  const total = store.sqlite.prepare(`SELECT count(*) FROM (${filtered})`).pluck().get(fargs) as number;
  const rows = store.sqlite.prepare(`SELECT * FROM (${filtered}) ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...fargs, limit: input.limit, offset: input.offset }) as {
    id: number;
    subjectKey: string;
    orgId: number | null;
    householdId: number | null;
    name: string;
    kindLabel: string;
    township: string;
    grade: Grade;
    computedGrade: Grade;
    scoreX100: number;
    status: 'proposed' | 'approved';
    asOf: string;
    modelVersion: number;
    approvedAt: string;
  }[];
  return {
    total,
    grades,
    proposed,
    rows: rows.map(({ orgId, householdId, ...r }) => ({ ...r, kind: householdId !== null ? ('household' as const) : ('org' as const), subjectId: householdId ?? orgId ?? 0 })),
  };
}
