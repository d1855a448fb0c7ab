import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import type { Actor, Store } from '../../electron/core/db/store';
import { listQueue, type QueueFilter } from '../../electron/core/requests/queue';
import { serviceMuTimes, serviceStats, type Dimension } from '../../electron/core/requests/stats';
import { feeFen, muTimes100, subsidyFen } from '../../electron/core/requests/rules';
import { getRequest } from '../../electron/core/requests/detail';
import { suggestProviders } from '../../electron/core/requests/dispatch';
import { STAT_DIMENSIONS } from '../../shared/contract/requestFields';
import { tempDir } from '../helpers/tmp';
import { fmt, heading, line, peakRss, ratio, sample, timeIt } from './lib';

const YEARS = 10;
const REQUESTS = 200_000;
const RECORDS = 600_000;
const KINDS = ['农机作业', '生产托管·单环节', '生产托管·多环节', '生产托管·全程'] as const;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Ten years of a busy county: 200,000 requests over 30 townships and 5,000 households, each with one to
 * four links, and 600,000 service records (a link done in one or more visits), written with prepared
 * statements in one transaction. The last three weeks stay open in every state.
 */
function generate(store: Store, endYear: number): { households: number } {
  const q = store.sqlite;
  const r = rng(42);
  const now = store.now();
  const tx = q.transaction(() => {
    const insT = q.prepare('INSERT INTO townships (name, kind, sort) VALUES (?, ?, ?)');
    for (let i = 1; i <= 30; i++) insT.run(`测试镇${i}`, '镇', i);
    const insH = q.prepare('INSERT INTO households (name, phone, township_id, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= 5000; i++) insH.run(`农户${i}`, `139${String(i).padStart(8, '0')}`, 1 + (i % 30), `nonghu${i}`, `nh${i}`, now, now);
    const links = q.prepare('SELECT id FROM service_links ORDER BY sort').pluck().all() as number[];
    const crops = (q.prepare('SELECT id, links FROM service_crops').all() as { id: number; links: string }[]).map((c) => ({ id: c.id, links: JSON.parse(c.links) as number[] })).filter((c) => c.links.length >= 2);
    const insP = q.prepare(
      `INSERT INTO providers (name, kind, links, crops, townships, machines, capacity_mu100, py_initials, py_full, created_at, updated_at) VALUES (?, '农机专业合作社', ?, ?, ?, '[]', ?, '', '', ?, ?)`,
    );
    for (let i = 1; i <= 40; i++) {
      const ts = Array.from({ length: 5 }, (_, k) => 1 + ((i * 3 + k) % 30));
      insP.run(`服务主体${i}`, JSON.stringify(links), JSON.stringify(crops.map((c) => c.id)), JSON.stringify(ts), 20000 + i * 1000, now, now);
    }
    const insR = q.prepare(
      `INSERT INTO service_requests (code, household_id, channel, kind, crop_id, area_mu100, township_id, wished_from, wished_to, priority, status, provider_id, handler_id,
        satisfaction, received_on, received_at, dispatched_on, started_on, done_on, followed_on, created_at, updated_at)
       VALUES (?, ?, '电话', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insL = q.prepare('INSERT INTO request_links (request_id, link_id, price_fen) VALUES (?, ?, ?)');
    const insS = q.prepare(
      `INSERT INTO service_records (request_id, link_id, done_on, area_mu100, mu_times100, price_fen, fee_fen, subsidy_fen, paid_fen, pay_state, provider_id, township_id, crop_id, kind, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)`,
    );
    const start = Date.UTC(endYear - YEARS + 1, 0, 1);
    const end = Date.parse(now) - 86_400_000;
    const rule = { shareBp: 3000, capFenPerMu: 10000 };
    let records = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const received = start + Math.floor((i / REQUESTS) * (end - start));
      const recent = end - received < 21 * 86_400_000;
      const hh = 1 + Math.floor(r() * 5000);
      const township = 1 + (hh % 30);
      const crop = crops[Math.floor(r() * crops.length)]!;
      const n = Math.min(crop.links.length, 1 + Math.floor(r() * 4));
      const mine = crop.links.slice(0, n);
      const area = (3 + Math.floor(r() * 80)) * 100;
      const status = recent ? (['received', 'dispatched', 'in_service', 'done', 'cancelled'] as const)[i % 5]! : i % 40 === 0 ? 'cancelled' : i % 4 === 0 ? 'done' : 'followed_up';
      const served = status === 'in_service' || status === 'done' || status === 'followed_up';
      const provider = status === 'received' || status === 'cancelled' ? null : 1 + (township % 40);
      const doneMs = received + (2 + Math.floor(r() * 10)) * 86_400_000;
      const id = Number(
        insR.run(
          `FW${day(received).slice(0, 4)}-${String(i).padStart(6, '0')}`,
          hh,
          KINDS[n - 1]!,
          crop.id,
          area,
          township,
          day(received + 86_400_000),
          day(received + 5 * 86_400_000),
          status,
          provider,
          1 + (i % 4),
          status === 'followed_up' ? 3 + (i % 3) : null,
          day(received),
          new Date(received).toISOString(),
          provider ? day(received + 3_600_000) : '',
          served ? day(received + 86_400_000) : '',
          status === 'done' || status === 'followed_up' ? day(doneMs) : '',
          status === 'followed_up' ? day(doneMs + 3 * 86_400_000) : '',
          now,
          now,
        ).lastInsertRowid,
      );
      let used = 0;
      for (const link of mine) {
        const price = 2000 + link * 1500;
        insL.run(id, link, provider ? price : null);
        if (!served) continue;
        // Visits per link so that the records total 600,000 over the served requests.
        const visits = records < RECORDS ? (r() < 0.36 ? 2 : 1) : 0;
        for (let v = 0; v < visits && records < RECORDS; v++) {
          const part = visits === 1 ? area : v === 0 ? Math.round(area * 0.6) : area - Math.round(area * 0.6);
          const fee = feeFen(price, part);
          const subsidy = subsidyFen(fee, rule, area, used);
          used += subsidy;
          const paid = Math.floor(((fee - subsidy) * (i % 3)) / 2);
          insS.run(id, link, day(doneMs - v * 86_400_000), part, muTimes100(part), price, fee, subsidy, paid, paid === 0 ? 'unpaid' : paid >= fee - subsidy ? 'paid' : 'partial', provider, township, crop.id, KINDS[n - 1]!, now, now);
          records++;
        }
      }
    }
  });
  tx.immediate();
  return { households: 5000 };
}

/** The same yearly statistics by scanning every record and request in JavaScript, as a baseline. */
function scanStats(store: Store, from: string, to: string): Map<string, { requests: number; mu: number; fee: number; subsidy: number }> {
  const out = new Map<string, { requests: number; mu: number; fee: number; subsidy: number }>();
  const get = (k: string) => out.get(k) ?? (out.set(k, { requests: 0, mu: 0, fee: 0, subsidy: 0 }), out.get(k)!);
  for (const r of store.sqlite.prepare('SELECT * FROM service_requests').iterate() as Iterable<{ received_on: string; township_id: number }>) {
    if (r.received_on >= from && r.received_on <= to) get(String(r.township_id)).requests++;
  }
  for (const s of store.sqlite.prepare('SELECT * FROM service_records').iterate() as Iterable<{ done_on: string; township_id: number; area_mu100: number; fee_fen: number; subsidy_fen: number }>) {
    if (s.done_on < from || s.done_on > to) continue;
    const g = get(String(s.township_id));
    g.mu += muTimes100(s.area_mu100);
    g.fee += s.fee_fen;
    g.subsidy += s.subsidy_fen;
  }
  return out;
}

export default async function frontdesk(): Promise<void> {
  heading(`front desk: ${YEARS} years, ${REQUESTS.toLocaleString()} requests, ${RECORDS.toLocaleString()} service records`);
  const tmp = tempDir('bench-frontdesk');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const store = core.store;
    // Four clerks share the desk; requests are spread over them.
    for (const n of [1, 2, 3, 4]) store.sqlite.prepare(`INSERT INTO users (username, display_name, role, password_hash, salt, created_at, updated_at) VALUES (?, ?, 'frontdesk', '-', '-', ?, ?)`).run(`bench${n}`, `前台${n}`, store.now(), store.now());
    const actor: Actor = { userId: 1, username: 'bench1', role: 'frontdesk' };
    const year = new Date().getFullYear();
    const gen = await peakRss(async () => timeIt(() => generate(store, year)));
    const counts = store.sqlite.prepare('SELECT (SELECT count(*) FROM service_requests) AS r, (SELECT count(*) FROM service_records) AS s, (SELECT count(*) FROM request_links) AS l').get() as { r: number; s: number; l: number };
    line('generate (one transaction)', fmt(gen.value.ms), `${counts.r.toLocaleString()} requests, ${counts.l.toLocaleString()} links, ${counts.s.toLocaleString()} records, peak RSS ${gen.peakMb.toFixed(0)} MB`);

    const filter: QueueFilter = { status: 'open', townshipId: null, providerId: null, handlerId: null, kind: '', mine: false, q: '', from: '', to: '', sort: 'receivedAt', dir: 'desc', offset: 0, limit: 50 };
    const open = await sample(200, () => listQueue(store, actor, filter));
    const all = await sample(50, () => listQueue(store, actor, { ...filter, status: 'all' }));
    const town = await sample(100, () => listQueue(store, actor, { ...filter, status: 'all', townshipId: 7, sort: 'wishedFrom', dir: 'asc', offset: 200 }));
    const search = await sample(100, () => listQueue(store, actor, { ...filter, status: 'all', q: '农户123' }));
    const mine = await sample(100, () => listQueue(store, actor, { ...filter, mine: true, status: 'overdue' }));
    line('queue: open requests, page 1 + counts', `${fmt(open.p50)} / ${fmt(open.p95)}`, 'p50 / p95 (target < 50 ms)');
    line('queue: all 200k, page 1 + counts + groups', `${fmt(all.p50)} / ${fmt(all.p95)}`, 'p50 / p95');
    line('queue: one township, sorted by wished date, page 5', `${fmt(town.p50)} / ${fmt(town.p95)}`, 'p50 / p95');
    line('queue: search by farmer name', `${fmt(search.p50)} / ${fmt(search.p95)}`, 'p50 / p95');
    line('my desk: overdue', `${fmt(mine.p50)} / ${fmt(mine.p95)}`, 'p50 / p95');

    const id = (store.sqlite.prepare(`SELECT id FROM service_requests WHERE status = 'in_service' ORDER BY id DESC LIMIT 1`).get() as { id: number }).id;
    const detail = await sample(200, () => getRequest(store, actor, id));
    line('request page (detail, timeline, records, quote)', `${fmt(detail.p50)} / ${fmt(detail.p95)}`, 'p50 / p95');
    const received = (store.sqlite.prepare(`SELECT id FROM service_requests WHERE status = 'received' ORDER BY id DESC LIMIT 1`).get() as { id: number }).id;
    const suggest = await sample(100, () => suggestProviders(store, received, store.now().slice(0, 10)));
    line('dispatch suggestions (40 providers)', `${fmt(suggest.p50)} / ${fmt(suggest.p95)}`, 'p50 / p95');

    const from = `${year - 1}-01-01`;
    const to = `${year - 1}-12-31`;
    const perDim: Record<string, number> = {};
    for (const d of STAT_DIMENSIONS) perDim[d] = (await sample(20, () => serviceStats(store, from, to, d as Dimension))).p50;
    line(`yearly statistics ${year - 1}, by dimension (p50)`, '', STAT_DIMENSIONS.map((d) => `${d} ${fmt(perDim[d]!)}`).join(', '));
    const byTownship = await sample(30, () => serviceStats(store, from, to, 'township'));
    line('yearly statistics by township', `${fmt(byTownship.p50)} / ${fmt(byTownship.p95)}`, 'p50 / p95 (target < 50 ms)');
    // One township's centre: its records are read directly, the monthly rollups hold no township x crop.
    const busiest = Number(serviceStats(store, from, to, 'township').rows[0]!.key);
    const oneTown = await sample(20, () => serviceStats(store, from, to, 'crop', busiest));
    line('yearly statistics of one township, by crop', `${fmt(oneTown.p50)} / ${fmt(oneTown.p95)}`, 'p50 / p95 (the busiest township)');
    const ind = await sample(200, () => serviceMuTimes(store, from, to));
    const figure = serviceMuTimes(store, from, to);
    line('indicator 6 (亩次 of a year)', `${fmt(ind.p50)} / ${fmt(ind.p95)}`, `p50 / p95 (target < 50 ms); ${year - 1}: ${(figure / 100 / 10000).toFixed(2)} 万亩次`);
    const today = store.now().slice(0, 10);
    const ytd = await sample(200, () => serviceMuTimes(store, `${year}-01-01`, today));
    line('indicator 6, this year to today (part month read raw)', `${fmt(ytd.p50)} / ${fmt(ytd.p95)}`, 'p50 / p95');

    const scan = await sample(3, () => scanStats(store, from, to), 1);
    const check = scanStats(store, from, to);
    const sql = serviceStats(store, from, to, 'township');
    const same = sql.rows.every((r) => check.get(r.key)?.mu === r.muTimes100 && check.get(r.key)?.fee === r.feeFen && check.get(r.key)?.requests === r.requests);
    line('baseline: same statistics scanning rows in JS', `${fmt(scan.p50)}`, `${ratio(byTownship.p50, scan.p50)}; figures ${same ? 'identical' : 'DIFFER'}`);
    line('indicator 6 vs the JS scan', fmt(ind.p50), ratio(ind.p50, scan.p50));
    core.close();
  } finally {
    tmp.cleanup();
  }
}
