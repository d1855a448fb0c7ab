import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { PERIOD_KIND_LABELS, periodRange, reportPeriodLabel } from '../../../shared/reports';
import { todayOf } from '../tasks/dates';
import { decorate, requireAccess, type BatchPart, type BuildContext, type ReportBody, type ReportDef, type ReportParams } from './registry';
import { contentSheet, type ContentPart } from './content';
import { REPORT_DEFS } from './defs';

export function findDef(key: string): ReportDef {
  const def = REPORT_DEFS.find((d) => d.key === key);
  if (!def) throw new AppError('NOT_FOUND', `没有“${key}”这张报表（相关功能可能尚未启用）`);
  return def;
}

export function accessibleDef(key: string, actor: Actor): ReportDef {
  const def = findDef(key);
  requireAccess(def, actor);
  return def;
}

/** Checks the period against what the report offers and today, and resolves the scope. */
export function buildContext(store: Store, def: ReportDef, params: ReportParams): BuildContext {
  const range = periodRange(params.period);
  if (!range) throw fieldError('period', '报告期格式应为 2026-11（月）、2026-Q4（季度）或 2026（年度）');
  if (!def.periods.includes(range.kind)) throw fieldError('period', `“${def.title}”只能按${def.periods.map((k) => PERIOD_KIND_LABELS[k]).join('、')}导出`);
  const today = todayOf(store);
  if (range.from > today) throw fieldError('period', `${reportPeriodLabel(params.period)}尚未开始，不能上报`);
  const scopes = def.scopes?.(store) ?? [];
  const scope = params.scope || scopes[0]?.value || '';
  const chosen = scopes.find((s) => s.value === scope);
  if (scopes.length > 0 && !chosen) throw fieldError('scope', '所选范围不存在（可能已被删除），请重新选择');
  return { params, range, today, asOf: range.to < today ? range.to : today, scope, scopeLabel: chosen?.label ?? '' };
}

export function fileBase(def: ReportDef, ctx: BuildContext): string {
  const scope = ctx.scope && ctx.scopeLabel ? `_${ctx.scopeLabel}` : '';
  return `${def.title}_${ctx.range.label}${scope}`;
}

export function buildSingle(store: Store, def: ReportDef, ctx: BuildContext): ReportBody {
  if (!def.build) throw new AppError('REFUSED', `“${def.title}”是批量报表，请用批量导出`);
  return decorate(def, ctx, def.build(store, ctx));
}

export function batchParts(store: Store, def: ReportDef, ctx: BuildContext): BatchPart[] {
  if (!def.batch) throw new AppError('REFUSED', `“${def.title}”不是批量报表`);
  const parts = def.batch.parts(store, ctx);
  if (parts.length === 0) throw new AppError('REFUSED', `${ctx.range.label}没有可导出的${def.batch.partLabel}${ctx.scope ? `（范围：${ctx.scopeLabel}）` : ''}`);
  return parts;
}

export function buildPart(store: Store, def: ReportDef, ctx: BuildContext, part: BatchPart): ReportBody {
  return decorate(def, ctx, def.batch!.build(store, ctx, part));
}

export function contentPart(name: string, body: ReportBody): ContentPart {
  return { name, sheets: body.sheets.map(contentSheet) };
}
