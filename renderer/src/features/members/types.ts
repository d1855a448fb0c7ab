import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';

export type MemberHit = Out<Contract['members.search']>[number];
export type Household = Out<Contract['households.get']>['household'];
export type Org = Out<Contract['orgs.get']>['org'];
export type OrgDetail = Out<Contract['orgs.get']>;
export type CoopMember = Out<Contract['coopMembers.list']>[number];
export type Union = Out<Contract['unions.list']>[number];
export type UnionMember = Out<Contract['unions.get']>['members'][number];
export type Site = Out<Contract['sites.list']>[number];
export type Reference = OrgDetail['references'][number];
