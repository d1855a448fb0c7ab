import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { setupCore } from '../helpers/core';
import { refusal } from '../helpers/refusal';
import { updateSettings } from '../../electron/core/settings/settings';
import { SYSTEM_ACTOR } from '../../electron/core/db/store';

let env: Awaited<ReturnType<typeof setupCore>>;
beforeEach(async () => {
  env = await setupCore();
});
afterEach(() => env.close());


const user = (username: string) => env.core.store.sqlite.prepare('SELECT * FROM users WHERE username = ?').get(username) as Record<string, unknown>;

describe('users and passwords', () => {
  it('stores scrypt hashes with a salt per user, never the password', async () => {
    await env.admin.call('users.create', { username: 'a1', displayName: '甲', role: 'bookkeeper', password: 'same-password' });
    await env.admin.call('users.create', { username: 'a2', displayName: '乙', role: 'bookkeeper', password: 'same-password' });
    const [u1, u2] = [user('a1'), user('a2')];
    expect(u1.password_hash).not.toContain('same-password');
    expect(u1.salt).not.toBe(u2.salt);
    expect(u1.password_hash).not.toBe(u2.password_hash);
  });

  it('locks an account after repeated failures, even against the right password, until unlocked', async () => {
    updateSettings(env.core.store, SYSTEM_ACTOR, { loginMaxFailures: 3, loginLockMinutes: 10 });
    await env.admin.call('users.create', { username: 'kj', displayName: '会计', role: 'bookkeeper', password: 'right-pass-1' });
    const first = await refusal(() => env.as('kj', 'wrong-1'));
    expect(first.code).toBe('BAD_CREDENTIALS');
    expect(first.message).toContain('再错 2 次将锁定');
    await refusal(() => env.as('kj', 'wrong-2'));
    const locked = await refusal(() => env.as('kj', 'wrong-3'));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    const stillLocked = await refusal(() => env.as('kj', 'right-pass-1'));
    expect(stillLocked.code).toBe('ACCOUNT_LOCKED');
    const audit = await env.admin.call<{ rows: { method: string }[] }>('audit.list', { method: 'auth.loginFailed' });
    expect(audit.rows).toHaveLength(3);
    await env.admin.call('users.unlock', { id: user('kj').id });
    await expect(env.as('kj', 'right-pass-1')).resolves.toBeTruthy();
  });

  it('gives the same answer for an unknown user as for a wrong password', async () => {
    const e = await refusal(() => env.as('nobody', 'whatever-1'));
    expect(e.code).toBe('BAD_CREDENTIALS');
    expect(e.message).toBe('用户名或密码不正确');
  });

  it('forces a password change after an admin reset and allows nothing else meanwhile', async () => {
    await env.admin.call('users.create', { username: 'qt', displayName: '前台', role: 'frontdesk', password: 'first-pass-1' });
    const qt = await env.as('qt', 'first-pass-1');
    const blocked = await refusal(() => qt.call('geo.list'));
    expect(blocked.message).toBe('请先修改初始密码');
    await qt.call('auth.changePassword', { oldPassword: 'first-pass-1', newPassword: 'second-pass-2' });
    await expect(qt.call('geo.list')).resolves.toEqual([]);
    await env.admin.call('users.resetPassword', { id: user('qt').id, password: 'third-pass-3' });
    expect((await refusal(() => qt.call('geo.list'))).code).toBe('UNAUTHENTICATED');
  });

  it('disabling a user ends their sessions and refuses their login', async () => {
    await env.admin.call('users.create', { username: 'fz', displayName: '负责人', role: 'manager', password: 'first-pass-1' });
    const fz = await env.as('fz', 'first-pass-1');
    await fz.call('auth.changePassword', { oldPassword: 'first-pass-1', newPassword: 'second-pass-2' });
    const u = user('fz');
    await env.admin.call('users.update', { id: u.id, displayName: '负责人', role: 'manager', active: false, version: u.version });
    expect((await refusal(() => fz.call('geo.list'))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(() => env.as('fz', 'second-pass-2'))).message).toContain('已停用');
  });

  it('keeps at least one active administrator and detects a stale edit', async () => {
    const admin = user('admin');
    const last = await refusal(() => env.admin.call('users.update', { id: admin.id, displayName: '张管理', role: 'manager', active: true, version: admin.version }));
    expect(last.message).toBe('至少要保留一个启用的管理员');
    await env.admin.call('users.create', { username: 'x1', displayName: '甲', role: 'frontdesk', password: 'first-pass-1' });
    const x = user('x1');
    await env.admin.call('users.update', { id: x.id, displayName: '甲甲', role: 'frontdesk', active: true, version: x.version });
    const stale = await refusal(() => env.admin.call('users.update', { id: x.id, displayName: '甲乙', role: 'frontdesk', active: true, version: x.version }));
    expect(stale.code).toBe('CONFLICT');
    expect(user('x1').display_name).toBe('甲甲');
  });

  it('refuses a second setup', async () => {
    const e = await refusal(() => env.admin.call('setup.createAdmin', { username: 'admin2', displayName: '某', password: '12345678', centreName: '另一中心' }));
    expect(e.code).toBe('SETUP_DONE');
    expect(user('admin2')).toBeUndefined();
  });
});
