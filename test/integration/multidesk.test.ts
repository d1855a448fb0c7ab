import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { localBackend } from '../../electron/api/backend';
import { CliClient } from '../../electron/cli/io';
import { HostController } from '../../electron/server/host';
import { ClientBackend } from '../../electron/client/backend';
import { RemoteHost, probeHost } from '../../electron/client/remote';
import { updateSettings } from '../../electron/core/settings/settings';
import { SYSTEM_ACTOR } from '../../electron/core/db/store';
import { tempDir } from '../helpers/tmp';

let now = Date.parse('2026-12-03T08:00:00Z');
const tmp = tempDir('multidesk');
const hostDir = path.join(tmp.dir, 'host');
let core: AppCore;
let host: HostController;
let port = 0;

async function startHost(): Promise<void> {
  core = AppCore.open({ dataDir: hostDir, mode: 'browser', clock: () => new Date(now) });
  const backend = localBackend(core, createRouter());
  host = new HostController(core, backend, tmp.dir);
  core.host = host;
  updateSettings(core.store, SYSTEM_ACTOR, { hostEnabled: true, hostAddress: '127.0.0.1', hostPort: port || 5731 + Math.floor(Math.random() * 2000) });
  const s = await host.apply();
  if (!s.running) throw new Error(s.error);
  port = Number(new URL(s.url).port);
}

async function stopHost(): Promise<void> {
  await host.stop();
  core.close();
}

type Desk = { backend: ClientBackend; call(method: string, input?: unknown): ReturnType<ClientBackend['call']> };
const desks = new Map<string, Desk>();

/** A desk as its client backend sees it (one per name, kept across tests): the link plus calls, no database. */
function desk(name: string): Desk {
  const known = desks.get(name);
  if (known) return known;
  const backend = new ClientBackend(path.join(tmp.dir, name));
  const d: Desk = { backend, call: (method, input = {}) => backend.call(method, input) };
  desks.set(name, d);
  return d;
}

beforeAll(async () => {
  await startHost();
  const admin = new CliClient(core, createRouter());
  await admin.call('setup.createAdmin', { username: 'admin', displayName: '张管理', password: 'admin-pass-1', centreName: '云阳县为农服务中心' });
  await admin.call('users.create', { username: 'qiantai', displayName: '王前台', role: 'frontdesk', password: 'front-pass-1' });
  await admin.call('users.create', { username: 'kuaiji', displayName: '李会计', role: 'bookkeeper', password: 'book-pass-1' });
  await admin.call('geo.saveTownship', { name: '江口镇' });
});
afterAll(async () => {
  for (const d of desks.values()) d.backend.close();
  await stopHost();
  tmp.cleanup();
});

describe('host and two desks over HTTPS', () => {
  it('shows the certificate fingerprint on first contact and pins it', async () => {
    const url = `https://127.0.0.1:${port}`;
    const a = desk('desk-a');
    const probed = await a.call('client.probe', { url: `127.0.0.1:${port}` });
    expect(probed).toMatchObject({ ok: true, data: { url, fingerprint: host.status().fingerprint } });
    const connected = await a.call('client.connect', { url, fingerprint: host.status().fingerprint });
    expect(connected).toMatchObject({ ok: true, data: { connected: true, hostUrl: url } });
    expect(JSON.parse(fs.readFileSync(path.join(tmp.dir, 'desk-a', 'client.json'), 'utf8')).fingerprint).toBe(host.status().fingerprint);
    const status = await a.call('setup.status');
    expect(status).toMatchObject({ ok: true, data: { mode: 'client', centreName: '云阳县为农服务中心', client: { connected: true } } });
  });

  it('refuses a host whose certificate differs from the pinned one', async () => {
    const real = await probeHost(`https://127.0.0.1:${port}`);
    const impostor = await probeHost(`https://127.0.0.1:${port}`);
    // Pin a different certificate (as if the host had been replaced) and call the real host.
    const other = await (await import('../../electron/server/tls')).ensureHostCertificate(path.join(tmp.dir, 'impostor'), 'x');
    const pinnedWrong = new RemoteHost({ ...impostor, certPem: other.cert, fingerprint: other.fingerprint });
    const r = await pinnedWrong.call('setup.status', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'CERT_CHANGED' } });
    expect(r.ok ? '' : r.error.message).toContain('指纹不符');
    pinnedWrong.close();
    const c = desk('desk-wrong');
    const refused = await c.call('client.connect', { url: real.url, fingerprint: other.fingerprint });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CERT_CHANGED' } });
    expect(fs.existsSync(path.join(tmp.dir, 'desk-wrong', 'client.json'))).toBe(false);
  });

  it('gives the later of two concurrent edits a clear conflict and keeps the first', async () => {
    const a = desk('desk-a');
    const b = desk('desk-b');
    await b.call('client.connect', { url: `https://127.0.0.1:${port}`, fingerprint: host.status().fingerprint });
    expect((await a.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
    expect((await b.call('auth.login', { username: 'admin', password: 'admin-pass-1' })).ok).toBe(true);
    const list = (await a.call('users.list')) as { ok: true; data: { id: number; username: string; version: number }[] };
    const kj = list.data.find((u) => u.username === 'kuaiji')!;
    const [first, second] = await Promise.all([
      a.call('users.update', { id: kj.id, displayName: '李会计（A）', role: 'bookkeeper', active: true, version: kj.version }),
      b.call('users.update', { id: kj.id, displayName: '李会计（B）', role: 'bookkeeper', active: true, version: kj.version }),
    ]);
    const results = [first, second];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok) as { ok: false; error: { code: string; message: string } };
    expect(loser.error).toEqual({ code: 'CONFLICT', message: '此用户已被他人修改，请刷新后重试' });
    const winner = (results.find((r) => r.ok) as { ok: true; data: { displayName: string } }).data.displayName;
    const after = (await b.call('users.list')) as { ok: true; data: { username: string; displayName: string }[] };
    expect(after.data.find((u) => u.username === 'kuaiji')!.displayName).toBe(winner);
  });

  it('lets each desk see the other desk\'s change through the change counter', async () => {
    const a = desk('desk-a');
    const b = desk('desk-b');
    const before = (await b.call('sync.changes', { since: -1 })) as { ok: true; data: { seq: number } };
    await a.call('geo.saveTownship', { name: '南溪镇' });
    const after = (await b.call('sync.changes', { since: before.data.seq })) as { ok: true; data: { seq: number; topics: string[] } };
    expect(after.data.seq).toBeGreaterThan(before.data.seq);
    expect(after.data.topics).toContain('geo');
  });

  it('refuses a role per desk exactly as on the host', async () => {
    const c = desk('desk-c');
    await c.call('client.connect', { url: `https://127.0.0.1:${port}`, fingerprint: host.status().fingerprint });
    await c.call('auth.login', { username: 'qiantai', password: 'front-pass-1' });
    await c.call('auth.changePassword', { oldPassword: 'front-pass-1', newPassword: 'front-pass-2' });
    const r = await c.call('users.create', { username: 'x1', displayName: '某', role: 'admin', password: '12345678' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您的角色（前台）无权执行“创建用户”' } });
  });

  it('lists connected desks for the admin, who can end one', async () => {
    const a = desk('desk-a');
    const c = desk('desk-c');
    const sessions = (await a.call('sessions.list')) as { ok: true; data: { id: string; username: string; current: boolean }[] };
    const front = sessions.data.find((s) => s.username === 'qiantai')!;
    expect(sessions.data.filter((s) => s.username === 'admin').length).toBeGreaterThanOrEqual(2);
    expect((await a.call('sessions.end', { id: front.id })).ok).toBe(true);
    expect(await c.call('geo.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('expires an idle session', async () => {
    const d = desk('desk-d');
    await d.call('client.connect', { url: `https://127.0.0.1:${port}`, fingerprint: host.status().fingerprint });
    await d.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await d.call('geo.list')).ok).toBe(true);
    now += 9 * 3_600_000;
    expect(await d.call('geo.list')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('says plainly when the host is down, saves nothing, and works again after a restart and a new login', async () => {
    const a = desk('desk-a');
    await a.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    await stopHost();
    const down = await a.call('geo.saveTownship', { name: '红狮镇' });
    expect(down).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    const status = (await a.call('setup.status')) as { ok: true; data: { client: { connected: boolean; error: string } } };
    expect(status.data.client.connected).toBe(false);
    expect(status.data.client.error).toContain('无法连接主机');
    await startHost();
    expect(await a.call('geo.saveTownship', { name: '红狮镇' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    await a.call('auth.login', { username: 'admin', password: 'admin-pass-1' });
    expect((await a.call('geo.saveTownship', { name: '红狮镇' })).ok).toBe(true);
    const names = (core.store.sqlite.prepare('SELECT name FROM townships ORDER BY id').pluck().all() as string[]).filter((n) => n === '红狮镇');
    expect(names).toHaveLength(1);
  });
});
