import type { Store, Actor } from '../db/store';
import { readTable } from '../io/table';
import { isValidIdNumber, normalizeIdNumber } from '../../../shared/validate/idNumber';
import { isValidCreditCode, normalizeCreditCode } from '../../../shared/validate/creditCode';
import { parseYuan } from '../../../shared/money';
import { personalView } from './access';
import { get, locateColumns, parseDateCell, refuseEmpty, refuseIfErrors, type Preview, type TemplateColumn } from './importCommon';

export const COOP_MEMBER_TEMPLATE: TemplateColumn[] = [
  { header: '合作社', required: true, width: 32, note: '合作社全称，或在下一列填其信用代码', example: '云阳县江口镇兴农柑橘专业合作社' },
  { header: '合作社信用代码', width: 22, note: '填了就按代码找合作社', example: '' },
  { header: '成员姓名', required: true, note: '农户姓名或单位名称，须与档案一致', example: '张三' },
  { header: '身份证号或信用代码', required: true, width: 22, note: '农户填身份证号，单位填统一社会信用代码；成员须已在档案中', example: '11010519491231002X' },
  { header: '入社日期', required: true, width: 14, note: '如 2020-03-01', example: '2020-03-01' },
  { header: '退社日期', width: 14, note: '仍在社的不填', example: '' },
  { header: '扶贫项目资产出资（元）', width: 22, note: '由农户扶贫项目资产形成的出资', example: '0' },
  { header: '其他出资（元）', width: 16, note: '', example: '2000' },
  { header: '备注', note: '', example: '' },
];

const SPEC = {
  coop: { names: ['合作社', '合作社名称'], required: true },
  coopCode: { names: ['合作社信用代码', '合作社统一社会信用代码'], required: false },
  member: { names: ['成员姓名', '成员名称', '成员', '姓名'], required: true },
  code: { names: ['身份证号或信用代码', '证件号码', '身份证号', '信用代码'], required: true },
  joinedOn: { names: ['入社日期', '加入日期'], required: true },
  leftOn: { names: ['退社日期', '退出日期'], required: false },
  poverty: { names: ['扶贫项目资产出资（元）', '扶贫项目资产出资', '扶贫资产出资'], required: false },
  other: { names: ['其他出资（元）', '其他出资', '出资（元）', '出资额'], required: false },
  notes: { names: ['备注'], required: false },
};

export const COOP_MEMBER_PREVIEW_COLUMNS = ['合作社', '成员', '证件号码', '入社日期', '出资（元）'];

interface Valid {
  coopId: number;
  householdId: number | null;
  memberOrgId: number | null;
  joinedOn: string;
  leftOn: string;
  poverty: number;
  other: number;
  notes: string;
}

/** Members are matched by ID number or credit code and the name must agree, so a typo cannot attach the wrong person. */
export async function checkCoopMemberFile(store: Store, role: Actor['role'], name: string, bytes: Buffer): Promise<{ preview: Preview; valid: Valid[] }> {
  const table = await readTable(name, bytes);
  const { col, rows } = locateColumns(table, SPEC);
  refuseEmpty(rows);
  const view = personalView(role);
  const coops = store.sqlite.prepare("SELECT id, name, credit_code AS creditCode, status FROM orgs WHERE kind = '农民专业合作社'").all() as { id: number; name: string; creditCode: string | null; status: string }[];
  const byName = new Map<string, typeof coops>();
  for (const c of coops) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
  const byCode = new Map(coops.filter((c) => c.creditCode).map((c) => [c.creditCode!, c]));
  const household = store.sqlite.prepare('SELECT id, name FROM households WHERE id_number = ?');
  const org = store.sqlite.prepare('SELECT id, name FROM orgs WHERE credit_code = ?');
  const open = store.sqlite.prepare(`SELECT id FROM coop_members WHERE coop_id = ? AND (household_id = ? OR member_org_id = ?) AND (left_on = '' OR left_on > ?) AND (? = '' OR joined_on < ?) LIMIT 1`);
  const seen = new Map<string, number>();
  const out: Preview = { columns: COOP_MEMBER_PREVIEW_COLUMNS, rows: [], errors: 0, newIndustries: [], encoding: table.encoding };
  const valid: Valid[] = [];
  for (const r of rows) {
    const c = r.cells;
    const errors: string[] = [];
    const coopName = get(c, col.coop);
    const coopCode = normalizeCreditCode(get(c, col.coopCode));
    let coop: (typeof coops)[number] | undefined;
    if (coopCode) {
      coop = byCode.get(coopCode);
      if (!coop) errors.push(`没有信用代码为 ${coopCode} 的合作社`);
    } else if (!coopName) errors.push('合作社不能为空');
    else {
      const found = byName.get(coopName) ?? [];
      if (found.length === 0) errors.push(`没有名为“${coopName}”的合作社`);
      else if (found.length > 1) errors.push(`名为“${coopName}”的合作社有 ${found.length} 个，请填合作社信用代码`);
      else coop = found[0];
    }
    if (coop && coop.status !== 'active') errors.push(`合作社“${coop.name}”已暂停或注销`);
    const memberName = get(c, col.member);
    if (!memberName) errors.push('成员姓名不能为空');
    const raw = get(c, col.code).replace(/\s/g, '').toUpperCase();
    let householdId: number | null = null;
    let memberOrgId: number | null = null;
    let shown = raw;
    if (!raw) errors.push('身份证号或信用代码不能为空');
    else if (isValidIdNumber(raw)) {
      const h = household.get(normalizeIdNumber(raw)) as { id: number; name: string } | undefined;
      shown = view.id(raw);
      if (!h) errors.push('此身份证号的农户不在档案中，请先登记或导入农户');
      else if (memberName && h.name !== memberName) errors.push(`身份证号对应的农户是“${h.name}”，与表中姓名“${memberName}”不符`);
      else householdId = h.id;
    } else if (isValidCreditCode(raw)) {
      const o = org.get(raw) as { id: number; name: string } | undefined;
      if (!o) errors.push('此信用代码的单位不在档案中');
      else if (memberName && o.name !== memberName) errors.push(`信用代码对应的单位是“${o.name}”，与表中名称“${memberName}”不符`);
      else if (coop && o.id === coop.id) errors.push('合作社不能是自己的成员');
      else memberOrgId = o.id;
    } else errors.push(`“${raw}”既不是有效的身份证号，也不是有效的统一社会信用代码`);
    const joinedText = get(c, col.joinedOn);
    const joinedOn = parseDateCell(joinedText);
    if (!joinedText) errors.push('入社日期不能为空');
    else if (!joinedOn) errors.push(`入社日期“${joinedText}”不是有效日期`);
    const leftText = get(c, col.leftOn);
    const leftOn = parseDateCell(leftText);
    if (leftOn === null) errors.push(`退社日期“${leftText}”不是有效日期`);
    else if (leftOn && joinedOn && leftOn < joinedOn) errors.push('退社日期早于入社日期');
    const money = (text: string, label: string) => {
      if (!text) return 0;
      const v = parseYuan(text);
      if (v === null || v < 0) {
        errors.push(`${label}“${text}”应为不超过两位小数的非负金额`);
        return 0;
      }
      return v;
    };
    const poverty = money(get(c, col.poverty), '扶贫项目资产出资');
    const other = money(get(c, col.other), '其他出资');
    const memberKey = householdId !== null ? `h${householdId}` : memberOrgId !== null ? `o${memberOrgId}` : '';
    if (coop && memberKey && joinedOn) {
      const key = `${coop.id}|${memberKey}`;
      const prev = seen.get(key);
      if (prev !== undefined) errors.push(`与第 ${prev} 行是同一合作社的同一成员`);
      else seen.set(key, r.line);
      if (open.get(coop.id, householdId ?? -1, memberOrgId ?? -1, joinedOn, leftOn ?? '', leftOn ?? '')) errors.push('该成员在此期间已是本社成员');
    }
    const error = errors.join('；');
    out.rows.push({ line: r.line, error, values: [coop?.name ?? coopName, memberName, shown, joinedOn ?? joinedText, ((poverty + other) / 100).toFixed(2)] });
    if (error) out.errors++;
    else valid.push({ coopId: coop!.id, householdId, memberOrgId, joinedOn: joinedOn!, leftOn: leftOn ?? '', poverty, other, notes: get(c, col.notes) });
  }
  return { preview: out, valid };
}

export async function commitCoopMemberFile(store: Store, actor: Actor, name: string, bytes: Buffer): Promise<{ imported: number }> {
  const { preview, valid } = await checkCoopMemberFile(store, actor.role, name, bytes);
  refuseIfErrors(preview);
  return store.write(actor, 'members.importCommit', (audit) => {
    const now = store.now();
    const ins = store.sqlite.prepare(
      'INSERT INTO coop_members (coop_id, household_id, member_org_id, joined_on, left_on, capital_poverty_fen, capital_other_fen, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const v of valid) ins.run(v.coopId, v.householdId, v.memberOrgId, v.joinedOn, v.leftOn, v.poverty, v.other, v.notes, now, now);
    const coops = [...new Set(valid.map((v) => v.coopId))];
    audit.record({ entity: 'coop_member', ids: [], summary: { import: name, rows: valid.length, coops: coops.length } });
    for (const id of coops) audit.record({ entity: 'org', ids: [id], summary: { import: name, members: valid.filter((v) => v.coopId === id).length } });
    return { imported: valid.length };
  });
}
