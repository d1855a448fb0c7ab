import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { setupCore } from '../helpers/core';
import { seedGeo, validId, validCode } from '../helpers/members';
import { AppError } from '../../shared/errors';
import { main } from '../../electron/cli/main';

type Env = Awaited<ReturnType<typeof setupCore>>;
interface Preview {
  rows: { line: number; error: string; values: string[] }[];
  errors: number;
  newIndustries: string[];
  encoding: string;
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n');
const upload = (name: string, bytes: Buffer | string) => ({ name, base64: Buffer.from(bytes).toString('base64') });

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('农户');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const HEAD = ['姓名', '身份证号', '联系电话', '乡镇（街道）', '村（社区）', '家庭人口', '耕地面积（亩）', '主要作物'];

describe('member imports', () => {
  let env: Env;
  const count = (table: string) => env.core.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const preview = (kind: string, name: string, bytes: Buffer | string) => env.admin.call<Preview>('members.importPreview', { kind, ...upload(name, bytes) });
  const commit = (kind: string, name: string, bytes: Buffer | string) => env.admin.call<{ imported: number }>('members.importCommit', { kind, ...upload(name, bytes) });

  beforeAll(async () => {
    env = await setupCore();
    await seedGeo(env.admin);
  });
  afterAll(() => env.close());

  it('imports households from a GB18030 CSV as saved by Chinese Excel', async () => {
    const text = csv([HEAD, ['刘一', validId('19580101', 1), '13800000001', '江口镇', '梨树村', '4', '3.5', '柑橘、玉米'], ['陈二', '', '023-55120000', '南溪镇', '钟鼓', '2', '', '']]);
    const bytes = iconv.encode(text, 'gb18030');
    const p = await preview('households', '农户.csv', bytes);
    expect(p.encoding).toBe('gb18030');
    expect(p.errors).toBe(0);
    expect(p.rows.map((r) => r.values[0])).toEqual(['刘一', '陈二']);
    expect(await commit('households', '农户.csv', bytes)).toEqual({ imported: 2 });
    const hits = await env.admin.call<{ name: string; village: string }[]>('members.search', { q: 'ly' });
    expect(hits[0]).toMatchObject({ name: '刘一', village: '梨树村' });
    // "钟鼓" is accepted for 钟鼓村.
    const chen = (await env.admin.call<{ rows: { village: string; landAreaMu100: number; crops: string[] }[] }>('households.list', { q: '陈二' })).rows[0]!;
    expect(chen.village).toBe('钟鼓村');
    const liu = (await env.admin.call<{ rows: { landAreaMu100: number; crops: string[] }[] }>('households.list', { q: '刘一' })).rows[0]!;
    expect(liu).toMatchObject({ landAreaMu100: 350, crops: ['柑橘', '玉米'] });
    const audit = env.core.store.sqlite.prepare("SELECT summary FROM audit_log WHERE method = 'members.importCommit' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ import: '农户.csv', rows: 2 });
    // Each imported household's own history names the import and who made it.
    const chenId = (await env.admin.call<{ rows: { id: number }[] }>('households.list', { q: '陈二' })).rows[0]!.id;
    const history = await env.admin.call<{ total: number; rows: { method: string; username: string; summary: string }[] }>('members.history', { entity: 'household', id: chenId, offset: 0, limit: 20 });
    expect(history.rows.map((r) => [r.method, r.username, JSON.parse(r.summary).import])).toEqual([['members.importCommit', 'admin', '农户.csv']]);
  });

  it('refuses a file in an encoding that is not UTF-8 or GB18030, changing nothing', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv([HEAD, ['周三', '', '', '江口镇', '', '', '', '']]), 'utf-16le')]);
    const before = count('households');
    const e = await refused(preview('households', 'unicode.csv', utf16));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('不是文本格式的 CSV');
    await refused(commit('households', 'unicode.csv', utf16));
    expect(count('households')).toBe(before);
  });

  it('names every missing required column', async () => {
    const e = await refused(preview('households', 'x.csv', csv([['户主', '电话'], ['张三', '13800000000']])));
    expect(e.message).toContain('缺少必需的列：乡镇（街道）');
    const o = await refused(preview('orgs', 'x.csv', csv([['单位', '电话'], ['某社', '']])));
    expect(o.message).toContain('主体类型');
    expect(o.message).toContain('名称');
    const empty = await refused(preview('households', 'x.csv', csv([HEAD])));
    expect(empty.message).toContain('没有数据行');
  });

  it('reports every problem of every row: check digit, unknown township and village, duplicates, missing name', async () => {
    const good = validId('19660606', 7);
    const known = validId('19580101', 1);
    const wrong = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const text = csv([
      HEAD,
      ['何甲', good, '', '江口镇', '', '', '', ''],
      ['何乙', wrong, '12345', '江口镇', '', '', '', ''],
      ['何丙', '', '', '北京镇', '', '', '', ''],
      ['何丁', '', '', '江口镇', '钟鼓村', '', '', ''],
      ['何戊', good, '', '江口镇', '', '', '', ''],
      ['', '', '', '江口镇', '', 'x', '-1', ''],
      ['何己', known, '', '南溪镇', '', '', '', ''],
      ['陈二', '', '023-55120000', '南溪镇', '', '', '', ''],
    ]);
    const p = await preview('households', 'bad.csv', text);
    const err = (line: number) => p.rows.find((r) => r.line === line)!.error;
    expect(err(2)).toBe('');
    expect(err(3)).toContain('身份证号校验位不符');
    expect(err(3)).toContain('联系电话');
    expect(err(4)).toContain('乡镇“北京镇”不在乡镇列表中');
    expect(err(5)).toContain('江口镇没有“钟鼓村”');
    expect(err(6)).toContain('身份证号与第 2 行重复');
    expect(err(7)).toContain('姓名不能为空');
    expect(err(7)).toContain('家庭人口');
    expect(err(7)).toContain('耕地面积');
    expect(err(8)).toContain('身份证号已登记（农户“刘一”）');
    expect(err(9)).toContain('疑似重复');
    expect(p.errors).toBe(7);
    const before = count('households');
    const e = await refused(commit('households', 'bad.csv', text));
    expect(e.message).toContain('有 7 行错误，未导入任何数据（第 3 行');
    expect(count('households')).toBe(before);
  });

  it('leaves the database unchanged when one row in the middle of 5,000 good rows is bad', async () => {
    const rows: string[][] = [HEAD];
    for (let i = 0; i < 5001; i++) rows.push([`测试户${i}`, i === 2500 ? '500235199001011231' : validId(`1970${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`, i % 1000, String(500230 + Math.floor(i / 1000))), '', i % 2 ? '江口镇' : '南溪镇', '', '3', '2', '']);
    const text = csv(rows);
    const p = await preview('households', 'big.csv', text);
    expect(p.rows).toHaveLength(5001);
    expect(p.errors).toBe(1);
    expect(p.rows.find((r) => r.error)!.line).toBe(2502);
    const before = { households: count('households'), fts: count('households_fts'), audit: count('audit_log') };
    await refused(commit('households', 'big.csv', text));
    expect({ households: count('households'), fts: count('households_fts'), audit: count('audit_log') }).toEqual(before);
    // Fixed, the same file goes in whole.
    rows[2501]![1] = validId('19900101', 999, '500199');
    expect(await commit('households', 'big.csv', csv(rows))).toEqual({ imported: 5001 });
    expect(count('households')).toBe(before.households + 5001);
    expect((await env.admin.call<{ name: string }[]>('members.search', { q: '测试户4999' }))[0]!.name).toBe('测试户4999');
  });

  it('imports organisations from xlsx, adding new industries to the list, and round-trips an export into another installation', async () => {
    const code = validCode('93', 'MA5U8K2P3');
    const file = await xlsx([
      ['主体类型', '名称', '统一社会信用代码', '法定代表人', '联系电话', '乡镇', '产业', '经营面积（亩）', '成员数', '示范等级', '示范年份', '登记日期'],
      ['合作社', '云阳县江口镇金穗茶叶专业合作社', code, '黄一', '13611110000', '江口', '茶叶、柑橘', '120.5', '35', '县级示范社', '2022', '2018/5/20'],
      ['家庭农场', '云阳县南溪镇黄家农场', '', '黄二', '', '南溪镇', '', '', '', '', '', ''],
    ]);
    const p = await preview('orgs', '主体.xlsx', file);
    expect(p.errors).toBe(0);
    expect(p.newIndustries).toEqual(['茶叶']);
    expect(p.rows[0]!.values[0]).toBe('农民专业合作社');
    await commit('orgs', '主体.xlsx', file);
    const o = (await env.admin.call<{ rows: { name: string; industries: string[]; demoLevel: string; demoYear: number; registeredOn: string; landAreaMu100: number; township: string }[] }>('orgs.list', { q: code })).rows[0]!;
    expect(o).toMatchObject({ industries: ['茶叶', '柑橘'], demoLevel: '县级', demoYear: 2022, registeredOn: '2018-05-20', landAreaMu100: 12050, township: '江口镇' });
    const bad = await preview('orgs', 'bad.xlsx', await xlsx([['主体类型', '名称', '统一社会信用代码', '示范等级'], ['企业', '某公司', code, ''], ['家庭农场', '某农场', '', '市级'], ['公司', '', '', '']]));
    expect(bad.rows[0]!.error).toContain('已登记');
    expect(bad.rows[1]!.error).toContain('只有农民专业合作社');
    expect(bad.rows[2]!.error).toContain('主体类型“公司”不认识');
    expect(bad.rows[2]!.error).toContain('名称不能为空');

    const exported = await env.admin.call<{ name: string; base64: string }>('members.export', { kind: 'orgs', format: 'xlsx', filter: {} });
    const other = await setupCore();
    try {
      await seedGeo(other.admin);
      const bytes = Buffer.from(exported.base64, 'base64');
      const p2 = await other.admin.call<Preview>('members.importPreview', { kind: 'orgs', name: exported.name, base64: exported.base64 });
      expect(p2.errors).toBe(0);
      await other.admin.call('members.importCommit', { kind: 'orgs', ...upload(exported.name, bytes) });
      const copy = (await other.admin.call<{ rows: { demoYear: number; industries: string[] }[] }>('orgs.list', { q: code })).rows[0]!;
      expect(copy).toMatchObject({ demoYear: 2022, industries: ['茶叶', '柑橘'] });
    } finally {
      other.close();
    }
  });

  it('imports cooperative members matched by ID number, refusing a name that does not match', async () => {
    const coop = '云阳县江口镇金穗茶叶专业合作社';
    const liu = validId('19580101', 1);
    const head = ['合作社', '成员姓名', '身份证号或信用代码', '入社日期', '扶贫项目资产出资（元）', '其他出资（元）'];
    const wrongName = await preview('coopMembers', 'm.csv', csv([head, [coop, '刘二', liu, '2020-01-01', '0', '1000']]));
    expect(wrongName.rows[0]!.error).toContain('与表中姓名“刘二”不符');
    const text = csv([head, [coop, '刘一', liu.toLowerCase(), '2020-01-01', '"5,000.00"', '1000.5'], [coop, '云阳县南溪镇黄家农场', '', '2020-01-01', '', '']]);
    const p = await preview('coopMembers', 'm.csv', text);
    expect(p.rows[1]!.error).toContain('不能为空');
    const ok = csv([head, [coop, '刘一', liu, '2020-01-01', '"5,000.00"', '1000.5']]);
    await commit('coopMembers', 'm.csv', ok);
    const o = (await env.admin.call<{ rows: { id: number }[] }>('orgs.list', { q: coop })).rows[0]!;
    const members = await env.admin.call<{ memberName: string; capitalPovertyFen: number; capitalOtherFen: number }[]>('coopMembers.list', { coopId: o.id });
    expect(members).toEqual([expect.objectContaining({ memberName: '刘一', capitalPovertyFen: 500000, capitalOtherFen: 100050 })]);
    const again = await preview('coopMembers', 'm.csv', ok);
    expect(again.rows[0]!.error).toContain('已是本社成员');
  });

  it('gives templates whose first row is the header the import reads', async () => {
    for (const kind of ['households', 'orgs', 'coopMembers']) {
      const t = await env.admin.call<{ name: string; base64: string }>('members.importTemplate', { kind });
      expect(t.name).toMatch(/导入模板\.xlsx$/);
      const e = await refused(preview(kind, t.name, Buffer.from(t.base64, 'base64')));
      // Header only: recognised, then refused for having no rows.
      expect(e.message).toContain('没有数据行');
    }
  });

  it('imports, exports and searches from the command line with the same all-or-nothing rule', async () => {
    const dir = env.dir;
    env.core.close();
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    const cli = (...args: string[]) => main([...args, '--data-dir', dir, '--user', 'admin', '--password', 'admin-pass-1']);
    try {
      const good = path.join(dir, 'cli.csv');
      fs.writeFileSync(good, iconv.encode(csv([HEAD, ['钱多多', validId('19880808', 88), '13512345678', '江口镇', '新桥村', '', '', '']]), 'gb18030'));
      expect(await cli('members', 'import', 'households', good)).toBe(0);
      expect(out.join('')).toContain('导入行数: 1');
      const bad = path.join(dir, 'bad.csv');
      fs.writeFileSync(bad, csv([HEAD, ['孔一', '', '', '江口镇', '', '', '', ''], ['孔二', '', '', '火星镇', '', '', '', '']]));
      await expect(cli('members', 'import', 'households', bad)).rejects.toThrow(/第 3 行：乡镇“火星镇”不在乡镇列表中/);
      out.length = 0;
      expect(await cli('members', 'search', 'qdd', '--json')).toBe(0);
      expect(JSON.parse(out.join(''))[0]).toMatchObject({ 名称: '钱多多', 地点: '江口镇新桥村' });
      const target = path.join(dir, 'out.csv');
      expect(await cli('members', 'export', 'households', '--out', target, '--township', '江口镇')).toBe(0);
      const exported = fs.readFileSync(target, 'utf8');
      expect(exported).toContain('钱多多');
      expect(exported).not.toContain('孔一');
    } finally {
      spy.mockRestore();
    }
  });
});
