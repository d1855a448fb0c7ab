import type { Actor, Store } from '../db/store';
import type { JobContext, JobFile } from '../jobs/jobs';
import type { ReportFormat } from '../../../shared/reports';
import { todayOf } from '../tasks/dates';
import { REPORT_DEFS } from './defs';
import { prefsOf } from './prefs';
import { recordExport } from './history';
import { BatchSink, renderSingle } from './render';
import { contentHash, type ReportContent } from './content';
import { accessibleDef, batchParts, buildContext, buildPart, buildSingle, contentPart, fileBase } from './build';
import type { ReportParams } from './registry';

/** The reports this role may export, with their choices, and the names remembered for this user. */
export function catalog(store: Store, actor: Actor) {
  const role = actor.role;
  return {
    today: todayOf(store),
    prefs: prefsOf(store, actor),
    reports: REPORT_DEFS.filter((d) => role !== 'system' && d.roles.includes(role)).map((d) => ({
      key: d.key,
      title: d.title,
      capability: d.capability,
      periods: [...d.periods],
      scopes: d.scopes?.(store) ?? [],
      batch: d.batch ? d.batch.partLabel : null,
      suggested: Object.fromEntries(d.periods.flatMap((k) => {
        const p = d.suggestPeriod?.(store, k, todayOf(store));
        return p ? [[k, p]] : [];
      })),
    })),
  };
}

/**
 * What the export will contain, cell for cell, for the screen to show as HTML tables. A batch shows its first
 * part and how many there are.
 */
export function preview(store: Store, actor: Actor, key: string, params: ReportParams) {
  const def = accessibleDef(key, actor);
  const ctx = buildContext(store, def, params);
  if (def.batch) {
    const parts = batchParts(store, def, ctx);
    const body = buildPart(store, def, ctx, parts[0]!);
    return { title: def.title, basis: body.basis, fileBase: fileBase(def, ctx), partLabel: def.batch.partLabel, parts: parts.map((p) => p.name), shown: parts[0]!.name, sheets: contentPart(parts[0]!.name, body).sheets, contentSha256: null };
  }
  const body = buildSingle(store, def, ctx);
  const part = contentPart('', body);
  return { title: def.title, basis: body.basis, fileBase: fileBase(def, ctx), partLabel: null, parts: [], shown: '', sheets: part.sheets, contentSha256: contentHash({ title: def.title, parts: [part] }) };
}

/** A single report to a file, recorded in the history before it is handed over. */
export async function exportReport(store: Store, actor: Actor, input: { key: string; params: ReportParams; format: ReportFormat }) {
  const def = accessibleDef(input.key, actor);
  const ctx = buildContext(store, def, input.params);
  def.beforeExport?.(store, actor, ctx);
  const body = buildSingle(store, def, ctx);
  const file = await renderSingle(body.sheets, input.format, fileBase(def, ctx));
  const content: ReportContent = { title: def.title, parts: [contentPart('', body)] };
  const rec = recordExport(store, actor, { def, params: ctx.params, format: input.format, file, content, basis: body.basis, parts: 0 });
  return { id: rec.id, sha256: rec.sha256, contentSha256: rec.contentSha256, name: file.name, mime: file.mime, base64: file.bytes.toString('base64') };
}

/**
 * The work of a batch export job: checks first (so a bad period is refused before the job starts), then
 * builds and renders part by part with progress, stopping at a checkpoint when cancelled. Only a finished
 * file is recorded, in one write after the last checkpoint, so a cancelled export leaves nothing.
 */
export function prepareBatch(store: Store, actor: Actor, input: { key: string; params: ReportParams; format: ReportFormat }) {
  const def = accessibleDef(input.key, actor);
  const ctx = buildContext(store, def, input.params);
  const parts = batchParts(store, def, ctx);
  const title = `${def.title}（${parts.length} 个${def.batch!.partLabel}）`;
  const run = async (job: JobContext): Promise<JobFile> => {
    const sink = new BatchSink(input.format, fileBase(def, ctx));
    const content: ReportContent = { title: def.title, parts: [] };
    let basis = '';
    for (const [i, part] of parts.entries()) {
      job.progress(i, parts.length, part.name);
      const body = buildPart(store, def, ctx, part);
      basis ||= body.basis;
      content.parts.push(contentPart(part.name, body));
      await sink.add(part.name, body.sheets);
      await job.checkpoint();
    }
    job.progress(parts.length, parts.length, '正在生成文件…');
    await job.checkpoint();
    const file = await sink.finish();
    await job.checkpoint();
    recordExport(store, actor, { def, params: ctx.params, format: input.format, file, content, basis, parts: parts.length });
    return file;
  };
  return { title, run };
}
