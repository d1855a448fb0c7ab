import { IconSettings } from '@tabler/icons-react';
import type { Section } from '../types';
import { UsersPage } from './UsersPage';
import { AuditPage } from './AuditPage';
import { SettingsPage } from './SettingsPage';
import { BackupPage } from './BackupPage';
import { AboutPage } from './AboutPage';

export const systemSection: Section = {
  key: 'system',
  label: '系统设置',
  icon: IconSettings,
  routes: [
    { path: '/system/users', title: '用户管理', method: 'users.list', component: UsersPage, nav: true },
    { path: '/system/audit', title: '审计日志', method: 'audit.list', component: AuditPage, nav: true },
    { path: '/system/settings', title: '系统设置', method: 'settings.get', component: SettingsPage, nav: true },
    { path: '/system/backup', title: '备份与恢复', method: 'backup.list', component: BackupPage, nav: true },
    { path: '/system/about', title: '关于与更新', method: 'system.info', component: AboutPage, nav: true },
  ],
};
