import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import type { Actor } from '../../electron/core/db/store';
import { createBook } from '../../electron/core/ledger/books';
import { activateBook } from '../../electron/core/ledger/opening';
import { loadAccounts } from '../../electron/core/ledger/accounts';
import { trialBalance, consolidatedTrial } from '../../electron/core/ledger/reports/trial';
import { balanceSheet } from '../../electron/core/ledger/reports/statements';
import { postVouchers, reviewVouchers, saveVoucher } from '../../electron/core/ledger/vouchers';
import { commitVoucherImport, previewVoucherImport } from '../../electron/core/ledger/voucher-import';
import { createCoop } from '../helpers/ledger-fixtures';
import { tempDir } from '../helpers/tmp';
import { LedgerGenerator, type GenBook } from './ledger-data';
import { fmt, heading, line, peakRss, sample, timeIt } from './lib';

/**
 * Ledger at the issue's scale: 500 cooperatives x 10 years x ~900 lines a year plus one cooperative with
 * 1,000,000 lines. Reports go through the service layer and are set beside a plain SUM over the journal
 * and `hledger balance` on the same cooperative. LEDGER_BENCH_SCALE=0.05 runs a twentieth for a quick look.
 */
export default async function ledgerBench(): Promise<void> {
  const scale = Number(process.env.LEDGER_BENCH_SCALE ?? 1);
  const COOPS = Math.max(2, Math.round(500 * scale));
  const LARGE_LINES = Math.max(20_000, Math.round(1_000_000 * scale));
  const IMPORT_LINES = Math.max(5_000, Math.round(100_000 * scale));
  const YEARS = 10;
  const FIRST = 2016;
  const LAST = FIRST + YEARS - 1;
  heading(`ledger: ${COOPS} cooperatives x ${YEARS} years x ~900 lines/year + one cooperative with ${LARGE_LINES.toLocaleString()} lines (scale ${scale})`);
  const tmp = tempDir('bench-ledger');
  try {
    const { peakMb } = await peakRss(() => run());
    line('peak memory (RSS)', `${peakMb.toFixed(0)} MB`, 'whole run, generation included');
  } finally {
    tmp.cleanup();
  }

  async function run(): Promise<void> {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const admin = new CliClient(core, createRouter());
    await admin.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const store = core.store;
    const db = store.sqlite;
    db.pragma('cache_size = -262144');
    const userId = (u: string) => db.prepare('SELECT id FROM users WHERE username = ?').pluck().get(u) as number;
    const li: Actor = { userId: userId('kuaiji'), username: 'kuaiji', role: 'bookkeeper' };
    const zhou: Actor = { userId: userId('kuaiji2'), username: 'kuaiji2', role: 'bookkeeper' };
    const gen = new LedgerGenerator(db);
    const memberNames = Array.from({ length: 20 }, (_, i) => `成员${i + 1}`);

    const newBook = (name: string, members: string[], start: string): GenBook => {
      const coop = createCoop(store, name, members);
      const book = createBook(store, li, { coopId: coop.coopId, startPeriod: start, voucherKinds: 'general' });
      activateBook(store, li, book.id);
      return { bookId: book.id, memberIds: coop.memberIds };
    };

    const generatedRss = await peakRss(async () => timeIt(() => {
      let lines = 0;
      const books: GenBook[] = [];
      const BATCH = 25;
      for (let i = 0; i < COOPS; i += BATCH) {
        const made = Array.from({ length: Math.min(BATCH, COOPS - i) }, (_, k) => newBook(`基准合作社${i + k + 1}`, memberNames, `${FIRST}-01`));
        db.transaction(() => {
          for (const b of made) lines += gen.generate(store, b, FIRST, YEARS, 900, `${LAST}-12`);
        })();
        books.push(...made);
      }
      const large = newBook('基准大型合作社', Array.from({ length: 200 }, (_, i) => `大社成员${i + 1}`), `${FIRST}-01`);
      db.transaction(() => {
        lines += gen.generate(store, large, FIRST, YEARS, Math.round(LARGE_LINES / YEARS), `${LAST}-12`);
      })();
      return { lines, books, large };
    }));
    const generated = generatedRss.value;
    const { books, large } = generated.value;
    line('generated voucher lines', generated.value.lines.toLocaleString(), `in ${fmt(generated.ms)} (bulk, prepared statements)`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const dbFile = core.paths.db;
    line('peak memory while generating', `${generatedRss.peakMb.toFixed(0)} MB`, 'includes SQLite page cache (cache_size 256 MB)');
    line('database size', `${(fs.statSync(dbFile).size / 1024 / 1024).toFixed(0)} MB`, `${(fs.statSync(dbFile).size / generated.value.lines).toFixed(0)} bytes per line incl. indexes and balances`);
    db.exec('ANALYZE');

    const typical = books[0]!;
    heading('trial balance and balance sheet for one cooperative and year, through the service layer (p50)');
    const sumTrial = db.prepare(
      `SELECT account_id, sum(CASE WHEN date < ? THEN debit_fen - credit_fen ELSE 0 END) AS opening, sum(CASE WHEN date >= ? THEN debit_fen ELSE 0 END) AS d,
       sum(CASE WHEN date >= ? THEN credit_fen ELSE 0 END) AS c FROM ledger_voucher_lines WHERE book_id = ? AND date <= ? AND posted = 1 GROUP BY account_id`,
    );
    const sumMembers = db.prepare(
      'SELECT account_id, member_id, sum(debit_fen - credit_fen) FROM ledger_voucher_lines WHERE book_id = ? AND date <= ? AND posted = 1 AND member_id > 0 GROUP BY account_id, member_id',
    );
    for (const [label, book, year] of [
      ['year 1 (2016)', typical, FIRST],
      ['year 5 (2020)', typical, FIRST + 4],
      ['year 10 (2025)', typical, LAST],
      [`large cooperative, year 10 (${LARGE_LINES.toLocaleString()} lines)`, large, LAST],
    ] as const) {
      const from = `${year}-01`;
      const to = `${year}-12`;
      const tb = await sample(200, () => trialBalance(store, { bookId: book.bookId, from, to, level: 0, members: false, zeros: false }));
      const bs = await sample(200, () => balanceSheet(store, { bookId: book.bookId, period: to }));
      const base = await sample(20, () => {
        sumTrial.all(`${year}-01-01`, `${year}-01-01`, `${year}-01-01`, book.bookId, `${year}-12-31`);
        sumMembers.all(book.bookId, `${year}-12-31`);
      }, 3);
      line(`trial balance, ${label}`, fmt(tb.p50), `p95 ${fmt(tb.p95)}; plain SUM over the journal ${fmt(base.p50)} (${(base.p50 / tb.p50).toFixed(1)}x)`);
      line(`balance sheet, ${label}`, fmt(bs.p50), `p95 ${fmt(bs.p95)}; plain SUM ${fmt(base.p50)} (${(base.p50 / bs.p50).toFixed(1)}x)`);
    }

    const booksInYear = consolidatedTrial(store, LAST).books;
    heading(`consolidated trial balance across ${booksInYear} cooperatives for ${LAST} (the generated ones and the demo books)`);
    const cons = await sample(30, () => consolidatedTrial(store, LAST), 3);
    const sumAll = db.prepare(
      `SELECT substr(a.code, 1, 3) AS top, sum(CASE WHEN l.date < ? THEN l.debit_fen - l.credit_fen ELSE 0 END), sum(CASE WHEN l.date >= ? THEN l.debit_fen ELSE 0 END),
       sum(CASE WHEN l.date >= ? THEN l.credit_fen ELSE 0 END) FROM ledger_voucher_lines l JOIN ledger_accounts a ON a.id = l.account_id WHERE l.date <= ? AND l.posted = 1 GROUP BY top`,
    );
    const consBase = await sample(3, () => sumAll.all(`${LAST}-01-01`, `${LAST}-01-01`, `${LAST}-01-01`, `${LAST}-12-31`), 1);
    line('consolidated trial balance p50', fmt(cons.p50), `plain SUM over ${generated.value.lines.toLocaleString()} lines ${fmt(consBase.p50)} (${(consBase.p50 / cons.p50).toFixed(0)}x)`);

    heading('posting one voucher (review, then post) in the large cooperative');
    const accounts = loadAccounts(store, large.bookId);
    const acc = (code: string) => accounts.find((a) => a.code === code)!.id;
    const ready: number[] = [];
    for (let i = 0; i < 300; i++) {
      const id = saveVoucher(store, li, {
        bookId: large.bookId,
        date: `${LAST}-12-15`,
        kind: '记',
        attachments: 1,
        lines: [
          { summary: '销售农产品', accountId: acc('102'), memberId: 0, debitFen: 10_000 + i, creditFen: 0 },
          { summary: '收购成员农产品', accountId: acc('114'), memberId: large.memberIds[i % large.memberIds.length]!, debitFen: 5_000, creditFen: 0 },
          { summary: '销售农产品', accountId: acc('501'), memberId: 0, debitFen: 0, creditFen: 15_000 + i },
        ],
      });
      reviewVouchers(store, zhou, { ids: [id] });
      ready.push(id);
    }
    let next = 0;
    const post = await sample(250, () => postVouchers(store, li, { ids: [ready[next++]!] }), 50);
    const entry = await sample(100, (i) => {
      const id = saveVoucher(store, li, {
        bookId: large.bookId,
        date: `${LAST}-12-16`,
        kind: '记',
        attachments: 0,
        lines: [
          { summary: '支付费用', accountId: acc('523'), memberId: 0, debitFen: 100 + i, creditFen: 0 },
          { summary: '支付费用', accountId: acc('101'), memberId: 0, debitFen: 0, creditFen: 100 + i },
        ],
      });
      reviewVouchers(store, zhou, { ids: [id] });
      postVouchers(store, li, { ids: [id] });
    }, 10);
    line('post one voucher (3 lines, 1 member)', fmt(post.p50), `p95 ${fmt(post.p95)}; balances, audit row and locks in one transaction`);
    line('save + review + post one voucher', fmt(entry.p50), `p95 ${fmt(entry.p95)}`);

    heading(`importing ${IMPORT_LINES.toLocaleString()} lines from xlsx`);
    const target = newBook('基准导入合作社', memberNames, `${LAST}-01`);
    const file = path.join(tmp.dir, 'import.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
    const ws = wb.addWorksheet('凭证');
    ws.addRow(['日期', '凭证字', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '成员']).commit();
    for (let i = 0, n = 0; n < IMPORT_LINES; i++) {
      const month = 1 + (i % 12);
      const date = `${LAST}-${String(month).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const no = Math.floor(i / 12) + 1;
      const yuan = ((1000 + (i % 97) * 113) / 100).toFixed(2);
      if (i % 3 === 0) {
        ws.addRow([date, '记', no, '收购成员农产品', '121', '产品物资', yuan, '', '']).commit();
        ws.addRow([date, '记', no, '收购成员农产品', '114', '成员往来', '', yuan, memberNames[i % memberNames.length]]).commit();
        n += 2;
      } else {
        ws.addRow([date, '记', no, '销售农产品', '102', '银行存款', yuan, '', '']).commit();
        ws.addRow([date, '记', no, '销售农产品', '501', '经营收入', '', yuan, '']).commit();
        n += 2;
      }
    }
    await wb.commit();
    const bytes = fs.readFileSync(file);
    const importRss = await peakRss(async () => ({
      preview: await timeIt(() => previewVoucherImport(store, { bookId: target.bookId, name: 'import.xlsx', bytes, map2007: false })),
      commit: await timeIt(() => commitVoucherImport(store, li, { bookId: target.bookId, name: 'import.xlsx', bytes, map2007: false })),
    }));
    const { preview, commit } = importRss.value;
    line('preview (read, check every row)', fmt(preview.ms), `${preview.value.totalRows.toLocaleString()} rows, ${preview.value.vouchers.toLocaleString()} vouchers, ${preview.value.errors} errors`);
    line('commit (read and check again, write all)', fmt(commit.ms), `${commit.value.lines.toLocaleString()} lines in ${commit.value.vouchers.toLocaleString()} vouchers; file ${(bytes.length / 1024 / 1024).toFixed(1)} MB`);
    line('peak memory while importing', `${importRss.peakMb.toFixed(0)} MB`, 'the sheet is streamed, once for the preview and once for the commit');

    heading('hledger balance on the same cooperative (baseline)');
    const hl = spawnSync('hledger', ['--version']);
    if (hl.error || hl.status !== 0) console.log('  hledger is not installed (Debian package hledger): baseline skipped');
    else {
      const journal = path.join(tmp.dir, 'coop.journal');
      const names = new Map(loadAccounts(store, typical.bookId).map((a) => [a.id, `${a.code} ${a.name}`]));
      const out: string[] = [];
      const rows = db
        .prepare(
          `SELECT v.date, v.kind || '-' || v.number AS no, l.summary, l.account_id AS a, l.member_id AS m, l.debit_fen - l.credit_fen AS amt FROM ledger_voucher_lines l JOIN ledger_vouchers v ON v.id = l.voucher_id
           WHERE l.book_id = ? AND l.posted = 1 ORDER BY v.date, v.id, l.line_no`,
        )
        .all(typical.bookId) as { date: string; no: string; summary: string; a: number; m: number; amt: number }[];
      let last = '';
      for (const r of rows) {
        const key = `${r.date}|${r.no}`;
        if (key !== last) out.push('', `${r.date} (${r.no}) ${r.summary}`);
        last = key;
        out.push(`    ${names.get(r.a)}${r.m ? `:${r.m}` : ''}  ${(r.amt / 100).toFixed(2)}`);
      }
      fs.writeFileSync(journal, out.join('\n'));
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = process.hrtime.bigint();
        const res = spawnSync('hledger', ['-f', journal, 'balance', '-e', `${LAST + 1}-01-01`], { encoding: 'utf8' });
        times.push(Number(process.hrtime.bigint() - t) / 1e6);
        if (res.status !== 0) throw new Error(res.stderr);
      }
      times.sort((a, b) => a - b);
      const tb = await sample(200, () => trialBalance(store, { bookId: typical.bookId, from: `${LAST}-01`, to: `${LAST}-12`, level: 0, members: false, zeros: false }));
      line(`hledger balance, ${rows.length.toLocaleString()} postings (10 years)`, fmt(times[1]!), `trial balance here ${fmt(tb.p50)} (${(times[1]! / tb.p50).toFixed(0)}x)`);
    }
    core.close();
  }
}
