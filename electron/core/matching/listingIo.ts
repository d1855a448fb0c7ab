import type { Store, Actor } from '../db/store';
import { readTable, mapColumns, cell } from '../io/table';
import { exportSheet } from '../io/tabular';
import ExcelJS from 'exceljs';
import type { SheetSpec } from '../io/sheet';
import { AppError } from '../../../shared/errors';
import { parseYuan, formatFen } from '../../../shared/money';
import { isValidDate } from '../../../shared/zod';
import { CERTIFICATIONS, LISTING_STATUS_LABELS, SIDE_LABELS } from '../../../shared/contract/matchingFields';
import { listListings, type ListingFilter } from './listingViews';
import { prepareListing, insertListing, type ListingInput } from './listings';
import { todayOf } from './offers';

const COLUMNS = {
  side: { names: ['方向', '供需'], required: true },
  party: { names: ['主体名称', '主体', '名称', '供需方'], required: true },
  code: { names: ['统一社会信用代码或身份证号', '证件号码', '统一社会信用代码', '身份证号'], required: false },
  category: { names: ['品类'], required: true },
  product: { names: ['产品'], required: false },
  variety: { names: ['品种'], required: false },
  grade: { names: ['等级'], required: false },
  quantity: { names: ['数量'], required: true },
  unit: { names: ['单位'], required: true },
  priceMin: { names: ['最低价（元）', '最低价', '最低价元'], required: false },
  priceMax: { names: ['最高价（元）', '最高价', '最高价元'], required: false },
  priceUnit: { names: ['价格单位'], required: false },
  from: { names: ['开始日期'], required: true },
  to: { names: ['结束日期'], required: true },
  township: { names: ['乡镇'], required: false },
  place: { names: ['地点'], required: false },
  certs: { names: ['认证'], required: false },
  notes: { names: ['备注'], required: false },
};

const HEADERS = ['方向', '主体名称', '统一社会信用代码或身份证号', '品类', '产品', '品种', '等级', '数量', '单位', '最低价（元）', '最高价（元）', '价格单位', '开始日期', '结束日期', '乡镇', '地点', '认证', '备注'];

/** Header on the first row (as the importer reads it), one example row, and the rules on a second sheet. */
export async function importTemplate(): Promise<{ name: string; mime: string; base64: string }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('挂牌导入');
  ws.columns = HEADERS.map((h) => ({ header: h, key: h, width: Math.max(10, h.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.addRow(['供应', '（会员档案中的主体名称）', '', '柑橘', '晚熟脐橙', '', '一级', '20', '吨', '3.2', '3.6', '斤', '2026-03-01', '2026-05-31', '', '', '地理标志、天生云阳', '']);
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    '方向：供应 或 需求。',
    '主体名称须已在会员档案中登记；同名时请填统一社会信用代码或身份证号。',
    '需求可只填品类、不填产品（品种不限）；供应必须填产品。',
    '单位：斤、公斤、吨、头、升、件，或该产品在目录中定义的单位（如箱）。',
    '价格：元，最多两位小数；只填一个表示一口价；都不填表示面议。价格单位不填则与数量单位相同。',
    '日期格式 YYYY-MM-DD；结束日期不能早于开始日期。',
    '认证可填：绿色食品、有机、地理标志、天生云阳，用顿号分隔。',
    '任何一行有错误时，整个文件都不会导入。',
  ])
    help.addRow([line]);
  help.getColumn(1).width = 90;
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: '挂牌导入模板.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
}

interface Lookup {
  party(name: string, code: string): { kind: 'org' | 'household'; id: number } | string;
  product(category: string, product: string, variety: string): { categoryId: number; productId: number | null } | string;
  township(name: string): number | null | string;
}

function lookups(store: Store): Lookup {
  const q = store.sqlite;
  const categories = new Map((q.prepare('SELECT id, name FROM catalog_categories').all() as { id: number; name: string }[]).map((c) => [c.name, c.id]));
  const products = q.prepare('SELECT id, category_id, name, variety FROM catalog_products').all() as { id: number; category_id: number; name: string; variety: string }[];
  const towns = new Map((q.prepare('SELECT id, name FROM townships').all() as { id: number; name: string }[]).map((t) => [t.name, t.id]));
  return {
    party(name, code) {
      if (code) {
        const org = q.prepare('SELECT id, name FROM orgs WHERE credit_code = ?').get(code) as { id: number; name: string } | undefined;
        if (org) return org.name === name || !name ? { kind: 'org', id: org.id } : `证件号码对应的是“${org.name}”，与主体名称不符`;
        const hh = q.prepare('SELECT id, name FROM households WHERE id_number = ?').get(code) as { id: number; name: string } | undefined;
        if (hh) return hh.name === name || !name ? { kind: 'household', id: hh.id } : '证件号码与农户姓名不符';
        return `会员档案中没有证件号码 ${code}`;
      }
      const orgs = q.prepare("SELECT id FROM orgs WHERE name = ? AND status <> 'deregistered'").pluck().all(name) as number[];
      const hhs = q.prepare('SELECT id FROM households WHERE name = ?').pluck().all(name) as number[];
      if (orgs.length + hhs.length === 0) return `会员档案中没有“${name}”，请先登记`;
      if (orgs.length + hhs.length > 1) return `“${name}”在会员档案中有 ${orgs.length + hhs.length} 个同名记录，请填写证件号码`;
      return orgs.length ? { kind: 'org', id: orgs[0]! } : { kind: 'household', id: hhs[0]! };
    },
    product(category, product, variety) {
      const categoryId = categories.get(category);
      if (categoryId === undefined) return `产品目录中没有品类“${category}”`;
      if (!product) return { categoryId, productId: null };
      const hits = products.filter((p) => p.category_id === categoryId && p.name === product && (!variety || p.variety === variety));
      if (hits.length === 0) return `品类“${category}”下没有产品“${product}${variety ? `（${variety}）` : ''}”`;
      if (hits.length > 1) return `“${product}”有多个品种，请填写品种`;
      return { categoryId, productId: hits[0]!.id };
    },
    township(name) {
      if (!name) return null;
      return towns.get(name) ?? `没有乡镇“${name}”`;
    },
  };
}

const money = (text: string, label: string): number | null | string => {
  if (!text) return null;
  const fen = parseYuan(text);
  return fen === null || fen < 0 ? `${label}“${text}”不是有效金额` : fen;
};

/** One row as a listing input, or the reason it cannot be one. */
function rowInput(cells: string[], col: Record<keyof typeof COLUMNS, number>, look: Lookup): ListingInput | string {
  const v = (k: keyof typeof COLUMNS) => cell(cells, col[k]);
  const sideText = v('side');
  const side = sideText === '供应' ? 'supply' : sideText === '需求' ? 'demand' : null;
  if (!side) return `方向应为“供应”或“需求”，不是“${sideText}”`;
  const party = look.party(v('party'), v('code'));
  if (typeof party === 'string') return party;
  const product = look.product(v('category'), v('product'), v('variety'));
  if (typeof product === 'string') return product;
  const township = look.township(v('township'));
  if (typeof township === 'string') return township;
  const priceMin = money(v('priceMin'), '最低价');
  if (typeof priceMin === 'string') return priceMin;
  const priceMax = money(v('priceMax'), '最高价');
  if (typeof priceMax === 'string') return priceMax;
  for (const k of ['from', 'to'] as const) if (!isValidDate(v(k))) return `${k === 'from' ? '开始日期' : '结束日期'}“${v(k)}”不是有效日期（YYYY-MM-DD）`;
  const certs = v('certs') ? v('certs').split(/[、,，;；\s]+/).filter(Boolean) : [];
  const badCert = certs.find((c) => !(CERTIFICATIONS as readonly string[]).includes(c));
  if (badCert) return `认证“${badCert}”不在可选范围内`;
  return {
    side,
    partyKind: party.kind,
    partyId: party.id,
    categoryId: product.categoryId,
    productId: product.productId,
    grade: v('grade'),
    quantity: v('quantity'),
    unit: v('unit'),
    priceMinFen: priceMin,
    priceMaxFen: priceMax,
    priceUnit: v('priceUnit'),
    windowFrom: v('from'),
    windowTo: v('to'),
    townshipId: township,
    place: v('place'),
    certifications: certs,
    notes: v('notes'),
  };
}

/** Every row checked exactly as the listing form checks it; nothing is written. */
export async function previewListingImport(store: Store, name: string, bytes: Buffer) {
  const table = await readTable(name, bytes);
  const col = mapColumns(table.headers, COLUMNS);
  const look = lookups(store);
  const rows = table.rows.map((r) => {
    const v = (k: keyof typeof COLUMNS) => cell(r.cells, col[k]);
    const base = { line: r.line, side: v('side'), party: v('party'), product: [v('category'), v('product'), v('variety'), v('grade')].filter(Boolean).join(' / '), quantity: `${v('quantity')} ${v('unit')}`, window: `${v('from')} 至 ${v('to')}` };
    const input = rowInput(r.cells, col, look);
    if (typeof input === 'string') return { ...base, error: input, input: null };
    try {
      prepareListing(store, input);
      return { ...base, error: '', input };
    } catch (e) {
      return { ...base, error: e instanceof AppError ? e.message : String(e), input: null };
    }
  });
  return { rows, errors: rows.filter((r) => r.error).length };
}

/** All rows or none: any row error refuses the file, and the rows are written in one transaction. */
export async function commitListingImport(store: Store, actor: Actor, name: string, bytes: Buffer): Promise<{ imported: number }> {
  const preview = await previewListingImport(store, name, bytes);
  if (preview.errors > 0) {
    const first = preview.rows.find((r) => r.error)!;
    throw new AppError('VALIDATION', `有 ${preview.errors} 行错误，未导入任何数据（第 ${first.line} 行：${first.error}）`);
  }
  if (preview.rows.length === 0) throw new AppError('VALIDATION', '文件里没有挂牌数据');
  return store.write(actor, 'listings.importCommit', (audit) => {
    const ids = preview.rows.map((r) => {
      try {
        return insertListing(store, actor, prepareListing(store, r.input!));
      } catch (e) {
        throw new AppError('VALIDATION', `第 ${r.line} 行：${e instanceof AppError ? e.message : String(e)}；未导入任何数据`);
      }
    });
    audit.record({ entity: 'listing', ids, summary: { file: name, imported: ids.length } });
    return { imported: ids.length };
  });
}

const priceText = (min: number | null, max: number | null) => (min === null ? '' : min === max ? formatFen(min) : `${formatFen(min)}-${formatFen(max!)}`);

export async function exportListings(store: Store, filter: Omit<ListingFilter, 'offset' | 'limit'>, format: 'xlsx' | 'csv') {
  const { rows } = listListings(store, { ...filter, offset: 0, limit: 1_000_000 }, todayOf(store));
  const spec: SheetSpec = {
    name: '挂牌信息',
    title: '产销对接挂牌信息',
    meta: [`导出日期：${todayOf(store)}`, `共 ${rows.length} 条`],
    columns: [
      { header: '编号', key: 'code' },
      { header: '方向', key: 'sideLabel' },
      { header: '主体', key: 'partyName' },
      { header: '品类', key: 'category' },
      { header: '产品', key: 'product' },
      { header: '等级', key: 'grade' },
      { header: '数量', key: 'quantity' },
      { header: '剩余', key: 'remaining' },
      { header: '单位', key: 'unit' },
      { header: '价格（元）', key: 'price' },
      { header: '价格单位', key: 'priceUnit' },
      { header: '开始日期', key: 'windowFrom' },
      { header: '结束日期', key: 'windowTo' },
      { header: '乡镇', key: 'township' },
      { header: '地点', key: 'place' },
      { header: '认证', key: 'certs' },
      { header: '状态', key: 'statusLabel' },
    ],
    rows: rows.map((r) => ({
      ...r,
      sideLabel: SIDE_LABELS[r.side],
      price: priceText(r.priceMinFen, r.priceMaxFen) || '面议',
      certs: r.certifications.join('、'),
      statusLabel: LISTING_STATUS_LABELS[r.status],
    })),
  };
  const file = await exportSheet(spec, format, `挂牌信息-${todayOf(store)}`);
  return { name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
}
