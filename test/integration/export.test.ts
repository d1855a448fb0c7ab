import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportSheet } from '../../electron/core/io/tabular';
import { readTable } from '../../electron/core/io/table';
import type { SheetSpec } from '../../electron/core/io/sheet';
import { tempDir } from '../helpers/tmp';

const spec: SheetSpec = {
  name: '会员名录',
  title: '云阳县农民专业合作社名录',
  meta: ['填报单位：云阳县为农服务中心', '期间：2026年11月'],
  columns: [
    { header: '名称', key: 'name' },
    { header: '股金（元）', key: 'capital', kind: 'fen' },
    { header: '成员数', key: 'members', kind: 'int' },
    { header: '面积（亩）', key: 'area', kind: 'mu100' },
  ],
  rows: [
    { name: '云阳县江口镇柑橘专业合作社', capital: 123456789, members: 56, area: 120050 },
    { name: '红狮镇"中药材"合作社, 二分社', capital: -5, members: 3, area: 0 },
  ],
  footer: ['制表人：李会计　审核人：陈主任'],
};

describe('tabular exports', () => {
  it('writes an xlsx with title, frozen header, number formats and A4 landscape print setup', async () => {
    const f = await exportSheet(spec, 'xlsx', '名录');
    expect(f.name).toBe('名录.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(f.bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('会员名录')!;
    expect(ws.getCell('A1').value).toBe('云阳县农民专业合作社名录');
    expect(ws.getCell('A4').value).toBe('名称');
    expect(ws.getCell('B5').value).toBe(1234567.89);
    expect(ws.getCell('B5').numFmt).toContain('#,##0.00');
    expect(ws.getCell('D5').value).toBe(1200.5);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
  });

  it('writes CSV as UTF-8 with BOM that reads back with quotes and commas intact', async () => {
    const f = await exportSheet(spec, 'csv', '名录');
    expect([...f.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const t = await readTable('x.csv', f.bytes);
    expect(t.headers).toEqual(['名称', '股金（元）', '成员数', '面积（亩）']);
    expect(t.rows[1]!.cells).toEqual(['红狮镇"中药材"合作社, 二分社', '-0.05', '3', '0.00']);
  });

  it('writes a PDF whose text layer holds the Chinese title and the page footer', async () => {
    const f = await exportSheet({ ...spec, rows: Array.from({ length: 120 }, (_, i) => ({ ...spec.rows[0], name: `合作社${i}` })) }, 'pdf', '名录');
    const tmp = tempDir('pdf');
    try {
      const file = path.join(tmp.dir, 'a.pdf');
      fs.writeFileSync(file, f.bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      expect(text).toContain('云阳县农民专业合作社名录');
      expect(text).toContain('1,234,567.89');
      expect(text).toMatch(/第\s*1\s*页\s*共\s*[3-9]\s*页/);
    } finally {
      tmp.cleanup();
    }
  });
});
