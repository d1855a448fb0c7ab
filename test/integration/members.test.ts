import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../helpers/core';
import { seedGeo, validId, validCode, household, org, type Geo } from '../helpers/members';
import { AppError } from '../../shared/errors';
import type { CliClient } from '../../electron/cli/io';
import { readTable } from '../../electron/core/io/table';

type Env = Awaited<ReturnType<typeof setupCore>>;

async function refused(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const auditCount = (env: Env) => env.core.store.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('member registry records', () => {
  let env: Env;
  let geo: Geo;
  let keeper: CliClient;
  let desk: CliClient;
  let manager: CliClient;

  beforeAll(async () => {
    env = await setupCore();
    geo = await seedGeo(env.admin);
    for (const [username, role] of [
      ['kuaiji', 'bookkeeper'],
      ['qiantai', 'frontdesk'],
      ['fuzeren', 'manager'],
    ] as const) {
      await env.admin.call('users.create', { username, displayName: username, role, password: 'initial-pass-1' });
      const c = await env.as(username, 'initial-pass-1');
      await c.call('auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: 'changed-pass-1' });
    }
    keeper = await env.as('kuaiji', 'changed-pass-1');
    desk = await env.as('qiantai', 'changed-pass-1');
    manager = await env.as('fuzeren', 'changed-pass-1');
  });
  afterAll(() => env.close());

  it('refuses a bad ID check digit or a bad phone with the field named, and writes nothing', async () => {
    const before = auditCount(env);
    const id = validId('19800101', 11);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const e = await refused(desk.call('households.save', household(geo.jiangkou, { idNumber: wrong })));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.idNumber).toContain('校验位不符');
    const p = await refused(desk.call('households.save', household(geo.jiangkou, { phone: '1381234567' })));
    expect(p.fields?.phone).toContain('手机号应为11位');
    const v = await refused(desk.call('households.save', household(geo.jiangkou, { villageId: geo.zhonggu })));
    expect(v.fields?.villageId).toContain('不属于该乡镇');
    expect(auditCount(env)).toBe(before);
    expect((await desk.call<{ total: number }>('households.list', {})).total).toBe(0);
  });

  it('creates a household with a lower-case x, normalizes phone and refuses the same ID number twice', async () => {
    const id = validId('19491231', 2);
    const h = await desk.call<{ id: number; idNumber: string; phone: string; township: string }>('households.save', household(geo.jiangkou, { idNumber: id.toLowerCase(), phone: '138 1234 5678', villageId: geo.lishu }));
    expect(h.idNumber).toBe(id.toUpperCase());
    expect(h.phone).toBe('13812345678');
    expect(h.township).toBe('江口镇');
    const dup = await refused(desk.call('households.save', household(geo.nanxi, { name: '张三丰', idNumber: id })));
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.fields?.idNumber).toContain('张三');
  });

  it('warns on same name, township and phone, and saves once the clerk confirms', async () => {
    const w = await refused(desk.call('households.save', household(geo.jiangkou, { phone: '13812345678' })));
    expect(w.code).toBe('DUPLICATE');
    expect(w.fields?.confirmDuplicate).toContain('可能重复');
    const saved = await desk.call<{ id: number }>('households.save', { ...household(geo.jiangkou, { phone: '13812345678' }), confirmDuplicate: true });
    expect(saved.id).toBeGreaterThan(0);
    // A different township is not a likely duplicate.
    await desk.call('households.save', household(geo.nanxi, { phone: '13812345678' }));
  });

  it('masks ID numbers and phones for bookkeepers and managers, and keeps the stored values when they save', async () => {
    const id = validId('19750315', 21);
    const h = await desk.call<{ id: number; version: number }>('households.save', household(geo.nanxi, { name: '李四', idNumber: id, phone: '13900001234' }));
    const seen = await keeper.call<{ household: { idNumber: string; phone: string; masked: boolean; version: number } }>('households.get', { id: h.id });
    expect(seen.household.idNumber).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
    expect(seen.household.phone).toBe('139****1234');
    expect(seen.household.masked).toBe(true);
    const list = await manager.call<{ rows: { idNumber: string }[] }>('households.list', { q: '李四' });
    expect(list.rows[0]!.idNumber).toContain('**********');
    const hits = await manager.call<{ idNumber: string; phone: string }[]>('members.search', { q: '1234' });
    expect(hits.every((x) => !x.phone.includes('1390000'))).toBe(true);
    // The bookkeeper corrects the land area; the masked values go back and must not replace the real ones.
    await keeper.call('households.save', { ...household(geo.nanxi, { name: '李四', idNumber: seen.household.idNumber, phone: seen.household.phone, landAreaMu100: 888 }), id: h.id, version: seen.household.version });
    const fresh = await keeper.call<{ household: { version: number } }>('households.get', { id: h.id });
    const edited = await refused(keeper.call('households.save', { ...household(geo.nanxi, { name: '李四', idNumber: `9${seen.household.idNumber.slice(1)}`, phone: seen.household.phone }), id: h.id, version: fresh.household.version }));
    expect(edited.fields?.idNumber).toContain('请完整填写');
    const whole = await desk.call<{ household: { idNumber: string; phone: string; landAreaMu100: number } }>('households.get', { id: h.id });
    expect(whole.household).toMatchObject({ idNumber: id, phone: '13900001234', landAreaMu100: 888 });
    // The audit log never holds the whole number.
    const log = env.core.store.sqlite.prepare("SELECT summary FROM audit_log WHERE entity = 'household'").pluck().all() as string[];
    expect(log.join('\n')).not.toContain(id);
  });

  it('refuses a stale save with CONFLICT', async () => {
    const h = await desk.call<{ id: number; version: number }>('households.save', household(geo.nanxi, { name: '王五' }));
    await desk.call('households.save', { ...household(geo.nanxi, { name: '王五', householdSize: 5 }), id: h.id, version: h.version });
    const e = await refused(desk.call('households.save', { ...household(geo.nanxi, { name: '王五', householdSize: 6 }), id: h.id, version: h.version }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('此记录已被他人修改，请刷新后重试');
  });

  it('checks credit codes (GB 32100, 93 for cooperatives) and refuses duplicates', async () => {
    const bad = await refused(desk.call('orgs.save', org({ creditCode: '93500235MA5U0000X0' })));
    expect(bad.fields?.creditCode).toBeTruthy();
    const letters = await refused(desk.call('orgs.save', org({ creditCode: '9350023SMA5U00001X' })));
    expect(letters.fields?.creditCode).toContain('不使用字母 S');
    const notCoop = await refused(desk.call('orgs.save', org({ creditCode: validCode('91', '12345678X') })));
    expect(notCoop.fields?.creditCode).toContain('93');
    const code = validCode('93', 'MA5U0000X');
    const o = await desk.call<{ id: number; creditCode: string }>('orgs.save', org({ creditCode: code.toLowerCase(), townshipId: geo.jiangkou, villageId: geo.lishu, demoLevel: '市级', demoYear: 2023 }));
    expect(o.creditCode).toBe(code);
    const dup = await refused(desk.call('orgs.save', org({ name: '另一个合作社', creditCode: code })));
    expect(dup.code).toBe('DUPLICATE');
    const demo = await refused(desk.call('orgs.save', org({ kind: '家庭农场', name: '某家庭农场', demoLevel: '县级', demoYear: 2022 })));
    expect(demo.fields?.demoLevel).toContain('只有农民专业合作社');
    const ind = await refused(desk.call('orgs.save', org({ name: '某合作社', industries: ['榨菜'] })));
    expect(ind.fields?.industries).toContain('不在产业目录');
  });

  it('keeps a cooperative member roll with capital, refuses overlapping memberships and records history on both sides', async () => {
    const coop = await desk.call<{ id: number }>('orgs.save', org({ name: '云阳县南溪镇丰收中药材专业合作社', industries: ['中药材'], townshipId: geo.nanxi }));
    const farmer = await desk.call<{ id: number }>('households.save', household(geo.nanxi, { name: '赵六', idNumber: validId('19600808', 31) }));
    const m = await keeper.call<{ id: number; version: number; current: boolean; memberName: string; memberCode: string }>('coopMembers.save', {
      coopId: coop.id,
      memberKind: 'household',
      memberId: farmer.id,
      joinedOn: '2021-03-01',
      capitalPovertyFen: 500000,
      capitalOtherFen: 123456,
    });
    expect(m).toMatchObject({ current: true, memberName: '赵六' });
    expect(m.memberCode).toContain('****');
    const again = await refused(keeper.call('coopMembers.save', { coopId: coop.id, memberKind: 'household', memberId: farmer.id, joinedOn: '2022-01-01' }));
    expect(again.code).toBe('DUPLICATE');
    const left = await keeper.call<{ current: boolean }>('coopMembers.save', { id: m.id, version: m.version, coopId: coop.id, memberKind: 'household', memberId: farmer.id, joinedOn: '2021-03-01', leftOn: '2023-12-31', capitalPovertyFen: 500000, capitalOtherFen: 123456 });
    expect(left.current).toBe(false);
    // Re-joining after leaving is a new membership.
    await keeper.call('coopMembers.save', { coopId: coop.id, memberKind: 'household', memberId: farmer.id, joinedOn: '2024-06-01', capitalOtherFen: 100000 });
    const detail = await keeper.call<{ members: { capitalPovertyFen: number; capitalOtherFen: number }[] }>('orgs.get', { id: coop.id });
    expect(detail.members).toHaveLength(2);
    expect(detail.members.reduce((s, x) => s + x.capitalPovertyFen + x.capitalOtherFen, 0)).toBe(500000 + 123456 + 100000);
    const hd = await keeper.call<{ memberOf: { coopName: string }[] }>('households.get', { id: farmer.id });
    expect(hd.memberOf.map((x) => x.coopName)).toEqual(['云阳县南溪镇丰收中药材专业合作社', '云阳县南溪镇丰收中药材专业合作社']);
    const hist = await keeper.call<{ rows: { method: string }[] }>('members.history', { entity: 'household', id: farmer.id });
    expect(hist.rows.map((r) => r.method)).toEqual(['coopMembers.create', 'coopMembers.update', 'coopMembers.create', 'households.create']);
    const notCoop = await desk.call<{ id: number }>('orgs.save', org({ kind: '家庭农场', name: '赵家农场' }));
    const e = await refused(keeper.call('coopMembers.save', { coopId: notCoop.id, memberKind: 'household', memberId: farmer.id, joinedOn: '2021-01-01' }));
    expect(e.fields?.coopId).toContain('不是农民专业合作社');
  });

  it('never deletes a referenced record: shows where it is used and offers deactivation', async () => {
    const coop = await desk.call<{ id: number; version: number }>('orgs.save', org({ name: '云阳县江口镇绿源生猪专业合作社', industries: ['生猪'] }));
    const farmer = await desk.call<{ id: number; version: number }>('households.save', household(geo.jiangkou, { name: '孙七', idNumber: validId('19700101', 41) }));
    await desk.call('coopMembers.save', { coopId: coop.id, memberKind: 'household', memberId: farmer.id, joinedOn: '2020-01-01' });
    const e = await refused(desk.call('households.remove', { id: farmer.id }));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toContain('合作社成员资格 1 条');
    const refs = await desk.call<{ references: { label: string; count: number }[] }>('households.get', { id: farmer.id });
    expect(refs.references).toEqual([{ table: 'coop_members', column: 'household_id', label: '合作社成员资格', count: 1 }]);
    const off = await desk.call<{ status: string }>('households.setStatus', { id: farmer.id, version: farmer.version, status: 'inactive' });
    expect(off.status).toBe('inactive');
    const oe = await refused(desk.call('orgs.remove', { id: coop.id }));
    expect(oe.message).toContain('本社成员名册 1 条');
    const kind = await refused(desk.call('orgs.save', { ...org({ kind: '涉农企业', name: '云阳县江口镇绿源生猪专业合作社', industries: ['生猪'] }), id: coop.id, version: coop.version }));
    expect(kind.fields?.kind).toContain('成员名册');
    await desk.call('orgs.setStatus', { id: coop.id, version: coop.version, status: 'deregistered' });
    // An unreferenced record typed in by mistake can go.
    const typo = await desk.call<{ id: number }>('households.save', household(geo.jiangkou, { name: '错录' }));
    await desk.call('households.remove', { id: typo.id });
    expect(await refused(desk.call('households.get', { id: typo.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await desk.call<unknown[]>('members.search', { q: '错录' })).toEqual([]);
  });

  it('keeps unions with the townships they cover and their member units, counted for the indicators', async () => {
    const county = await manager.call<{ id: number }>('unions.save', { kind: 'regional', level: 'county', name: '云阳县农民合作经济组织联合会' });
    const tu = await manager.call<{ id: number; townships: string[] }>('unions.save', { kind: 'regional', level: 'township', name: '江口南溪片区农合联', townshipIds: [geo.jiangkou, geo.nanxi] });
    expect(tu.townships).toEqual(['江口镇', '南溪镇']);
    const overlap = await refused(manager.call('unions.save', { kind: 'regional', level: 'township', name: '江口镇农合联', townshipIds: [geo.jiangkou] }));
    expect(overlap.fields?.townshipIds).toContain('已由“江口南溪片区农合联”覆盖');
    const noInd = await refused(manager.call('unions.save', { kind: 'industry', name: '云阳县柑橘产业农合联' }));
    expect(noInd.fields?.industry).toBe('请选择产业');
    const iu = await manager.call<{ id: number }>('unions.save', { kind: 'industry', name: '云阳县柑橘产业农合联', industry: '柑橘' });
    const coops = await desk.call<{ rows: { id: number }[] }>('orgs.list', { kind: '农民专业合作社', status: 'active' });
    for (const c of coops.rows) {
      await manager.call('unionMembers.save', { unionId: county.id, orgId: c.id, joinedOn: '2022-01-01' });
      await manager.call('unionMembers.save', { unionId: iu.id, orgId: c.id, joinedOn: '2022-01-01', category: '理事单位' });
    }
    const dup = await refused(manager.call('unionMembers.save', { unionId: iu.id, orgId: coops.rows[0]!.id, joinedOn: '2023-01-01' }));
    expect(dup.code).toBe('DUPLICATE');
    const s = await manager.call<{ indicators: { unions: number; memberUnits: number; industryUnions: number }; byUnion: { name: string; memberUnits: number }[] }>('members.summary', {});
    expect(s.indicators).toMatchObject({ unions: 3, industryUnions: 1, memberUnits: coops.rows.length });
    expect(s.byUnion.find((u) => u.name === '云阳县柑橘产业农合联')!.memberUnits).toBe(coops.rows.length);
    const g = await manager.call<{ members: { orgName: string; category: string }[] }>('unions.get', { id: iu.id });
    expect(g.members.every((m) => m.category === '理事单位')).toBe(true);
  });

  it('keeps service sites by kind with the location rules of each kind', async () => {
    const noTownship = await refused(manager.call('sites.save', { kind: '乡镇为农服务中心', name: '江口镇为农服务中心' }));
    expect(noTownship.fields?.townshipId).toContain('须选择所在乡镇');
    const noVillage = await refused(manager.call('sites.save', { kind: '村级一站式服务站', name: '梨树村服务站', townshipId: geo.jiangkou }));
    expect(noVillage.fields?.villageId).toContain('须选择所在村');
    await manager.call('sites.save', { kind: '县级为农服务中心', name: '云阳县为农服务中心', openedOn: '2020-05-01' });
    await manager.call('sites.save', { kind: '村级一站式服务站', name: '梨树村服务站', townshipId: geo.jiangkou, villageId: geo.lishu });
    await manager.call('sites.save', { kind: '农村流通网点', name: '新桥村流通网点', townshipId: geo.jiangkou, villageId: geo.xinqiao, operatorName: '周八' });
    const list = await keeper.call<{ kind: string }[]>('sites.list', { townshipId: geo.jiangkou });
    expect(list.map((s) => s.kind).sort()).toEqual(['农村流通网点', '村级一站式服务站']);
    const s = await manager.call<{ indicators: { serviceCentres: number; distributionOutlets: number; villageStations: number } }>('members.summary', {});
    expect(s.indicators).toMatchObject({ serviceCentres: 1, distributionOutlets: 1, villageStations: 1 });
  });

  it('renames an industry everywhere it is used and refuses to delete one in use', async () => {
    const list = await manager.call<{ id: number; name: string; orgs: number }[]>('industries.list', {});
    const citrus = list.find((i) => i.name === '柑橘')!;
    expect(citrus.orgs).toBeGreaterThan(0);
    const e = await refused(manager.call('industries.remove', { id: citrus.id }));
    expect(e.message).toContain('仍被');
    await manager.call('industries.save', { id: citrus.id, name: '柑桔', sort: 1 });
    const orgs = await manager.call<{ rows: { industries: string[] }[]; total: number }>('orgs.list', { industry: '柑桔' });
    expect(orgs.total).toBe(citrus.orgs);
    expect(orgs.rows[0]!.industries).toContain('柑桔');
    const unions = await manager.call<{ industry: string }[]>('unions.list', {});
    expect(unions.some((u) => u.industry === '柑桔')).toBe(true);
    await manager.call('industries.save', { name: '茶叶', sort: 9 });
    const after = await manager.call<{ id: number; name: string }[]>('industries.remove', { id: (await manager.call<{ id: number; name: string }[]>('industries.list', {})).find((i) => i.name === '茶叶')!.id });
    expect(after.map((i) => i.name)).not.toContain('茶叶');
  });

  it('hides editing from roles that may not edit', async () => {
    const e = await refused(manager.call('households.save', household(geo.jiangkou, { name: '周九' })));
    expect(e.code).toBe('FORBIDDEN');
    const i = await refused(keeper.call('members.importPreview', { kind: 'households', name: 'a.csv', base64: Buffer.from('姓名,乡镇\n张三,江口镇').toString('base64') }));
    expect(i.code).toBe('FORBIDDEN');
  });

  it('exports a filtered list masked for a bookkeeper and records the export in the audit log', async () => {
    const f = await keeper.call<{ name: string; base64: string }>('members.export', { kind: 'households', format: 'csv', filter: { townshipId: geo.nanxi } });
    expect(f.name).toMatch(/^农户名录-\d{4}-\d{2}-\d{2}\.csv$/);
    const t = await readTable(f.name, Buffer.from(f.base64, 'base64'));
    expect(t.headers).toEqual(['姓名', '身份证号', '联系电话', '乡镇（街道）', '村（社区）', '家庭人口', '耕地面积（亩）', '主要作物', '状态', '备注']);
    expect(t.rows.length).toBeGreaterThan(0);
    expect(t.rows.every((r) => r.cells[3] === '南溪镇')).toBe(true);
    const withId = t.rows.filter((r) => r.cells[1]);
    expect(withId.length).toBeGreaterThan(0);
    expect(withId.every((r) => /^\d{4}\*{10}[\dX]{4}$/.test(r.cells[1]!))).toBe(true);
    const log = env.core.store.sqlite.prepare("SELECT username, summary FROM audit_log WHERE method = 'members.export' ORDER BY id DESC LIMIT 1").get() as { username: string; summary: string };
    expect(log.username).toBe('kuaiji');
    expect(JSON.parse(log.summary)).toMatchObject({ format: 'csv', personalData: true, masked: true, filter: '南溪镇' });
    const full = await desk.call<{ name: string; base64: string }>('members.export', { kind: 'households', format: 'xlsx', filter: { townshipId: geo.nanxi } });
    const x = await readTable(full.name, Buffer.from(full.base64, 'base64'));
    // The xlsx carries a title and meta line above the header; the import finds the header below them.
    expect(x.headers[0]).toBe('农户名录');
    expect(x.rows.some((r) => /^500235\d{11}[\dX]$/.test(r.cells[1] ?? ''))).toBe(true);
  });
});
