import type { Store, Actor } from '../db/store';
import { exportSheet, type ExportFormat } from '../io/tabular';
import type { Column, SheetSpec } from '../io/sheet';
import { listGeo } from '../settings/geo';
import { getSettings } from '../settings/settings';
import { AppError } from '../../../shared/errors';
import { ORG_KINDS } from './schema';
import { geoLookup } from './geo';
import { personalView } from './access';
import { industryNames } from './industries';
import { iterateHouseholds, type HouseholdFilter } from './households';
import { iterateOrgs, type OrgFilter } from './orgs';
import { listCoopMembers } from './coopMembers';
import { templateXlsx, type Preview } from './importCommon';
import { HOUSEHOLD_TEMPLATE, checkHouseholdFile, commitHouseholdFile } from './importHouseholds';
import { ORG_TEMPLATE, checkOrgFile, commitOrgFile } from './importOrgs';
import { COOP_MEMBER_TEMPLATE, checkCoopMemberFile, commitCoopMemberFile } from './importCoopMembers';

export type ImportKind = 'households' | 'orgs' | 'coopMembers';

const KIND_LABEL: Record<ImportKind, string> = { households: '农户', orgs: '主体', coopMembers: '合作社成员' };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function importTemplate(store: Store, kind: ImportKind): Promise<{ name: string; mime: string; base64: string }> {
  const geo = listGeo(store).map((t) => ({ township: t.name, villages: t.villages.map((v) => v.name) }));
  const bytes =
    kind === 'households'
      ? await templateXlsx('农户', HOUSEHOLD_TEMPLATE, geo)
      : kind === 'orgs'
        ? await templateXlsx('主体', ORG_TEMPLATE, geo, [
            { name: '主体类型', values: [...ORG_KINDS] },
            { name: '产业目录', values: industryNames(store) },
          ])
        : await templateXlsx('合作社成员', COOP_MEMBER_TEMPLATE, geo);
  return { name: `${KIND_LABEL[kind]}导入模板.xlsx`, mime: XLSX_MIME, base64: bytes.toString('base64') };
}

export async function previewImport(store: Store, actor: Actor, kind: ImportKind, name: string, bytes: Buffer): Promise<Preview> {
  if (kind === 'households') return (await checkHouseholdFile(store, actor.role, name, bytes)).preview;
  if (kind === 'orgs') return (await checkOrgFile(store, name, bytes)).preview;
  return (await checkCoopMemberFile(store, actor.role, name, bytes)).preview;
}

export function commitImport(store: Store, actor: Actor, kind: ImportKind, name: string, bytes: Buffer): Promise<{ imported: number }> {
  if (kind === 'households') return commitHouseholdFile(store, actor, name, bytes);
  if (kind === 'orgs') return commitOrgFile(store, actor, name, bytes);
  return commitCoopMemberFile(store, actor, name, bytes);
}

export type ExportRequest =
  | { kind: 'households'; format: 'xlsx' | 'csv'; filter: HouseholdFilter }
  | { kind: 'orgs'; format: 'xlsx' | 'csv'; filter: OrgFilter }
  | { kind: 'coopMembers'; format: 'xlsx' | 'csv'; coopId: number };

/** Beyond this a list should be narrowed by filters; xlsx of this size takes tens of seconds and much memory. */
export const EXPORT_MAX_ROWS = 200_000;

const STATUS: Record<string, string> = { active: '正常', inactive: '停用', suspended: '暂停', deregistered: '注销' };

function describeFilter(f: Partial<Record<string, unknown>> & object, geo: ReturnType<typeof geoLookup>): string {
  const parts: string[] = [];
  if (f.q) parts.push(`搜索“${String(f.q)}”`);
  if (f.kind) parts.push(String(f.kind));
  if (f.townshipId) parts.push(geo.townshipName(Number(f.townshipId)));
  if (f.villageId) parts.push(geo.villageName(Number(f.villageId)));
  if (f.industry) parts.push(`产业：${String(f.industry)}`);
  if (f.status) parts.push(STATUS[String(f.status)] ?? String(f.status));
  if (f.demoLevel) parts.push(f.demoLevel === 'any' ? '示范社' : `${String(f.demoLevel)}示范社`);
  return parts.length ? parts.join('，') : '全部';
}

/**
 * Any filtered list to xlsx or CSV, with the import template's column names so an edited export can
 * be imported again. Masked for roles that see masked values; every export is recorded in the audit log.
 */
export async function exportMembers(store: Store, actor: Actor, req: ExportRequest): Promise<{ name: string; mime: string; base64: string }> {
  const geo = geoLookup(store);
  const view = personalView(actor.role);
  const centre = getSettings(store).centreName;
  const stamp = new Date(Date.parse(store.now()) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  let spec: SheetSpec;
  let filterText = '';
  let personal = false;
  const guard = (n: number) => {
    if (n > EXPORT_MAX_ROWS) throw new AppError('REFUSED', `符合条件的记录超过 ${EXPORT_MAX_ROWS} 条，请先按乡镇等条件缩小范围再导出`);
  };
  if (req.kind === 'households') {
    personal = true;
    filterText = describeFilter({ ...req.filter }, geo);
    const rows: Record<string, unknown>[] = [];
    for (const h of iterateHouseholds(store, req.filter)) {
      guard(rows.length + 1);
      rows.push({ name: h.name, idNumber: view.id(h.idNumber), phone: view.phone(h.phone), township: geo.townshipName(h.townshipId), village: geo.villageName(h.villageId), size: h.householdSize, land: h.landAreaMu100, crops: (JSON.parse(h.crops) as string[]).join('、'), status: STATUS[h.status], notes: h.notes });
    }
    const columns: Column[] = [
      { header: '姓名', key: 'name' },
      { header: '身份证号', key: 'idNumber', width: 22 },
      { header: '联系电话', key: 'phone', width: 16 },
      { header: '乡镇（街道）', key: 'township' },
      { header: '村（社区）', key: 'village' },
      { header: '家庭人口', key: 'size', kind: 'int' },
      { header: '耕地面积（亩）', key: 'land', kind: 'mu100' },
      { header: '主要作物', key: 'crops' },
      { header: '状态', key: 'status' },
      { header: '备注', key: 'notes' },
    ];
    spec = { name: '农户', title: '农户名录', columns, rows, meta: [] };
  } else if (req.kind === 'orgs') {
    filterText = describeFilter({ ...req.filter }, geo);
    const rows: Record<string, unknown>[] = [];
    for (const o of iterateOrgs(store, req.filter)) {
      guard(rows.length + 1);
      rows.push({
        kind: o.kind,
        name: o.name,
        code: o.creditCode ?? '',
        legalRep: o.legalRep,
        contact: o.contactName,
        phone: o.contactPhone,
        township: geo.townshipName(o.townshipId),
        village: geo.villageName(o.villageId),
        address: o.address,
        industries: (JSON.parse(o.industries) as string[]).join('、'),
        land: o.landAreaMu100,
        members: o.memberCount,
        demoLevel: o.demoLevel,
        demoYear: o.demoYear ?? '',
        registeredOn: o.registeredOn,
        status: STATUS[o.status],
        notes: o.notes,
      });
    }
    const columns: Column[] = [
      { header: '主体类型', key: 'kind' },
      { header: '名称', key: 'name', width: 34 },
      { header: '统一社会信用代码', key: 'code', width: 22 },
      { header: '法定代表人', key: 'legalRep' },
      { header: '联系人', key: 'contact' },
      { header: '联系电话', key: 'phone', width: 16 },
      { header: '乡镇（街道）', key: 'township' },
      { header: '村（社区）', key: 'village' },
      { header: '地址', key: 'address' },
      { header: '产业', key: 'industries' },
      { header: '经营面积（亩）', key: 'land', kind: 'mu100' },
      { header: '成员数', key: 'members', kind: 'int' },
      { header: '示范等级', key: 'demoLevel' },
      { header: '示范年份', key: 'demoYear' },
      { header: '登记日期', key: 'registeredOn' },
      { header: '状态', key: 'status' },
      { header: '备注', key: 'notes' },
    ];
    spec = { name: '主体', title: '经营主体名录', columns, rows, meta: [] };
  } else {
    personal = true;
    const coop = store.sqlite.prepare("SELECT name, credit_code AS code FROM orgs WHERE id = ? AND kind = '农民专业合作社'").get(req.coopId) as { name: string; code: string | null } | undefined;
    if (!coop) throw new AppError('NOT_FOUND', `合作社 #${req.coopId} 不存在`);
    filterText = coop.name;
    const rows = listCoopMembers(store, actor.role, req.coopId).map((m) => ({
      coop: coop.name,
      coopCode: coop.code ?? '',
      member: m.memberName,
      code: m.memberCode,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
      poverty: m.capitalPovertyFen,
      other: m.capitalOtherFen,
      notes: m.notes,
    }));
    spec = {
      name: '合作社成员',
      title: `${coop.name}成员名册`,
      columns: [
        { header: '合作社', key: 'coop', width: 30 },
        { header: '合作社信用代码', key: 'coopCode', width: 22 },
        { header: '成员姓名', key: 'member' },
        { header: '身份证号或信用代码', key: 'code', width: 22 },
        { header: '入社日期', key: 'joinedOn' },
        { header: '退社日期', key: 'leftOn' },
        { header: '扶贫项目资产出资（元）', key: 'poverty', kind: 'fen' },
        { header: '其他出资（元）', key: 'other', kind: 'fen' },
        { header: '备注', key: 'notes' },
      ],
      rows,
      meta: [],
    };
  }
  const masked = personal && view.masked;
  spec.meta = [`${centre} · 导出时间 ${stamp} · 条件：${filterText} · 共 ${spec.rows.length} 条`, ...(masked ? ['身份证号、电话已按权限隐去部分数字'] : [])];
  const file = await exportSheet(spec, req.format as ExportFormat, `${spec.title}-${stamp.slice(0, 10)}`);
  store.write(actor, 'members.export', (audit) =>
    audit.record({ entity: req.kind === 'households' ? 'household' : req.kind === 'orgs' ? 'org' : 'coop_member', ids: [], summary: { rows: spec.rows.length, format: req.format, filter: filterText, personalData: personal, masked } }),
  );
  return { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
}
