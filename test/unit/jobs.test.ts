import { describe, it, expect } from 'vitest';
import { JobRunner, type JobContext } from '../../electron/core/jobs/jobs';
import { AppError } from '../../shared/errors';

const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
};

async function slowWork(ctx: JobContext, steps: number) {
  for (let i = 0; i < steps; i++) {
    await ctx.checkpoint();
    ctx.progress(i + 1, steps, `第 ${i + 1} 家`);
  }
  return { name: 'a.xlsx', mime: 'application/x', bytes: Buffer.from('done') };
}

describe('jobs', () => {
  it('reports progress and hands the file only to its owner', async () => {
    const jobs = new JobRunner();
    const id = jobs.start(7, '批量导出', (ctx) => slowWork(ctx, 20));
    expect(jobs.status(id, 7).state).toBe('running');
    await waitFor(() => jobs.status(id, 7).state !== 'running');
    expect(jobs.status(id, 7)).toMatchObject({ state: 'done', done: 20, total: 20, message: '第 20 家', file: { name: 'a.xlsx', size: 4 } });
    expect(jobs.take(id, 7).bytes.toString()).toBe('done');
    expect(() => jobs.status(id, 8)).toThrow(AppError);
  });

  it('stops at the next checkpoint when cancelled and keeps no file', async () => {
    const jobs = new JobRunner();
    const id = jobs.start(1, '批量导出', (ctx) => slowWork(ctx, 100_000));
    await waitFor(() => jobs.status(id, 1).done > 3);
    jobs.cancel(id, 1);
    await waitFor(() => jobs.status(id, 1).state !== 'running');
    const s = jobs.status(id, 1);
    expect(s.state).toBe('cancelled');
    expect(s.done).toBeLessThan(100_000);
    expect(s.file).toBeNull();
    expect(() => jobs.take(id, 1)).toThrow('这个任务没有生成文件');
  });

  it('shows the Chinese message of a refused job', async () => {
    const jobs = new JobRunner();
    const id = jobs.start(1, '批量导出', async () => {
      throw new AppError('REFUSED', '2026 年没有已结账的期间');
    });
    await waitFor(() => jobs.status(id, 1).state !== 'running');
    expect(jobs.status(id, 1)).toMatchObject({ state: 'failed', error: '2026 年没有已结账的期间' });
  });
});
