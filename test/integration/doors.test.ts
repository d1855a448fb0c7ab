import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { localBackend } from '../../electron/api/backend';
import { startServer, type RunningServer } from '../../electron/server/http';
import { refusal } from '../helpers/refusal';

let env: Awaited<ReturnType<typeof setupCore>>;
let http: RunningServer;

const counts = () => ({
  audit: env.core.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  users: env.core.store.sqlite.prepare('SELECT count(*) FROM users').pluck().get(),
});

async function post(method: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${http.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: http.url, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } }, cookie: res.headers.get('set-cookie') };
}

beforeAll(async () => {
  env = await setupCore();
  await env.admin.call('users.create', { username: 'qiantai', displayName: '王前台', role: 'frontdesk', password: 'front-pass-1' });
  const front = await env.as('qiantai', 'front-pass-1');
  await front.call('auth.changePassword', { oldPassword: 'front-pass-1', newPassword: 'front-pass-2' });
  http = await startServer({ backend: localBackend(env.core, env.router), staticDir: env.dir });
});
afterAll(async () => {
  await http.close();
  env.close();
});


describe('router refusals change nothing (direct call)', () => {
  it('rejects an unknown method', async () => {
    const before = counts();
    const e = await refusal(() => env.admin.call('users.drop', {}));
    expect(e.code).toBe('UNKNOWN_METHOD');
    expect(counts()).toEqual(before);
  });

  it('rejects a malformed payload with field messages in Chinese', async () => {
    const before = counts();
    const e = await refusal(() => env.admin.call('users.create', { username: 'x', displayName: '', role: 'boss', password: 'short' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.username).toContain('用户名');
    expect(e.fields?.displayName).toContain('姓名不能为空');
    expect(e.fields?.role).toBeTruthy();
    expect(e.fields?.password).toContain('至少 8 位');
    expect(counts()).toEqual(before);
  });

  it('rejects a call without a session', async () => {
    const before = counts();
    const anon = await refusal(async () => {
      const { CliClient } = await import('../../electron/cli/io');
      return new CliClient(env.core, env.router).call('users.create', { username: 'zz', displayName: '某', role: 'admin', password: '12345678' });
    });
    expect(anon.code).toBe('UNAUTHENTICATED');
    expect(counts()).toEqual(before);
  });

  it('refuses a role the method does not allow, naming the role and the action', async () => {
    const front = await env.as('qiantai', 'front-pass-2');
    const before = counts();
    const e = await refusal(() => front.call('users.create', { username: 'evil', displayName: '某', role: 'admin', password: '12345678' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toBe('您的角色（前台）无权执行“创建用户”');
    expect(counts()).toEqual(before);
  });
});

describe('HTTP door', () => {
  it('answers an unknown method, bad JSON, no session and a wrong role with the structured error and no change', async () => {
    const before = counts();
    const unknown = await post('nope.nothing', '{}');
    expect([unknown.status, unknown.body.error?.code]).toEqual([404, 'UNKNOWN_METHOD']);
    const bad = await post('auth.login', '{"username":');
    expect([bad.status, bad.body.error?.code]).toEqual([400, 'VALIDATION']);
    const anon = await post('users.list', '{}');
    expect([anon.status, anon.body.error?.code]).toEqual([401, 'UNAUTHENTICATED']);
    const login = await post('auth.login', JSON.stringify({ username: 'qiantai', password: 'front-pass-2' }));
    expect(login.body.ok).toBe(true);
    const cookie = login.cookie!.split(';')[0]!;
    const forbidden = await post('users.create', JSON.stringify({ username: 'evil', displayName: '某', role: 'admin', password: '12345678' }), { Cookie: cookie });
    expect([forbidden.status, forbidden.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    const after = counts();
    expect(after.users).toBe(before.users);
    // The successful login above is itself audited; nothing else may be.
    expect(after.audit).toBe((before.audit as number) + 1);
  });

  it('sets an HttpOnly SameSite=Strict session cookie and refuses foreign origins', async () => {
    const login = await post('auth.login', JSON.stringify({ username: 'admin', password: 'admin-pass-1' }));
    expect(login.cookie).toMatch(/HttpOnly/);
    expect(login.cookie).toMatch(/SameSite=Strict/);
    const cookie = login.cookie!.split(';')[0]!;
    const foreign = await post('users.list', '{}', { Cookie: cookie, Origin: 'http://evil.example' });
    expect([foreign.status, foreign.body.error?.code]).toEqual([403, 'BAD_ORIGIN']);
    const missing = await fetch(`${http.url}/api/users.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' });
    expect(missing.status).toBe(403);
    const form = await post('users.list', '{}', { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.body.error?.code).toBe('VALIDATION');
    const ok = await post('users.list', '{}', { Cookie: cookie });
    expect(ok.body.ok).toBe(true);
  });

  it('forgets the session on logout', async () => {
    const login = await post('auth.login', JSON.stringify({ username: 'admin', password: 'admin-pass-1' }));
    const cookie = login.cookie!.split(';')[0]!;
    await post('auth.logout', '{}', { Cookie: cookie });
    const after = await post('users.list', '{}', { Cookie: cookie });
    expect(after.body.error?.code).toBe('UNAUTHENTICATED');
  });
});
