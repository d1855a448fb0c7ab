import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { colText, headerGrid, isNumeric, type CellMerge, type SheetSpec } from '../io/sheet';

/**
 * A report's content as a reader sees it, whatever the file format: titles, meta lines, header cells with
 * their spans, every cell's text, merged blocks and footers. Its SHA-256 identifies what was sent; a
 * regeneration with the same parameters matches when nothing the reader sees has changed.
 */
export interface ContentSheet {
  name: string;
  title: string;
  meta: string[];
  header: { r: number; c: number; rs: number; cs: number; text: string }[];
  /** Right-aligned (numeric) columns, for the preview. */
  numeric: boolean[];
  rows: string[][];
  merges: CellMerge[];
  strong: number[];
  footer: string[];
}

export interface ContentPart {
  name: string;
  sheets: ContentSheet[];
}

export interface ReportContent {
  title: string;
  parts: ContentPart[];
}

export function contentSheet(s: SheetSpec): ContentSheet {
  return {
    name: s.name,
    title: s.title,
    meta: s.meta ?? [],
    header: headerGrid(s).cells,
    numeric: s.columns.map((c) => isNumeric(c.kind)),
    rows: s.rows.map((r) => s.columns.map((c) => colText(r, c))),
    merges: (s.merges ?? []).map((m) => ({ row: m.row, col: m.col, rowSpan: m.rowSpan ?? 1, colSpan: m.colSpan ?? 1 })),
    strong: s.strongRows ?? [],
    footer: s.footer ?? [],
  };
}

export function contentJson(c: ReportContent): Buffer {
  return Buffer.from(JSON.stringify(c), 'utf8');
}

export function contentHash(c: ReportContent): string {
  return crypto.createHash('sha256').update(contentJson(c)).digest('hex');
}

export function packContent(c: ReportContent): Buffer {
  return zlib.gzipSync(contentJson(c), { level: 6 });
}

export function unpackContent(bytes: Buffer): ReportContent {
  return JSON.parse(zlib.gunzipSync(bytes).toString('utf8')) as ReportContent;
}

export interface Difference {
  where: string;
  was: string;
  now: string;
}

const MAX_DIFFERENCES = 200;

/** The row's name for a reader: its first cells that are not just a number (序号). */
function rowName(row: string[] | undefined): string {
  if (!row) return '';
  const named = row.slice(0, 3).filter((x) => x !== '' && !/^[\d,.%-]+$/.test(x));
  return named[0] ?? row[0] ?? '';
}

function headerTexts(s: ContentSheet): string[] {
  const out: string[] = [];
  for (const h of s.header) for (let c = h.c; c < h.c + h.cs; c++) out[c] = out[c] ? `${out[c]}-${h.text}` : h.text;
  return out;
}

function diffLines(where: string, a: string[], b: string[], out: Difference[]): void {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) out.push({ where: `${where}第 ${i + 1} 行`, was: a[i] ?? '（无）', now: b[i] ?? '（无）' });
}

function diffSheet(where: string, a: ContentSheet, b: ContentSheet, out: Difference[]): void {
  if (a.title !== b.title) out.push({ where: `${where}标题`, was: a.title, now: b.title });
  diffLines(`${where}表头说明`, a.meta, b.meta, out);
  const ha = headerTexts(a);
  const hb = headerTexts(b);
  if (ha.join('|') !== hb.join('|')) out.push({ where: `${where}表头`, was: ha.join('、'), now: hb.join('、') });
  for (let r = 0; r < Math.max(a.rows.length, b.rows.length); r++) {
    const ra = a.rows[r];
    const rb = b.rows[r];
    const label = `${where}第 ${r + 1} 行${rowName(rb ?? ra) ? `（${rowName(rb ?? ra)}）` : ''}`;
    if (!ra || !rb) {
      out.push({ where: label, was: ra ? ra.join(' | ') : '（无此行）', now: rb ? rb.join(' | ') : '（无此行）' });
      continue;
    }
    for (let c = 0; c < Math.max(ra.length, rb.length); c++)
      if (ra[c] !== rb[c]) out.push({ where: `${label} · ${hb[c] ?? ha[c] ?? `第 ${c + 1} 列`}`, was: ra[c] ?? '', now: rb[c] ?? '' });
  }
  if (JSON.stringify(a.merges) !== JSON.stringify(b.merges)) out.push({ where: `${where}合并单元格`, was: `${a.merges.length} 处`, now: `${b.merges.length} 处` });
  diffLines(`${where}表尾`, a.footer, b.footer, out);
}

/** Which cells differ between what was sent and a regeneration, in words a manager can check (the first 200, and how many). */
export function diffContent(was: ReportContent, now: ReportContent): { differences: Difference[]; total: number } {
  const out: Difference[] = [];
  if (was.title !== now.title) out.push({ where: '报表名称', was: was.title, now: now.title });
  const names = (c: ReportContent) => c.parts.map((p) => p.name);
  const byName = new Map(now.parts.map((p) => [p.name, p]));
  for (const pa of was.parts) {
    const pb = byName.get(pa.name);
    const prefix = pa.name ? `${pa.name} · ` : '';
    if (!pb) {
      out.push({ where: prefix || '报表', was: '有', now: '本次没有' });
      continue;
    }
    for (let i = 0; i < Math.max(pa.sheets.length, pb.sheets.length); i++) {
      const sa = pa.sheets[i];
      const sb = pb.sheets[i];
      const where = `${prefix}${(sb ?? sa)!.name} · `;
      if (!sa || !sb) out.push({ where, was: sa ? '有此表' : '（无此表）', now: sb ? '有此表' : '（无此表）' });
      else diffSheet(where, sa, sb, out);
    }
  }
  const old = new Set(names(was));
  for (const pb of now.parts) if (!old.has(pb.name)) out.push({ where: pb.name || '报表', was: '原报表没有', now: '本次新增' });
  return { differences: out.slice(0, MAX_DIFFERENCES), total: out.length };
}
