import { count, desc, eq } from 'drizzle-orm';
import type { JobContext } from '../jobs/jobs';
import type { Actor, Store } from '../db/store';
import { AppError } from '../../../shared/errors';
import { reportPeriodLabel, type ReportFormat } from '../../../shared/reports';
import { getBlob, putBlob } from '../files/blobs';
import { who } from '../tasks/who';
import { reportExports } from './schema';
import { rememberPrefs } from './prefs';
import { contentHash, diffContent, packContent, unpackContent, type ReportContent } from './content';
import { batchParts, buildContext, buildPart, buildSingle, contentPart, findDef } from './build';
import type { ReportDef, ReportParams } from './registry';
import type { RenderedFile } from './render';

export interface ExportRecord {
  def: ReportDef;
  params: ReportParams;
  format: ReportFormat;
  file: RenderedFile;
  content: ReportContent;
  basis: string;
  parts: number;
}

/**
 * Keeps what was sent: the file and its content in file_blobs, a row with who, when, the parameters and
 * both checksums, and the names typed on the form for next time, in one write with its audit row.
 */
export function recordExport(store: Store, actor: Actor, r: ExportRecord): { id: number; sha256: string; contentSha256: string } {
  const contentSha256 = contentHash(r.content);
  return store.write(actor, 'reports.export', (audit) => {
    const file = putBlob(store, r.file.bytes);
    const packed = putBlob(store, packContent(r.content));
    const row = store.db
      .insert(reportExports)
      .values({
        reportKey: r.def.key,
        title: r.def.title,
        params: JSON.stringify(r.params),
        period: r.params.period,
        format: r.format,
        fileName: r.file.name,
        mime: r.file.mime,
        size: file.size,
        sha256: file.sha256,
        contentSha256,
        contentBlob: packed.sha256,
        basis: r.basis,
        parts: r.parts,
        userId: actor.userId,
        username: actor.username,
        userName: who(store, actor),
        createdAt: store.now(),
      })
      .returning({ id: reportExports.id })
      .get();
    rememberPrefs(store, actor, r.params);
    audit.record({
      entity: 'report_export',
      ids: [row.id],
      summary: { report: r.def.key, title: r.def.title, params: r.params, format: r.format, fileName: r.file.name, sha256: file.sha256, contentSha256, parts: r.parts },
    });
    return { id: row.id, sha256: file.sha256, contentSha256 };
  });
}

export function requireExport(store: Store, id: number) {
  const row = store.db.select().from(reportExports).where(eq(reportExports.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', `上报记录 #${id} 不存在`);
  return row;
}

export function listHistory(store: Store, input: { key: string; offset: number; limit: number }) {
  const where = input.key ? eq(reportExports.reportKey, input.key) : undefined;
  const total = store.db.select({ n: count() }).from(reportExports).where(where).get()?.n ?? 0;
  const rows = store.db
    .select()
    .from(reportExports)
    .where(where)
    .orderBy(desc(reportExports.createdAt), desc(reportExports.id))
    .limit(input.limit)
    .offset(input.offset)
    .all()
    .map((r) => ({
      id: r.id,
      reportKey: r.reportKey,
      title: r.title,
      period: r.period,
      periodLabel: reportPeriodLabel(r.period),
      params: JSON.parse(r.params) as ReportParams,
      format: r.format,
      fileName: r.fileName,
      size: r.size,
      sha256: r.sha256,
      contentSha256: r.contentSha256,
      basis: r.basis,
      parts: r.parts,
      userName: r.userName,
      createdAt: r.createdAt,
    }));
  return { total, rows };
}

/** The original file as sent, checked against its SHA-256; the download is audited. */
export function downloadExport(store: Store, actor: Actor, id: number) {
  const row = requireExport(store, id);
  const bytes = getBlob(store, row.sha256, row.fileName);
  store.write(actor, 'reports.download', (audit) => audit.record({ entity: 'report_export', ids: [id], summary: { fileName: row.fileName, sha256: row.sha256 } }));
  return { name: row.fileName, mime: row.mime, base64: bytes.toString('base64') };
}

/**
 * Builds the report again with the recorded parameters (a finished month's indicators come from its
 * month-end snapshot) and compares its content with what was sent: the same SHA-256, or the cells that
 * differ. Runs as a job: a batch reports each cooperative and yields between them, so other desks are
 * served and the manager can cancel.
 */
export async function regenerate(store: Store, id: number, job: JobContext) {
  const row = requireExport(store, id);
  const def = findDef(row.reportKey);
  const params = JSON.parse(row.params) as ReportParams;
  const ctx = buildContext(store, def, params);
  const content: ReportContent = { title: def.title, parts: [] };
  let basis: string;
  if (def.batch) {
    const parts = batchParts(store, def, ctx);
    basis = '';
    for (const [i, part] of parts.entries()) {
      job.progress(i, parts.length, part.name);
      await job.checkpoint();
      const body = buildPart(store, def, ctx, part);
      basis ||= body.basis;
      content.parts.push(contentPart(part.name, body));
    }
    job.progress(parts.length, parts.length, '核对内容');
  } else {
    job.progress(0, 1, def.title);
    const body = buildSingle(store, def, ctx);
    basis = body.basis;
    content.parts.push(contentPart('', body));
  }
  const now = contentHash(content);
  const matches = now === row.contentSha256;
  const diff = matches ? { differences: [], total: 0 } : diffContent(unpackContent(getBlob(store, row.contentBlob, `${row.fileName} 的内容`)), content);
  return { id, matches, contentSha256: row.contentSha256, regeneratedSha256: now, basis: row.basis, regeneratedBasis: basis, differences: diff.differences, total: diff.total };
}
