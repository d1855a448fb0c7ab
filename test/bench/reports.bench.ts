import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { BatchSink } from '../../electron/core/reports/render';
import type { SheetSpec } from '../../electron/core/io/sheet';
import { addDays, addMonths, todayOf } from '../../electron/core/tasks/dates';
import { tempDir } from '../helpers/tmp';
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

const fen = (seed: number) => Math.round((Math.sin(seed) + 1.2) * 12_345_678);

/**
 * Statement-shaped data while the ledger is not in this branch: the balance sheet (会农社01表, assets beside
 * claims, 21 lines) and the surplus statement (会农社02表, 20 lines) as the ledger's reportSheet lays them out,
 * with the lines the report centre adds (制表日期, signatures).
 */
function statements(i: number): SheetSpec[] {
  const coop = `云阳县第${i + 1}农民专业合作社`;
  const meta = (form: string) => [form, `编制单位：${coop}`, '2025年12月', '单位：元', '制表日期：2026年1月10日'];
  const footer = ['制表人：王制表　　　　审核人：李审核'];
  return [
    {
      name: coop,
      title: '资产负债表',
      meta: meta('会农社01表'),
      columns: [
        { header: '资产', key: 'a' },
        { header: '行次', key: 'al' },
        { header: '期末余额', key: 'ae', kind: 'fen' },
        { header: '年初余额', key: 'ab', kind: 'fen' },
        { header: '负债和所有者权益', key: 'c' },
        { header: '行次', key: 'cl' },
        { header: '期末余额', key: 'ce', kind: 'fen' },
        { header: '年初余额', key: 'cb', kind: 'fen' },
      ],
      rows: Array.from({ length: 21 }, (_, r) => ({ a: `资产项目${r + 1}`, al: r + 1, ae: fen(i * 97 + r), ab: fen(i * 89 + r), c: `负债或权益项目${r + 1}`, cl: r + 23, ce: fen(i * 83 + r), cb: fen(i * 79 + r) })),
      footer,
    },
    {
      name: '盈余及盈余分配表',
      title: '盈余及盈余分配表',
      meta: meta('会农社02表'),
      columns: [
        { header: '项目', key: 'item' },
        { header: '行次', key: 'line' },
        { header: '本年金额', key: 'cur', kind: 'fen' },
        { header: '上年金额', key: 'prior', kind: 'fen' },
      ],
      rows: Array.from({ length: 20 }, (_, r) => ({ item: `盈余项目${r + 1}`, line: r + 1, cur: fen(i * 71 + r), prior: fen(i * 67 + r) })),
      footer,
    },
  ];
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

async function batch(format: 'xlsx' | 'pdf'): Promise<{ ms: number; peakMb: number; bytes: number }> {
  resetPeak();
  const r = await timeIt(async () => {
    const sink = new BatchSink(format, '年度报表');
    for (let i = 0; i < COOPS; i++) {
      const sheets = statements(i);
      await sink.add(sheets[0]!.name, sheets);
    }
    return sink.finish();
  });
  return { ms: r.ms, peakMb: peakRssMb(), bytes: r.value.bytes.length };
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
 * Batch export of a year's statements for 500 cooperatives (xlsx: a sheet per cooperative; PDF: a file per
 * cooperative in a zip) with wall time and peak memory, beside exceljs alone writing the same cells; then the
 * annex reports and the registry summary at county scale through the API, as the screen calls them.
 */
export default async function reportsBench(): Promise<void> {
  heading(`reports: batch of ${COOPS} cooperatives' statements (statement-shaped data: the ledger is not in this branch yet)`);
  const parts = Array.from({ length: COOPS }, (_, i) => ({ name: `云阳县第${i + 1}农民专业合作社`, sheets: statements(i) }));
  const cells = parts.reduce((n, p) => n + p.sheets.reduce((m, s) => m + s.rows.length * s.columns.length, 0), 0);
  resetPeak();
  const base = await timeIt(() => exceljsAlone(parts));
  const basePeak = peakRssMb();
  line(`exceljs alone, same ${cells.toLocaleString()} cells (baseline)`, fmt(base.ms), `peak RSS ${basePeak.toFixed(0)} MB, ${(base.value.length / 1024 / 1024).toFixed(1)} MB`);
  const x = await batch('xlsx');
  line('batch xlsx: sheet per cooperative, styled', fmt(x.ms), `peak RSS ${x.peakMb.toFixed(0)} MB, ${(x.bytes / 1024 / 1024).toFixed(1)} MB; ${(x.ms / base.ms).toFixed(2)}x the baseline; target < 60 s, < 1 GB`);
  const p = await batch('pdf');
  line('batch PDF: file per cooperative, zipped', fmt(p.ms), `peak RSS ${p.peakMb.toFixed(0)} MB, ${(p.bytes / 1024 / 1024).toFixed(1)} MB; ${(p.ms / base.ms).toFixed(1)}x the baseline; target < 60 s, < 1 GB`);

  heading(`reports: annexes and registry summary (demo data + ${SCALE.households.toLocaleString()} households, ${SCALE.orgs.toLocaleString()} organisations, ${31 + SCALE.addedTasks} tasks, ${SCALE.reports.toLocaleString()} progress reports)`);
  const tmp = tempDir('bench-reports');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const client = new CliClient(core, createRouter());
    await client.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const gen = await timeIt(() => generateCounty(core));
    line('generate county-scale data', fmt(gen.ms));
    const today = todayOf(core.store);
    const lastMonth = addMonths(today.slice(0, 7), -1);
    const first = await timeIt(() => client.call('indicators.list', {}));
    line(`first indicator view freezes ${SCALE.snapshotMonths} months`, fmt(first.ms));
    const params = (period: string) => ({ period, unit: '云阳县为农服务中心', preparer: '王制表', reviewer: '李审核', preparedOn: today });
    for (const key of ['annex1', 'annex2', 'members']) {
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
    const regen = await timeIt(() => client.call<Out<Contract['reports.regenerate']>>('reports.regenerate', { id: h.rows[0]!.id }));
    line('regenerate annex 1 from its month-end snapshot', fmt(regen.ms), regen.value.matches ? 'matches' : `differs in ${regen.value.total} cells`);
    core.close();
  } finally {
    tmp.cleanup();
  }
}
