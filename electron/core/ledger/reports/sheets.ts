import type { Store } from '../../db/store';
import type { SheetSpec } from '../../io/sheet';
import { exportSheet, type ExportFormat } from '../../io/tabular';
import { periodLabel } from '../dates';
import { trialBalance, consolidatedTrial } from './trial';
import { detailLedger, generalLedger, journal } from './ledgers';
import { balanceSheet, equityStatement, surplusStatement } from './statements';
import { memberAccount, memberAccountsSummary } from './member-account';
import { BS_FIRST_LIABILITY_LINE } from '../chart2021';
import { MEMBER_ACCOUNT_TITLES as T } from '../../../../shared/contract/ledger';

/** Every report the ledger prints or exports, with the parameters it takes. */
export type ReportRequest =
  | { report: 'trial'; bookId: number; from: string; to: string; level: number; members: boolean; zeros: boolean }
  | { report: 'general'; bookId: number; year: number; accountId: number }
  | { report: 'detail'; bookId: number; accountId: number; memberId: number; from: string; to: string }
  | { report: 'journal'; bookId: number; from: string; to: string }
  | { report: 'balanceSheet'; bookId: number; period: string }
  | { report: 'surplus'; bookId: number; year: number }
  | { report: 'equity'; bookId: number; year: number }
  | { report: 'memberAccount'; bookId: number; memberId: number; year: number }
  | { report: 'memberSummary'; bookId: number; year: number }
  | { report: 'consolidated'; year: number };

const unit = '单位：元';
const range = (from: string, to: string) => (from === to ? periodLabel(from) : `${periodLabel(from)} 至 ${periodLabel(to)}`);
const qty = (milli: number) => (milli === 0 ? '' : (milli / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 3 }));

export function reportSheet(store: Store, r: ReportRequest): SheetSpec {
  switch (r.report) {
    case 'trial': {
      const t = trialBalance(store, r);
      return {
        name: '科目余额表',
        title: '科目余额表',
        meta: [`编制单位：${t.coopName}`, `期间：${range(r.from, r.to)}`, unit],
        columns: [
          { header: '科目编码', key: 'code' },
          { header: '科目名称', key: 'name' },
          { header: '期初借方', key: 'openingD', kind: 'fen' },
          { header: '期初贷方', key: 'openingC', kind: 'fen' },
          { header: '本期借方', key: 'periodD', kind: 'fen' },
          { header: '本期贷方', key: 'periodC', kind: 'fen' },
          { header: '本年累计借方', key: 'ytdD', kind: 'fen' },
          { header: '本年累计贷方', key: 'ytdC', kind: 'fen' },
          { header: '期末借方', key: 'closingD', kind: 'fen' },
          { header: '期末贷方', key: 'closingC', kind: 'fen' },
        ],
        rows: [
          ...t.rows.map((x) => ({ ...x, code: x.memberId ? '' : x.code, name: `${'　'.repeat(x.level - 1)}${x.name}` })),
          { code: '', name: '合计', ...t.totals },
        ],
        footer: [t.balanced ? '试算平衡' : '试算不平衡，请检查'],
      };
    }
    case 'general': {
      const g = generalLedger(store, r);
      return {
        name: '总账',
        title: '总分类账',
        meta: [`编制单位：${g.coopName}`, `年度：${g.year}年`, unit],
        columns: [
          { header: '科目', key: 'account' },
          { header: '日期', key: 'date' },
          { header: '摘要', key: 'summary' },
          { header: '借方', key: 'debitFen', kind: 'fen' },
          { header: '贷方', key: 'creditFen', kind: 'fen' },
          { header: '借或贷', key: 'dir' },
          { header: '余额', key: 'balanceFen', kind: 'fen' },
        ],
        rows: g.accounts.flatMap((a) => a.rows.map((x, i) => ({ ...x, account: i === 0 ? `${a.code} ${a.name}` : '', debitFen: x.kind === 'opening' ? '' : x.debitFen, creditFen: x.kind === 'opening' ? '' : x.creditFen }))),
      };
    }
    case 'detail': {
      const d = detailLedger(store, { ...r, offset: 0, limit: Number.MAX_SAFE_INTEGER });
      return {
        name: '明细账',
        title: '明细分类账',
        meta: [`编制单位：${d.coopName}`, `科目：${d.account.code} ${d.account.name}${d.memberName ? `　成员：${d.memberName}` : ''}`, `期间：${range(r.from, r.to)}`, unit],
        columns: [
          { header: '日期', key: 'date' },
          { header: '凭证号', key: 'voucher' },
          { header: '摘要', key: 'summary' },
          ...(d.account.memberDim && !d.memberName ? [{ header: '成员', key: 'memberName' }] : []),
          { header: '借方', key: 'debitFen', kind: 'fen' as const },
          { header: '贷方', key: 'creditFen', kind: 'fen' as const },
          { header: '借或贷', key: 'dir' },
          { header: '余额', key: 'balanceFen', kind: 'fen' as const },
        ],
        rows: d.rows.map((x) => ({ ...x, debitFen: x.kind === 'opening' ? '' : x.debitFen, creditFen: x.kind === 'opening' ? '' : x.creditFen })),
      };
    }
    case 'journal': {
      const j = journal(store, { ...r, offset: 0, limit: Number.MAX_SAFE_INTEGER });
      return {
        name: '序时账',
        title: '序时账',
        meta: [`编制单位：${j.coopName}`, `期间：${range(r.from, r.to)}`, `凭证 ${j.vouchers} 张`, unit],
        columns: [
          { header: '日期', key: 'date' },
          { header: '凭证号', key: 'voucher' },
          { header: '摘要', key: 'summary' },
          { header: '科目编码', key: 'accountCode' },
          { header: '科目名称', key: 'accountName' },
          { header: '成员', key: 'memberName' },
          { header: '借方', key: 'debitFen', kind: 'fen' },
          { header: '贷方', key: 'creditFen', kind: 'fen' },
        ],
        rows: j.rows.map((x) => ({ ...x, date: x.first ? x.date : '', voucher: x.first ? x.voucher : '' })),
        footer: [`合计：借方 ${(j.totalFen / 100).toFixed(2)}　贷方 ${(j.totalFen / 100).toFixed(2)}`],
      };
    }
    case 'balanceSheet': {
      const b = balanceSheet(store, r);
      const assets = b.lines.filter((l) => l.line < BS_FIRST_LIABILITY_LINE);
      const claims = b.lines.filter((l) => l.line >= BS_FIRST_LIABILITY_LINE);
      const n = Math.max(assets.length, claims.length);
      const label = (l: (typeof b.lines)[number]) => `${'　'.repeat(l.indent)}${l.item}`;
      return {
        name: '资产负债表',
        title: '资产负债表',
        meta: [`会农社01表`, `编制单位：${b.coopName}`, `${periodLabel(r.period)}`, unit],
        columns: [
          { header: '资产', key: 'a' },
          { header: '行次', key: 'al' },
          { header: '期末余额', key: 'ae', kind: 'fen' },
          { header: '年初余额', key: 'ab', kind: 'fen' },
          { header: '负债和所有者权益', key: 'c' },
          { header: '行次', key: 'cl' },
          { header: '期末余额', key: 'ce', kind: 'fen' },
          { header: '年初余额', key: 'cb', kind: 'fen' },
        ],
        rows: Array.from({ length: n }, (_, i) => {
          const a = assets[i];
          const c = claims[i];
          return {
            a: a ? label(a) : '',
            al: a?.line ?? '',
            ae: a?.endFen ?? '',
            ab: a?.beginFen ?? '',
            c: c ? label(c) : '',
            cl: c?.line ?? '',
            ce: c?.endFen ?? '',
            cb: c?.beginFen ?? '',
          };
        }),
        footer: b.warnings,
      };
    }
    case 'surplus': {
      const s = surplusStatement(store, r);
      return {
        name: '盈余及盈余分配表',
        title: '盈余及盈余分配表',
        meta: ['会农社02表', `编制单位：${s.coopName}`, `${s.year}年度`, unit],
        columns: [
          { header: '项目', key: 'item' },
          { header: '行次', key: 'line' },
          { header: '本年金额', key: 'currentFen', kind: 'fen' },
          { header: '上年金额', key: 'priorFen', kind: 'fen' },
        ],
        rows: s.lines.map((l) => ({ ...l, priorFen: l.priorFen ?? '' })),
        footer: s.warnings,
      };
    }
    case 'equity': {
      const e = equityStatement(store, r);
      return {
        name: '成员权益变动表',
        title: '成员权益变动表',
        meta: ['会农社03表', `编制单位：${e.coopName}`, `${e.year}年度`, unit],
        columns: [{ header: '项目', key: 'item' }, ...e.columns.map((c) => ({ header: c.title, key: c.key, kind: 'fen' as const })), { header: '合计', key: 'total', kind: 'fen' }],
        rows: e.rows.map((x) => ({ item: x.group === 'total' ? x.item : `　${x.item}`, ...x.cells })),
        footer: e.warnings,
      };
    }
    case 'memberAccount': {
      const m = memberAccount(store, r);
      const productCols = m.products.flatMap((p) => [
        { header: `${p.product}交易量${p.unit ? `（${p.unit}）` : ''}`, key: `q:${p.product}` },
        { header: `${p.product}交易额`, key: `a:${p.product}`, kind: 'fen' as const },
      ]);
      return {
        name: '成员账户',
        title: '成员账户',
        meta: [`成员：${m.member.name}　住址：${m.member.address}`, `合作社：${m.coopName}`, `${m.year}年度`, unit],
        columns: [
          { header: '编号', key: 'no' },
          { header: '日期', key: 'date' },
          { header: '摘要', key: 'summary' },
          { header: T.capitalPoverty, key: 'capitalPoverty', kind: 'fen' },
          { header: T.capitalOther, key: 'capitalOther', kind: 'fen' },
          { header: T.reserveShare, key: 'reserveShare', kind: 'fen' },
          { header: T.subsidyShare, key: 'subsidyShare', kind: 'fen' },
          { header: T.donationShare, key: 'donationShare', kind: 'fen' },
          ...productCols,
          { header: T.patronage, key: 'patronage', kind: 'fen' },
          { header: T.remainder, key: 'remainder', kind: 'fen' },
        ],
        rows: m.rows.map((x) => {
          const row: Record<string, unknown> = { ...x, no: x.kind === 'entry' ? x.no : '' };
          for (const p of m.products) {
            row[`q:${p.product}`] = qty(x.trade[p.product]?.qtyMilli ?? 0);
            row[`a:${p.product}`] = x.trade[p.product]?.amountFen ?? '';
          }
          if (x.kind === 'opening') Object.assign(row, { patronage: '', remainder: '' });
          return row;
        }),
      };
    }
    case 'memberSummary': {
      const rows = memberAccountsSummary(store, r);
      return {
        name: '成员账户汇总',
        title: '成员账户汇总表',
        meta: [`${r.year}年度`, unit],
        columns: [
          { header: '成员编号', key: 'memberId' },
          { header: '成员', key: 'name' },
          { header: '出资额', key: 'capitalFen', kind: 'fen' },
          { header: '公积金份额', key: 'reserveShareFen', kind: 'fen' },
          { header: '补助量化份额', key: 'subsidyShareFen', kind: 'fen' },
          { header: '捐赠量化份额', key: 'donationShareFen', kind: 'fen' },
          { header: '交易额', key: 'tradeFen', kind: 'fen' },
          { header: '盈余返还', key: 'patronageFen', kind: 'fen' },
          { header: '剩余盈余分配', key: 'remainderFen', kind: 'fen' },
          { header: '往来余额（正数为应收）', key: 'currentFen', kind: 'fen' },
        ],
        rows,
      };
    }
    case 'consolidated': {
      const c = consolidatedTrial(store, r.year);
      return {
        name: '汇总科目余额表',
        title: '合作社汇总科目余额表',
        meta: [`${r.year}年度　合作社 ${c.books} 家`, unit],
        columns: [
          { header: '科目编码', key: 'code' },
          { header: '科目名称', key: 'name' },
          { header: '年初借方', key: 'openingD', kind: 'fen' },
          { header: '年初贷方', key: 'openingC', kind: 'fen' },
          { header: '本年借方', key: 'periodD', kind: 'fen' },
          { header: '本年贷方', key: 'periodC', kind: 'fen' },
          { header: '期末借方', key: 'closingD', kind: 'fen' },
          { header: '期末贷方', key: 'closingC', kind: 'fen' },
        ],
        rows: c.rows.map((x) => ({ ...x })),
      };
    }
  }
}

const FILE_NAMES: Record<ReportRequest['report'], string> = {
  trial: '科目余额表',
  general: '总账',
  detail: '明细账',
  journal: '序时账',
  balanceSheet: '资产负债表',
  surplus: '盈余及盈余分配表',
  equity: '成员权益变动表',
  memberAccount: '成员账户',
  memberSummary: '成员账户汇总表',
  consolidated: '汇总科目余额表',
};

export async function exportReport(store: Store, r: ReportRequest, format: ExportFormat) {
  const spec = reportSheet(store, r);
  const when = 'period' in r ? r.period : 'year' in r ? String(r.year) : 'from' in r ? (r.from === r.to ? r.from : `${r.from}_${r.to}`) : '';
  return exportSheet(spec, format, `${FILE_NAMES[r.report]}-${when}`);
}
