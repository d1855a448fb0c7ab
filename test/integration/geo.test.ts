import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import iconv from 'iconv-lite';
import { setupCore } from '../helpers/core';

let env: Awaited<ReturnType<typeof setupCore>>;
beforeEach(async () => {
  env = await setupCore();
});
afterEach(() => env.close());

const upload = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });
const count = (table: string) => env.core.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('township and village import', () => {
  it('reads a GB18030 CSV as saved by Chinese Excel and imports it', async () => {
    const csv = iconv.encode('乡镇,村（社区）\r\n江口镇,梨树村\r\n江口镇,新桥村\r\n人和街道,人和社区\r\n', 'gb18030');
    const preview = await env.admin.call<{ errors: number; newTownships: number; newVillages: number }>('geo.importPreview', upload('乡镇.csv', csv));
    expect(preview).toMatchObject({ errors: 0, newTownships: 2, newVillages: 3 });
    await env.admin.call('geo.importCommit', upload('乡镇.csv', csv));
    const geo = await env.admin.call<{ name: string; kind: string; villages: { name: string; kind: string }[] }[]>('geo.list');
    expect(geo.map((t) => [t.name, t.kind])).toEqual([
      ['江口镇', '镇'],
      ['人和街道', '街道'],
    ]);
    expect(geo[1]!.villages).toEqual([expect.objectContaining({ name: '人和社区', kind: '社区' })]);
  });

  it('refuses the whole file when one row is bad, naming the row', async () => {
    const csv = Buffer.from('乡镇,村\n江口镇,梨树村\n,无乡镇村\n江口镇,梨树村\n', 'utf8');
    const preview = await env.admin.call<{ errors: number; rows: { line: number; error: string }[] }>('geo.importPreview', upload('a.csv', csv));
    expect(preview.errors).toBe(2);
    expect(preview.rows.filter((r) => r.error).map((r) => [r.line, r.error])).toEqual([
      [3, '乡镇不能为空'],
      [4, '与前面的行重复'],
    ]);
    await expect(env.admin.call('geo.importCommit', upload('a.csv', csv))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('第 3 行') });
    expect(count('townships')).toBe(0);
    expect(count('villages')).toBe(0);
  });

  it('names the missing column when the header is wrong', async () => {
    const csv = Buffer.from('名称,地址\n江口镇,x\n', 'utf8');
    await expect(env.admin.call('geo.importPreview', upload('a.csv', csv))).rejects.toMatchObject({ message: expect.stringContaining('缺少必需的列：乡镇') });
  });
});
