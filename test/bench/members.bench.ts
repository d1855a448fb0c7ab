import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppCore } from '../../electron/core/app';
import { createRouter } from '../../electron/api';
import { CliClient } from '../../electron/cli/io';
import { indexHousehold, indexOrg } from '../../electron/core/members/fts';
import { pinyinOf } from '../../electron/core/members/keys';
import { searchMembers } from '../../electron/core/members/search';
import { rng, pick, personName, idNumber, mobile, creditCode, PLACE_WORDS, PRODUCTS } from '../../electron/core/members/generate';
import { tempDir } from '../helpers/tmp';
import { fmt, heading, line, sample, timeIt } from './lib';

const HOUSEHOLDS = 300_000;
const ORGS = 20_000;
const QUERIES = 1_000;
const IMPORT_ROWS = 50_000;

/** Peak resident memory since the last reset (Linux VmHWM); the sampler in lib.ts cannot see inside synchronous work. */
function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 1024 / 1024;
}

function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * Member registry at county scale: search latency over a mixed query set beside a plain LIKE scan,
 * and a 50,000-row xlsx import with validation, through the API as the import page sends it.
 */
export default async function members(): Promise<void> {
  heading(`members: ${HOUSEHOLDS.toLocaleString()} households + ${ORGS.toLocaleString()} organisations`);
  const tmp = tempDir('bench-members');
  try {
    const core = AppCore.open({ dataDir: path.join(tmp.dir, 'data'), mode: 'browser' });
    const client = new CliClient(core, createRouter());
    await client.call('setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'bench-pass-1', centreName: '基准', loadDemo: true });
    const store = core.store;
    const q = store.sqlite;
    const townships = q.prepare('SELECT id, name FROM townships').all() as { id: number; name: string }[];
    const villages = q.prepare('SELECT id, township_id AS t FROM villages').all() as { id: number; t: number }[];
    const r = rng(42);
    const now = store.now();
    const sampleRows: { name: string; phone: string; id: string }[] = [];
    const orgSamples: { name: string; code: string }[] = [];
    const usedIds = new Set(q.prepare('SELECT id_number FROM households').pluck().all() as string[]);

    const gen = await timeIt(() =>
      store.write({ userId: null, username: 'bench', role: 'system' }, 'bench.generate', (audit) => {
        const insH = q.prepare('INSERT INTO households (name, id_number, phone, township_id, village_id, household_size, land_area_mu100, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (let i = 0; i < HOUSEHOLDS; i++) {
          const name = personName(r);
          let id = idNumber(r);
          while (usedIds.has(id)) id = idNumber(r);
          usedIds.add(id);
          const phone = mobile(r);
          const t = pick(r, townships);
          const vs = villages.filter((v) => v.t === t.id);
          const py = pinyinOf(name, true);
          const rowId = Number(insH.run(name, id, phone, t.id, vs.length ? pick(r, vs).id : null, 1 + Math.floor(r() * 6), Math.floor(r() * 2000), py.full, py.initials, now, now).lastInsertRowid);
          indexHousehold(q, { id: rowId, name, phone, idNumber: id }, true);
          if (i % 97 === 0) sampleRows.push({ name, phone, id });
        }
        const insO = q.prepare("INSERT INTO orgs (kind, name, credit_code, contact_phone, township_id, industries, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '[]', ?, ?, ?, ?)");
        const kinds = ['农民专业合作社', '家庭农场', '涉农企业'] as const;
        const usedCodes = new Set(q.prepare('SELECT credit_code FROM orgs').pluck().all() as string[]);
        for (let i = 0; i < ORGS; i++) {
          const t = pick(r, townships);
          const kind = kinds[i % 3]!;
          const name = `云阳县${t.name.replace(/(街道|镇|乡)$/, '')}${pick(r, PLACE_WORDS)}${pick(r, PRODUCTS)}${kind === '农民专业合作社' ? '专业合作社' : kind === '家庭农场' ? '家庭农场' : '农业有限公司'}${i % 50 === 0 ? '' : String(i)}`;
          let code = creditCode(r, kind === '农民专业合作社' ? '93' : kind === '家庭农场' ? '92' : '91');
          while (usedCodes.has(code)) code = creditCode(r, '93');
          usedCodes.add(code);
          const phone = mobile(r);
          const py = pinyinOf(name, false);
          const rowId = Number(insO.run(kind, name, code, phone, t.id, py.full, py.initials, now, now).lastInsertRowid);
          indexOrg(q, { id: rowId, name, contactPhone: phone, creditCode: code }, true);
          if (i % 41 === 0) orgSamples.push({ name, code });
        }
        audit.record({ entity: 'bench', ids: [], summary: { households: HOUSEHOLDS, orgs: ORGS } });
      }),
    );
    line('generate + index (pinyin, FTS5) in one transaction', fmt(gen.ms), `${((HOUSEHOLDS + ORGS) / (gen.ms / 1000)).toFixed(0)} records/s`);
    line('database size', `${(fs.statSync(core.paths.db).size / 1024 / 1024).toFixed(0)} MB`, '(before WAL checkpoint)');

    // The mix a front desk types: names, name starts, initials, full pinyin, phone and ID tails, codes, org words.
    const queries: { q: string; kind: string }[] = [];
    for (let i = 0; queries.length < QUERIES; i++) {
      const s = sampleRows[i % sampleRows.length]!;
      const o = orgSamples[i % orgSamples.length]!;
      const py = pinyinOf(s.name, true);
      const mix: [string, string][] = [
        ['full name', s.name],
        ['2-char start', s.name.slice(0, 2)],
        ['pinyin initials', py.initials],
        ['full pinyin', py.full],
        ['phone tail 4', s.phone.slice(-4)],
        ['ID tail 6', s.id.slice(-6)],
        ['whole phone', s.phone],
        ['credit code', o.code],
        ['org word (2-4 chars)', o.name.slice(5, 7 + (i % 3))],
        ['name + phone tail', `${s.name.slice(0, 1)} ${s.phone.slice(-4)}`],
      ];
      const [kind, text] = mix[i % mix.length]!;
      queries.push({ kind, q: text });
    }
    const found = queries.filter((x) => searchMembers(store, 'admin', { q: x.q, limit: 20 }).length > 0).length;
    const direct = await sample(QUERIES, (i) => searchMembers(store, 'admin', { q: queries[i]!.q, limit: 20 }));
    const viaRouter = await sample(QUERIES, (i) => client.call('members.search', { q: queries[i]!.q, limit: 20 }));
    const like = {
      h: q.prepare("SELECT id, name FROM households WHERE name LIKE @p OR py_initials LIKE @p OR py_full LIKE @p OR phone LIKE @p OR id_number LIKE @p LIMIT 20"),
      o: q.prepare("SELECT id, name FROM orgs WHERE name LIKE @p OR py_initials LIKE @p OR py_full LIKE @p OR contact_phone LIKE @p OR credit_code LIKE @p LIMIT 20"),
    };
    const LIKE_N = 200;
    const baseline = await sample(
      LIKE_N,
      (i) => {
        const pattern = `%${queries[i * (QUERIES / LIKE_N)]!.q.replace(/\s+/g, '%')}%`;
        like.h.all({ p: pattern });
        like.o.all({ p: pattern });
      },
      5,
    );
    const directSame = await sample(LIKE_N, (i) => searchMembers(store, 'admin', { q: queries[i * (QUERIES / LIKE_N)]!.q, limit: 20 }), 5);
    line(`search, ${QUERIES} mixed queries, p50 / p95`, `${fmt(direct.p50)} / ${fmt(direct.p95)}`, `max ${fmt(direct.max)}; ${found}/${QUERIES} found something; target p95 < 30 ms`);
    line('  same through the router (validation, masking)', `${fmt(viaRouter.p50)} / ${fmt(viaRouter.p95)}`);
    line(`  baseline: plain LIKE scan, ${LIKE_N} of the queries`, `${fmt(baseline.p50)} / ${fmt(baseline.p95)}`, `search on the same ${LIKE_N}: ${fmt(directSame.p50)} / ${fmt(directSame.p95)}`);
    line('  ratio at p50 / p95', `${(baseline.p50 / directSame.p50).toFixed(0)}x / ${(baseline.p95 / directSame.p95).toFixed(0)}x`, 'faster than the LIKE baseline');
    const byKind = new Map<string, number[]>();
    for (const x of queries) {
      const t = process.hrtime.bigint();
      searchMembers(store, 'admin', { q: x.q, limit: 20 });
      byKind.set(x.kind, [...(byKind.get(x.kind) ?? []), Number(process.hrtime.bigint() - t) / 1e6]);
    }
    for (const [kind, ms] of byKind) {
      const s = [...ms].sort((a, b) => a - b);
      line(`    ${kind}`, `${fmt(s[Math.floor(s.length / 2)]!)} / ${fmt(s[Math.floor(s.length * 0.95)]!)}`);
    }

    // 50,000 new households in an xlsx, as a clerk would fill the template.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('农户');
    ws.addRow(['姓名', '身份证号', '联系电话', '乡镇（街道）', '村（社区）', '家庭人口', '耕地面积（亩）', '主要作物']);
    const names = new Map(townships.map((t) => [t.id, t.name]));
    const vnames = new Map((q.prepare('SELECT id, name FROM villages').all() as { id: number; name: string }[]).map((v) => [v.id, v.name]));
    for (let i = 0; i < IMPORT_ROWS; i++) {
      let id = idNumber(r, '500236');
      while (usedIds.has(id)) id = idNumber(r, '500236');
      usedIds.add(id);
      const v = pick(r, villages);
      ws.addRow([personName(r), id, mobile(r), names.get(v.t)!, vnames.get(v.id)!, String(1 + Math.floor(r() * 6)), (r() * 20).toFixed(2), '柑橘、玉米']);
    }
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const upload = { kind: 'households' as const, name: '农户导入.xlsx', base64: xlsx.toString('base64') };
    line('xlsx file', `${(xlsx.length / 1024 / 1024).toFixed(1)} MB`, `${IMPORT_ROWS.toLocaleString()} rows`);
    if (global.gc) global.gc();
    const rssBefore = process.memoryUsage().rss / 1024 / 1024;
    const canReset = resetPeak();
    const preview = await timeIt(() => client.call<{ errors: number; rows: unknown[] }>('members.importPreview', upload));
    const commit = await timeIt(() => client.call<{ imported: number }>('members.importCommit', upload));
    const peak = peakRssMb();
    line('import preview (read xlsx, check every row)', fmt(preview.ms), `${preview.value.rows.length} rows, ${preview.value.errors} errors`);
    line('import commit (re-read, re-check, insert, index)', fmt(commit.ms), `${commit.value.imported} rows imported; target < 15 s`);
    line('import peak RSS', `${peak.toFixed(0)} MB`, canReset ? `(+${(peak - rssBefore).toFixed(0)} MB over ${rssBefore.toFixed(0)} MB before the import)` : '(peak since process start)');
    const after = await sample(200, (i) => searchMembers(store, 'admin', { q: queries[i * 5]!.q, limit: 20 }), 5);
    line('search after the import, 200 queries p50 / p95', `${fmt(after.p50)} / ${fmt(after.p95)}`);
    core.close();
  } finally {
    tmp.cleanup();
  }
}
