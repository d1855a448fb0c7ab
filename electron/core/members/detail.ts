import type { Store, Actor } from '../db/store';
import { listAudit, type AuditRow } from '../audit/query';
import { geoLookup } from './geo';
import { getHouseholdRow, presentHousehold, type HouseholdOut } from './households';
import { getOrgRow, presentOrg, COOP_KIND, type OrgOut } from './orgs';
import { listCoopMembers, membershipsOf, type CoopMemberOut } from './coopMembers';
import { unionsOfOrg, type UnionMemberOut } from './unions';
import { sitesOperatedBy, type SiteOut } from './sites';
import { referencesTo, type Reference } from './references';

export interface OrgDetail {
  org: OrgOut;
  /** The cooperative's own member roll (empty for other kinds). */
  members: CoopMemberOut[];
  /** Cooperatives this organisation is a member of. */
  memberOf: CoopMemberOut[];
  unions: UnionMemberOut[];
  sites: SiteOut[];
  references: Reference[];
}

export function orgDetail(store: Store, actor: Actor, id: number): OrgDetail {
  const org = presentOrg(getOrgRow(store, id), geoLookup(store));
  return {
    org,
    members: org.kind === COOP_KIND ? listCoopMembers(store, actor.role, id) : [],
    memberOf: membershipsOf(store, actor.role, 'org', id),
    unions: unionsOfOrg(store, id),
    sites: sitesOperatedBy(store, id),
    references: referencesTo(store, 'orgs', id),
  };
}

export interface HouseholdDetail {
  household: HouseholdOut;
  memberOf: CoopMemberOut[];
  references: Reference[];
}

export function householdDetail(store: Store, actor: Actor, id: number): HouseholdDetail {
  return {
    household: presentHousehold(getHouseholdRow(store, id), geoLookup(store), actor.role),
    memberOf: membershipsOf(store, actor.role, 'household', id),
    references: referencesTo(store, 'households', id),
  };
}

export type HistoryEntity = 'org' | 'household' | 'union' | 'site';

/** A record's changes from the audit log, newest first; summaries never hold whole ID numbers. */
export function recordHistory(store: Store, entity: HistoryEntity, id: number, offset: number, limit: number): { total: number; rows: AuditRow[] } {
  return listAudit(store, { username: '', method: '', entity, entityId: String(id), from: '', to: '', offset, limit });
}
