import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import type { Actor } from '../../electron/core/db/store';
import type { SheetSpec } from '../../electron/core/io/sheet';
import { createBook } from '../../electron/core/ledger/books';
import { activateBook } from '../../electron/core/ledger/opening';
import { buildContext, buildPart, batchParts, findDef } from '../../electron/core/reports/build';
import { createCoop } from '../helpers/ledger-fixtures';
import { LedgerGenerator, type GenBook } from './ledger-data';
import { addDays, addMonths, todayOf } from '../../electron/core/tasks/dates';
import { tempDir } from '../helpers/tmp';
import { finishJob, regenerateReport } from '../helpers/jobs';
import { fmt, heading, line, timeIt } from './lib';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

const COOPS = 500;
const SCALE = { households: 300_000, orgs: 20_000, unions: 40, memberships: 8_000, sites: 800, addedTasks: 269, reports: 30_000, snapshotMonths: 24 };

/** Peak resident memory since the last reset (Linux VmHWM); a timer cannot sample inside synchronous work. */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

function resetPeak(): void {
  global.gc?.();
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the figure is then the process's peak so far.
  }
}

/** The baseline: exceljs alone writing the same cells (values only, a sheet per part), no layout work. */
async function exceljsAlone(parts: { name: string; sheets: SheetSpec[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const p of parts) {
    let name = p.name.slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${p.name.slice(0, 27)}(${n})`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    for (const s of p.sheets) {
      ws.addRow([s.title]);
      for (const m of s.meta ?? []) ws.addRow([m]);
      ws.addRow(s.columns.map((c) => c.header));
      for (const r of s.rows) ws.addRow(s.columns.map((c) => (c.kind === 'fen' ? Number(r[c.key]) / 100 : r[c.key])));
      for (const f of s.footer ?? []) ws.addRow([f]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 500 cooperatives with books, two years of vouchers each (~900 lines a year, months closed), as the ledger bench writes them. */
function generateBooks(core: AppCore, year: number): GenBook[] {
  const store = core.store;
  const db = store.sqlite;
  const li: Actor = { userId: db.prepare("SELECT id FROM users WHERE username = 'kuaiji'").pluck().get() as number, username: 'kuaiji', role: 'bookkeeper' };
  const gen = new LedgerGenerator(db);
  const members = Array.from({ length: 20 }, (_, i) => `成员${i + 1}`);
  const books: GenBook[] = [];
  for (let i = 0; i < COOPS; i += 25) {
    const made = Array.from({ length: Math.min(25, COOPS - i) }, (_, k) => {
      const coop = createCoop(store, `云阳县基准${i + k + 1}号农民专业合作社`, members);
      const book = createBook(store, li, { coopId: coop.coopId, startPeriod: `${year - 1}-01`, voucherKinds: 'general' });
      activateBook(store, li, book.id);
      return { bookId: book.id, memberIds: coop.memberIds };
    });
    db.transaction(() => {
      for (const b of made) gen.generate(store, b, year - 1, 2, 900, `${year}-12`);
    })();
    books.push(...made);
  }
  return books;
}

/** The report centre's batch export as the screen runs it: a job, polled until its file is ready. */
async function batchJob(client: CliClient, year: number, format: 'xlsx' | 'pdf', today: string): Promise<{ ms: number; peakMb: number; bytes: number; parts: number }> {
  resetPeak();
  const params = { period: String(year), scope: '', unit: '云阳县为农服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today };
  const r = await timeIt(async () => {
    const { jobId } = await client.call<{ jobId: string }>('reports.exportBatch', { key: 'statements', params, format });
    const st = await finishJob(client, jobId);
    if (st.state !== 'done') throw new Error(`批量导出未完成：${st.state} ${st.error}`);
    return { size: st.file!.size, parts: st.total };
  });
  return { ms: r.ms, peakMb: peakRssMb(), bytes: r.value.size, parts: r.value.parts };
}

function generateCounty(core: AppCore): void {
  const db = core.store.sqlite;
  const today = todayOf(core.store);
  const now = core.store.now();
  db.transaction(() => {
    const townships = db.prepare('SELECT id FROM townships').pluck().all() as number[];
    const h = db.prepare("INSERT INTO households (name, township_id, household_size, land_area_mu100, status, created_at, updated_at) VALUES (?, ?, 3, 500, 'active', ?, ?)");
    for (let i = 0; i < SCALE.households; i++) h.run(`农户${i}`, townships[i % townships.length], now, now);
    const kinds = ['农民专业合作社', '家庭农场', '涉农企业'];
    const o = db.prepare("INSERT INTO orgs (kind, name, township_id, industries, demo_level, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)");
    for (let i = 0; i < SCALE.orgs; i++) o.run(kinds[i % 3], `主体${i}`, townships[i % townships.length], JSON.stringify([['柑橘', '生猪', '中药材', '蔬菜'][i % 4]]), i % 40 === 0 ? '县级' : '', now, now);
    const u = db.prepare("INSERT INTO unions (kind, level, name, established_on, status, created_at, updated_at) VALUES (?, 'township', ?, ?, 'active', ?, ?)");
    for (let i = 0; i < SCALE.unions; i++) u.run(i % 4 ? 'regional' : 'industry', `基准农合联${i}`, addDays(today, -30 * (i % 30)), now, now);
    const unionIds = db.prepare("SELECT id FROM unions WHERE name LIKE '基准农合联%'").pluck().all() as number[];
    const orgIds = db.prepare("SELECT id FROM orgs WHERE name LIKE '主体%'").pluck().all() as number[];
    const m = db.prepare("INSERT OR IGNORE INTO union_members (union_id, org_id, joined_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)");
    for (let i = 0; i < SCALE.memberships; i++) m.run(unionIds[i % unionIds.length], orgIds[(i * 7) % orgIds.length], addDays(today, -(i % 900)), now, now);
    const siteKinds = ['乡镇为农服务中心', '农村综合服务社', '农村流通网点', '村级一站式服务站'];
    const s = db.prepare("INSERT INTO service_sites (kind, name, opened_on, status, created_at, updated_at) VALUES (?, ?, ?, 'active', ?, ?)");
    for (let i = 0; i < SCALE.sites; i++) s.run(siteKinds[i % 4], `基准站点${i}`, addDays(today, -(i % 720)), now, now);
    const t = db.prepare("INSERT INTO tasks (no, area, item, text, owner_id, start_on, due_on, progress, source, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, 'added', ?, ?)");
    const units = db.prepare('SELECT id FROM task_units').pluck().all() as number[];
    const link = db.prepare("INSERT INTO task_unit_links (task_id, unit_id, role, sort) VALUES (?, ?, ?, 0)");
    for (let i = 0; i < SCALE.addedTasks; i++) {
      const id = Number(t.run(32 + i, `新增领域${Math.floor(i / 40)}`, `新增事项${Math.floor(i / 4)}`, `新增工作任务 ${i}：${'推进有关工作并按月报送进展。'.repeat(3)}`, '2024-09-01', addDays(today, (i % 400) - 100), i % 100, now, now).lastInsertRowid);
      link.run(id, units[i % units.length], 'responsible');
      link.run(id, units[(i + 7) % units.length], 'cooperating');
    }
    const taskCount = 31 + SCALE.addedTasks;
    const rep = db.prepare("INSERT INTO task_reports (task_id, reported_on, period_kind, period, text, figures, progress, reporter_id, reporter_name, created_at) VALUES (?, ?, 'month', ?, ?, '[]', ?, 1, '管理员', ?)");
    for (let i = 0; i < SCALE.reports; i++) {
      const on = addDays(today, -(i % 1000));
      rep.run(1 + (i % taskCount), on, on.slice(0, 7), `第 ${i} 次进展填报：完成计划工作，下一步继续推进。`, i % 100, now);
    }
  })();
  db.prepare("UPDATE tasks_meta SET value = ? WHERE key = 'trackingStart'").run(addMonths(today.slice(0, 7), -SCALE.snapshotMonths));
}

/**
 * Batch export of a year's statements for 500 cooperatives from the ledger (xlsx: a sheet per cooperative; PDF:
 * a file per cooperative in a zip) through the job the screen starts, with wall time and peak memory, beside the
 * ledger computing the statements and exceljs alone writing the same cells; then the annex reports and the
 * registry summary at county scale through the API.
 */
export default async function reportsBench(): Promise<void> {
  heading(`reports: ${COOPS} cooperatives' books, then the annexes at county scale`);
  const tmp = tempDir('bench-reports');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const client = new CliClient(core, createRouter());
    await client.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const today = todayOf(core.store);
    const year = Number(today.slice(0, 4)) - 1;
    const made = await timeIt(() => generateBooks(core, year));
    line(`generate ${COOPS} books, ${year - 1}-${year}, ~900 lines a year`, fmt(made.ms));

    heading(`reports: batch of the ${year} statements (会农社01、02、03表) for ${COOPS} cooperatives, through the job`);
    const x = await batchJob(client, year, 'xlsx', today);
    line(`batch xlsx: sheet per cooperative (${x.parts} parts)`, fmt(x.ms), `peak RSS ${x.peakMb.toFixed(0)} MB, ${(x.bytes / 1024 / 1024).toFixed(1)} MB; target < 60 s, < 1 GB`);
    const p = await batchJob(client, year, 'pdf', today);
    line(`batch PDF: file per cooperative, zipped (${p.parts} parts)`, fmt(p.ms), `peak RSS ${p.peakMb.toFixed(0)} MB, ${(p.bytes / 1024 / 1024).toFixed(1)} MB; target < 60 s, < 1 GB`);
    // The statements alone (the ledger's own work), then exceljs alone writing the same cells: the baseline.
    const def = findDef('statements');
    const ctx = buildContext(core.store, def, { period: String(year), scope: '', unit: '云阳县为农服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today });
    const built = await timeIt(() => batchParts(core.store, def, ctx).map((part) => ({ name: part.name, sheets: buildPart(core.store, def, ctx, part).sheets })));
    const cells = built.value.reduce((n, q) => n + q.sheets.reduce((m, sh) => m + sh.rows.length * sh.columns.length, 0), 0);
    line('  of which the ledger computing the statements', fmt(built.ms), `${built.value.length} cooperatives, ${cells.toLocaleString()} cells`);
    resetPeak();
    const base = await timeIt(() => exceljsAlone(built.value));
    line('  baseline: exceljs alone writing the same cells', fmt(base.ms), `peak RSS ${peakRssMb().toFixed(0)} MB; batch xlsx is ${(x.ms / (built.ms + base.ms)).toFixed(2)}x statements + exceljs, PDF ${(p.ms / (built.ms + base.ms)).toFixed(1)}x`);

    const summaryParams = { period: String(year), scope: '', unit: '云阳县为农服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today };
    const summary = await timeIt(() => client.call('reports.export', { key: 'ledger', params: summaryParams, format: 'xlsx' }));
    line(`bookkeeping summary, ${COOPS} cooperatives, xlsx`, fmt(summary.ms), 'vouchers, closed periods, key figures per cooperative and total');
    const hist = await client.call<Out<Contract['reports.history']>>('reports.history', { key: 'statements' });
    const check = await timeIt(() => regenerateReport(client, hist.rows[0]!.id));
    line('regenerate and compare the 500-cooperative batch', fmt(check.ms), check.value.matches ? 'matches' : `differs in ${check.value.total} cells`);

    heading(`reports: annexes, registry summary, service and matching statistics (demo data + ${SCALE.households.toLocaleString()} households, ${SCALE.orgs.toLocaleString()} organisations, ${31 + SCALE.addedTasks} tasks, ${SCALE.reports.toLocaleString()} progress reports)`);
    const gen = await timeIt(() => generateCounty(core));
    line('generate county-scale data', fmt(gen.ms));
    const lastMonth = addMonths(today.slice(0, 7), -1);
    const first = await timeIt(() => client.call('indicators.list', {}));
    line(`first indicator view freezes ${SCALE.snapshotMonths} months`, fmt(first.ms));
    const params = (period: string) => ({ period, unit: '云阳县为农服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today });
    for (const key of ['annex1', 'annex2', 'members', 'service', 'matching']) {
      const prev = await timeIt(() => client.call<Out<Contract['reports.preview']>>('reports.preview', { key, params: params(lastMonth) }));
      const sheets = prev.value.sheets;
      const rows = sheets.reduce((n, s) => n + s.rows.length, 0);
      const timings: string[] = [];
      let xlsxMs = 0;
      for (const format of ['xlsx', 'pdf', 'csv'] as const) {
        const r = await timeIt(() => client.call<Out<Contract['reports.export']>>('reports.export', { key, params: params(lastMonth), format }));
        if (format === 'xlsx') xlsxMs = r.ms;
        timings.push(`${format} ${fmt(r.ms)}`);
      }
      // Baseline for the same cells: exceljs alone, from the preview's cell texts.
      const plain = sheets.map((s) => ({ name: s.name, title: s.title, meta: s.meta, footer: s.footer, columns: s.numeric.map((_, c) => ({ header: String(c), key: String(c) })), rows: s.rows.map((r) => Object.fromEntries(r.map((v, c) => [String(c), v]))) }));
      const b = await timeIt(() => exceljsAlone([{ name: key, sheets: plain }]));
      line(`${key}: preview (${rows} rows)`, fmt(prev.ms), `${timings.join(', ')}; xlsx ${(xlsxMs / b.ms).toFixed(1)}x exceljs alone (${fmt(b.ms)})`);
    }
    const h = await client.call<Out<Contract['reports.history']>>('reports.history', { key: 'annex1' });
    const regen = await timeIt(() => regenerateReport(client, h.rows[0]!.id));
    line('regenerate annex 1 from its month-end snapshot', fmt(regen.ms), regen.value.matches ? 'matches' : `differs in ${regen.value.total} cells`);
    core.close();
  } finally {
    tmp.cleanup();
  }
}
