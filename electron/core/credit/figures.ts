import type { Actor, Store } from '../db/store';
import { formatFen } from '../../../shared/money';
import { APP_STATUS_LABELS, type AppStatus } from '../../../shared/credit';
import { writeXlsx } from '../io/xlsx';
import type { SheetSpec } from '../io/sheet';
import { addMonths, todayOf } from '../tasks/dates';
import { allCampaigns, campaignTotals } from './campaigns';
import { indicator8 } from './indicator';

/**
 * Loan-assistance figures for a span of days: applications taken, bank approvals, amounts granted and
 * disbursed, by bank, product, industry and township. An application counts when it was taken, an approval
 * when the bank decided, a disbursement when it was paid out.
 */

interface AppFacts {
  id: number;
  no: string;
  name: string;
  bank: string;
  product: string;
  industry: string;
  township: string;
  status: AppStatus;
  created: string;
  submittedOn: string;
  decidedOn: string;
  grantedFen: number | null;
}

interface Disb {
  appId: number;
  disbursedOn: string;
  amountFen: number;
  dueOn: string;
  repaidOn: string;
}

interface Row {
  key: string;
  applications: number;
  approvals: number;
  grantedFen: number;
  disbursements: number;
  disbursedFen: number;
}

const APPROVED: AppStatus[] = ['approved', 'disbursed', 'repaid'];

function load(store: Store) {
  const apps = store.sqlite
    .prepare(
      `SELECT a.id, a.no, COALESCE(o.name, h.name, '') AS name, a.bank, p.name AS product, a.industry, COALESCE(t.name, '') AS township, a.status,
         substr(a.created_at, 1, 10) AS created, a.submitted_on AS submittedOn, a.decided_on AS decidedOn, a.granted_fen AS grantedFen
       FROM credit_applications a JOIN credit_products p ON p.id = a.product_id LEFT JOIN orgs o ON o.id = a.org_id
       LEFT JOIN households h ON h.id = a.household_id LEFT JOIN townships t ON t.id = a.township_id`,
    )
    .all() as AppFacts[];
  const disbs = store.sqlite
    .prepare('SELECT application_id AS appId, disbursed_on AS disbursedOn, amount_fen AS amountFen, due_on AS dueOn, repaid_on AS repaidOn FROM credit_disbursements')
    .all() as Disb[];
  return { apps, disbs };
}

export function creditFigures(store: Store, year: number) {
  return figuresBetween(store, `${year}-01-01`, `${year}-12-31`);
}

/** The figures of any span of days (a month, quarter or year of the report centre); indicator 8 for the year of `to`. */
export function figuresBetween(store: Store, from: string, to: string) {
  const year = Number(to.slice(0, 4));
  const today = todayOf(store);
  const upTo = to < today ? to : today;
  const inYear = (d: string) => d >= from && d <= to;
  const { apps, disbs } = load(store);
  const byId = new Map(apps.map((a) => [a.id, a]));
  const taken = apps.filter((a) => inYear(a.created));
  const approvals = apps.filter((a) => APPROVED.includes(a.status) && inYear(a.decidedOn));
  const paid = disbs.filter((d) => inYear(d.disbursedOn));
  const open = disbs.filter((d) => d.disbursedOn <= upTo && (d.repaidOn === '' || d.repaidOn > upTo));

  const group = (keyOf: (a: AppFacts) => string): Row[] => {
    const rows = new Map<string, Row>();
    const row = (k: string) => {
      let r = rows.get(k);
      if (!r) rows.set(k, (r = { key: k, applications: 0, approvals: 0, grantedFen: 0, disbursements: 0, disbursedFen: 0 }));
      return r;
    };
    for (const a of taken) row(keyOf(a) || '（未填）').applications++;
    for (const a of approvals) {
      const r = row(keyOf(a) || '（未填）');
      r.approvals++;
      r.grantedFen += a.grantedFen ?? 0;
    }
    for (const d of paid) {
      const r = row(keyOf(byId.get(d.appId)!) || '（未填）');
      r.disbursements++;
      r.disbursedFen += d.amountFen;
    }
    return [...rows.values()].sort((a, b) => b.disbursedFen - a.disbursedFen || b.applications - a.applications || a.key.localeCompare(b.key, 'zh-CN'));
  };

  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); m = addMonths(m, 1)) months.push(m);
  const ind = indicator8(store, year, upTo);
  return {
    year,
    from,
    to,
    totals: {
      applications: taken.length,
      submitted: apps.filter((a) => inYear(a.submittedOn)).length,
      approvals: approvals.length,
      rejections: apps.filter((a) => a.status === 'rejected' && inYear(a.decidedOn)).length,
      grantedFen: approvals.reduce((s, a) => s + (a.grantedFen ?? 0), 0),
      disbursements: paid.length,
      disbursedFen: paid.reduce((s, d) => s + d.amountFen, 0),
      outstandingFen: open.reduce((s, d) => s + d.amountFen, 0),
      overdue: open.filter((d) => d.dueOn < upTo).length,
    },
    byBank: group((a) => a.bank),
    byProduct: group((a) => a.product),
    byIndustry: group((a) => a.industry),
    byTownship: group((a) => a.township),
    byMonth: months.map((m) => ({ month: m, disbursedFen: paid.filter((d) => d.disbursedOn.startsWith(m)).reduce((s, d) => s + d.amountFen, 0) })),
    campaigns: campaignTotals(allCampaigns(store), upTo),
    indicator: { value: ind.value, how: ind.how },
    /** For the export only. */
    detail: paid.map((d) => ({ ...d, app: byId.get(d.appId)! })),
  };
}

export const groupColumns = (first: string): SheetSpec['columns'] => [
  { header: first, key: 'key', width: 30 },
  { header: '受理申请', key: 'applications', kind: 'int' },
  { header: '银行批准', key: 'approvals', kind: 'int' },
  { header: '批准金额（元）', key: 'grantedFen', kind: 'fen' },
  { header: '放款笔数', key: 'disbursements', kind: 'int' },
  { header: '放款金额（元）', key: 'disbursedFen', kind: 'fen' },
];

/** The figures as an xlsx for the county offices; it lists disbursements by member, so the export is audited. */
export async function exportFigures(store: Store, actor: Actor, year: number): Promise<{ name: string; mime: string; base64: string }> {
  const f = store.write(actor, 'credit.figures.export', (audit) => {
    const figures = creditFigures(store, year);
    audit.record({ entity: 'credit_figures', ids: [year], summary: { year, disbursements: figures.totals.disbursements, exported: 'xlsx' } });
    return figures;
  });
  const meta = [`统计期间：${f.from} 至 ${f.to}`, `制表日期：${todayOf(store)}`, `指标 8：${f.indicator.how}`];
  const t = f.totals;
  const sheets: SheetSpec[] = [
    {
      name: '汇总',
      title: `${year} 年信用服务（金融代办）统计`,
      meta,
      columns: [
        { header: '项目', key: 'item', width: 36 },
        { header: '数值', key: 'value', width: 24 },
      ],
      rows: [
        { item: '受理申请（件）', value: t.applications },
        { item: '提交银行（件）', value: t.submitted },
        { item: '银行批准（件）', value: t.approvals },
        { item: '银行未批准（件）', value: t.rejections },
        { item: '批准金额（元）', value: formatFen(t.grantedFen) },
        { item: '放款笔数', value: t.disbursements },
        { item: '放款金额（元）', value: formatFen(t.disbursedFen) },
        { item: '年末（或今日）未还清余额（元）', value: formatFen(t.outstandingFen) },
        { item: '逾期未还笔数', value: t.overdue },
        { item: '信用村（个）', value: f.campaigns.villages },
        { item: '信用乡镇（个）', value: f.campaigns.townships },
        { item: '整村授信（次）', value: f.campaigns.wholeVillage },
        { item: '信用村镇授信总额（元）', value: formatFen(f.campaigns.lineFen) },
      ],
    },
    { name: '按银行', title: `${year} 年按银行`, meta, columns: groupColumns('银行'), rows: f.byBank as unknown as Record<string, unknown>[] },
    { name: '按产品', title: `${year} 年按产品`, meta, columns: groupColumns('产品'), rows: f.byProduct as unknown as Record<string, unknown>[] },
    { name: '按产业', title: `${year} 年按产业`, meta, columns: groupColumns('产业'), rows: f.byIndustry as unknown as Record<string, unknown>[] },
    { name: '按乡镇', title: `${year} 年按乡镇（街道）`, meta, columns: groupColumns('乡镇（街道）'), rows: f.byTownship as unknown as Record<string, unknown>[] },
    {
      name: '放款明细',
      title: `${year} 年放款明细`,
      meta: [...meta, '含会员贷款信息，仅限授权人员使用'],
      columns: [
        { header: '放款日期', key: 'disbursedOn' },
        { header: '申请编号', key: 'no' },
        { header: '会员', key: 'name', width: 32 },
        { header: '乡镇（街道）', key: 'township' },
        { header: '产业', key: 'industry' },
        { header: '产品', key: 'product' },
        { header: '银行', key: 'bank', width: 28 },
        { header: '放款金额（元）', key: 'amountFen', kind: 'fen' },
        { header: '到期日', key: 'dueOn' },
        { header: '还清日期', key: 'repaidOn' },
        { header: '申请状态', key: 'status' },
      ],
      rows: f.detail.map((d) => ({ ...d, ...d.app, status: APP_STATUS_LABELS[d.app.status] })),
    },
  ];
  const bytes = await writeXlsx(sheets);
  return { name: `信用服务统计-${year}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: bytes.toString('base64') };
}
