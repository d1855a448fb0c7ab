import type { Actor, Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { providerFields, PROVIDER_KIND_VALUES } from '../../../shared/contract/requestFields';
import { issuesToFields } from '../../../shared/zod';
import { readTable, mapColumns, cell, type Table } from '../io/table';
import { townships } from '../settings/schema';
import { listCrops, listLinks } from './catalog';
import { listProviders, writeProvider, type ProviderInput } from './providers';

const split = (s: string) =>
  s
    .split(/[、,，;；/\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** "久保田收割机（收割机）×2" -> { name, kind, count }; the count defaults to 1. */
function parseMachine(s: string): { name: string; kind: string; count: number } {
  const m = /^(.+?)(?:[（(](.+?)[)）])?(?:[×xX*](\d+))?$/.exec(s.trim());
  return { name: (m?.[1] ?? s).trim(), kind: (m?.[2] ?? '').trim(), count: m?.[3] ? Number(m[3]) : 1 };
}

interface Parsed {
  line: number;
  name: string;
  kind: string;
  status: 'new' | 'update' | 'error';
  error: string;
  input: ProviderInput | null;
}

/**
 * The xlsx export puts a title and meta lines above the header row; start from the first row that
 * names the provider columns, so an exported list can be edited in Excel and imported back.
 */
function fromHeader(table: Table): Table {
  const isHeader = (cells: string[]) => cells.includes('名称') && cells.includes('类型');
  if (isHeader(table.headers)) return table;
  const at = table.rows.findIndex((r) => isHeader(r.cells));
  return at < 0 ? table : { ...table, headers: table.rows[at]!.cells, rows: table.rows.slice(at + 1) };
}

async function parse(store: Store, name: string, bytes: Buffer): Promise<Parsed[]> {
  const table = fromHeader(await readTable(name, bytes));
  const col = mapColumns(table.headers, {
    name: { names: ['名称', '服务主体名称', '服务主体'], required: true },
    kind: { names: ['类型', '主体类型'], required: true },
    contactName: { names: ['联系人'], required: false },
    phone: { names: ['联系电话', '电话'], required: false },
    links: { names: ['服务环节', '环节'], required: false },
    crops: { names: ['作物'], required: false },
    townships: { names: ['服务乡镇', '乡镇'], required: false },
    machines: { names: ['机械'], required: false },
    capacity: { names: ['日作业能力（亩）', '日作业能力'], required: false },
    active: { names: ['状态'], required: false },
    notes: { names: ['备注'], required: false },
  });
  const links = new Map(listLinks(store).map((l) => [l.name, l.id]));
  const crops = new Map(listCrops(store).map((c) => [c.name, c.id]));
  const ts = new Map(store.db.select().from(townships).all().map((t) => [t.name, t.id]));
  const existing = new Map(listProviders(store).map((p) => [p.name, p]));
  const seen = new Set<string>();
  return table.rows.map((r): Parsed => {
    const get = (k: keyof typeof col) => cell(r.cells, col[k]);
    const base = { line: r.line, name: get('name'), kind: get('kind') };
    const fail = (error: string): Parsed => ({ ...base, status: 'error', error, input: null });
    if (seen.has(base.name)) return fail('与前面的行重名');
    seen.add(base.name);
    const ids = (text: string, map: Map<string, number>, what: string): number[] | string => {
      const out: number[] = [];
      for (const n of split(text)) {
        const id = map.get(n);
        if (id === undefined) return `${what}“${n}”不存在`;
        out.push(id);
      }
      return out;
    };
    const linkIds = ids(get('links'), links, '环节');
    if (typeof linkIds === 'string') return fail(linkIds);
    const cropIds = ids(get('crops'), crops, '作物');
    if (typeof cropIds === 'string') return fail(cropIds);
    const townshipIds = ids(get('townships'), ts, '乡镇');
    if (typeof townshipIds === 'string') return fail(townshipIds);
    const capacity = get('capacity') === '' ? 0 : Math.round(Number(get('capacity')) * 100);
    if (!Number.isFinite(capacity) || capacity < 0) return fail('日作业能力应为不小于 0 的数字');
    const parsed = providerFields.safeParse({
      name: base.name,
      kind: base.kind,
      orgId: existing.get(base.name)?.orgId ?? null,
      contactName: get('contactName'),
      phone: get('phone'),
      linkIds,
      cropIds,
      townshipIds,
      machines: split(get('machines')).map(parseMachine),
      capacityMu100: capacity,
      notes: get('notes'),
      active: get('active') !== '停用',
    });
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      return fail(fields.kind ? `类型应为：${PROVIDER_KIND_VALUES.join('、')}` : (Object.values(fields)[0] ?? '内容有误'));
    }
    const before = existing.get(base.name);
    return { ...base, status: before ? 'update' : 'new', error: '', input: { ...parsed.data, id: before?.id, version: before?.version } };
  });
}

export async function previewProviderImport(store: Store, name: string, bytes: Buffer) {
  const rows = await parse(store, name, bytes);
  return { rows: rows.map(({ input: _input, ...r }) => r), errors: rows.filter((r) => r.status === 'error').length };
}

/** All or nothing: one bad row refuses the file and writes nothing. */
export async function commitProviderImport(store: Store, actor: Actor, name: string, bytes: Buffer) {
  const rows = await parse(store, name, bytes);
  const bad = rows.filter((r) => r.status === 'error');
  if (bad.length) throw new AppError('VALIDATION', `有 ${bad.length} 行错误，未导入任何数据（第 ${bad[0]!.line} 行：${bad[0]!.error}）`);
  return store.write(actor, 'providers.importCommit', (audit) => {
    for (const r of rows) writeProvider(store, r.input!);
    const created = rows.filter((r) => r.status === 'new').length;
    audit.record({ entity: 'provider', ids: [], summary: { file: name, created, updated: rows.length - created } });
    return { created, updated: rows.length - created };
  });
}
