import type { Store, Actor } from '../db/store';
import { readTable } from '../io/table';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/validate/creditCode';
import { normalizePhone, phoneProblem } from '../../../shared/validate/phone';
import { parseMu } from '../../../shared/format/area';
import { ORG_KINDS } from './schema';
import { geoLookup } from './geo';
import { pinyinOf } from './keys';
import { indexOrg } from './fts';
import { industryNames } from './industries';
import { COOP_KIND, type DemoLevel, type OrgFields, type OrgKind } from './orgs';
import { get, locateColumns, parseDateCell, parseIntCell, refuseEmpty, refuseIfErrors, resolvePlace, splitList, type Preview, type TemplateColumn } from './importCommon';

export const ORG_TEMPLATE: TemplateColumn[] = [
  { header: '主体类型', required: true, width: 18, note: `可填：${ORG_KINDS.join('、')}`, example: '农民专业合作社' },
  { header: '名称', required: true, width: 32, note: '登记的全称', example: '云阳县江口镇兴农柑橘专业合作社' },
  { header: '统一社会信用代码', width: 22, note: '18 位，会校验校验位；合作社以 93 开头', example: '93500235MA5U000000' },
  { header: '法定代表人', note: '', example: '张三' },
  { header: '联系人', note: '', example: '李四' },
  { header: '联系电话', width: 16, note: '手机号或带区号的固定电话', example: '13812345678' },
  { header: '乡镇（街道）', note: '须与“乡镇村名称”表一致', example: '江口镇' },
  { header: '村（社区）', note: '须属于所填乡镇', example: '梨树村' },
  { header: '地址', width: 28, note: '', example: '' },
  { header: '产业', note: '多个用顿号分隔；目录中没有的产业导入时自动加入目录', example: '柑橘、中药材' },
  { header: '经营面积（亩）', width: 16, note: '最多两位小数', example: '320' },
  { header: '成员数', note: '整数', example: '56' },
  { header: '示范等级', note: '国家级、市级、县级（只适用于合作社）', example: '市级' },
  { header: '示范年份', note: '评定年份', example: '2023' },
  { header: '登记日期', width: 14, note: '如 2018-05-20', example: '2018-05-20' },
  { header: '备注', note: '', example: '' },
];

const SPEC = {
  kind: { names: ['主体类型', '类型', '主体类别'], required: true },
  name: { names: ['名称', '主体名称', '单位名称', '企业名称'], required: true },
  code: { names: ['统一社会信用代码', '信用代码', '社会信用代码'], required: false },
  legalRep: { names: ['法定代表人', '法人代表', '法人', '负责人'], required: false },
  contact: { names: ['联系人'], required: false },
  phone: { names: ['联系电话', '电话', '手机', '联系方式'], required: false },
  township: { names: ['乡镇（街道）', '乡镇', '乡镇街道', '所在乡镇'], required: false },
  village: { names: ['村（社区）', '村', '村社区', '所在村'], required: false },
  address: { names: ['地址', '住所', '经营地址'], required: false },
  industries: { names: ['产业', '主导产业', '行业'], required: false },
  land: { names: ['经营面积（亩）', '经营面积', '面积（亩）', '土地面积'], required: false },
  members: { names: ['成员数', '成员人数', '社员数'], required: false },
  demoLevel: { names: ['示范等级', '示范社等级', '示范级别'], required: false },
  demoYear: { names: ['示范年份', '评定年份'], required: false },
  registeredOn: { names: ['登记日期', '成立日期', '注册日期'], required: false },
  notes: { names: ['备注'], required: false },
};

const KIND_ALIASES: Record<string, OrgKind> = {
  合作社: '农民专业合作社',
  专业合作社: '农民专业合作社',
  农民合作社: '农民专业合作社',
  农场: '家庭农场',
  企业: '涉农企业',
  农业企业: '涉农企业',
  龙头企业: '涉农企业',
  村集体: '村集体经济组织',
  集体经济组织: '村集体经济组织',
  基层社: '供销合作社基层社',
  供销社: '供销合作社基层社',
  综合服务社: '农村综合服务社',
  银行: '金融机构',
  协会: '行业协会',
};

export function orgKindOf(s: string): OrgKind | undefined {
  const t = s.trim();
  return (ORG_KINDS as readonly string[]).includes(t) ? (t as OrgKind) : KIND_ALIASES[t];
}

function demoLevelOf(s: string): DemoLevel | undefined {
  const t = s.replace(/示范社|示范|\s/g, '');
  if (t === '' || t === '无' || t === '否') return '';
  return (['国家级', '市级', '县级'] as const).find((l) => l === t || l.replace('级', '') === t);
}

export const ORG_PREVIEW_COLUMNS = ['主体类型', '名称', '统一社会信用代码', '乡镇（街道）', '产业'];

export async function checkOrgFile(store: Store, name: string, bytes: Buffer): Promise<{ preview: Preview; valid: OrgFields[] }> {
  const table = await readTable(name, bytes);
  const { col, rows } = locateColumns(table, SPEC);
  refuseEmpty(rows);
  const geo = geoLookup(store);
  const known = new Set(industryNames(store));
  const newIndustries = new Set<string>();
  const byCode = store.sqlite.prepare('SELECT name FROM orgs WHERE credit_code = ?').pluck();
  const likely = store.sqlite.prepare('SELECT credit_code AS creditCode FROM orgs WHERE name = ? AND township_id IS ? AND contact_phone = ? ORDER BY credit_code IS NOT NULL LIMIT 1');
  const seenCode = new Map<string, number>();
  const seenKey = new Map<string, { line: number; hasCode: boolean }>();
  const thisYear = new Date().getFullYear();
  const out: Preview = { columns: ORG_PREVIEW_COLUMNS, rows: [], errors: 0, newIndustries: [], encoding: table.encoding };
  const valid: OrgFields[] = [];
  for (const r of rows) {
    const c = r.cells;
    const errors: string[] = [];
    const kindText = get(c, col.kind);
    const kind = orgKindOf(kindText);
    if (!kindText) errors.push('主体类型不能为空');
    else if (!kind) errors.push(`主体类型“${kindText}”不认识（可填：${ORG_KINDS.join('、')}）`);
    const oname = get(c, col.name);
    if (!oname) errors.push('名称不能为空');
    else if (oname.length > 100) errors.push('名称超过100个字');
    const code = normalizeCreditCode(get(c, col.code));
    if (code) {
      const p = creditCodeProblem(code);
      if (p) errors.push(p);
      else if (kind === COOP_KIND && !code.startsWith('93')) errors.push('农民专业合作社的统一社会信用代码应以 93 开头');
      else {
        const prev = seenCode.get(code);
        if (prev !== undefined) errors.push(`统一社会信用代码与第 ${prev} 行重复`);
        else {
          seenCode.set(code, r.line);
          const existing = byCode.get(code) as string | undefined;
          if (existing !== undefined) errors.push(`统一社会信用代码已登记（“${existing}”）`);
        }
      }
    }
    const rawPhone = get(c, col.phone);
    const phone = normalizePhone(rawPhone);
    if (phone === null) errors.push(`联系电话：${phoneProblem(rawPhone)}`);
    const townshipName = get(c, col.township);
    const place = resolvePlace(geo, townshipName, get(c, col.village), errors, false);
    const industries = splitList(get(c, col.industries));
    for (const i of industries) {
      if (i.length > 20) errors.push(`产业“${i}”超过20个字`);
      else if (!known.has(i)) newIndustries.add(i);
    }
    const landText = get(c, col.land);
    const land = parseMu(landText);
    if (land === null) errors.push(`经营面积“${landText}”应为不超过两位小数的非负数`);
    const membersText = get(c, col.members);
    const members = membersText ? parseIntCell(membersText, 0, 1_000_000) : 0;
    if (members === null) errors.push(`成员数“${membersText}”应为整数`);
    const levelText = get(c, col.demoLevel);
    const demoLevel = demoLevelOf(levelText);
    if (demoLevel === undefined) errors.push(`示范等级“${levelText}”应为国家级、市级或县级`);
    else if (demoLevel && kind && kind !== COOP_KIND) errors.push('只有农民专业合作社评定示范社等级');
    const yearText = get(c, col.demoYear).replace(/年$/, '');
    const demoYear = yearText ? parseIntCell(yearText, 1990, thisYear + 1) : null;
    if (yearText && demoYear === null) errors.push(`示范年份“${yearText}”应在 1990 到 ${thisYear + 1} 之间`);
    if (demoLevel && demoYear === null && !yearText) errors.push('填写了示范等级但没有填示范年份');
    const regText = get(c, col.registeredOn);
    const registeredOn = parseDateCell(regText);
    if (registeredOn === null) errors.push(`登记日期“${regText}”不是有效日期`);
    if (oname && phone !== null) {
      const key = `${oname}|${place.townshipId}|${phone}`;
      const prev = seenKey.get(key);
      if (prev && (!prev.hasCode || !code)) errors.push(`与第 ${prev.line} 行同名、同乡镇、同电话，疑似重复`);
      if (!prev) seenKey.set(key, { line: r.line, hasCode: code !== '' });
      const dup = likely.get(oname, place.townshipId, phone) as { creditCode: string | null } | undefined;
      if (dup && (!code || !dup.creditCode)) errors.push('已有同名、同乡镇、同电话的主体，疑似重复');
    }
    const error = errors.join('；');
    out.rows.push({ line: r.line, error, values: [kind ?? kindText, oname, code, townshipName, industries.join('、')] });
    if (error) out.errors++;
    else
      valid.push({
        kind: kind!,
        name: oname,
        creditCode: code,
        legalRep: get(c, col.legalRep),
        contactName: get(c, col.contact),
        contactPhone: phone ?? '',
        townshipId: place.townshipId,
        villageId: place.villageId,
        address: get(c, col.address),
        industries,
        landAreaMu100: land ?? 0,
        memberCount: members ?? 0,
        demoLevel: demoLevel ?? '',
        demoYear: demoLevel ? demoYear : null,
        registeredOn: registeredOn ?? '',
        notes: get(c, col.notes),
      });
  }
  out.newIndustries = [...newIndustries];
  return { preview: out, valid };
}

export async function commitOrgFile(store: Store, actor: Actor, name: string, bytes: Buffer): Promise<{ imported: number }> {
  const { preview, valid } = await checkOrgFile(store, name, bytes);
  refuseIfErrors(preview);
  return store.write(actor, 'members.importCommit', (audit) => {
    const now = store.now();
    let sort = (store.sqlite.prepare('SELECT coalesce(max(sort), 0) FROM industries').pluck().get() as number) + 1;
    const addIndustry = store.sqlite.prepare('INSERT OR IGNORE INTO industries (name, sort) VALUES (?, ?)');
    for (const i of preview.newIndustries) addIndustry.run(i, sort++);
    const ins = store.sqlite.prepare(
      `INSERT INTO orgs (kind, name, credit_code, legal_rep, contact_name, contact_phone, township_id, village_id, address, industries, land_area_mu100, member_count, demo_level, demo_year, registered_on, notes, py_full, py_initials, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const ids: number[] = [];
    for (const f of valid) {
      const py = pinyinOf(f.name, false);
      const id = Number(
        ins.run(f.kind, f.name, f.creditCode || null, f.legalRep, f.contactName, f.contactPhone, f.townshipId, f.villageId, f.address, JSON.stringify(f.industries), f.landAreaMu100, f.memberCount, f.demoLevel, f.demoYear, f.registeredOn, f.notes, py.full, py.initials, now, now).lastInsertRowid,
      );
      indexOrg(store.sqlite, { id, name: f.name, contactPhone: f.contactPhone, creditCode: f.creditCode || null }, true);
      ids.push(id);
    }
    audit.record({ entity: 'org', ids: [], refs: ids, summary: { import: name, rows: valid.length, firstId: ids[0] ?? 0, lastId: ids.at(-1) ?? 0, newIndustries: preview.newIndustries } });
    return { imported: valid.length };
  });
}
