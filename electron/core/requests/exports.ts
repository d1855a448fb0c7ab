import type { Actor, Store } from '../db/store';
import { getSettings } from '../settings/settings';
import { exportSheet, type ExportFormat } from '../io/tabular';
import { writeXlsx } from '../io/xlsx';
import type { SheetSpec } from '../io/sheet';
import { STAT_DIMENSIONS, STAT_DIMENSION_LABELS } from '../../../shared/contract/requestFields';
import { serviceStats, type Dimension } from './stats';
import { listProviders } from './providers';
import { localDate } from './rules';

function statsSheet(store: Store, from: string, to: string, by: Dimension, town: { id: number; name: string } | null): SheetSpec {
  const { rows, totals } = serviceStats(store, from, to, by, town?.id ?? null);
  const label = STAT_DIMENSION_LABELS[by];
  return {
    name: `按${label}`,
    title: `农业社会化服务统计（按${label}）`,
    meta: [`填报单位：${getSettings(store).centreName}`, ...(town ? [`范围：${town.name}`] : []), `统计期间：${from} 至 ${to}`, `制表日期：${localDate(store.now())}`],
    columns: [
      { header: label, key: 'label' },
      { header: '受理申请（件）', key: 'requests', kind: 'int' },
      { header: '完成（件）', key: 'done', kind: 'int' },
      { header: '平均办结天数', key: 'avgDays' },
      { header: '服务量（亩次）', key: 'muTimes100', kind: 'mu100' },
      { header: '服务费（元）', key: 'feeFen', kind: 'fen' },
      { header: '补助（元）', key: 'subsidyFen', kind: 'fen' },
      { header: '农户实付（元）', key: 'paidFen', kind: 'fen' },
      { header: '回访（件）', key: 'followUps', kind: 'int' },
      { header: '平均满意度', key: 'satisfaction' },
    ],
    rows: [...rows, totals].map((r) => ({ ...r })),
    footer: ['说明：1 个环节在 1 亩地上作业 1 次计 1 亩次；受理按受理日期、完成按完成日期、服务量和金额按作业日期统计。', '制表人：            审核人：'],
  };
}

/** One dimension in the chosen format, or every dimension as the sheets of one workbook; the county or one township. */
export async function exportStats(store: Store, actor: Actor, input: { from: string; to: string; by: Dimension | 'all'; format: ExportFormat; township: { id: number; name: string } | null }) {
  const town = input.township;
  const base = `服务统计_${town ? `${town.name}_` : ''}${input.from}_${input.to}`;
  let file: { name: string; mime: string; bytes: Buffer };
  if (input.by === 'all') {
    const dims = STAT_DIMENSIONS.filter((d) => d !== 'township' || !town);
    const bytes = await writeXlsx(dims.map((d) => statsSheet(store, input.from, input.to, d, town)));
    file = { name: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
  } else {
    file = await exportSheet(statsSheet(store, input.from, input.to, input.by, town), input.format, `${base}_按${STAT_DIMENSION_LABELS[input.by]}`);
  }
  store.write(actor, 'serviceStats.export', (audit) => audit.record({ entity: 'export', ids: [], summary: { file: file.name, from: input.from, to: input.to, by: input.by, township: town?.name ?? '' } }));
  return { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
}

/** Individual operators' phones are personal data, so the export is audited. */
export async function exportProviders(store: Store, actor: Actor, format: ExportFormat) {
  const rows = listProviders(store).map((p) => ({
    name: p.name,
    kind: p.kind,
    org: p.org,
    contactName: p.contactName,
    phone: p.phone,
    links: p.links.join('、'),
    crops: p.crops.join('、'),
    townships: p.townships.join('、'),
    machines: p.machines.map((m) => `${m.name}${m.kind ? `（${m.kind}）` : ''}×${m.count}`).join('、'),
    capacityMu100: p.capacityMu100,
    active: p.active ? '在用' : '停用',
    notes: p.notes,
  }));
  const file = await exportSheet(
    {
      name: '服务主体',
      title: '农业社会化服务主体名录',
      meta: [`${getSettings(store).centreName}　导出日期：${localDate(store.now())}`],
      columns: [
        { header: '名称', key: 'name' },
        { header: '类型', key: 'kind' },
        { header: '关联主体', key: 'org' },
        { header: '联系人', key: 'contactName' },
        { header: '联系电话', key: 'phone' },
        { header: '服务环节', key: 'links' },
        { header: '作物', key: 'crops' },
        { header: '服务乡镇', key: 'townships' },
        { header: '机械', key: 'machines' },
        { header: '日作业能力（亩）', key: 'capacityMu100', kind: 'mu100' },
        { header: '状态', key: 'active' },
        { header: '备注', key: 'notes' },
      ],
      rows,
    },
    format,
    `服务主体_${localDate(store.now())}`,
  );
  store.write(actor, 'providers.export', (audit) => audit.record({ entity: 'export', ids: [], summary: { file: file.name, rows: rows.length } }));
  return { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
}
