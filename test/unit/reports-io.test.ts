import { describe, it, expect } from 'vitest';
import crypto from 'node:crypto';
import { ZipWriter } from '../../electron/core/io/zip';
import { cellText, headerGrid, leafHeaders, type SheetSpec } from '../../electron/core/io/sheet';
import { writeXlsx } from '../../electron/core/io/xlsx';
import { csvRows } from '../../electron/core/io/tabular';
import { diffContent, contentSheet } from '../../electron/core/reports/content';
import { merges, readXlsx, readZip } from '../helpers/reports';

const spec = (over: Partial<SheetSpec> = {}): SheetSpec => ({
  name: '表',
  title: '测试表',
  columns: [
    { header: '名称', key: 'a' },
    { header: '本期', key: 'b', kind: 'fen' },
    { header: '累计', key: 'c', kind: 'fen' },
  ],
  rows: [
    { a: '甲', b: 100, c: 200 },
    { a: '甲', b: 50, c: 250 },
  ],
  ...over,
});

describe('zip writer', () => {
  it('writes entries an independent reader gets back byte for byte, with UTF-8 names and duplicates renamed', () => {
    const z = new ZipWriter();
    const text = Buffer.from('资产负债表\n'.repeat(500));
    const noise = crypto.randomBytes(4096);
    expect(z.add('江口镇柑橘专业合作社.pdf', text)).toBe('江口镇柑橘专业合作社.pdf');
    expect(z.add('江口镇柑橘专业合作社.pdf', noise)).toBe('江口镇柑橘专业合作社 (2).pdf');
    z.add('空.csv', Buffer.alloc(0));
    const zip = z.finish();
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['江口镇柑橘专业合作社.pdf', '江口镇柑橘专业合作社 (2).pdf', '空.csv']);
    expect(entries[0]!.bytes.equals(text)).toBe(true);
    expect(entries[1]!.bytes.equals(noise)).toBe(true);
    expect(entries[2]!.bytes.length).toBe(0);
    // Repetitive text is deflated; random bytes are stored as they are.
    expect(zip.length).toBeLessThan(text.length + noise.length);
  });
});

describe('sheet layouts', () => {
  it('places merged header cells by table rules and refuses a header that does not cover every column', () => {
    const s = spec({ headerRows: [[{ text: '名称', rowSpan: 2 }, { text: '金额', colSpan: 2 }], [{ text: '本期' }, { text: '累计' }]] });
    expect(headerGrid(s).cells).toEqual([
      { r: 0, c: 0, rs: 2, cs: 1, text: '名称' },
      { r: 0, c: 1, rs: 1, cs: 2, text: '金额' },
      { r: 1, c: 1, rs: 1, cs: 1, text: '本期' },
      { r: 1, c: 2, rs: 1, cs: 1, text: '累计' },
    ]);
    expect(leafHeaders(s)).toEqual(['名称', '金额-本期', '金额-累计']);
    expect(() => headerGrid(spec({ headerRows: [[{ text: '名称', rowSpan: 2 }, { text: '金额', colSpan: 2 }], [{ text: '本期' }]] }))).toThrow('没有覆盖全部 3 列');
    expect(() => headerGrid(spec({ headerRows: [[{ text: '名称' }, { text: '金额', colSpan: 3 }]] }))).toThrow('超出表格范围');
  });

  it('formats numbers with thousands separators and the row’s decimals', () => {
    expect(cellText(1234567.5, 'number', 2)).toBe('1,234,567.50');
    expect(cellText(14, 'number', 0)).toBe('14');
    expect(cellText(-0.004, 'number', 2)).toBe('0.00');
    expect(cellText(-1234, 'fen')).toBe('-12.34');
  });

  it('repeats a merged cell’s value on each CSV row it spans', () => {
    const rows = csvRows(spec({ merges: [{ row: 0, col: 0, rowSpan: 2 }] }));
    expect(rows).toEqual([
      ['名称', '本期', '累计'],
      ['甲', '1.00', '2.00'],
      ['甲', '0.50', '2.50'],
    ]);
  });

  it('stacks several tables on one sheet with a page break between them and no frozen pane', async () => {
    const bytes = await writeXlsx([[spec({ name: '江口镇柑橘合作社', title: '资产负债表' }), spec({ title: '盈余及盈余分配表', merges: [{ row: 0, col: 0, rowSpan: 2 }] })]]);
    const wb = await readXlsx(bytes);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('江口镇柑橘合作社');
    expect(ws.getCell('A1').value).toBe('资产负债表');
    const second = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === '盈余及盈余分配表')!;
    expect(second).toBeGreaterThan(5);
    expect(merges(ws)).toContain(`A${second + 2}:A${second + 3}`);
    // exceljs does not read page breaks back; the sheet's XML shows the manual break after the first table.
    const xml = readZip(bytes).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.bytes.toString('utf8');
    expect([...xml.matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]))).toEqual([second - 2]);
    expect((ws.views ?? []).filter((v) => v.state === 'frozen')).toEqual([]);
  });
});

describe('content comparison', () => {
  it('names the sheet, row and column of each changed cell', () => {
    const was = { title: 'T', parts: [{ name: '', sheets: [contentSheet(spec())] }] };
    const now = { title: 'T', parts: [{ name: '', sheets: [contentSheet(spec({ rows: [{ a: '甲', b: 100, c: 200 }, { a: '乙', b: 75, c: 250 }] }))] }] };
    const d = diffContent(was, now);
    expect(d.total).toBe(2);
    expect(d.differences).toEqual([
      { where: '表 · 第 2 行（乙） · 名称', was: '甲', now: '乙' },
      { where: '表 · 第 2 行（乙） · 本期', was: '0.50', now: '0.75' },
    ]);
  });
});

describe('report periods', () => {
  it('reads months, quarters and years into date ranges and Chinese labels, and nothing else', async () => {
    const { periodRange, periodContaining } = await import('../../shared/reports');
    expect(periodRange('2026-02')).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28', label: '2026年2月' });
    expect(periodRange('2024-Q1')).toMatchObject({ kind: 'quarter', from: '2024-01-01', to: '2024-03-31', firstMonth: '2024-01', lastMonth: '2024-03', label: '2024年第一季度' });
    expect(periodRange('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31', label: '2026年度' });
    for (const bad of ['2026-13', '2026-Q5', '26-01', '2026/11', '']) expect(periodRange(bad)).toBeNull();
    expect(periodContaining('quarter', '2026-11-30')).toBe('2026-Q4');
  });
});
