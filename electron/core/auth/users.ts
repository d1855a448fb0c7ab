import { eq, asc, count } from 'drizzle-orm';
import { users } from './schema';
import { hashPassword, verifyPassword } from './password';
import type { Store, Actor } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { getSettings } from '../settings/settings';

export type UserRow = typeof users.$inferSelect;

export interface PublicUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
  version: number;
}

export function toPublic(u: UserRow): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    lockedUntil: u.lockedUntil,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt,
    version: u.version,
  };
}

export function userCount(store: Store): number {
  return store.db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listUsers(store: Store): PublicUser[] {
  return store.db.select().from(users).orderBy(asc(users.id)).all().map(toPublic);
}

export function getUser(store: Store, id: number): UserRow {
  const u = store.db.select().from(users).where(eq(users.id, id)).get();
  if (!u) throw new AppError('NOT_FOUND', `用户 #${id} 不存在`);
  return u;
}

export function findByUsername(store: Store, username: string): UserRow | undefined {
  return store.db.select().from(users).where(eq(users.username, username)).get();
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

/** Inserts inside the caller's transaction; used by createUser and by first-run setup. */
export function insertUser(store: Store, input: NewUser, mustChangePassword: boolean): UserRow {
  if (findByUsername(store, input.username)) throw fieldError('username', `用户名“${input.username}”已被使用`, 'DUPLICATE');
  const { hash, salt } = hashPassword(input.password);
  const now = store.now();
  return store.db
    .insert(users)
    .values({ username: input.username, displayName: input.displayName, role: input.role, passwordHash: hash, salt, mustChangePassword, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function createUser(store: Store, actor: Actor, input: NewUser): PublicUser {
  return store.write(actor, 'users.create', (audit) => {
    const u = insertUser(store, input, true);
    audit.record({ entity: 'user', ids: [u.id], summary: { after: { username: u.username, displayName: u.displayName, role: u.role } } });
    return toPublic(u);
  });
}

function adminsLeft(store: Store, exceptId: number): number {
  return store.db
    .select()
    .from(users)
    .all()
    .filter((u) => u.id !== exceptId && u.role === 'admin' && u.active).length;
}

export function updateUser(store: Store, actor: Actor, input: { id: number; displayName: string; role: Role; active: boolean; version: number }): PublicUser {
  return store.write(actor, 'users.update', (audit) => {
    const before = getUser(store, input.id);
    if (before.version !== input.version) throw new AppError('CONFLICT', '此用户已被他人修改，请刷新后重试');
    const losesAdmin = before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active);
    if (losesAdmin && adminsLeft(store, before.id) === 0) throw fieldError('role', '至少要保留一个启用的管理员');
    if (input.id === actor.userId && !input.active) throw fieldError('active', '不能停用自己的账号');
    const after = store.db
      .update(users)
      .set({ displayName: input.displayName, role: input.role, active: input.active, updatedAt: store.now(), version: before.version + 1 })
      .where(eq(users.id, input.id))
      .returning()
      .get();
    audit.record({
      entity: 'user',
      ids: [after.id],
      summary: {
        before: { displayName: before.displayName, role: before.role, active: before.active },
        after: { displayName: after.displayName, role: after.role, active: after.active },
      },
    });
    return toPublic(after);
  });
}

export function resetPassword(store: Store, actor: Actor, id: number, password: string): PublicUser {
  return store.write(actor, 'users.resetPassword', (audit) => {
    const before = getUser(store, id);
    const { hash, salt } = hashPassword(password);
    const after = store.db
      .update(users)
      .set({ passwordHash: hash, salt, failedCount: 0, lockedUntil: null, mustChangePassword: true, updatedAt: store.now(), version: before.version + 1 })
      .where(eq(users.id, id))
      .returning()
      .get();
    audit.record({ entity: 'user', ids: [id], summary: { note: '管理员重置密码，下次登录须修改' } });
    return toPublic(after);
  });
}

export function unlockUser(store: Store, actor: Actor, id: number): PublicUser {
  return store.write(actor, 'users.unlock', (audit) => {
    const before = getUser(store, id);
    const after = store.db.update(users).set({ failedCount: 0, lockedUntil: null, updatedAt: store.now(), version: before.version + 1 }).where(eq(users.id, id)).returning().get();
    audit.record({ entity: 'user', ids: [id], summary: { before: { lockedUntil: before.lockedUntil } } });
    return toPublic(after);
  });
}

export function changeOwnPassword(store: Store, actor: Actor, oldPassword: string, newPassword: string): void {
  if (actor.userId === null) throw new AppError('UNAUTHENTICATED', '请先登录');
  const u = getUser(store, actor.userId);
  if (!verifyPassword(oldPassword, u.salt, u.passwordHash)) throw fieldError('oldPassword', '原密码不正确', 'BAD_CREDENTIALS');
  if (oldPassword === newPassword) throw fieldError('newPassword', '新密码不能与原密码相同');
  store.write(actor, 'auth.changePassword', (audit) => {
    const { hash, salt } = hashPassword(newPassword);
    store.db.update(users).set({ passwordHash: hash, salt, mustChangePassword: false, updatedAt: store.now(), version: u.version + 1 }).where(eq(users.id, u.id)).run();
    audit.record({ entity: 'user', ids: [u.id], summary: { note: '本人修改密码' } });
  });
}

/**
 * Checks a password and keeps the failure counter. Failures and lockouts are audited too, so that an
 * administrator can see a guessing attempt; the same message is given for an unknown user and a
 * wrong password so that user names cannot be probed.
 */
export function authenticate(store: Store, username: string, password: string): UserRow {
  const cfg = getSettings(store);
  const u = findByUsername(store, username);
  const now = store.now();
  if (!u) throw new AppError('BAD_CREDENTIALS', '用户名或密码不正确', { password: '用户名或密码不正确' });
  if (!u.active) throw new AppError('FORBIDDEN', '此账号已停用，请联系管理员');
  if (u.lockedUntil && u.lockedUntil > now) {
    throw new AppError('ACCOUNT_LOCKED', `密码连续输错次数过多，账号已锁定至 ${new Date(u.lockedUntil).toLocaleString('zh-CN', { hour12: false })}，可请管理员解锁`);
  }
  const actor: Actor = { userId: u.id, username: u.username, role: u.role };
  if (!verifyPassword(password, u.salt, u.passwordHash)) {
    const failed = u.failedCount + 1;
    const lock = failed >= cfg.loginMaxFailures;
    const lockedUntil = lock ? new Date(Date.parse(now) + cfg.loginLockMinutes * 60_000).toISOString() : null;
    store.write(actor, 'auth.loginFailed', (audit) => {
      store.db.update(users).set({ failedCount: lock ? 0 : failed, lockedUntil }).where(eq(users.id, u.id)).run();
      audit.record({ entity: 'user', ids: [u.id], summary: lock ? { note: `连续 ${failed} 次密码错误，锁定 ${cfg.loginLockMinutes} 分钟` } : { note: `密码错误第 ${failed} 次` } });
    });
    if (lock) throw new AppError('ACCOUNT_LOCKED', `密码连续输错 ${failed} 次，账号已锁定 ${cfg.loginLockMinutes} 分钟`);
    throw new AppError('BAD_CREDENTIALS', `用户名或密码不正确（再错 ${cfg.loginMaxFailures - failed} 次将锁定）`, { password: '用户名或密码不正确' });
  }
  return store.write(actor, 'auth.login', (audit) => {
    const after = store.db.update(users).set({ failedCount: 0, lockedUntil: null }).where(eq(users.id, u.id)).returning().get();
    audit.record({ entity: 'user', ids: [u.id], summary: {} });
    return after;
  });
}
