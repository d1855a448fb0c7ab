import { z, text, int, id } from '../zod';
import { defineMethods } from './define';
import { ROLES } from '../roles';
import { empty, ok } from './common';
import { clientStatus } from './desk';

const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, { error: '用户名为 2-32 位字母、数字、下划线、点或短横线' });
const password = z.string({ error: '请填写密码' }).min(8, { error: '密码至少 8 位' }).max(128, { error: '密码不能超过 128 位' });
const role = z.enum(ROLES, { error: '请选择角色' });

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});

const me = z.object({ user: userOut.nullable(), allowed: z.array(z.string()) });

export const authContract = defineMethods({
  'setup.status': {
    title: '查看初始化状态',
    input: empty,
    output: z.object({
      needsSetup: z.boolean(),
      centreName: z.string(),
      appVersion: z.string(),
      mode: z.enum(['electron', 'browser', 'host', 'client']),
      recovery: z.object({ reason: z.string(), latestBackup: z.string().nullable() }).nullable(),
      /** Set only on a desk in client mode: which host it talks to and whether it can reach it. */
      client: clientStatus.nullable().default(null),
    }),
  },
  'setup.createAdmin': {
    title: '初始化并创建管理员',
    input: z.object({
      username,
      displayName: text('姓名', 50),
      password,
      centreName: text('服务中心名称', 100),
      loadDemo: z.boolean().default(false),
    }),
    output: me,
  },
  'auth.login': { title: '登录', input: z.object({ username, password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }) }), output: me },
  'auth.logout': { title: '退出登录', input: empty, output: ok },
  'auth.me': { title: '当前用户', input: empty, output: me },
  'auth.changePassword': { title: '修改密码', input: z.object({ oldPassword: z.string().min(1, { error: '请填写原密码' }), newPassword: password }), output: ok },

  'users.list': { title: '查看用户', input: empty, output: z.array(userOut) },
  'users.create': {
    title: '创建用户',
    input: z.object({ username, displayName: text('姓名', 50), role, password }),
    output: userOut,
  },
  'users.update': {
    title: '修改用户',
    input: z.object({ id: id('用户'), displayName: text('姓名', 50), role, active: z.boolean(), version: int('版本', 1) }),
    output: userOut,
  },
  'users.resetPassword': { title: '重置密码', input: z.object({ id: id('用户'), password }), output: userOut },
  'users.unlock': { title: '解除锁定', input: z.object({ id: id('用户') }), output: userOut },
});
