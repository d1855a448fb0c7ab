import crypto from 'node:crypto';
import { AppError } from '../../../shared/errors';

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobFile {
  name: string;
  mime: string;
  bytes: Buffer;
}

export interface JobStatus {
  id: string;
  title: string;
  state: JobState;
  done: number;
  total: number;
  message: string;
  error: string;
  startedAt: string;
  finishedAt: string;
  file: { name: string; size: number } | null;
}

export class JobCancelled extends Error {
  constructor() {
    super('已取消');
  }
}

export interface JobContext {
  /** Reports progress; cheap, call it as often as convenient. */
  progress(done: number, total: number, message?: string): void;
  /** Yields to the event loop so other desks are served, and stops the job if it was cancelled. */
  checkpoint(): Promise<void>;
}

interface Job extends JobStatus {
  ownerId: number;
  cancelRequested: boolean;
  result: JobFile | null;
  value: unknown;
}

type Outcome = { file: JobFile } | { value: unknown };

/**
 * Long work (batch exports) runs as a job: the request that starts it returns at once with an id,
 * the screen polls the progress and can cancel. Results (a file, or an answer such as a comparison)
 * are kept in memory until taken or for an hour; a cancelled or failed job leaves nothing behind.
 */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly keepMs = 3_600_000) {}

  start(ownerId: number, title: string, work: (ctx: JobContext) => Promise<JobFile>): string {
    return this.launch(ownerId, title, async (ctx) => ({ file: await work(ctx) }));
  }

  /** A job whose result is an answer rather than a file; fetch it with `takeValue`. */
  startValue(ownerId: number, title: string, work: (ctx: JobContext) => Promise<unknown>): string {
    return this.launch(ownerId, title, async (ctx) => ({ value: await work(ctx) }));
  }

  private launch(ownerId: number, title: string, work: (ctx: JobContext) => Promise<Outcome>): string {
    this.prune();
    const id = crypto.randomBytes(8).toString('hex');
    const job: Job = {
      id,
      title,
      state: 'running',
      done: 0,
      total: 0,
      message: '',
      error: '',
      startedAt: new Date().toISOString(),
      finishedAt: '',
      file: null,
      ownerId,
      cancelRequested: false,
      result: null,
      value: undefined,
    };
    this.jobs.set(id, job);
    const ctx: JobContext = {
      progress: (done, total, message) => {
        job.done = done;
        job.total = total;
        if (message !== undefined) job.message = message;
      },
      checkpoint: () =>
        new Promise<void>((resolve, reject) =>
          setImmediate(() => (job.cancelRequested ? reject(new JobCancelled()) : resolve())),
        ),
    };
    // Deferred so the starting request returns before any work is done.
    setImmediate(() => {
      work(ctx).then(
        (outcome) => {
          if (job.cancelRequested) return this.finish(job, 'cancelled');
          if ('file' in outcome) {
            job.result = outcome.file;
            job.file = { name: outcome.file.name, size: outcome.file.bytes.length };
          } else job.value = outcome.value;
          this.finish(job, 'done');
        },
        (e: unknown) => {
          if (e instanceof JobCancelled || job.cancelRequested) return this.finish(job, 'cancelled');
          job.error = e instanceof AppError ? e.message : `${title}失败：${(e as Error).message}`;
          if (!(e instanceof AppError)) console.error(`[job ${title}]`, e);
          this.finish(job, 'failed');
        },
      );
    });
    return id;
  }

  private finish(job: Job, state: JobState): void {
    job.state = state;
    job.finishedAt = new Date().toISOString();
    if (state !== 'done') {
      job.result = null;
      job.value = undefined;
    }
  }

  private get(id: string, ownerId: number): Job {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== ownerId) throw new AppError('NOT_FOUND', '找不到这个任务（可能已过期）');
    return job;
  }

  status(id: string, ownerId: number): JobStatus {
    const { ownerId: _o, cancelRequested: _c, result: _r, value: _v, ...status } = this.get(id, ownerId);
    return status;
  }

  cancel(id: string, ownerId: number): JobStatus {
    const job = this.get(id, ownerId);
    if (job.state === 'running') job.cancelRequested = true;
    return this.status(id, ownerId);
  }

  take(id: string, ownerId: number): JobFile {
    const job = this.get(id, ownerId);
    if (job.state !== 'done' || !job.result) throw new AppError('REFUSED', job.state === 'running' ? '任务还没有完成' : '这个任务没有生成文件');
    return job.result;
  }

  takeValue(id: string, ownerId: number): unknown {
    const job = this.get(id, ownerId);
    if (job.state !== 'done' || job.value === undefined) throw new AppError('REFUSED', job.state === 'running' ? '任务还没有完成' : '这个任务没有结果');
    return job.value;
  }

  private prune(): void {
    const cutoff = Date.now() - this.keepMs;
    for (const [id, j] of this.jobs) if (j.state !== 'running' && Date.parse(j.finishedAt) < cutoff) this.jobs.delete(id);
  }
}
