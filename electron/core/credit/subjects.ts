import type { Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { HOUSEHOLD_LABEL, subjectKey, type SubjectKind } from '../../../shared/credit';

/** An organisation or household of the registry, as credit work sees it. */
export interface Subject {
  kind: SubjectKind;
  id: number;
  key: string;
  name: string;
  /** The organisation's kind (农民专业合作社, 家庭农场, …) or 农户. */
  kindLabel: string;
  townshipId: number | null;
  township: string;
  /** An organisation's industries, a household's crops. */
  industries: string[];
  active: boolean;
}

interface Row {
  id: number;
  name: string;
  kindLabel: string;
  townshipId: number | null;
  township: string | null;
  industries: string;
  status: string;
}

const ORG_SQL = `SELECT o.id, o.name, o.kind AS kindLabel, o.township_id AS townshipId, t.name AS township, o.industries, o.status
  FROM orgs o LEFT JOIN townships t ON t.id = o.township_id`;
const HOUSEHOLD_SQL = `SELECT h.id, h.name, '${HOUSEHOLD_LABEL}' AS kindLabel, h.township_id AS townshipId, t.name AS township, h.crops AS industries, h.status
  FROM households h LEFT JOIN townships t ON t.id = h.township_id`;

function parseList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

const toSubject = (kind: SubjectKind, r: Row): Subject => ({
  kind,
  id: r.id,
  key: subjectKey(kind, r.id),
  name: r.name,
  kindLabel: r.kindLabel,
  townshipId: r.townshipId,
  township: r.township ?? '',
  industries: parseList(r.industries),
  active: r.status === 'active',
});

export function findSubject(store: Store, kind: SubjectKind, id: number): Subject | undefined {
  const row = store.sqlite.prepare(`${kind === 'org' ? ORG_SQL : HOUSEHOLD_SQL} WHERE ${kind === 'org' ? 'o' : 'h'}.id = ?`).get(id) as Row | undefined;
  return row ? toSubject(kind, row) : undefined;
}

export function getSubject(store: Store, kind: SubjectKind, id: number): Subject {
  const s = findSubject(store, kind, id);
  if (!s) throw new AppError('NOT_FOUND', `${kind === 'org' ? '主体' : '农户'} #${id} 不存在`);
  return s;
}

/** Every active organisation of the given kinds, in id order (the batch rating's population), optionally of one township. */
export function activeOrgs(store: Store, kinds: readonly string[], townshipId: number | null = null): Subject[] {
  if (kinds.length === 0) return [];
  const rows = store.sqlite
    .prepare(`${ORG_SQL} WHERE o.status = 'active' AND o.kind IN (${kinds.map(() => '?').join(',')}) AND (? IS NULL OR o.township_id = ?) ORDER BY o.id`)
    .all(...kinds, townshipId, townshipId) as Row[];
  return rows.map((r) => toSubject('org', r));
}

/** Every active household, in id order, optionally of one township (a 整村授信 campaign rates a township's farmers). */
export function activeHouseholds(store: Store, townshipId: number | null = null): Subject[] {
  const rows = store.sqlite.prepare(`${HOUSEHOLD_SQL} WHERE h.status = 'active' AND (? IS NULL OR h.township_id = ?) ORDER BY h.id`).all(townshipId, townshipId) as Row[];
  return rows.map((r) => toSubject('household', r));
}

/** The subject columns every credit table carries. */
export function subjectColumns(s: { kind: SubjectKind; id: number }) {
  return { subjectKey: subjectKey(s.kind, s.id), orgId: s.kind === 'org' ? s.id : null, householdId: s.kind === 'household' ? s.id : null };
}
