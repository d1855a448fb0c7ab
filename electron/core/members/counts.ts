import type { Store } from '../db/store';

/** Figures the plan's indicators 1-5 and 7 are computed from; `asOf` counts what existed on that day. */
export interface RegistryCounts {
  /** Indicator 1: all unions (county, township and industry). */
  unions: number;
  regionalUnions: number;
  industryUnions: number;
  /** Indicator 4: distinct organisations that are active members of at least one union. */
  memberUnits: number;
  /** Indicator 2: county and township service centres. */
  serviceCentres: number;
  /** Indicator 3. */
  comprehensiveCoops: number;
  /** Indicator 7. */
  distributionOutlets: number;
  villageStations: number;
  /** Indicator 5: active cooperatives with a demonstration level. */
  demoCoops: number;
}

/**
 * Records deregistered or suspended today are not counted for any date, because the registry keeps no
 * date for a status change; joins and openings are dated, so earlier days exclude later arrivals.
 */
export function registryCounts(store: Store, asOf = '9999-12-31'): RegistryCounts {
  const one = (sql: string, ...args: unknown[]) => (store.sqlite.prepare(sql).pluck().get(...args) as number | null) ?? 0;
  const sites = (kinds: string[]) =>
    one(
      `SELECT count(*) FROM service_sites WHERE status = 'active' AND kind IN (${kinds.map(() => '?').join(',')}) AND (opened_on = '' OR opened_on <= ?)`,
      ...kinds,
      asOf,
    );
  const unions = (kind: string) => one(`SELECT count(*) FROM unions WHERE status = 'active' AND kind = ? AND (established_on = '' OR established_on <= ?)`, kind, asOf);
  const regionalUnions = unions('regional');
  const industryUnions = unions('industry');
  return {
    unions: regionalUnions + industryUnions,
    regionalUnions,
    industryUnions,
    memberUnits: one(
      `SELECT count(DISTINCT um.org_id) FROM union_members um JOIN orgs o ON o.id = um.org_id
       WHERE um.status = 'active' AND o.status = 'active' AND um.joined_on <= ? AND (um.left_on = '' OR um.left_on > ?)`,
      asOf,
      asOf,
    ),
    serviceCentres: sites(['县级为农服务中心', '乡镇为农服务中心']),
    comprehensiveCoops: sites(['农村综合服务社']),
    distributionOutlets: sites(['农村流通网点']),
    villageStations: sites(['村级一站式服务站']),
    demoCoops: one(
      `SELECT count(*) FROM orgs WHERE kind = '农民专业合作社' AND status = 'active' AND demo_level <> '' AND (demo_year IS NULL OR demo_year <= ?)`,
      Number(asOf.slice(0, 4)),
    ),
  };
}
