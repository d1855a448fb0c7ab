/** Facts of credit services (信用服务) that both the service and the screens need. */

export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const;
export type Grade = (typeof GRADES)[number];

/** AAA = 5 … C = 1, so "at least A" is a comparison. */
export function gradeRank(g: Grade): number {
  return GRADES.length - GRADES.indexOf(g);
}

export const SUBJECT_KINDS = ['org', 'household'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Who may apply for a product: the registry's organisation kinds that borrow, and farmer households. */
export const HOUSEHOLD_LABEL = '农户';
export const APPLICANT_KINDS = ['农户', '农民专业合作社', '家庭农场', '涉农企业', '村集体经济组织'] as const;

export const PRODUCT_KINDS = ['credit', 'secured', 'revolving'] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
export const PRODUCT_KIND_LABELS: Record<ProductKind, string> = { credit: '信用贷款', secured: '抵押担保贷款', revolving: '随借随还' };

/** Facts staff enter from bank letters, certificates and decisions. */
export const STAFF_FACT_KINDS = ['repaidOnTime', 'repaidLate', 'guarantee', 'award', 'penalty'] as const;
export type StaffFactKind = (typeof STAFF_FACT_KINDS)[number];
export const STAFF_FACT_LABELS: Record<StaffFactKind, string> = {
  repaidOnTime: '按期还款',
  repaidLate: '逾期还款',
  guarantee: '对外担保',
  award: '荣誉奖励',
  penalty: '处罚或失信记录',
};

export const RATING_STATUSES = ['proposed', 'approved', 'superseded'] as const;
export type RatingStatus = (typeof RATING_STATUSES)[number];
export const RATING_STATUS_LABELS: Record<RatingStatus, string> = { proposed: '待审批', approved: '已审批', superseded: '已作废' };

/**
 * 金融代办: taken in (draft, documents collected) → submitted to the bank → approved or rejected → disbursed →
 * repaid. The applicant may withdraw before the bank decides.
 */
export const APP_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'disbursed', 'repaid'] as const;
export type AppStatus = (typeof APP_STATUSES)[number];
export const APP_STATUS_LABELS: Record<AppStatus, string> = {
  draft: '受理中',
  submitted: '已提交银行',
  approved: '银行已批准',
  rejected: '银行未批准',
  withdrawn: '已撤回',
  disbursed: '已放款',
  repaid: '已结清',
};
export const APP_STATUS_COLORS: Record<AppStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  disbursed: 'green',
  repaid: 'lime',
};

export const CAMPAIGN_KINDS = ['信用村', '信用乡镇', '整村授信'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

/** One scoring step: a fact at or beyond `at` earns `pct` percent of the indicator's weight. */
export interface ModelLevel {
  at: number;
  pct: number;
}

export interface ModelIndicator {
  /** A fact key from the fact sources (memberYears, closedOnTime, …). */
  fact: string;
  /** Points out of 100 for the whole model. */
  weight: number;
  /** 'higher': the first level with value >= at applies; 'lower': the first with value <= at. */
  better: 'higher' | 'lower';
  levels: ModelLevel[];
  /** Percent of the weight given when the fact applies but the app has no data for it. */
  missingPct: number;
}

export interface GradeBand {
  grade: Grade;
  /** Lowest score (0-100) for the grade. */
  min: number;
}

export interface ModelDefinition {
  indicators: ModelIndicator[];
  bands: GradeBand[];
  /** A rating is used for product matching for this many months after approval. */
  validMonths: number;
}

/** Rates are stored in basis points of a percent per year: 385 = 3.85%. */
export function formatRate(bp: number | null | undefined): string {
  return bp === null || bp === undefined ? '—' : `${(bp / 100).toFixed(2)}%`;
}

/** Integer hundredths of a score point -> "87.50". */
export function formatScore(x100: number | null | undefined): string {
  return x100 === null || x100 === undefined ? '—' : (x100 / 100).toFixed(2);
}

/** Fen -> "12.50 万元" for the large figures of credit work. */
export function formatWan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  return `${(fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
}

export const subjectKey = (kind: SubjectKind, id: number) => `${kind}:${id}`;
