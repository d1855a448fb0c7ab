import { IconReportAnalytics } from '@tabler/icons-react';
import type { Section } from '../types';
import { ReportsPage } from './ReportsPage';
import { HistoryPage } from './HistoryPage';

export const reportsSection: Section = {
  key: 'reports',
  label: '报表上报',
  icon: IconReportAnalytics,
  routes: [
    { path: '/reports', title: '报表中心', method: 'reports.catalog', component: ReportsPage, nav: true },
    { path: '/reports/history', title: '上报记录', method: 'reports.history', component: HistoryPage, nav: true },
  ],
};
