/**
 * The chart of accounts of the 2021 cooperative accounting system (《农民专业合作社会计制度》财会〔2021〕37号),
 * copied from ../shared/reference/coop-accounting.md ("Chart of accounts (2021 system, 48 accounts)"; 109 and
 * 122 are the two optional ones, preloaded so nobody has to ask for them). It is preloaded into every new
 * set of books; bookkeepers add their own 明细科目 under any account. The statement lines below come from the
 * same document; the 成员账户 column titles are in shared/contract/ledger.ts because the screen shows them too.
 */

export type AccountClass = 'asset' | 'liability' | 'equity' | 'cost' | 'pnl';
/** Normal balance side; P&L accounts are closed to 331 every period. */
export type Side = 'D' | 'C';

export interface ChartAccount {
  code: string;
  name: string;
  cls: AccountClass;
  side: Side;
  /** Accounts that must keep a detail per member (114, 221, 222, 301). */
  memberDim?: boolean;
  /** Contra accounts (accumulated depreciation/amortisation): shown as "减：" lines. */
  contra?: boolean;
}

export const CHART_2021: readonly ChartAccount[] = [
  { code: '101', name: '库存现金', cls: 'asset', side: 'D' },
  { code: '102', name: '银行存款', cls: 'asset', side: 'D' },
  { code: '109', name: '其他货币资金', cls: 'asset', side: 'D' },
  { code: '113', name: '应收款', cls: 'asset', side: 'D' },
  { code: '114', name: '成员往来', cls: 'asset', side: 'D', memberDim: true },
  { code: '121', name: '产品物资', cls: 'asset', side: 'D' },
  { code: '122', name: '包装物', cls: 'asset', side: 'D' },
  { code: '124', name: '委托加工物资', cls: 'asset', side: 'D' },
  { code: '125', name: '委托代销商品', cls: 'asset', side: 'D' },
  { code: '127', name: '受托代购商品', cls: 'asset', side: 'D' },
  { code: '128', name: '受托代销商品', cls: 'asset', side: 'D' },
  { code: '131', name: '对外投资', cls: 'asset', side: 'D' },
  { code: '141', name: '消耗性生物资产', cls: 'asset', side: 'D' },
  { code: '142', name: '生产性生物资产', cls: 'asset', side: 'D' },
  { code: '143', name: '生产性生物资产累计折旧', cls: 'asset', side: 'C', contra: true },
  { code: '144', name: '公益性生物资产', cls: 'asset', side: 'D' },
  { code: '151', name: '固定资产', cls: 'asset', side: 'D' },
  { code: '152', name: '累计折旧', cls: 'asset', side: 'C', contra: true },
  { code: '153', name: '在建工程', cls: 'asset', side: 'D' },
  { code: '154', name: '固定资产清理', cls: 'asset', side: 'D' },
  { code: '161', name: '无形资产', cls: 'asset', side: 'D' },
  { code: '162', name: '累计摊销', cls: 'asset', side: 'C', contra: true },
  { code: '171', name: '长期待摊费用', cls: 'asset', side: 'D' },
  { code: '181', name: '待处理财产损溢', cls: 'asset', side: 'D' },
  { code: '201', name: '短期借款', cls: 'liability', side: 'C' },
  { code: '211', name: '应付款', cls: 'liability', side: 'C' },
  { code: '212', name: '应付工资', cls: 'liability', side: 'C' },
  { code: '213', name: '应付劳务费', cls: 'liability', side: 'C' },
  { code: '214', name: '应交税费', cls: 'liability', side: 'C' },
  { code: '215', name: '应付利息', cls: 'liability', side: 'C' },
  { code: '221', name: '应付盈余返还', cls: 'liability', side: 'C', memberDim: true },
  { code: '222', name: '应付剩余盈余', cls: 'liability', side: 'C', memberDim: true },
  { code: '231', name: '长期借款', cls: 'liability', side: 'C' },
  { code: '235', name: '专项应付款', cls: 'liability', side: 'C' },
  { code: '301', name: '股金', cls: 'equity', side: 'C', memberDim: true },
  { code: '311', name: '专项基金', cls: 'equity', side: 'C' },
  { code: '321', name: '资本公积', cls: 'equity', side: 'C' },
  { code: '322', name: '盈余公积', cls: 'equity', side: 'C' },
  { code: '331', name: '本年盈余', cls: 'equity', side: 'C' },
  { code: '332', name: '盈余分配', cls: 'equity', side: 'C' },
  { code: '401', name: '生产成本', cls: 'cost', side: 'D' },
  { code: '501', name: '经营收入', cls: 'pnl', side: 'C' },
  { code: '502', name: '其他收入', cls: 'pnl', side: 'C' },
  { code: '511', name: '投资收益', cls: 'pnl', side: 'C' },
  { code: '521', name: '经营支出', cls: 'pnl', side: 'D' },
  { code: '522', name: '税金及附加', cls: 'pnl', side: 'D' },
  { code: '523', name: '管理费用', cls: 'pnl', side: 'D' },
  { code: '524', name: '财务费用', cls: 'pnl', side: 'D' },
  { code: '529', name: '其他支出', cls: 'pnl', side: 'D' },
  { code: '531', name: '所得税费用', cls: 'pnl', side: 'D' },
];

/**
 * Detail accounts preloaded with the chart. 181, 214 and 332 carry the subs the reference names. 311 is split
 * by source because the member account and 会农社03表 report subsidies (财政补助形成) and donations (捐赠形成)
 * separately; that split is our convention, the user may add more.
 */
export const PRESET_SUBS: readonly { parent: string; code: string; name: string }[] = [
  { parent: '181', code: '18101', name: '待处理流动资产损溢' },
  { parent: '181', code: '18102', name: '待处理非流动资产损溢' },
  { parent: '214', code: '21401', name: '应交企业所得税' },
  { parent: '214', code: '21402', name: '应交个人所得税' },
  { parent: '311', code: '31101', name: '财政补助形成' },
  { parent: '311', code: '31102', name: '接受捐赠形成' },
  { parent: '332', code: '33201', name: '各项分配' },
  { parent: '332', code: '33202', name: '未分配盈余' },
];

/** Codes the rules refer to, kept in one place. */
export const CODES = {
  cashLike: ['101', '102', '109'],
  members: '114',
  suspense: '181',
  patronagePayable: '221',
  remainderPayable: '222',
  capital: '301',
  specialFund: '311',
  donationFund: '31102',
  surplusReserve: '322',
  yearSurplus: '331',
  distribution: '332',
  distributionItems: '33201',
  undistributed: '33202',
} as const;

/**
 * The 2007 system (37 accounts) used the same codes except where the reference says the meaning changed:
 * old 522 管理费用 is now 523; old 211 应付款 split into 211/213/214/215; old 141 牲畜(禽)资产 and 142 林木资产
 * are reclassified into 141/142/144. The split ones are decided by words in the old account name; without a
 * telling word they keep their code, and the import preview shows where each row went.
 */
export function map2007(code: string, name: string): { code: string; note: string } {
  const top = code.slice(0, 3);
  const rest = code.slice(3);
  const to = (c: string, why: string) => ({ code: c + rest, note: `2007 制度 ${code} → ${c + rest}（${why}）` });
  if (top === '522') return to('523', '旧“管理费用”');
  if (top === '211') {
    if (/劳务/.test(name)) return to('213', '应付劳务费');
    if (/税/.test(name)) return to('214', '应交税费');
    if (/利息/.test(name)) return to('215', '应付利息');
    return { code, note: '' };
  }
  if (top === '141') {
    if (/产役畜|役畜|种畜|种禽|产蛋|奶畜|产畜/.test(name)) return to('142', '产役畜属生产性生物资产');
    return { code, note: '' };
  }
  if (top === '142') {
    if (/非经济林|公益|防护林|风景林/.test(name)) return to('144', '公益性林木');
    if (/用材林|幼林/.test(name)) return to('141', '用材林属消耗性生物资产');
    return { code, note: '' };
  }
  return { code, note: '' };
}

/** A balance-sheet term: an account's balance taken on a side, a member-split of 114, another line, or unclosed P&L. */
export type BsTerm =
  | { acc: string; as: Side; k?: 1 | -1 }
  | { members114: Side }
  | { line: number; k?: 1 | -1 }
  | { unclosedPnl: true };

export interface BsLine {
  line: number;
  item: string;
  /** Indentation for sub-lines ("减：累计折旧"). */
  indent?: 1;
  total?: boolean;
  terms: BsTerm[];
}

const D = (...codes: string[]): BsTerm[] => codes.map((acc) => ({ acc, as: 'D' as const }));
const C = (...codes: string[]): BsTerm[] => codes.map((acc) => ({ acc, as: 'C' as const }));
const L = (...lines: number[]): BsTerm[] => lines.map((line) => ({ line }));

/**
 * 资产负债表 (会农社01表), lines exactly as the reference lists them. Assets are debit balances (a credit balance
 * of 154 shows negative), liabilities and equity credit balances (a debit balance of 214 shows negative).
 * Line 40 also takes P&L balances not yet transferred to 331, so that a sheet drawn before the period is
 * closed still balances; after closing they are zero and the line is exactly 331 + 332.
 */
export const BALANCE_SHEET: readonly BsLine[] = [
  { line: 1, item: '货币资金', terms: D('101', '102', '109') },
  { line: 2, item: '应收款项', terms: [...D('113'), { members114: 'D' }] },
  { line: 3, item: '存货', terms: D('121', '122', '124', '125', '127', '128', '401') },
  { line: 4, item: '消耗性生物资产', terms: D('141') },
  { line: 5, item: '流动资产合计', total: true, terms: L(1, 2, 3, 4) },
  { line: 6, item: '对外投资', terms: D('131') },
  { line: 7, item: '生产性生物资产原值', terms: D('142') },
  { line: 8, item: '减：生产性生物资产累计折旧', indent: 1, terms: C('143') },
  { line: 9, item: '生产性生物资产净值', terms: [{ line: 7 }, { line: 8, k: -1 }] },
  { line: 10, item: '固定资产原值', terms: D('151') },
  { line: 11, item: '减：累计折旧', indent: 1, terms: C('152') },
  { line: 12, item: '固定资产净值', terms: [{ line: 10 }, { line: 11, k: -1 }] },
  { line: 13, item: '在建工程', terms: D('153') },
  { line: 14, item: '固定资产清理', terms: D('154') },
  { line: 15, item: '固定资产小计', terms: L(12, 13, 14) },
  { line: 16, item: '无形资产原值', terms: D('161') },
  { line: 17, item: '减：累计摊销', indent: 1, terms: C('162') },
  { line: 18, item: '无形资产净值', terms: [{ line: 16 }, { line: 17, k: -1 }] },
  { line: 19, item: '公益性生物资产', terms: D('144') },
  { line: 20, item: '长期待摊费用', terms: D('171') },
  { line: 21, item: '非流动资产合计', total: true, terms: L(6, 9, 15, 18, 19, 20) },
  { line: 22, item: '资产总计', total: true, terms: L(5, 21) },
  { line: 23, item: '短期借款', terms: C('201') },
  { line: 24, item: '应付款项', terms: [...C('211'), { members114: 'C' }] },
  { line: 25, item: '应付工资', terms: C('212') },
  { line: 26, item: '应付劳务费', terms: C('213') },
  { line: 27, item: '应交税费', terms: C('214') },
  { line: 28, item: '应付利息', terms: C('215') },
  { line: 29, item: '应付盈余返还', terms: C('221') },
  { line: 30, item: '应付剩余盈余', terms: C('222') },
  { line: 31, item: '流动负债合计', total: true, terms: L(23, 24, 25, 26, 27, 28, 29, 30) },
  { line: 32, item: '长期借款', terms: C('231') },
  { line: 33, item: '专项应付款', terms: C('235') },
  { line: 34, item: '非流动负债合计', total: true, terms: L(32, 33) },
  { line: 35, item: '负债合计', total: true, terms: L(31, 34) },
  { line: 36, item: '股金', terms: C('301') },
  { line: 37, item: '专项基金', terms: C('311') },
  { line: 38, item: '资本公积', terms: C('321') },
  { line: 39, item: '盈余公积', terms: C('322') },
  { line: 40, item: '未分配盈余', terms: [...C('331', '332'), { unclosedPnl: true }] },
  { line: 41, item: '所有者权益合计', total: true, terms: L(36, 37, 38, 39, 40) },
  { line: 42, item: '负债和所有者权益总计', total: true, terms: L(35, 41) },
];

/** Where the balance sheet's liability side starts, for the two-column layout. */
export const BS_FIRST_LIABILITY_LINE = 23;

/**
 * A 盈余及盈余分配表 term: the year's activity of an account excluding closing transfers (taken on a side),
 * the year-opening balance of 332, a 332 movement classified by its counterpart, or another line.
 */
export type SurplusTerm =
  | { act: string; as: Side }
  | { opening332: true }
  | { dist: 'otherIn' | 'reserve' | 'patronage' | 'remainder' | 'toCapital' }
  | { line: number; k?: 1 | -1 };

export interface SurplusLine {
  line: number;
  item: string;
  total?: boolean;
  terms: SurplusTerm[];
}

/** 盈余及盈余分配表 (会农社02表), lines 1-20 as the reference lists them. */
export const SURPLUS_STATEMENT: readonly SurplusLine[] = [
  { line: 1, item: '一、经营收入', terms: [{ act: '501', as: 'C' }] },
  { line: 2, item: '加：投资收益', terms: [{ act: '511', as: 'C' }] },
  { line: 3, item: '减：经营支出', terms: [{ act: '521', as: 'D' }] },
  { line: 4, item: '税金及附加', terms: [{ act: '522', as: 'D' }] },
  { line: 5, item: '管理费用', terms: [{ act: '523', as: 'D' }] },
  { line: 6, item: '财务费用', terms: [{ act: '524', as: 'D' }] },
  { line: 7, item: '二、经营收益', total: true, terms: [{ line: 1 }, { line: 2 }, { line: 3, k: -1 }, { line: 4, k: -1 }, { line: 5, k: -1 }, { line: 6, k: -1 }] },
  { line: 8, item: '加：其他收入', terms: [{ act: '502', as: 'C' }] },
  { line: 9, item: '减：其他支出', terms: [{ act: '529', as: 'D' }] },
  { line: 10, item: '三、盈余总额', total: true, terms: [{ line: 7 }, { line: 8 }, { line: 9, k: -1 }] },
  { line: 11, item: '减：所得税费用', terms: [{ act: '531', as: 'D' }] },
  { line: 12, item: '四、本年盈余', total: true, terms: [{ line: 10 }, { line: 11, k: -1 }] },
  { line: 13, item: '加：年初未分配盈余', terms: [{ opening332: true }] },
  { line: 14, item: '其他转入', terms: [{ dist: 'otherIn' }] },
  { line: 15, item: '减：提取盈余公积', terms: [{ dist: 'reserve' }] },
  { line: 16, item: '五、可分配盈余', total: true, terms: [{ line: 12 }, { line: 13 }, { line: 14 }, { line: 15, k: -1 }] },
  { line: 17, item: '减：盈余返还', terms: [{ dist: 'patronage' }] },
  { line: 18, item: '剩余盈余分配', terms: [{ dist: 'remainder' }] },
  { line: 19, item: '转为成员出资', terms: [{ dist: 'toCapital' }] },
  { line: 20, item: '六、年末未分配盈余', total: true, terms: [{ line: 16 }, { line: 17, k: -1 }, { line: 18, k: -1 }, { line: 19, k: -1 }] },
];

/** 成员权益变动表 (会农社03表) columns. */
export const EQUITY_COLUMNS = [
  { key: 'capital', title: '股金', accounts: ['301'] },
  { key: 'fund', title: '专项基金', accounts: ['311'] },
  { key: 'capReserve', title: '资本公积', accounts: ['321'] },
  { key: 'surReserve', title: '盈余公积', accounts: ['322'] },
  { key: 'undistributed', title: '未分配盈余', accounts: ['331', '332'] },
] as const;

export type EquityColumn = (typeof EQUITY_COLUMNS)[number]['key'];

/**
 * 成员权益变动表 rows with the column each detail line belongs to. 弥补亏损 and 转为成员出资 appear under both
 * 资本公积 and 盈余公积: the printed form puts 弥补亏损 under 资本公积 while the text of account 322 says 盈余公积
 * covers losses (reference, "成员权益变动表").
 */
export const EQUITY_ROWS = [
  { key: 'increase.capReserveToCapital', group: 'increase', item: '资本公积转增', columns: ['capital'] },
  { key: 'increase.surReserveToCapital', group: 'increase', item: '盈余公积转增', columns: ['capital'] },
  { key: 'increase.memberContribution', group: 'increase', item: '成员增加出资', columns: ['capital'] },
  { key: 'increase.subsidy', group: 'increase', item: '财政补助形成', columns: ['fund'] },
  { key: 'increase.donation', group: 'increase', item: '捐赠形成', columns: ['fund'] },
  { key: 'increase.sharePremium', group: 'increase', item: '股金溢价', columns: ['capReserve'] },
  { key: 'increase.revaluation', group: 'increase', item: '资产评估增值', columns: ['capReserve'] },
  { key: 'increase.fromSurplus', group: 'increase', item: '从盈余中提取', columns: ['surReserve'] },
  { key: 'increase.yearSurplus', group: 'increase', item: '本年盈余', columns: ['undistributed'] },
  { key: 'increase.otherIn', group: 'increase', item: '其他转入', columns: ['undistributed'] },
  { key: 'decrease.memberWithdrawal', group: 'decrease', item: '成员减少出资', columns: ['capital'] },
  { key: 'decrease.toCapital', group: 'decrease', item: '转为成员出资', columns: ['capReserve', 'surReserve'] },
  { key: 'decrease.lossCover', group: 'decrease', item: '弥补亏损', columns: ['capReserve', 'surReserve'] },
  { key: 'decrease.reserve', group: 'decrease', item: '提取盈余公积', columns: ['undistributed'] },
  { key: 'decrease.patronage', group: 'decrease', item: '盈余返还', columns: ['undistributed'] },
  { key: 'decrease.remainder', group: 'decrease', item: '剩余盈余分配', columns: ['undistributed'] },
  { key: 'decrease.surplusToCapital', group: 'decrease', item: '转为成员出资', columns: ['undistributed'] },
  { key: 'decrease.otherOut', group: 'decrease', item: '其他减少', columns: ['capital', 'fund', 'capReserve', 'surReserve', 'undistributed'] },
] as const;
