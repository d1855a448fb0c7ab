import { describe, it, expect } from 'vitest';
import { CHART_2021, PRESET_SUBS, BALANCE_SHEET, SURPLUS_STATEMENT, map2007 } from '../../electron/core/ledger/chart2021';
import { nameFits } from '../../electron/core/ledger/import-common';
import type { Account } from '../../electron/core/ledger/accounts';

const account = (code: string, name: string, fullName = name) => ({ code, name, fullName }) as Account;

describe('the 2021 chart and statement lines', () => {
  it('holds the 48 accounts plus the two optional ones, with member detail on 114, 221, 222 and 301', () => {
    expect(CHART_2021).toHaveLength(50);
    expect(new Set(CHART_2021.map((a) => a.code)).size).toBe(50);
    expect(CHART_2021.filter((a) => a.memberDim).map((a) => a.code)).toEqual(['114', '221', '222', '301']);
    expect(CHART_2021.filter((a) => a.contra).map((a) => a.code)).toEqual(['143', '152', '162']);
    for (const s of PRESET_SUBS) expect(s.code.startsWith(s.parent)).toBe(true);
  });

  it('numbers the balance sheet 1-42 and the surplus statement 1-20, each total built only from earlier lines', () => {
    expect(BALANCE_SHEET.map((l) => l.line)).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect(SURPLUS_STATEMENT.map((l) => l.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const l of [...BALANCE_SHEET, ...SURPLUS_STATEMENT]) for (const t of l.terms) if ('line' in t) expect(t.line).toBeLessThan(l.line);
    const codes = new Set(CHART_2021.map((a) => a.code));
    for (const l of BALANCE_SHEET) for (const t of l.terms) if ('acc' in t) expect(codes.has(t.acc)).toBe(true);
  });
});

describe('2007-system codes', () => {
  it.each([
    ['522', '管理费用', '523'],
    ['52201', '管理费用-办公费', '52301'],
    ['211', '应付款-应付利息', '215'],
    ['211', '应付款-劳务费', '213'],
    ['211', '应付款-税金', '214'],
    ['211', '应付款', '211'],
    ['141', '牲畜（禽）资产-产役畜', '142'],
    ['141', '牲畜（禽）资产-幼畜及育肥畜', '141'],
    ['142', '林木资产-非经济林木', '144'],
    ['142', '林木资产-经济林木', '142'],
    ['101', '现金', '101'],
  ])('%s %s -> %s', (code, name, to) => expect(map2007(code, name).code).toBe(to));

  it('tells a name that fits the account from one that means another account', () => {
    expect(nameFits('管理费用', account('522', '税金及附加'))).toBe(false);
    expect(nameFits('现金', account('101', '库存现金'))).toBe(true);
    expect(nameFits('银行存款-农商行', account('10201', '农商行', '银行存款/农商行'))).toBe(true);
    expect(nameFits('', account('101', '库存现金'))).toBe(true);
  });
});
