import type { Store, Actor } from '../../electron/core/db/store';
import { pinyinOf } from '../../electron/core/members/keys';
import { indexOrg } from '../../electron/core/members/fts';
import { rng, pick, personName, mobile, creditCode, PLACE_WORDS, PRODUCTS } from '../../electron/core/members/generate';
import { createBook } from '../../electron/core/ledger/books';
import { activateBook } from '../../electron/core/ledger/opening';
import { LedgerGenerator } from './ledger-data';

/**
 * The registry benchmark's 20,000 organisations, made the way test/bench/members.bench.ts makes them (same
 * seed, names, credit codes and kinds: cooperatives, family farms and enterprises in turn; its generator
 * is inline there, not exported), plus what credit reads about them: union memberships, books kept by the
 * centre for some cooperatives, staff-entered records, mutual evaluations, loan applications with
 * disbursements and front-desk services with payments.
 */
export interface CreditScale {
  orgs: number;
  books: number;
  unionShare: number;
  facts: number;
  evaluations: number;
  loans: number;
  services: number;
}

const day = (r: () => number, from: string, spanDays: number) => new Date(Date.parse(`${from}T00:00:00Z`) + Math.floor(r() * spanDays) * 86_400_000).toISOString().slice(0, 10);

export function generateCreditData(store: Store, actor: Actor, scale: CreditScale, today: string): { books: number; lines: number } {
  const q = store.sqlite;
  const r = rng(42);
  const now = store.now();
  const year = Number(today.slice(0, 4));
  const townships = q.prepare('SELECT id, name FROM townships').all() as { id: number; name: string }[];
  const orgIds: number[] = [];
  const coopIds: number[] = [];
  store.write(actor, 'bench.generate', (audit) => {
    const insO = q.prepare("INSERT INTO orgs (kind, name, credit_code, contact_phone, township_id, industries, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const kinds = ['农民专业合作社', '家庭农场', '涉农企业'] as const;
    const usedCodes = new Set(q.prepare('SELECT credit_code FROM orgs').pluck().all() as string[]);
    for (let i = 0; i < scale.orgs; i++) {
      const t = pick(r, townships);
      const kind = kinds[i % 3]!;
      const product = pick(r, PRODUCTS);
      const name = `云阳县${t.name.replace(/(街道|镇|乡)$/, '')}${pick(r, PLACE_WORDS)}${product}${kind === '农民专业合作社' ? '专业合作社' : kind === '家庭农场' ? '家庭农场' : '农业有限公司'}${i % 50 === 0 ? '' : String(i)}`;
      let code = creditCode(r, kind === '农民专业合作社' ? '93' : kind === '家庭农场' ? '92' : '91');
      while (usedCodes.has(code)) code = creditCode(r, '93');
      usedCodes.add(code);
      const phone = mobile(r);
      const py = pinyinOf(name, false);
      const id = Number(insO.run(kind, name, code, phone, t.id, JSON.stringify([product]), py.full, py.initials, now, now).lastInsertRowid);
      indexOrg(q, { id, name, contactPhone: phone, creditCode: code }, true);
      orgIds.push(id);
      if (kind === '农民专业合作社') coopIds.push(id);
    }
    const union = q.prepare('SELECT id FROM unions ORDER BY id LIMIT 1').pluck().get() as number;
    const join = q.prepare("INSERT INTO union_members (union_id, org_id, joined_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)");
    const members: number[] = [];
    for (const id of orgIds)
      if (r() < scale.unionShare) {
        join.run(union, id, day(r, `${year - 8}-01-01`, 8 * 365), now, now);
        members.push(id);
      }
    const fact = q.prepare(
      "INSERT INTO credit_facts (subject_key, org_id, kind, occurred_on, ends_on, title, amount_fen, source, entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, '基准数据', '基准', ?)",
    );
    const factKinds = ['repaidOnTime', 'repaidOnTime', 'repaidOnTime', 'repaidLate', 'guarantee', 'award', 'penalty'] as const;
    for (let i = 0; i < scale.facts; i++) {
      const id = pick(r, orgIds);
      const kind = pick(r, factKinds);
      const on = day(r, `${year - 4}-01-01`, 4 * 365);
      fact.run(`org:${id}`, id, kind, on, kind === 'guarantee' ? day(r, today, 700) : '', `${kind} ${i}`, kind === 'guarantee' ? 10_000_000 + Math.floor(r() * 90_000_000) : null, now);
    }
    const evaluation = q.prepare(
      "INSERT OR IGNORE INTO credit_evaluations (subject_key, org_id, evaluator_org_id, year, score, comment, entered_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', '基准', ?, ?)",
    );
    for (let i = 0; i < scale.evaluations; i++) {
      const id = pick(r, orgIds);
      const by = pick(r, members);
      if (by !== id) evaluation.run(`org:${id}`, id, by, year - Math.floor(r() * 2), 1 + Math.floor(r() * 5), now, now);
    }
    const products = q.prepare('SELECT id, bank FROM credit_products').all() as { id: number; bank: string }[];
    const app = q.prepare(
      `INSERT INTO credit_applications (no, subject_key, org_id, product_id, bank, township_id, industry, purpose, status, requested_fen, term_months, submitted_on, decided_on, granted_fen, rate_bp, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, '生产周转', ?, ?, 24, ?, ?, ?, 400, '基准', ?, ?)`,
    );
    const pay = q.prepare("INSERT INTO credit_disbursements (application_id, disbursed_on, amount_fen, due_on, repaid_on, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '基准', ?, ?)");
    for (let i = 0; i < scale.loans; i++) {
      const id = pick(r, orgIds);
      const p = pick(r, products);
      const amount = 10_000_000 + Math.floor(r() * 190_000_000);
      const decided = day(r, `${year - 2}-01-01`, 700);
      const paid = r() < 0.8;
      const appId = Number(app.run(`BM${i}`, `org:${id}`, id, p.id, p.bank, pick(r, PRODUCTS), paid ? 'disbursed' : 'approved', amount, decided, decided, amount, `${decided}T00:00:00.000Z`, now).lastInsertRowid);
      if (paid) {
        const due = day(r, decided, 720);
        pay.run(appId, decided, amount, due, due < today && r() < 0.85 ? due : '', now, now);
      }
    }
    const link = q.prepare('SELECT id FROM service_links ORDER BY id LIMIT 1').pluck().get() as number | undefined;
    if (link !== undefined) {
      const req = q.prepare(
        "INSERT INTO service_requests (code, org_id, channel, kind, area_mu100, received_on, received_at, status, done_on, created_at, updated_at) VALUES (?, ?, '电话', '生产托管·多环节', 1000, ?, ?, 'done', ?, ?, ?)",
      );
      const rec = q.prepare(
        "INSERT INTO service_records (request_id, link_id, done_on, area_mu100, mu_times100, price_fen, fee_fen, subsidy_fen, paid_fen, pay_state, kind, created_by, created_at, updated_at) VALUES (?, ?, ?, 1000, 1000, 8000, 80000, 24000, ?, ?, '生产托管·多环节', '基准', ?, ?)",
      );
      for (let i = 0; i < scale.services; i++) {
        const on = day(r, `${year - 2}-01-01`, 700);
        const reqId = Number(req.run(`BM${i}`, pick(r, orgIds), on, `${on}T00:00:00.000Z`, on, now, now).lastInsertRowid);
        for (let k = 0; k < 2; k++) {
          const paid = r() < 0.85;
          rec.run(reqId, link, on, paid ? 56_000 : 0, paid ? 'paid' : 'unpaid', now, now);
        }
      }
    }
    audit.record({ entity: 'bench', ids: [], summary: { ...scale } });
  });

  // Books for some cooperatives: two years of vouchers through the ledger's own bulk generator, most months
  // closed within the grace period, the rest late.
  const gen = new LedgerGenerator(q);
  const addMember = q.prepare("INSERT INTO households (name, py_initials, created_at, updated_at) VALUES (?, '', ?, ?)");
  const joinCoop = q.prepare('INSERT INTO coop_members (coop_id, household_id, joined_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  let lines = 0;
  for (const coopId of coopIds.slice(0, scale.books)) {
    const memberIds = store.write(actor, 'bench.members', (audit) => {
      const ids = Array.from({ length: 5 }, () => Number(joinCoop.run(coopId, Number(addMember.run(personName(r), now, now).lastInsertRowid), `${year - 3}-01-01`, now, now).lastInsertRowid));
      audit.record({ entity: 'bench', ids: [coopId], summary: {} });
      return ids;
    });
    const book = createBook(store, actor, { coopId, startPeriod: `${year - 2}-01`, voucherKinds: 'general' });
    activateBook(store, actor, book.id);
    q.transaction(() => {
      lines += gen.generate(store, { bookId: book.id, memberIds }, year - 2, 2, 900, `${year - 1}-12`);
      if (r() < 0.75) q.prepare("UPDATE ledger_periods SET closed_at = date(period || '-01', '+1 month', '+5 days') || 'T01:00:00.000Z' WHERE book_id = ? AND status = 'closed'").run(book.id);
    })();
  }
  return { books: Math.min(scale.books, coopIds.length), lines };
}
