import type { Store } from '../db/store';
import { registryCounts, type RegistryCounts } from './counts';
import { ORG_KINDS, SITE_KINDS } from './schema';
import { chinaToday } from './coopMembers';

export interface RegistrySummary {
  totals: { households: number; activeHouseholds: number; orgs: number; activeOrgs: number; coopMembers: number; unions: number; sites: number };
  byKind: { kind: string; count: number }[];
  byTownship: { townshipId: number | null; township: string; households: number; orgs: number; coops: number }[];
  byIndustry: { industry: string; orgs: number; coops: number }[];
  byUnion: { unionId: number; name: string; kind: string; level: string; memberUnits: number }[];
  sitesByKind: { kind: string; count: number }[];
  demoLevels: { level: string; count: number }[];
  indicators: RegistryCounts;
}

/** Counts for the registry's overview page and the dashboard: active records unless named otherwise. */
export function registrySummary(store: Store): RegistrySummary {
  const q = store.sqlite;
  const one = (sql: string, ...a: unknown[]) => q.prepare(sql).pluck().get(...a) as number;
  const today = chinaToday(store);
  const kinds = new Map((q.prepare("SELECT kind, count(*) AS n FROM orgs WHERE status = 'active' GROUP BY kind").all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
  const sites = new Map((q.prepare("SELECT kind, count(*) AS n FROM service_sites WHERE status = 'active' GROUP BY kind").all() as { kind: string; n: number }[]).map((r) => [r.kind, r.n]));
  const byTownship = q
    .prepare(
      `SELECT t.id AS townshipId, t.name AS township,
        (SELECT count(*) FROM households h WHERE h.township_id = t.id AND h.status = 'active') AS households,
        (SELECT count(*) FROM orgs o WHERE o.township_id = t.id AND o.status = 'active') AS orgs,
        (SELECT count(*) FROM orgs o WHERE o.township_id = t.id AND o.status = 'active' AND o.kind = '农民专业合作社') AS coops
       FROM townships t ORDER BY t.sort, t.id`,
    )
    .all() as RegistrySummary['byTownship'];
  const unplaced = q.prepare("SELECT (SELECT count(*) FROM households WHERE township_id IS NULL AND status = 'active') AS h, (SELECT count(*) FROM orgs WHERE township_id IS NULL AND status = 'active') AS o, (SELECT count(*) FROM orgs WHERE township_id IS NULL AND status = 'active' AND kind = '农民专业合作社') AS c").get() as { h: number; o: number; c: number };
  if (unplaced.h || unplaced.o) byTownship.push({ townshipId: null, township: '（未填乡镇）', households: unplaced.h, orgs: unplaced.o, coops: unplaced.c });
  return {
    totals: {
      households: one('SELECT count(*) FROM households'),
      activeHouseholds: one("SELECT count(*) FROM households WHERE status = 'active'"),
      orgs: one('SELECT count(*) FROM orgs'),
      activeOrgs: one("SELECT count(*) FROM orgs WHERE status = 'active'"),
      coopMembers: one("SELECT count(*) FROM coop_members WHERE joined_on <= ? AND (left_on = '' OR left_on > ?)", today, today),
      unions: one("SELECT count(*) FROM unions WHERE status = 'active'"),
      sites: one("SELECT count(*) FROM service_sites WHERE status = 'active'"),
    },
    byKind: ORG_KINDS.map((kind) => ({ kind, count: kinds.get(kind) ?? 0 })),
    byTownship,
    byIndustry: q
      .prepare(
        `SELECT i.name AS industry,
          (SELECT count(*) FROM orgs o, json_each(o.industries) j WHERE j.value = i.name AND o.status = 'active') AS orgs,
          (SELECT count(*) FROM orgs o, json_each(o.industries) j WHERE j.value = i.name AND o.status = 'active' AND o.kind = '农民专业合作社') AS coops
         FROM industries i ORDER BY i.sort, i.id`,
      )
      .all() as RegistrySummary['byIndustry'],
    byUnion: q
      .prepare(
        `SELECT u.id AS unionId, u.name, u.kind, u.level,
          (SELECT count(DISTINCT um.org_id) FROM union_members um WHERE um.union_id = u.id AND um.status = 'active' AND um.joined_on <= ? AND (um.left_on = '' OR um.left_on > ?)) AS memberUnits
         FROM unions u WHERE u.status = 'active' ORDER BY u.kind DESC, u.level, u.id`,
      )
      .all(today, today) as RegistrySummary['byUnion'],
    sitesByKind: SITE_KINDS.map((kind) => ({ kind, count: sites.get(kind) ?? 0 })),
    demoLevels: (['国家级', '市级', '县级'] as const).map((level) => ({
      level,
      count: one("SELECT count(*) FROM orgs WHERE kind = '农民专业合作社' AND status = 'active' AND demo_level = ?", level),
    })),
    indicators: registryCounts(store, today),
  };
}
