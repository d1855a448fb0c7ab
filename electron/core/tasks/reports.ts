import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Actor, Store } from '../db/store';
import { AppError, fieldError } from '../../../shared/errors';
import { MONTH_RE, QUARTER_RE, quarterOf } from '../../../shared/tasks';
import { taskFiles, taskMilestones, taskReports, tasks } from './schema';
import { canReport, requireTask } from './tasks';
import { loadTaskRows } from './queries';
import { todayOf } from './dates';
import { who } from './who';
import { getBlob, putBlob } from '../files/blobs';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
};

export interface ReportInput {
  taskId: number;
  reportedOn: string;
  periodKind: 'month' | 'quarter';
  period: string;
  text: string;
  figures: { name: string; value: number; unit: string }[];
  progress: number | null;
  milestoneIds: number[];
  files: { name: string; base64: string }[];
}

interface Evidence {
  name: string;
  mime: string;
  bytes: Buffer;
}

function checkEvidence(file: { name: string; base64: string }, index: number): Evidence {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length === 0) throw fieldError(`files.${index}`, `佐证材料“${file.name}”是空文件`);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw fieldError(`files.${index}`, `佐证材料“${file.name}”超过 20 MB，请压缩或拆分后再上传`);
  const ext = path.extname(file.name).toLowerCase();
  return { name: file.name, mime: MIME[ext] ?? 'application/octet-stream', bytes };
}

function checkPeriod(input: ReportInput, today: string): void {
  if (input.reportedOn > today) throw fieldError('reportedOn', '填报日期不能晚于今天');
  const ok = input.periodKind === 'month' ? MONTH_RE.test(input.period) : QUARTER_RE.test(input.period);
  if (!ok) throw fieldError('period', input.periodKind === 'month' ? '所属月份格式应为 YYYY-MM' : '所属季度格式应为 YYYY-Qn（如 2026-Q4）');
  const limit = input.periodKind === 'month' ? input.reportedOn.slice(0, 7) : quarterOf(input.reportedOn.slice(0, 7));
  if (input.period > limit) throw fieldError('period', `所属期间不能晚于填报日期所在的${input.periodKind === 'month' ? '月份' : '季度'}（${limit}）`);
}

/**
 * Adds a dated progress report with its figures and evidence. It may set the task's progress percent and mark
 * milestones done. Evidence is stored in the database with the report, all in one transaction, so a refusal
 * leaves nothing behind and every backup carries the evidence.
 */
export function addReport(store: Store, actor: Actor, input: ReportInput) {
  const task = requireTask(store, input.taskId);
  if (!canReport(actor, task.ownerId)) throw new AppError('FORBIDDEN', `只能为自己负责的任务填报进展（任务 ${task.no} 不由您负责）`);
  const today = todayOf(store);
  checkPeriod(input, today);
  const evidence = input.files.map((f, i) => checkEvidence(f, i));
  return store.write(actor, 'tasks.report', (audit) => {
      const t = requireTask(store, input.taskId);
      const now = store.now();
      for (const id of input.milestoneIds) {
        const m = store.db.select().from(taskMilestones).where(eq(taskMilestones.id, id)).get();
        if (!m || m.taskId !== t.id) throw fieldError('milestoneIds', `里程碑 #${id} 不属于此任务`);
        if (m.doneOn) throw fieldError('milestoneIds', `里程碑“${m.title}”已于 ${m.doneOn} 完成`);
        store.db.update(taskMilestones).set({ doneOn: input.reportedOn, doneBy: who(store, actor) }).where(eq(taskMilestones.id, id)).run();
      }
      const report = store.db
        .insert(taskReports)
        .values({
          taskId: t.id,
          reportedOn: input.reportedOn,
          periodKind: input.periodKind,
          period: input.period,
          text: input.text,
          figures: JSON.stringify(input.figures),
          progress: input.progress,
          reporterId: actor.userId,
          reporterName: who(store, actor),
          createdAt: now,
        })
        .returning()
        .get();
      const stored = evidence.map((e) => ({ ...e, ...putBlob(store, e.bytes) }));
      for (const e of stored) {
        store.db.insert(taskFiles).values({ reportId: report.id, taskId: t.id, name: e.name, mime: e.mime, size: e.size, sha256: e.sha256, createdAt: now }).run();
      }
      const progress = input.progress ?? t.progress;
      store.db
        .update(tasks)
        .set({ progress, completedOn: progress >= 100 ? t.completedOn || input.reportedOn : '', updatedAt: now, version: t.version + 1 })
        .where(eq(tasks.id, t.id))
        .run();
      audit.record({
        entity: 'task_report',
        ids: [report.id],
        summary: { task: t.no, period: input.period, progress: { before: t.progress, after: progress }, milestones: input.milestoneIds, files: stored.map((e) => ({ name: e.name, sha256: e.sha256 })) },
      });
      const row = loadTaskRows(store, today, {}, t.id)[0]!;
      return { reportId: report.id, taskId: t.id, status: row.status, progress: row.progress };
  });
}

/** The evidence as stored, after checking it still matches the checksum taken when it was uploaded. */
export function readEvidence(store: Store, id: number): { name: string; mime: string; base64: string } {
  const f = store.db.select().from(taskFiles).where(eq(taskFiles.id, id)).get();
  if (!f) throw new AppError('NOT_FOUND', `佐证材料 #${id} 不存在`);
  return { name: f.name, mime: f.mime, base64: getBlob(store, f.sha256, f.name).toString('base64') };
}
