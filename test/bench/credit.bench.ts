import path from 'node:path';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import type { Actor } from '../../electron/core/db/store';
import { todayOf } from '../../electron/core/tasks/dates';
import { currentModel, DEFAULT_MODEL } from '../../electron/core/credit/model';
import { rateAll, readFacts, RATED_ORG_KINDS } from '../../electron/core/credit/ratings';
import { activeOrgs } from '../../electron/core/credit/subjects';
import { indicator8 } from '../../electron/core/credit/indicator';
import { tempDir } from '../helpers/tmp';
import { finishJob } from '../helpers/jobs';
import { generateCreditData } from './credit-data';
import { fmt, heading, line, peakRss, sample, timeIt } from './lib';

const SCALE = { orgs: 20_000, books: 150, unionShare: 0.6, facts: 6_000, evaluations: 12_000, loans: 2_000, services: 4_000 };

/**
 * Rating every organisation of the registry benchmark (20,000, target under 10 s): facts read from the
 * registry, the books (150 cooperatives with two years of vouchers), credit records, loans and front-desk
 * services, scored and written as ratings in one transaction. Baseline: reading the same inputs alone,
 * in the same run.
 */
export default async function creditBench(): Promise<void> {
  heading(`credit: rating ${SCALE.orgs.toLocaleString()} organisations (${SCALE.books} with books, ${SCALE.facts} records, ${SCALE.evaluations} evaluations, ${SCALE.loans} loans, ${SCALE.services} services)`);
  const tmp = tempDir('bench-credit');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const client = new CliClient(core, createRouter());
    await client.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const store = core.store;
    store.sqlite.pragma('cache_size = -262144');
    const actor: Actor = { userId: 1, username: 'admin', role: 'admin' };
    const today = todayOf(store);
    const gen = await timeIt(() => generateCreditData(store, actor, SCALE, today));
    line('generate registry, books and credit facts', fmt(gen.ms), `${gen.value.books} books, ${gen.value.lines.toLocaleString()} voucher lines`);

    const subjects = activeOrgs(store, RATED_ORG_KINDS);
    const facts = (currentModel(store)?.definition ?? DEFAULT_MODEL).indicators.map((i) => i.fact);
    // Warm the page cache once so neither measurement pays for the first read from disk.
    readFacts(store, subjects, today, facts);
    const baseline = await timeIt(() => readFacts(store, subjects, today, facts));
    line('baseline: read the model’s inputs for all', fmt(baseline.ms), `${subjects.length.toLocaleString()} organisations, ${facts.length} facts each`);

    const rated = await peakRss(() => timeIt(() => rateAll(store, actor, { approve: true, who: 'orgs', townshipId: null })));
    const r = rated.value;
    line('rate all (read, score, write in one transaction)', fmt(r.ms), `${r.value.rated.toLocaleString()} ratings, ${Math.round(r.value.rated / (r.ms / 1000)).toLocaleString()}/s; target < 10 s`);
    line('  against reading the inputs alone', `${(r.ms / baseline.ms).toFixed(2)}x`, `scoring and writing add ${fmt(r.ms - baseline.ms)}`);
    line('  grades', Object.entries(r.value.grades).map(([g, n]) => `${g} ${n}`).join(' '), `peak RSS ${rated.peakMb.toFixed(0)} MB`);

    const job = await timeIt(async () => {
      const { jobId } = await client.call<{ jobId: string }>('credit.rateAll', { approve: false });
      const s = await finishJob(client, jobId);
      if (s.state !== 'done') throw new Error(s.error);
      return client.call<{ base64: string }>('jobs.download', { id: jobId });
    });
    line('rate all as the screen runs it (API job + xlsx)', fmt(job.ms), `${(Buffer.from(job.value.base64, 'base64').length / 1024 / 1024).toFixed(1)} MB result workbook`);

    const booked = store.sqlite.prepare('SELECT coop_id FROM ledger_books ORDER BY id DESC LIMIT 50').pluck().all() as number[];
    const profile = await sample(50, (i) => client.call('credit.profile.get', { kind: 'org', id: booked[i % booked.length] }), 5);
    line('open a profile with books (audited view), p50 / p95', `${fmt(profile.p50)} / ${fmt(profile.p95)}`);
    const list = await sample(30, () => client.call('credit.ratings.list', { limit: 50 }), 3);
    line(`ratings list, first page of ${(r.value.rated * 2).toLocaleString()} ratings, p50`, fmt(list.p50));
    const ind = await sample(100, () => indicator8(store, Number(today.slice(0, 4)), today), 10);
    line('indicator 8 from disbursements, p50', fmt(ind.p50), `${SCALE.loans} loans`);
    core.close();
  } finally {
    tmp.cleanup();
  }
}
