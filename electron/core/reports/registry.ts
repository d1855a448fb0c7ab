import type { Actor, Store } from '../db/store';
import type { SheetSpec } from '../io/sheet';
import type { Role } from '../../../shared/roles';
import { ROLE_LABELS } from '../../../shared/roles';
import { AppError } from '../../../shared/errors';
import type { PeriodKind, PeriodRange } from '../../../shared/reports';

export interface ReportParams {
  /** 'YYYY-MM', 'YYYY-Qn' or 'YYYY'. */
  period: string;
  /** A definition's scope value ('' for its first, usually everything). */
  scope: string;
  /** 填报单位. */
  unit: string;
  /** 制表人 and 审核人. */
  preparer: string;
  reviewer: string;
  /** 制表日期, 'YYYY-MM-DD'. */
  preparedOn: string;
}

export interface BuildContext {
  params: ReportParams;
  range: PeriodRange;
  today: string;
  /** The day figures are counted to: the period's last day, or today for the running period. */
  asOf: string;
  /** The scope value, resolved to its first option when the parameters left it empty. */
  scope: string;
  scopeLabel: string;
}

/** What a definition produces; the registry adds the unit, period, date and signature lines. */
export interface ReportBody {
  /** One table per sheet in xlsx; tables one after another in PDF; sections in CSV. */
  sheets: SheetSpec[];
  /** How the figures were obtained (month-end snapshot, live data…), kept with every export. */
  basis: string;
}

export interface BatchPart {
  key: string;
  name: string;
}

export interface ScopeOption {
  value: string;
  label: string;
}

/**
 * One report of the report centre. A capability adds its reports as entries of REPORT_DEFS (defs/index.ts);
 * figures come from the capability's own service functions.
 */
export interface ReportDef {
  key: string;
  title: string;
  /** The section the figures come from (任务台账, 会员档案, 前台受理…), for grouping on the screen. */
  capability: string;
  roles: readonly Role[];
  periods: readonly PeriodKind[];
  /** What the report can be limited to (a township, a unit, a cooperative); the first option is the default. */
  scopes?(store: Store): ScopeOption[];
  /** The period offered first for a kind, when the last finished one (the default) would have no data. */
  suggestPeriod?(store: Store, kind: PeriodKind, today: string): string | null;
  /** Lines the definition writes itself (a statement's 编制单位): the registry then adds only date and signatures. */
  ownMeta?: boolean;
  /** A single report. */
  build?(store: Store, ctx: BuildContext): ReportBody;
  /** Runs before an export is built (never before a preview), e.g. to freeze a finished month's figures. */
  beforeExport?(store: Store, actor: Actor, ctx: BuildContext): void;
  /** A batch: one part per cooperative, each part's tables stacked on its own sheet, or a PDF per part in a zip. */
  batch?: {
    partLabel: string;
    parts(store: Store, ctx: BuildContext): BatchPart[];
    build(store: Store, ctx: BuildContext, part: BatchPart): ReportBody;
  };
}

export function requireAccess(def: ReportDef, actor: Actor): void {
  if (actor.role === 'system' || !def.roles.includes(actor.role))
    throw new AppError('FORBIDDEN', `您的角色（${actor.role === 'system' ? '系统' : ROLE_LABELS[actor.role]}）无权导出“${def.title}”`);
}

const chineseDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The unit, period and date lines under each title and the signature line under each table. */
export function decorate(def: ReportDef, ctx: BuildContext, body: ReportBody): ReportBody {
  const p = ctx.params;
  const head = def.ownMeta ? [] : [`填报单位：${p.unit}`, `报告期：${ctx.range.label}`];
  const scope = ctx.scopeLabel && !def.ownMeta ? [`范围：${ctx.scopeLabel}`] : [];
  const sign = `制表人：${p.preparer || '　　　　'}　　　　审核人：${p.reviewer || '　　　　'}`;
  return {
    basis: body.basis,
    sheets: body.sheets.map((s) => ({
      ...s,
      meta: [...head, ...scope, ...(s.meta ?? []), `制表日期：${chineseDate(p.preparedOn)}`],
      footer: [...(s.footer ?? []), sign],
    })),
  };
}
