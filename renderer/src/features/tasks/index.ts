import { IconChecklist } from '@tabler/icons-react';
import type { Section } from '../types';
import { DashboardPage } from './DashboardPage';
import { TasksPage } from './TasksPage';
import { TaskPage } from './TaskPage';
import { IndicatorsPage } from './IndicatorsPage';
import { IndicatorPage } from './IndicatorPage';
import { UnitsPage } from './UnitsPage';
import { TasksBell } from './Bell';

export const tasksSection: Section = {
  key: 'tasks',
  label: '任务台账',
  icon: IconChecklist,
  header: TasksBell,
  routes: [
    { path: '/tasks/dashboard', title: '改革工作台', method: 'tasks.dashboard', component: DashboardPage, nav: true, home: ['admin', 'manager'] },
    { path: '/tasks', title: '重点任务', method: 'tasks.list', component: TasksPage, nav: true },
    { path: '/tasks/item/:id', title: '任务详情', method: 'tasks.get', component: TaskPage, nav: false },
    { path: '/tasks/indicators', title: '主要指标', method: 'indicators.list', component: IndicatorsPage, nav: true },
    { path: '/tasks/indicators/:id', title: '指标详情', method: 'indicators.get', component: IndicatorPage, nav: false },
    { path: '/tasks/units', title: '单位名录', method: 'units.list', component: UnitsPage, nav: true },
  ],
};
