import { IconAddressBook } from '@tabler/icons-react';
import type { Section } from '../types';
import { OrgListPage } from './OrgListPage';
import { OrgFormPage } from './OrgFormPage';
import { OrgDetailPage } from './OrgDetailPage';
import { HouseholdListPage } from './HouseholdListPage';
import { HouseholdFormPage } from './HouseholdFormPage';
import { HouseholdDetailPage } from './HouseholdDetailPage';
import { UnionsPage } from './UnionsPage';
import { UnionDetailPage } from './UnionDetailPage';
import { SitesPage } from './SitesPage';
import { ImportPage } from './ImportPage';
import { SummaryPage } from './SummaryPage';
import { IndustriesPage } from './IndustriesPage';

export { MemberPicker } from './MemberPicker';
export { RECORD_PANELS } from './panels';

/** 会员档案: fixed paths ("new") come before ":id" because the shell takes the first match. */
export const membersSection: Section = {
  key: 'members',
  label: '会员档案',
  icon: IconAddressBook,
  routes: [
    { path: '/members/orgs', title: '经营主体', method: 'orgs.list', component: OrgListPage, nav: true },
    { path: '/members/orgs/new', title: '登记主体', method: 'orgs.save', component: OrgFormPage, nav: false },
    { path: '/members/orgs/:id', title: '主体档案', method: 'orgs.get', component: OrgDetailPage, nav: false },
    { path: '/members/orgs/:id/edit', title: '编辑主体', method: 'orgs.save', component: OrgFormPage, nav: false },
    { path: '/members/households', title: '农户', method: 'households.list', component: HouseholdListPage, nav: true },
    { path: '/members/households/new', title: '登记农户', method: 'households.save', component: HouseholdFormPage, nav: false },
    { path: '/members/households/:id', title: '农户档案', method: 'households.get', component: HouseholdDetailPage, nav: false },
    { path: '/members/households/:id/edit', title: '编辑农户', method: 'households.save', component: HouseholdFormPage, nav: false },
    { path: '/members/unions', title: '农合联', method: 'unions.list', component: UnionsPage, nav: true },
    { path: '/members/unions/:id', title: '农合联档案', method: 'unions.get', component: UnionDetailPage, nav: false },
    { path: '/members/sites', title: '服务站点', method: 'sites.list', component: SitesPage, nav: true },
    { path: '/members/import', title: '导入', method: 'members.importPreview', component: ImportPage, nav: true },
    { path: '/members/summary', title: '档案统计', method: 'members.summary', component: SummaryPage, nav: true },
    { path: '/members/industries', title: '产业目录', method: 'industries.list', component: IndustriesPage, nav: true },
  ],
};
