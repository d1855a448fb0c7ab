import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { setupCore } from '../../helpers/core';
import { addUser, createCoop, linesFor, y, type LineSpec } from '../../helpers/ledger-fixtures';
import type { CliClient } from '../../../electron/cli/io';
import { AppError } from '../../../shared/errors';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

let env: Awaited<ReturnType<typeof setupCore>>;
let li: CliClient;
let zhou: CliClient;
let chen: CliClient;
let wang: CliClient;
let bookId: number;
let members: number[];
let accounts: Out<Contract['ledger.accounts.list']>;

const sql = () => env.core.store.sqlite;
/** Everything a refused write could have touched. */
const counts = () =>
  Object.fromEntries(
    ['ledger_vouchers', 'ledger_voucher_lines', 'ledger_balances', 'ledger_member_balances', 'ledger_member_shares', 'ledger_distributions', 'ledger_periods', 'audit_log'].map((t) => [
      t,
      sql().prepare(`SELECT count(*) FROM ${t}`).pluck().get(),
    ]),
  );
const balancesSnapshot = () => JSON.stringify(sql().prepare('SELECT * FROM ledger_balances ORDER BY 1, 2, 3, 4').all());

async function refusal(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const input = (date: string, specs: LineSpec[]) => ({ bookId, date, kind: '记' as const, attachments: 0, lines: linesFor(accounts, '测试', specs) });

async function posted(date: string, specs: LineSpec[]) {
  const v = await li.call<{ id: number; version: number }>('ledger.vouchers.save', input(date, specs));
  await zhou.call('ledger.vouchers.review', { ids: [v.id] });
  await li.call('ledger.vouchers.post', { ids: [v.id] });
  return v;
}

beforeAll(async () => {
  env = await setupCore();
  li = await addUser(env, 'kuaiji', '李会计', 'bookkeeper');
  zhou = await addUser(env, 'kuaiji2', '周会计', 'bookkeeper');
  chen = await addUser(env, 'fuzeren', '陈主任', 'manager');
  wang = await addUser(env, 'qiantai', '王前台', 'frontdesk');
  const coop = createCoop(env.core.store, '云阳县南溪镇生猪养殖专业合作社', ['刘一', '陈二']);
  members = coop.memberIds;
  bookId = (await li.call<{ id: number }>('ledger.books.create', { coopId: coop.coopId, startPeriod: '2025-01' })).id;
  accounts = await li.call('ledger.accounts.list', { bookId });
  await li.call('ledger.opening.activate', { bookId });
});
afterAll(() => env.close());

describe('refusals leave the books untouched', () => {
  it('refuses an unbalanced voucher, naming both totals', async () => {
    const before = counts();
    const e = await refusal(() => li.call('ledger.vouchers.save', input('2025-01-05', [{ code: '101', d: 100 }, { code: '501', c: 90 }])));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('借贷不平衡：借方合计 100.00，贷方合计 90.00，差额 10.00');
    expect(e.fields?.lines).toBeTruthy();
    expect(counts()).toEqual(before);
  });

  it('refuses a 114 line without a member, pointing at that line', async () => {
    const before = counts();
    const e = await refusal(() => li.call('ledger.vouchers.save', input('2025-01-05', [{ code: '101', d: 100 }, { code: '114', c: 100 }])));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields?.['lines.1.memberId']).toBe('第 2 行：114 成员往来 按成员核算，请选择成员');
    expect(counts()).toEqual(before);
  });

  it('refuses a member of another cooperative on a member-dimension account', async () => {
    const other = createCoop(env.core.store, '别的合作社', ['外人']);
    const before = counts();
    const e = await refusal(() => li.call('ledger.vouchers.save', input('2025-01-05', [{ code: '101', d: 100 }, { code: '114', c: 100, member: other.memberIds[0]! }])));
    expect(e.fields?.['lines.1.memberId']).toContain('不属于本合作社');
    expect(counts()).toEqual(before);
  });

  it('refuses review by the preparer; the voucher stays a draft', async () => {
    const v = await li.call<{ id: number }>('ledger.vouchers.save', input('2025-01-06', [{ code: '101', d: 50 }, { code: '114', c: 50, member: members[0]! }]));
    const before = counts();
    const e = await refusal(() => li.call('ledger.vouchers.review', { ids: [v.id] }));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toBe('审核人不能是制单人：凭证 记-1 由 李会计 制单，请由其他会计审核');
    expect(counts()).toEqual(before);
    expect(sql().prepare('SELECT status FROM ledger_vouchers WHERE id = ?').pluck().get(v.id)).toBe('draft');
    const unposted = await refusal(() => li.call('ledger.vouchers.post', { ids: [v.id] }));
    expect(unposted.message).toContain('尚未审核，不能记账');
    await zhou.call('ledger.vouchers.review', { ids: [v.id] });
    await li.call('ledger.vouchers.post', { ids: [v.id] });
  });

  it('refuses a patronage share under 60% of D (Art. 44), in the preview and in the commit', async () => {
    await posted('2025-01-07', [{ code: '101', d: 1000 }, { code: '501', c: 1000 }]);
    await posted('2025-01-07', [{ code: '102', d: 500 }, { code: '301', c: 500, member: members[0]! }]);
    await li.call('ledger.txns.save', { bookId, memberId: members[0]!, date: '2025-01-07', product: '生猪', unit: '头', qtyMilli: 2000, amountFen: y(3000) });
    const before = counts();
    const dist = { bookId, year: 2025, date: '2025-01-31', basis: 'amount', product: '', shareBp: 5999, reserveFen: 0, lossCoverFen: 0 };
    for (const method of ['ledger.distribution.preview', 'ledger.distribution.commit']) {
      const e = await refusal(() => li.call(method, dist));
      expect(e.code).toBe('REFUSED');
      expect(e.fields?.shareBp).toBe('按交易量（额）返还的比例不得低于可分配盈余的 60%（农民专业合作社法第四十四条），当前为 59.99%');
    }
    expect(counts()).toEqual(before);
    const ok = await li.call<{ patronageFen: number; distributableFen: number }>('ledger.distribution.preview', { ...dist, shareBp: 6000 });
    expect(ok.patronageFen).toBe(y(600));
  });

  it('refuses to change or delete a posted voucher, in the service and in the database itself', async () => {
    const v = await posted('2025-01-08', [{ code: '102', d: 20 }, { code: '101', c: 20 }]);
    const full = await li.call<Out<Contract['ledger.vouchers.get']>>('ledger.vouchers.get', { id: v.id });
    const before = counts();
    const snap = balancesSnapshot();
    const edit = await refusal(() => li.call('ledger.vouchers.save', { ...input('2025-01-08', [{ code: '102', d: 30 }, { code: '101', c: 30 }]), id: v.id, version: full.version }));
    expect(edit.message).toContain('已记账，不能修改；请用红字凭证冲销');
    const del = await refusal(() => li.call('ledger.vouchers.delete', { id: v.id, version: full.version }));
    expect(del.message).toContain('已记账，不能删除');
    expect(() => sql().prepare('UPDATE ledger_vouchers SET summary = ? WHERE id = ?').run('改', v.id)).toThrow('已记账的凭证不能修改');
    expect(() => sql().prepare('DELETE FROM ledger_vouchers WHERE id = ?').run(v.id)).toThrow('已记账的凭证不能删除');
    expect(() => sql().prepare('UPDATE ledger_voucher_lines SET debit_fen = 1 WHERE voucher_id = ?').run(v.id)).toThrow('已记账的分录不能修改');
    expect(() => sql().prepare('DELETE FROM ledger_voucher_lines WHERE voucher_id = ?').run(v.id)).toThrow('已记账的分录不能删除');
    expect(() =>
      sql()
        .prepare("INSERT INTO ledger_voucher_lines (voucher_id, book_id, line_no, summary, account_id, debit_fen, credit_fen, date) VALUES (?, ?, 9, 'x', ?, 1, 0, '2025-01-08')")
        .run(v.id, bookId, accounts[0]!.id),
    ).toThrow('已记账的凭证不能增加分录');
    expect(counts()).toEqual(before);
    expect(balancesSnapshot()).toBe(snap);
  });

  it('refuses to close a period with unposted vouchers or with 181 not cleared, and to post into a closed period', async () => {
    const draft = await li.call<{ id: number; version: number }>('ledger.vouchers.save', input('2025-01-09', [{ code: '101', d: 10 }, { code: '501', c: 10 }]));
    let before = counts();
    let e = await refusal(() => li.call('ledger.periods.close', { bookId, period: '2025-01' }));
    expect(e.message).toBe('2025年01月还有 1 张凭证未记账（未审核 1 张，已审核未记账 0 张），不能结账');
    expect(counts()).toEqual(before);
    await li.call('ledger.vouchers.delete', { id: draft.id, version: draft.version });
    const loss = await posted('2025-01-10', [{ code: '18101', d: 15 }, { code: '121', c: 15 }]);
    before = counts();
    e = await refusal(() => li.call('ledger.periods.close', { bookId, period: '2025-01' }));
    expect(e.message).toBe('181 待处理财产损溢期末余额为 15.00，应在期末处理完毕（余额为零）后才能结账');
    expect(counts()).toEqual(before);
    await posted('2025-01-31', [{ code: '529', d: 15 }, { code: '18101', c: 15 }]);
    e = await refusal(() => li.call('ledger.periods.close', { bookId, period: '2025-02' }));
    expect(e.message).toBe('请先结账 2025年01月（须按月份顺序结账）');
    await li.call('ledger.periods.close', { bookId, period: '2025-01' });

    before = counts();
    const snap = balancesSnapshot();
    e = await refusal(() => li.call('ledger.vouchers.save', input('2025-01-20', [{ code: '102', d: 5 }, { code: '101', c: 5 }])));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toBe('2025年01月已结账，不能录入、修改或记账该期间的凭证（如需更正请由管理员反结账）');
    e = await refusal(() => li.call('ledger.vouchers.reverse', { id: loss.id, date: '2025-01-31' }));
    expect(e.message).toContain('2025年01月已结账');
    expect(counts()).toEqual(before);
    expect(balancesSnapshot()).toBe(snap);
    // Below the service, the database refuses to post into a closed period as well.
    const feb = await li.call<{ id: number }>('ledger.vouchers.save', input('2025-02-03', [{ code: '102', d: 5 }, { code: '101', c: 5 }]));
    sql().prepare("UPDATE ledger_vouchers SET period = '2025-01', number = 99 WHERE id = ?").run(feb.id);
    expect(() => sql().prepare("UPDATE ledger_vouchers SET status = 'posted' WHERE id = ?").run(feb.id)).toThrow('该会计期间已结账，不能记账');
    sql().prepare("UPDATE ledger_vouchers SET period = '2025-02', number = 1 WHERE id = ?").run(feb.id);
  });

  it('lets only an administrator reopen the latest closed period, and audits it', async () => {
    const before = counts();
    const e = await refusal(() => li.call('ledger.periods.reopen', { bookId, period: '2025-01', reason: '补记' }));
    expect(e.code).toBe('FORBIDDEN');
    expect(counts()).toEqual(before);
    await env.admin.call('ledger.periods.reopen', { bookId, period: '2025-01', reason: '补记漏记的运费' });
    const audit = sql().prepare("SELECT username, summary FROM audit_log WHERE method = 'ledger.periods.reopen'").get() as { username: string; summary: string };
    expect(audit.username).toBe('admin');
    expect(JSON.parse(audit.summary)).toEqual({ reopened: '2025-01', reason: '补记漏记的运费' });
    // Closing again transfers only what is new: nothing, so no second P&L voucher.
    const again = await li.call<{ vouchers: number[] }>('ledger.periods.close', { bookId, period: '2025-01' });
    expect(again.vouchers).toEqual([]);
  });

  it('keeps the registry from deleting a membership the books use, naming where it is used', async () => {
    const before = counts();
    const e = await refusal(() => env.admin.call('coopMembers.remove', { id: members[0]! }));
    expect(e.code).toBe('REFUSED');
    expect(e.message).toMatch(/记账凭证分录 \d+ 条/);
    expect(counts()).toEqual(before);
  });

  it('keeps the front desk out of the books and the manager to reading and exporting', async () => {
    const before = counts();
    const e = await refusal(() => wang.call('ledger.reports.trial', { bookId, from: '2025-01', to: '2025-01' }));
    expect(e.code).toBe('FORBIDDEN');
    const w = await refusal(() => chen.call('ledger.vouchers.save', input('2025-02-05', [{ code: '102', d: 5 }, { code: '101', c: 5 }])));
    expect(w.code).toBe('FORBIDDEN');
    expect(counts()).toEqual(before);
    const t = await chen.call<{ balanced: boolean }>('ledger.reports.trial', { bookId, from: '2025-01', to: '2025-01' });
    expect(t.balanced).toBe(true);
    const f = await chen.call<{ name: string }>('ledger.reports.export', { request: { report: 'trial', bookId, from: '2025-01', to: '2025-01' }, format: 'xlsx' });
    expect(f.name).toBe('科目余额表-2025-01.xlsx');
  });
});
