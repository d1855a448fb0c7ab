import { describe, it, expect } from 'vitest';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { readTable } from '../../electron/core/io/table';
import { tempDir } from '../helpers/tmp';

// Long Chinese texts in every row make inflated chunks end inside a character somewhere in the file.
const rowAt = (i: number) => [`2025-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`, i % 2 ? '记' : '转', String(i + 1), `收购成员农产品（晚熟脐橙一级果）第${i}批`, '成员往来', (i * 1.37).toFixed(2)];
const HEAD = ['日期', '凭证字', '凭证号', '摘要', '科目名称', '金额'];
const ROWS = 6000;

describe('reading xlsx files', () => {
  it('reads every Chinese cell of a large file written by a streaming writer (inline strings, workbook part last)', async () => {
    const tmp = tempDir('xlsx-read');
    try {
      const file = path.join(tmp.dir, 'stream.xlsx');
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
      const ws = wb.addWorksheet('凭证');
      ws.addRow(HEAD).commit();
      for (let i = 0; i < ROWS; i++) ws.addRow(rowAt(i)).commit();
      await wb.commit();
      const table = await readTable('凭证.xlsx', fs.readFileSync(file));
      expect(table.headers).toEqual(HEAD);
      expect(table.rows).toHaveLength(ROWS);
      const wrong = table.rows.filter((r, i) => r.line !== i + 2 || r.cells.join('|') !== rowAt(i).join('|'));
      expect(wrong.slice(0, 3)).toEqual([]);
    } finally {
      tmp.cleanup();
    }
  });

  it('reads shared strings, numbers and date cells of a file written the usual way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成员');
    ws.addRow(['姓名', '入社日期', '出资额']);
    const joined = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 365)));
    for (let i = 0; i < ROWS; i++) ws.addRow([`云阳县江口镇农户${i}号`, joined(i), i * 10.5]);
    const table = await readTable('成员.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(table.rows).toHaveLength(ROWS);
    expect(table.rows[0]!.cells).toEqual(['云阳县江口镇农户0号', '2024-01-01', '0']);
    expect(table.rows[ROWS - 1]!.cells).toEqual([`云阳县江口镇农户${ROWS - 1}号`, '2024-06-08', '62989.5']);
    expect(table.rows.filter((r, i) => r.cells[1] !== joined(i).toISOString().slice(0, 10))).toEqual([]);
    expect(table.rows.filter((r) => r.cells.some((c) => c.includes('\uFFFD')))).toEqual([]);
  });

  it('refuses a file that is not an xlsx with a message naming it', async () => {
    await expect(readTable('名单.xlsx', Buffer.from('不是表格'))).rejects.toThrow('无法读取 Excel 文件“名单.xlsx”');
  });
});
