import type { CliClient } from './io';
import type { Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

export type JobStatus = Out<Contract['jobs.status']>;

/** Waits for a job, showing its progress on stderr; a failed or cancelled job is an error. */
export async function waitForJob(c: CliClient, jobId: string): Promise<JobStatus> {
  for (;;) {
    const s = await c.call<JobStatus>('jobs.status', { id: jobId });
    if (s.state === 'failed') throw new Error(s.error);
    if (s.state === 'cancelled') throw new Error('任务已取消');
    if (s.state === 'done') {
      if (s.total > 0) process.stderr.write('\n');
      return s;
    }
    if (s.total > 0) process.stderr.write(`\r${s.done}/${s.total} ${s.message}`.padEnd(60));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
