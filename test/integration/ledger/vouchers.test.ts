import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { setupCore } from '../../helpers/core';
import { addUser, createCoop, linesFor, y, type LineSpec } from '../../helpers/ledger-fixtures';
import type { CliClient } from '../../../electron/cli/io';
import { AppError } from '../../../shared/errors';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

let env: Awaited<ReturnType<typeof setupCore>>;
let li: CliClient;
let zhou: CliClient;
let bookId: number;
let members: number[];
let accounts: Out<Contract['ledger.accounts.list']>;
type Voucher = Out<Contract['ledger.vouchers.get']>;

const save = (date: string, specs: LineSpec[], attachments = 0) =>
  li.call<Voucher>('ledger.vouchers.save', { bookId, date, kind: '记', attachments, lines: linesFor(accounts, '业务', specs) });
const numbers = (period: string) =>
  env.core.store.sqlite.prepare("SELECT number FROM ledger_vouchers WHERE book_id = ? AND period = ? AND kind = '记' ORDER BY number").pluck().all(bookId, period) as number[];
const csv = (rows: string[][]) => ({ name: '凭证.csv', base64: iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gb18030').toString('base64') });
const pdfText = (base64: string) => {
  const file = path.join(env.dir, `v-${Math.random()}.pdf`);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8'),
    size: /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))!.slice(1, 3).map(Number),
  };
};

beforeAll(async () => {
  env = await setupCore();
  li = await addUser(env, 'kuaiji', '李会计', 'bookkeeper');
  zhou = await addUser(env, 'kuaiji2', '周会计', 'bookkeeper');
  const coop = createCoop(env.core.store, '云阳县高阳镇中药材专业合作社', ['张大山', '李秀英', '张大山']);
  members = coop.memberIds;
  bookId = (await li.call<{ id: number }>('ledger.books.create', { coopId: coop.coopId, startPeriod: '2024-01' })).id;
  accounts = await li.call('ledger.accounts.list', { bookId });
  await li.call('ledger.opening.activate', { bookId });
});
afterAll(() => env.close());

describe('voucher numbers', () => {
  it('runs continuously per period and kind, closes up when a draft is deleted, and reuses a gap a posted voucher keeps open', async () => {
    const a = await save('2024-02-01', [{ code: '101', d: 1 }, { code: '501', c: 1 }]);
    const b = await save('2024-02-02', [{ code: '101', d: 2 }, { code: '501', c: 2 }]);
    const c = await save('2024-02-03', [{ code: '101', d: 3 }, { code: '501', c: 3 }]);
    const other = await save('2024-03-01', [{ code: '101', d: 3 }, { code: '501', c: 3 }]);
    expect([a.number, b.number, c.number, other.number]).toEqual([1, 2, 3, 1]);
    await li.call('ledger.vouchers.delete', { id: a.id, version: a.version });
    expect(numbers('2024-02')).toEqual([1, 2]);
    expect((await li.call<Voucher>('ledger.vouchers.get', { id: c.id })).number).toBe(2);
    // b (now 1) stays a draft, c (now 2) is posted: deleting b leaves a gap the next voucher fills.
    await zhou.call('ledger.vouchers.review', { ids: [c.id] });
    await li.call('ledger.vouchers.post', { ids: [c.id] });
    const bNow = await li.call<Voucher>('ledger.vouchers.get', { id: b.id });
    await li.call('ledger.vouchers.delete', { id: bNow.id, version: bNow.version });
    expect(numbers('2024-02')).toEqual([2]);
    const d = await save('2024-02-20', [{ code: '101', d: 4 }, { code: '501', c: 4 }]);
    expect(d.number).toBe(1);
    // Moving a draft to another month renumbers it there and closes up behind it.
    const moved = await li.call<Voucher>('ledger.vouchers.save', { id: d.id, version: d.version, bookId, date: '2024-03-05', kind: '记', attachments: 0, lines: linesFor(accounts, '业务', [{ code: '101', d: 4 }, { code: '501', c: 4 }]) });
    expect(moved.number).toBe(2);
    expect(numbers('2024-03')).toEqual([1, 2]);
  });

  it('refuses a stale edit of a draft', async () => {
    const v = await save('2024-04-01', [{ code: '101', d: 1 }, { code: '501', c: 1 }]);
    await li.call('ledger.vouchers.save', { id: v.id, version: v.version, bookId, date: '2024-04-01', kind: '记', attachments: 2, lines: linesFor(accounts, '业务', [{ code: '101', d: 1 }, { code: '501', c: 1 }]) });
    const e = await li.call('ledger.vouchers.save', { id: v.id, version: v.version, bookId, date: '2024-04-01', kind: '记', attachments: 3, lines: linesFor(accounts, '业务', [{ code: '101', d: 1 }, { code: '501', c: 1 }]) }).catch((x: AppError) => x);
    expect((e as AppError).code).toBe('CONFLICT');
    expect((e as AppError).message).toBe('此记录已被他人修改，请刷新后重试');
  });
});

describe('corrections', () => {
  it('cancels a posted voucher with a red voucher that names it, once', async () => {
    const v = await save('2024-05-10', [{ code: '114', d: 800, member: members[0]! }, { code: '102', c: 800 }]);
    await zhou.call('ledger.vouchers.review', { ids: [v.id] });
    await li.call('ledger.vouchers.post', { ids: [v.id] });
    const red = await li.call<Voucher>('ledger.vouchers.reverse', { id: v.id, date: '2024-05-31' });
    expect(red.summary).toBe(`注销5月10日记字第${v.number}号凭证`);
    expect(red.lines.map((l) => [l.accountCode, l.debitFen, l.creditFen, l.memberId])).toEqual([
      ['114', -y(800), 0, members[0]],
      ['102', 0, -y(800), 0],
    ]);
    expect(red.reverses).toEqual({ id: v.id, label: `记-${v.number}` });
    expect((await li.call<Voucher>('ledger.vouchers.get', { id: v.id })).reversedBy).toEqual({ id: red.id, label: `记-${red.number}` });
    const twice = await li.call('ledger.vouchers.reverse', { id: v.id, date: '2024-05-31' }).catch((x: AppError) => x);
    expect((twice as AppError).message).toBe(`凭证 记-${v.number} 已被 记-${red.number} 冲销`);
    await zhou.call('ledger.vouchers.review', { ids: [red.id] });
    await li.call('ledger.vouchers.post', { ids: [red.id] });
    const trial = await li.call<Out<Contract['ledger.reports.trial']>>('ledger.reports.trial', { bookId, from: '2024-05', to: '2024-05', level: 1, zeros: true });
    expect(trial.rows.find((r) => r.code === '114')).toMatchObject({ periodD: 0, closingD: 0, closingC: 0 });
  });
});

describe('printing', () => {
  it('prints a voucher on A4 and on the 240 x 140 mm voucher paper with the uppercase total and the signatures', async () => {
    const v = await save('2024-06-18', [{ code: '121', d: 12345.67 }, { code: '114', c: 12345.67, member: members[1]! }], 3);
    await zhou.call('ledger.vouchers.review', { ids: [v.id] });
    await li.call('ledger.vouchers.post', { ids: [v.id] });
    await li.call('ledger.books.update', { ...(await li.call<Out<Contract['ledger.books.get']>>('ledger.books.get', { bookId })), id: bookId, headName: '陈主任', cashierName: '王出纳' });
    for (const [size, dims] of [
      ['A4', [595.28, 841.89]],
      ['half', [680.31, 396.85]],
    ] as const) {
      const f = await li.call<{ name: string; base64: string }>('ledger.vouchers.print', { ids: [v.id], size });
      expect(f.name).toBe(`凭证-2024-06-记${v.number}.pdf`);
      const { text, size: got } = pdfText(f.base64);
      expect(got[0]).toBeCloseTo(dims[0], 0);
      expect(got[1]).toBeCloseTo(dims[1], 0);
      for (const s of ['记账凭证', '2024年06月18日', `记字第 ${v.number} 号`, '壹万贰仟叁佰肆拾伍元陆角柒分', '12,345.67', '李秀英', '附件 3 张', '制单：李会计', '审核：周会计', '记账：李会计', '会计主管：陈主任', '出纳：王出纳'])
        expect(text).toContain(s);
    }
  });
});

describe('importing vouchers', () => {
  const header = ['日期', '凭证字', '凭证号', '摘要', '科目编码', '科目名称', '借方金额', '贷方金额', '成员'];

  it('shows every row problem and imports nothing while any remains', async () => {
    const before = env.core.store.sqlite.prepare('SELECT count(*) FROM ledger_vouchers').pluck().get();
    const file = csv([
      header,
      ['2024/7/1', '记', '1', '销售药材', '102', '银行存款', '500', '', ''],
      ['2024/7/1', '记', '1', '销售药材', '501', '经营收入', '', '400', ''],
      ['2024/7/2', '记', '2', '收购', '121', '产品物资', '100', '', ''],
      ['2024/7/2', '记', '2', '收购', '114', '成员往来', '', '100', '张大山'],
      ['2024/7/3', '记', '3', '管理费', '522', '管理费用', '50', '', ''],
      ['2024/7/3', '记', '3', '管理费', '101', '库存现金', '', '50', ''],
      ['2024/7/4', '记', '4', '杂项', '999', '不存在', '1.234', '', ''],
    ]);
    const p = await li.call<Out<Contract['ledger.vouchers.importPreview']>>('ledger.vouchers.importPreview', { bookId, ...file });
    const err = (line: number) => p.rows.find((r) => r.line === line)!.error;
    expect(err(2)).toBe('凭证 记-1：借贷不平衡：借方合计 500.00，贷方合计 400.00，差额 100.00');
    expect(err(5)).toContain('本社有 2 个名为“张大山”的成员，请填写成员编号');
    expect(err(6)).toBe('科目编码 522 在本账套是“税金及附加”，文件中为“管理费用”；若是 2007 年制度的账，请勾选“按 2007 年制度转换科目编码”');
    expect(err(8)).toBe('借方金额“1.234”不是有效金额（最多两位小数）');
    expect(p.errors).toBe(4);
    const e = await li.call('ledger.vouchers.importCommit', { bookId, ...file }).catch((x: AppError) => x);
    expect((e as AppError).message).toMatch(/^有 4 行错误，未导入任何凭证/);
    expect(env.core.store.sqlite.prepare('SELECT count(*) FROM ledger_vouchers').pluck().get()).toBe(before);
  });

  it('fills a gap a posted voucher keeps open, and the preview shows the numbers the import will get', async () => {
    const a = await save('2024-09-01', [{ code: '101', d: 1 }, { code: '501', c: 1 }]);
    const b = await save('2024-09-02', [{ code: '101', d: 2 }, { code: '501', c: 2 }]);
    await zhou.call('ledger.vouchers.review', { ids: [b.id] });
    await li.call('ledger.vouchers.post', { ids: [b.id] });
    await li.call('ledger.vouchers.delete', { id: a.id, version: a.version });
    expect(numbers('2024-09')).toEqual([2]);
    const file = csv([
      header,
      ['2024-09-10', '记', '1', '销售', '102', '银行存款', '10', '', ''],
      ['2024-09-10', '记', '1', '销售', '501', '经营收入', '', '10', ''],
      ['2024-09-11', '记', '2', '销售', '102', '银行存款', '20', '', ''],
      ['2024-09-11', '记', '2', '销售', '501', '经营收入', '', '20', ''],
    ]);
    const p = await li.call<Out<Contract['ledger.vouchers.importPreview']>>('ledger.vouchers.importPreview', { bookId, ...file });
    expect(p.rows.map((r) => r.newVoucher)).toEqual(['记-1', '记-1', '记-3', '记-3']);
    await li.call('ledger.vouchers.importCommit', { bookId, ...file });
    expect(numbers('2024-09')).toEqual([1, 2, 3]);
    const list = await li.call<Out<Contract['ledger.vouchers.list']>>('ledger.vouchers.list', { bookId, from: '2024-09', to: '2024-09' });
    expect(list.rows.filter((v) => v.status === 'draft').map((v) => [v.number, v.debitTotalFen]).sort((x, z) => x[0]! - z[0]!)).toEqual([
      [1, y(10)],
      [3, y(20)],
    ]);
  });

  it('maps 2007-system codes when asked (522 管理费用 -> 523, 211 利息 -> 215) and numbers the vouchers after the existing ones', async () => {
    const file = csv([
      header,
      ['2024-08-05', '记', '7', '支付办公费', '522', '管理费用', '60.00', '', ''],
      ['2024-08-05', '记', '7', '支付办公费', '101', '现金', '', '60.00', ''],
      ['2024-08-09', '记', '8', '计提借款利息', '524', '财务费用', '15', '', ''],
      ['2024-08-09', '记', '8', '计提借款利息', '211', '应付款-应付利息', '', '15', ''],
      ['2024-08-09', '记', '9', '收购', '121', '产品物资', '30', '', ''],
      ['2024-08-09', '记', '9', '收购', '114', '成员往来', '', '30', String(members[1])],
    ]);
    const p = await li.call<Out<Contract['ledger.vouchers.importPreview']>>('ledger.vouchers.importPreview', { bookId, ...file, map2007: true });
    expect(p.rows.filter((r) => r.error)).toEqual([]);
    expect(p.rows.map((r) => [r.accountCode, r.newVoucher])).toEqual([
      ['523', '记-1'],
      ['101', '记-1'],
      ['524', '记-2'],
      ['215', '记-2'],
      ['121', '记-3'],
      ['114', '记-3'],
    ]);
    expect(p.rows[0]!.note).toBe('2007 制度 522 → 523（旧“管理费用”）');
    const r = await li.call<{ vouchers: number; lines: number }>('ledger.vouchers.importCommit', { bookId, ...file, map2007: true });
    expect(r).toMatchObject({ vouchers: 3, lines: 6 });
    expect(numbers('2024-08')).toEqual([1, 2, 3]);
    const imported = await li.call<Out<Contract['ledger.vouchers.list']>>('ledger.vouchers.list', { bookId, from: '2024-08', to: '2024-08' });
    expect(imported.rows.every((v) => v.status === 'draft' && v.preparerName === '李会计')).toBe(true);
  });
});
