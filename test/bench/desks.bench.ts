import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { localBackend } from '../../electron/api/backend';
import { CliClient } from '../../electron/cli/io';
import { HostController } from '../../electron/server/host';
import { RemoteHost, probeHost } from '../../electron/client/remote';
import { updateSettings } from '../../electron/core/settings/settings';
import { insertUser } from '../../electron/core/auth/users';
import { SYSTEM_ACTOR } from '../../electron/core/db/store';
import { tempDir } from '../helpers/tmp';
import { fmt, heading, line, now, stats } from './lib';
import type { Role } from '../../shared/roles';

/**
 * Issue 10: 20 desks (8 front desk, 6 bookkeepers, 4 managers, 2 admins) against one host over HTTPS on
 * loopback for DESKS_SECONDS (default 60), each running its role's mix: searches, request intake,
 * voucher posting (save, then review and post by a second bookkeeper), report reads. Each desk pauses
 * between actions as a busy clerk would (uniformly 0 to 2 × DESKS_THINK_MS, default 500 ms); with
 * DESKS_THINK_MS=0 the desks fire back to back and the run measures saturation instead. The same mix
 * is then run in-process through the router as the baseline.
 */
type Call = (method: string, input?: unknown) => Promise<unknown>;
type Kind = 'search' | 'intake' | 'queue' | 'voucher.save' | 'voucher.review+post' | 'report.trial' | 'report.stats' | 'report.dashboard';

const SECONDS = Number(process.env.DESKS_SECONDS ?? 60);
const THINK_MS = Number(process.env.DESKS_THINK_MS ?? 500);
const PASSWORD = 'bench-pass-1';
const QUERIES = ['zs', 'wang', '李', '张伟', '1380', '江口', 'hs', '合作社', 'cj', '柑橘', 'lin', '刘'];

interface Fixture {
  bookId: number;
  period: string;
  date: string;
  cashId: number;
  incomeId: number;
  parties: { kind: 'household' | 'org'; id: number }[];
  today: string;
}

async function prepare(admin: CliClient): Promise<Fixture> {
  const work = (await admin.call('ledger.workload')) as { rows: { bookId: number | null; bookStatus: string; firstOpen: string | null }[] };
  const book = work.rows.find((r) => r.bookStatus === 'active' && r.bookId && r.firstOpen);
  if (!book) throw new Error('演示数据里没有启用的账套');
  const accounts = (await admin.call('ledger.accounts.list', { bookId: book.bookId })) as { id: number; code: string; leaf: boolean; memberDim: boolean }[];
  const leaf = (code: string) => accounts.find((a) => a.code.startsWith(code) && a.leaf && !a.memberDim)!.id;
  const households = admin.core.store.sqlite.prepare("SELECT id FROM households WHERE status = 'active' LIMIT 200").pluck().all() as number[];
  const parties = households.map((id) => ({ kind: 'household' as const, id }));
  if (parties.length === 0) throw new Error('演示数据里没有农户');
  const period = book.firstOpen!;
  return { bookId: book.bookId!, period, date: `${period}-15`, cashId: leaf('101'), incomeId: leaf('502'), parties, today: new Date().toISOString().slice(0, 10) };
}

type Record = (kind: Kind, ms: number) => void;

/** One action of a desk of this role; it records its own timing (voucher posting records two). */
function mix(role: Role, f: Fixture, call: Call, reviewer: Call | null, rnd: () => number, record: Record): { kind: Kind; run(): Promise<unknown> } {
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const r = rnd();
  const search = { kind: 'search' as const, run: () => call('members.search', { q: pick(QUERIES), limit: 20 }) };
  if (role === 'frontdesk') {
    if (r < 0.5) return search;
    if (r < 0.8)
      return {
        kind: 'intake',
        run: () => call('requests.create', { party: pick(f.parties), channel: '来访', kind: '农技指导', notes: '基准测试：咨询柑橘病虫害防治' }),
      };
    return { kind: 'queue', run: () => call('requests.list', { status: 'open' }) };
  }
  if (role === 'bookkeeper') {
    if (r < 0.4) return search;
    return {
      kind: 'voucher.save',
      run: async () => {
        const amount = 100 + Math.floor(rnd() * 100_000);
        const saved = now();
        const v = (await call('ledger.vouchers.save', {
          bookId: f.bookId,
          date: f.date,
          lines: [
            { summary: '基准测试：收到其他收入', accountId: f.cashId, debitFen: amount },
            { summary: '基准测试：收到其他收入', accountId: f.incomeId, creditFen: amount },
          ],
        })) as { id: number };
        const t = now();
        record('voucher.save', t - saved);
        await reviewer!('ledger.vouchers.review', { ids: [v.id] });
        await reviewer!('ledger.vouchers.post', { ids: [v.id] });
        record('voucher.review+post', now() - t);
      },
    };
  }
  if (r < 0.4) return { kind: 'report.trial', run: () => call('ledger.reports.trial', { bookId: f.bookId, from: f.period, to: f.period }) };
  if (r < 0.7) return { kind: 'report.stats', run: () => call('serviceStats.get', { from: `${f.today.slice(0, 4)}-01-01`, to: f.today, by: 'township' }) };
  if (role === 'manager' || role === 'admin') return { kind: 'report.dashboard', run: () => call('tasks.dashboard', {}) };
  return search;
}

async function runDesks(desks: { role: Role; call: Call; reviewer: Call | null }[], f: Fixture, seconds: number) {
  const samples = new Map<Kind, number[]>();
  let errors = 0;
  const firstErrors: string[] = [];
  const record: Record = (kind, ms) => samples.set(kind, [...(samples.get(kind) ?? []), ms]);
  const stop = now() + seconds * 1000;
  await Promise.all(
    desks.map(async (d, i) => {
      let seed = i + 1;
      const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      while (now() < stop) {
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, rnd() * 2 * THINK_MS));
        const op = mix(d.role, f, d.call, d.reviewer, rnd, record);
        const t = now();
        try {
          await op.run();
          if (op.kind !== 'voucher.save') record(op.kind, now() - t);
        } catch (e) {
          errors++;
          if (firstErrors.length < 3) firstErrors.push(`${op.kind}: ${(e as Error).message}`);
        }
      }
    }),
  );
  return { samples, errors, firstErrors };
}

function remoteCall(remote: RemoteHost): Call {
  return async (method, input = {}) => {
    const r = await remote.call(method, input);
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    return r.data;
  };
}

export default async function desks(): Promise<void> {
  heading(`several desks: 20 desks against one host over HTTPS on loopback for ${SECONDS} s (think time ~${THINK_MS} ms), then the same mix in-process`);
  const tmp = tempDir('bench-desks');
  const core = AppCore.open({ dataDir: path.join(tmp.dir, 'host'), mode: 'browser' });
  const router = createRouter();
  const admin = new CliClient(core, router);
  try {
    await admin.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: PASSWORD, centreName: '基准测试中心', loadDemo: true });
    const roles: Role[] = [...Array(8).fill('frontdesk'), ...Array(6).fill('bookkeeper'), ...Array(4).fill('manager'), ...Array(2).fill('admin')];
    core.store.write(SYSTEM_ACTOR, 'bench.users', (audit) => {
      roles.forEach((role, i) => insertUser(core.store, { username: `desk${i}`, displayName: `桌面${i}`, role, password: PASSWORD }, false));
      insertUser(core.store, { username: 'reviewer', displayName: '审核会计', role: 'bookkeeper', password: PASSWORD }, false);
      audit.record({ entity: 'user', ids: [], summary: { bench: roles.length + 1 } });
    });
    const f = await prepare(admin);
    const backend = localBackend(core, router);
    const host = new HostController(core, backend, tmp.dir, 1000);
    core.host = host;
    updateSettings(core.store, SYSTEM_ACTOR, { hostEnabled: true, hostAddress: '127.0.0.1', hostPort: 20000 + Math.floor(Math.random() * 20000), loginMaxFailures: 20 });
    const status = await host.apply();
    if (!status.running) throw new Error(status.error);
    const identity = await probeHost(status.url);

    const remotes: RemoteHost[] = [];
    const login = async (username: string) => {
      const remote = new RemoteHost(identity);
      remotes.push(remote);
      const call = remoteCall(remote);
      await call('auth.login', { username, password: PASSWORD });
      return call;
    };
    const desksOverHttps = await Promise.all(roles.map(async (role, i) => ({ role, call: await login(`desk${i}`), reviewer: role === 'bookkeeper' ? await login('reviewer') : null })));
    const remote = await runDesks(desksOverHttps, f, SECONDS);
    for (const r of remotes) r.close();
    await host.stop();

    const direct = async (username: string): Promise<Call> => {
      const c = new CliClient(core, router);
      await c.login(username, PASSWORD);
      return (method, input = {}) => c.call(method, input);
    };
    const desksInProcess = await Promise.all(roles.map(async (role, i) => ({ role, call: await direct(`desk${i}`), reviewer: role === 'bookkeeper' ? await direct('reviewer') : null })));
    const local = await runDesks(desksInProcess, f, Math.max(10, Math.round(SECONDS / 4)));

    const total = [...remote.samples.values()].reduce((n, s) => n + s.length, 0);
    line('operations over HTTPS', `${total}`, `${(total / SECONDS).toFixed(0)} ops/s, errors ${remote.errors}${remote.firstErrors.length ? ` (${remote.firstErrors.join('; ')})` : ''}`);
    line('errors in-process', `${local.errors}`, local.firstErrors.join('; '));
    console.log(`  ${'kind'.padEnd(22)} ${'n'.padStart(6)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'p99'.padStart(10)}   in-process p50 / p95   HTTPS/in-process at p95`);
    for (const [kind, xs] of remote.samples) {
      const s = stats(xs);
      const b = stats(local.samples.get(kind) ?? []);
      console.log(
        `  ${kind.padEnd(22)} ${String(s.n).padStart(6)} ${fmt(s.p50).padStart(10)} ${fmt(s.p95).padStart(10)} ${fmt(s.p99).padStart(10)}   ${fmt(b.p50)} / ${fmt(b.p95)}   ${b.p95 > 0 ? (s.p95 / b.p95).toFixed(1) : '-'}x`,
      );
    }
    const all = stats([...remote.samples.values()].flat());
    line('all kinds over HTTPS p50 / p95 / p99', `${fmt(all.p50)} / ${fmt(all.p95)} / ${fmt(all.p99)}`, 'target p95 < 100 ms, zero errors');
  } finally {
    core.close();
    tmp.cleanup();
  }
}
