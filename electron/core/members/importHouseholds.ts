import type { Store, Actor } from '../db/store';
import { readTable } from '../io/table';
import { idNumberProblem, normalizeIdNumber } from '../../../shared/validate/idNumber';
import { normalizePhone, phoneProblem } from '../../../shared/validate/phone';
import { parseMu } from '../../../shared/format/area';
import { geoLookup } from './geo';
import { personalView } from './access';
import { pinyinOf } from './keys';
import { indexHousehold } from './fts';
import type { HouseholdFields } from './households';
import { get, locateColumns, parseIntCell, refuseEmpty, refuseIfErrors, resolvePlace, splitList, type Preview, type TemplateColumn } from './importCommon';

export const HOUSEHOLD_TEMPLATE: TemplateColumn[] = [
  { header: '姓名', required: true, note: '户主姓名', example: '张三' },
  { header: '身份证号', width: 22, note: '18 位，末位可为 X；会校验校验位', example: '11010519491231002X' },
  { header: '联系电话', width: 16, note: '手机号 11 位，或带区号的固定电话', example: '13812345678 或 023-55123456' },
  { header: '乡镇（街道）', required: true, note: '须与“乡镇村名称”表中的名称一致', example: '江口镇' },
  { header: '村（社区）', note: '须属于所填乡镇', example: '梨树村' },
  { header: '家庭人口', note: '人数，整数', example: '4' },
  { header: '耕地面积（亩）', width: 16, note: '最多两位小数', example: '5.5' },
  { header: '主要作物', note: '多个用顿号分隔', example: '柑橘、玉米' },
  { header: '备注', note: '', example: '' },
];

const SPEC = {
  name: { names: ['姓名', '户主姓名', '户主', '农户姓名'], required: true },
  idNumber: { names: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证'], required: false },
  phone: { names: ['联系电话', '电话', '手机', '手机号', '电话号码', '联系方式'], required: false },
  township: { names: ['乡镇（街道）', '乡镇', '乡镇街道', '所在乡镇', '乡镇名称'], required: true },
  village: { names: ['村（社区）', '村', '村社区', '社区', '所在村', '村名称'], required: false },
  size: { names: ['家庭人口', '人口', '家庭人口数', '人口数'], required: false },
  land: { names: ['耕地面积（亩）', '耕地面积', '面积（亩）', '土地面积', '承包地面积'], required: false },
  crops: { names: ['主要作物', '作物', '种植作物', '主要产业'], required: false },
  notes: { names: ['备注'], required: false },
};

export const HOUSEHOLD_PREVIEW_COLUMNS = ['姓名', '身份证号', '联系电话', '乡镇（街道）', '村（社区）'];

interface Checked {
  preview: Preview;
  valid: HouseholdFields[];
}

/**
 * Every row is checked (required name and township, ID check digit, phone format, township and
 * village names, duplicates within the file and against the registry) and every problem of a row
 * is reported, so the clerk fixes the file once.
 */
export async function checkHouseholdFile(store: Store, role: Actor['role'], name: string, bytes: Buffer): Promise<Checked> {
  const table = await readTable(name, bytes);
  const { col, rows } = locateColumns(table, SPEC);
  refuseEmpty(rows);
  const geo = geoLookup(store);
  const view = personalView(role);
  const byId = store.sqlite.prepare('SELECT name FROM households WHERE id_number = ?').pluck();
  const likely = store.sqlite.prepare('SELECT id_number AS idNumber FROM households WHERE name = ? AND township_id IS ? AND phone = ? ORDER BY id_number IS NOT NULL LIMIT 1');
  const seenId = new Map<string, number>();
  const seenKey = new Map<string, { line: number; hasId: boolean }>();
  const out: Preview = { columns: HOUSEHOLD_PREVIEW_COLUMNS, rows: [], errors: 0, newIndustries: [], encoding: table.encoding };
  const valid: HouseholdFields[] = [];
  for (const r of rows) {
    const c = r.cells;
    const errors: string[] = [];
    const hname = get(c, col.name);
    if (!hname) errors.push('姓名不能为空');
    else if (hname.length > 30) errors.push('姓名超过30个字');
    const idNumber = normalizeIdNumber(get(c, col.idNumber));
    if (idNumber) {
      const p = idNumberProblem(idNumber);
      if (p) errors.push(p);
      else {
        const prev = seenId.get(idNumber);
        if (prev !== undefined) errors.push(`身份证号与第 ${prev} 行重复`);
        else {
          seenId.set(idNumber, r.line);
          const existing = byId.get(idNumber) as string | undefined;
          if (existing !== undefined) errors.push(`身份证号已登记（农户“${existing}”）`);
        }
      }
    }
    const rawPhone = get(c, col.phone);
    const phone = normalizePhone(rawPhone);
    if (phone === null) errors.push(`联系电话：${phoneProblem(rawPhone)}`);
    const townshipName = get(c, col.township);
    const villageName = get(c, col.village);
    const place = resolvePlace(geo, townshipName, villageName, errors, true);
    const sizeText = get(c, col.size);
    const size = sizeText ? parseIntCell(sizeText, 1, 50) : 1;
    if (size === null) errors.push(`家庭人口“${sizeText}”应为 1-50 的整数`);
    const landText = get(c, col.land);
    const land = parseMu(landText);
    if (land === null) errors.push(`耕地面积“${landText}”应为不超过两位小数的非负数`);
    if (hname && place.townshipId !== null && phone !== null) {
      // Same name, township and phone: the same household unless both rows carry different ID numbers.
      const key = `${hname}|${place.townshipId}|${phone}`;
      const prev = seenKey.get(key);
      if (prev && (!prev.hasId || !idNumber)) errors.push(`与第 ${prev.line} 行同名、同乡镇、同电话，疑似重复`);
      if (!prev) seenKey.set(key, { line: r.line, hasId: idNumber !== '' });
      const dup = likely.get(hname, place.townshipId, phone) as { idNumber: string | null } | undefined;
      if (dup && (!idNumber || !dup.idNumber)) errors.push(dup.idNumber ? '已有同名、同乡镇、同电话的农户，疑似重复（请填写身份证号以区分）' : '已有同名、同乡镇、同电话但未登记身份证号的农户，疑似重复（请在该农户档案中补填身份证号）');
    }
    const error = errors.join('；');
    out.rows.push({ line: r.line, error, values: [hname, view.id(idNumber), view.phone(phone ?? rawPhone), townshipName, villageName] });
    if (error) out.errors++;
    else
      valid.push({
        name: hname,
        idNumber,
        phone: phone ?? '',
        townshipId: place.townshipId,
        villageId: place.villageId,
        householdSize: size ?? 1,
        landAreaMu100: land ?? 0,
        crops: splitList(get(c, col.crops)),
        notes: get(c, col.notes),
      });
  }
  return { preview: out, valid };
}

/** All rows or none: re-checks the file, then inserts every row in one transaction with one audit row. */
export async function commitHouseholdFile(store: Store, actor: Actor, name: string, bytes: Buffer): Promise<{ imported: number }> {
  const { preview, valid } = await checkHouseholdFile(store, actor.role, name, bytes);
  refuseIfErrors(preview);
  return store.write(actor, 'members.importCommit', (audit) => {
    const now = store.now();
    const ins = store.sqlite.prepare(
      'INSERT INTO households (name, id_number, phone, township_id, village_id, household_size, land_area_mu100, crops, notes, py_full, py_initials, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const ids: number[] = [];
    for (const f of valid) {
      const py = pinyinOf(f.name, true);
      const id = Number(ins.run(f.name, f.idNumber || null, f.phone, f.townshipId, f.villageId, f.householdSize, f.landAreaMu100, JSON.stringify(f.crops), f.notes, py.full, py.initials, now, now).lastInsertRowid);
      indexHousehold(store.sqlite, { id, name: f.name, phone: f.phone, idNumber: f.idNumber || null }, true);
      ids.push(id);
    }
    audit.record({ entity: 'household', ids: [], refs: ids, summary: { import: name, rows: valid.length, firstId: ids[0] ?? 0, lastId: ids.at(-1) ?? 0 } });
    return { imported: valid.length };
  });
}
