import { EN_MEMBERS } from './en-members';

/** English for the UI; keys are the Chinese source strings. Missing keys show the Chinese. */
export const EN: Record<string, string> = {
  ...EN_MEMBERS,
  为农服务台: 'Weinong Desk',
  登录: 'Log in',
  用户名: 'Username',
  密码: 'Password',
  退出登录: 'Log out',
  修改密码: 'Change password',
  搜索: 'Search',
  系统设置: 'Settings',
  用户管理: 'Users',
  审计日志: 'Audit log',
  备份与恢复: 'Backup & restore',
  关于与更新: 'About & updates',
  管理员: 'Administrator',
  会计: 'Bookkeeper',
  前台: 'Front desk',
  负责人: 'Manager',
};
