import { IconHeadset } from '@tabler/icons-react';
import type { Section } from '../types';
import { MyDeskPage, QueuePage } from './QueuePage';
import { RequestPage } from './RequestPage';
import { ProvidersPage } from './ProvidersPage';
import { SetupPage } from './SetupPage';
import { ContractPage } from './ContractPage';
import { ContractsPage } from './ContractsPage';
import { IntakePage } from './IntakePage';
import { ComplaintsPage } from './ComplaintsPage';
import { StatsPage } from './StatsPage';

export const requestsSection: Section = {
  key: 'requests',
  label: '前台受理',
  icon: IconHeadset,
  routes: [
    { path: '/requests/new', title: '受理登记', method: 'requests.create', component: IntakePage, nav: true },
    { path: '/requests/mine', title: '我的工作台', method: 'requests.create', component: MyDeskPage, nav: true, home: ['frontdesk'] },
    { path: '/requests', title: '服务申请', method: 'requests.list', component: QueuePage, nav: true },
    { path: '/requests/item/:id', title: '服务申请详情', method: 'requests.get', component: RequestPage, nav: false },
    { path: '/requests/contracts', title: '托管合同', method: 'serviceContracts.list', component: ContractsPage, nav: true },
    { path: '/requests/contracts/:id', title: '托管合同详情', method: 'serviceContracts.get', component: ContractPage, nav: false },
    { path: '/requests/complaints', title: '投诉处理', method: 'requests.complaints', component: ComplaintsPage, nav: true },
    { path: '/requests/providers', title: '服务主体', method: 'providers.list', component: ProvidersPage, nav: true },
    { path: '/requests/setup', title: '价目与补助', method: 'servicePrices.list', component: SetupPage, nav: true },
    { path: '/requests/stats', title: '服务统计', method: 'serviceStats.get', component: StatsPage, nav: true },
  ],
};
