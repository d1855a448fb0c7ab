import fs from 'node:fs';
import path from 'node:path';
import type { Command } from '../command';
import { str } from '../command';
import { backupTo, listBackups } from '../../core/backup/backup';

export const systemCommands: Command[] = [
  {
    name: 'setup',
    summary: '首次使用：创建管理员（数据库必须还没有用户）',
    usage: 'weinong setup --username admin --display-name 张管理 --password ******** [--centre-name 名称] [--demo]',
    asUser: false,
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, password: { type: 'string' }, 'centre-name': { type: 'string' }, demo: { type: 'boolean' } },
    run: (c, a) =>
      c.call('setup.createAdmin', {
        username: str(a, 'username', true),
        displayName: str(a, 'display-name') || '管理员',
        password: str(a, 'password', true),
        centreName: str(a, 'centre-name') || '云阳县为农服务中心',
        loadDemo: a.values.demo === true,
      }),
  },
  { name: 'users list', summary: '列出用户', asUser: true, run: (c) => c.call('users.list') },
  {
    name: 'users create',
    summary: '创建用户（角色：admin 管理员 / bookkeeper 会计 / frontdesk 前台 / manager 负责人）',
    usage: 'weinong users create --username kuaiji --display-name 李会计 --role bookkeeper --new-password ********',
    asUser: true,
    options: { username: { type: 'string' }, 'display-name': { type: 'string' }, role: { type: 'string' }, 'new-password': { type: 'string' } },
    run: (c, a) =>
      c.call('users.create', { username: str(a, 'username', true), displayName: str(a, 'display-name', true), role: str(a, 'role', true), password: str(a, 'new-password', true) }),
  },
  {
    name: 'users reset-password',
    summary: '重置用户密码（下次登录须修改）',
    asUser: true,
    options: { id: { type: 'string' }, 'new-password': { type: 'string' } },
    run: (c, a) => c.call('users.resetPassword', { id: Number(str(a, 'id', true)), password: str(a, 'new-password', true) }),
  },
  {
    name: 'audit list',
    summary: '查看审计日志（最新在前）',
    asUser: true,
    options: { limit: { type: 'string' }, method: { type: 'string' }, username: { type: 'string' } },
    run: async (c, a) => {
      const r = await c.call<{ rows: unknown[] }>('audit.list', { limit: Number(str(a, 'limit') || 20), method: str(a, 'method'), username: str(a, 'username') });
      return r.rows;
    },
  },
  { name: 'audit verify', summary: '校验审计日志哈希链，报告第一处断链', asUser: true, run: (c) => c.call('audit.verify') },
  {
    name: 'backup create',
    summary: '立即备份（SQLite 在线备份）；--out 指定文件，否则存入数据目录 backups/',
    asUser: true,
    options: { out: { type: 'string' } },
    run: async (c, a) => {
      const out = str(a, 'out');
      const info = await c.call<{ name: string }>('backup.create');
      if (!out) return info;
      const target = path.resolve(out);
      await backupTo(c.core.store.sqlite, target);
      return { ...info, copiedTo: target };
    },
  },
  { name: 'backup list', summary: '列出数据目录中的备份', asUser: false, run: async (c) => listBackups(c.core.paths.backups) },
  {
    name: 'restore',
    summary: '从备份文件恢复（先做完整性检查，并把当前数据库另存为备份）',
    usage: 'weinong restore FILE --user admin',
    asUser: true,
    run: async (c, a) => {
      const file = a.positionals[0];
      if (!file) throw new Error('请指定要恢复的备份文件');
      return c.call('backup.restore', { name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') });
    },
  },
  {
    name: 'geo import',
    summary: '导入乡镇村（xlsx 或 csv，列：乡镇、村（社区））',
    asUser: true,
    run: async (c, a) => {
      const file = a.positionals[0];
      if (!file) throw new Error('请指定文件');
      const upload = { name: path.basename(file), base64: fs.readFileSync(path.resolve(file)).toString('base64') };
      return c.call('geo.importCommit', upload);
    },
  },
  { name: 'demo load', summary: '载入演示数据（云阳县部分乡镇、各角色用户等）', asUser: true, run: (c) => c.call('demo.load') },
  {
    name: 'call',
    summary: '以 JSON 调用任意接口方法：weinong call <方法> [JSON]',
    asUser: true,
    run: (c, a) => {
      const [method, json] = a.positionals;
      if (!method) throw new Error('请指定方法名');
      return c.call(method, json ? JSON.parse(json) : {});
    },
  },
];
