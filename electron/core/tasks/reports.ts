import crypto from 'node:crypto';
import fs from 'node:fs';
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
  size: number;
  sha256: string;
  stored: string;
  created: boolean;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Evidence is stored once per content under files/tasks/<first two hex>/<sha256><ext>, written to a temporary
 * name and renamed, so a crash never leaves a half file under the final name.
 */
function storeEvidence(filesDir: string, file: { name: string; base64: string }, index: number): Evidence {
  const bytes = Buffer.from(file.base64, 'base64');
  if (bytes.length === 0) throw fieldError(`files.${index}`, `佐证材料“${file.name}”是空文件`);
  if (bytes.length > MAX_EVIDENCE_BYTES) throw fieldError(`files.${index}`, `佐证材料“${file.name}”超过 20 MB，请压缩或拆分后再上传`);
  const hash = sha256(bytes);
  const ext = path.extname(file.name).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 10);
  const stored = path.posix.join('tasks', hash.slice(0, 2), `${hash}${ext}`);
  const full = path.join(filesDir, stored);
  let created = false;
  if (!fs.existsSync(full) || sha256(fs.readFileSync(full)) !== hash) {
    fs.mkdirSync(path.dirname(full), { recursive: true });
    const tmp = `${full}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, full);
    created = true;
  }
  return { name: file.name, mime: MIME[ext] ?? 'application/octet-stream', size: bytes.length, sha256: hash, stored, created };
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
 * milestones done; all of it in one transaction. Evidence files are written first and removed again if the
 * report is refused, so a refusal leaves neither rows nor files behind.
 */
export function addReport(store: Store, filesDir: string, actor: Actor, input: ReportInput) {
  const task = requireTask(store, input.taskId);
  if (!canReport(actor, task.ownerId)) throw new AppError('FORBIDDEN', `只能为自己负责的任务填报进展（任务 ${task.no} 不由您负责）`);
  const today = todayOf(store);
  checkPeriod(input, today);
  const evidence: Evidence[] = [];
  try {
    input.files.forEach((f, i) => evidence.push(storeEvidence(filesDir, f, i)));
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
      for (const e of evidence) {
        store.db.insert(taskFiles).values({ reportId: report.id, taskId: t.id, name: e.name, mime: e.mime, size: e.size, sha256: e.sha256, stored: e.stored, createdAt: now }).run();
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
        summary: { task: t.no, period: input.period, progress: { before: t.progress, after: progress }, milestones: input.milestoneIds, files: evidence.map((e) => ({ name: e.name, sha256: e.sha256 })) },
      });
      const row = loadTaskRows(store, today, {}, t.id)[0]!;
      return { reportId: report.id, taskId: t.id, status: row.status, progress: row.progress };
    });
  } catch (e) {
    for (const ev of evidence) if (ev.created) removeIfUnused(store, filesDir, ev);
    throw e;
  }
}

function removeIfUnused(store: Store, filesDir: string, ev: Evidence): void {
  const used = store.db.select().from(taskFiles).where(eq(taskFiles.stored, ev.stored)).get();
  if (!used) fs.rmSync(path.join(filesDir, ev.stored), { force: true });
}

/** The evidence as stored, after checking it still matches the checksum taken when it was uploaded. */
export function readEvidence(store: Store, filesDir: string, id: number): { name: string; mime: string; base64: string } {
  const f = store.db.select().from(taskFiles).where(eq(taskFiles.id, id)).get();
  if (!f) throw new AppError('NOT_FOUND', `佐证材料 #${id} 不存在`);
  const full = path.join(filesDir, f.stored);
  if (!fs.existsSync(full)) throw new AppError('NOT_FOUND', `佐证材料“${f.name}”的文件不见了（应在数据目录 files/${f.stored}），请从备份中找回`);
  const bytes = fs.readFileSync(full);
  if (sha256(bytes) !== f.sha256) throw new AppError('REFUSED', `佐证材料“${f.name}”的校验值与上传时不符，文件可能已被改动或损坏`);
  return { name: f.name, mime: f.mime, base64: bytes.toString('base64') };
}
