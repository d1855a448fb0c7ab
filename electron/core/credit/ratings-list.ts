import type { Store } from '../db/store';
import type { Grade } from '../../../shared/credit';

interface Latest {
  id: number;
  subjectKey: string;
  orgId: number | null;
  householdId: number | null;
  name: string;
  py: string;
  kindLabel: string;
  township: string;
  grade: Grade;
  computedGrade: Grade;
  scoreX100: number;
  status: 'proposed' | 'approved';
  asOf: string;
  modelVersion: number;
  approvedAt: string;
}

/**
 * Each member's latest rating, for the credit desk's list. A newer rating supersedes only proposals, so the
 * latest rating of a subject is simply its highest id: one pass over the (subject, id) index finds them all.
 * The county has tens of thousands of rated members at most, so filtering, counting and paging happen here
 * over one read rather than in four queries that each find the latest again.
 */
export function listRatings(store: Store, input: { q: string; grade: Grade | ''; status: '' | 'proposed' | 'approved'; offset: number; limit: number }) {
  const rows = store.sqlite
    .prepare(
      `SELECT r.id, r.subject_key AS subjectKey, r.org_id AS orgId, r.household_id AS householdId, COALESCE(o.name, h.name, '') AS name,
         COALESCE(o.py_initials, h.py_initials, '') AS py, COALESCE(o.kind, '农户') AS kindLabel, COALESCE(t.name, '') AS township, r.grade,
         r.computed_grade AS computedGrade, r.score_x100 AS scoreX100, r.status, r.as_of AS asOf, r.model_version AS modelVersion, r.approved_at AS approvedAt
       FROM (SELECT max(id) AS id FROM credit_ratings GROUP BY subject_key) latest JOIN credit_ratings r ON r.id = latest.id
       LEFT JOIN orgs o ON o.id = r.org_id LEFT JOIN households h ON h.id = r.household_id LEFT JOIN townships t ON t.id = COALESCE(o.township_id, h.township_id)`,
    )
    .all() as Latest[];
  const q = input.q.toLowerCase();
  const matching = rows.filter((r) => (!q || r.name.includes(input.q) || r.py.startsWith(q)) && (!input.status || r.status === input.status));
  const grades: Record<string, number> = {};
  for (const r of matching) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
  const shown = (input.grade ? matching.filter((r) => r.grade === input.grade) : matching).sort((a, b) => b.id - a.id);
  return {
    total: shown.length,
    grades,
    proposed: matching.filter((r) => r.status === 'proposed').length,
    rows: shown.slice(input.offset, input.offset + input.limit).map(({ orgId, householdId, py: _py, ...r }) => ({
      ...r,
      kind: householdId !== null ? ('household' as const) : ('org' as const),
      subjectId: householdId ?? orgId ?? 0,
    })),
  };
}
