import type { Impls, HandlerCtx } from './router';
import type { authContract } from '../../shared/contract/auth';
import { AppError } from '../../shared/errors';
import {
  authenticate,
  changeOwnPassword,
  createUser,
  getUser,
  insertUser,
  listUsers,
  resetPassword,
  toPublic,
  unlockUser,
  updateUser,
  userCount,
  type UserRow,
} from '../core/auth/users';
import { getSettings, updateSettings } from '../core/settings/settings';
import { loadDemo } from '../core/demo';
import { seedPlan } from '../core/tasks/plan';
import { APP_VERSION } from '../core/version';
import type { Session } from '../core/auth/sessions';

function me(ctx: HandlerCtx, user: UserRow | null) {
  return { user: user ? toPublic(user) : null, allowed: user ? ctx.router.allowedFor(user.role) : [] };
}

function startSession(ctx: HandlerCtx, user: UserRow): Session {
  const s = ctx.core.sessions.create(user, ctx.door.origin);
  ctx.door.setSession(s);
  return s;
}

export const authHandlers: Impls<typeof authContract> = {
  'setup.status': {
    access: 'public',
    inRecovery: true,
    handler: (ctx) => {
      const recovery = ctx.core.recovery;
      return {
        needsSetup: recovery ? false : userCount(ctx.store) === 0,
        centreName: recovery ? '' : getSettings(ctx.store).centreName,
        appVersion: APP_VERSION,
        mode: ctx.core.mode,
        recovery,
      };
    },
  },
  'setup.createAdmin': {
    access: 'public',
    handler: (ctx, input) => {
      const actor = { userId: null, username: input.username, role: 'admin' as const };
      const admin = ctx.store.write(actor, 'setup.createAdmin', (audit) => {
        if (userCount(ctx.store) > 0) throw new AppError('SETUP_DONE', '系统已经初始化过，请直接登录');
        const u = insertUser(ctx.store, { username: input.username, displayName: input.displayName, role: 'admin', password: input.password }, false);
        audit.record({ entity: 'user', ids: [u.id], summary: { after: { username: u.username, role: 'admin' } } });
        return u;
      });
      const adminActor = { userId: admin.id, username: admin.username, role: admin.role };
      updateSettings(ctx.store, adminActor, { centreName: input.centreName });
      seedPlan(ctx.store, adminActor);
      if (input.loadDemo) loadDemo(ctx.store, adminActor);
      startSession(ctx, admin);
      return me(ctx, admin);
    },
  },
  'auth.login': {
    access: 'public',
    handler: (ctx, input) => {
      const user = authenticate(ctx.store, input.username, input.password);
      startSession(ctx, user);
      return me(ctx, user);
    },
  },
  'auth.logout': {
    access: 'public',
    handler: (ctx) => {
      if (ctx.session) ctx.core.sessions.end(ctx.session.token);
      ctx.door.clearSession();
      return { ok: true as const };
    },
  },
  'auth.me': {
    access: 'public',
    handler: (ctx) => (ctx.session ? me(ctx, getUser(ctx.store, ctx.session.userId)) : me(ctx, null)),
  },
  'auth.changePassword': {
    access: 'any',
    handler: (ctx, input) => {
      changeOwnPassword(ctx.store, ctx.actor, input.oldPassword, input.newPassword);
      if (ctx.session) ctx.session.mustChangePassword = false;
      return { ok: true as const };
    },
  },
  'users.list': { access: ['admin'], handler: (ctx) => listUsers(ctx.store) },
  'users.create': { access: ['admin'], handler: (ctx, input) => createUser(ctx.store, ctx.actor, input) },
  'users.update': {
    access: ['admin'],
    handler: (ctx, input) => {
      const u = updateUser(ctx.store, ctx.actor, input);
      ctx.core.sessions.refreshUser(u);
      return u;
    },
  },
  'users.resetPassword': {
    access: ['admin'],
    handler: (ctx, input) => {
      const u = resetPassword(ctx.store, ctx.actor, input.id, input.password);
      ctx.core.sessions.endForUser(u.id);
      return u;
    },
  },
  'users.unlock': { access: ['admin'], handler: (ctx, input) => unlockUser(ctx.store, ctx.actor, input.id) },
};
