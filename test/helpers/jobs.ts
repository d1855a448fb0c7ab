import type { CliClient } from '../../electron/cli/io';
import type { In, Out } from '../../shared/contract/define';
import type { Contract } from '../../shared/contract';

export type JobStatus = Out<Contract['jobs.status']>;

/** Polls a job until it is no longer running, as the screens do. */
export async function finishJob(c: CliClient, jobId: string): Promise<JobStatus> {
  for (;;) {
    const s = await c.call<JobStatus>('jobs.status', { id: jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Regenerates an exported report and returns the comparison once the job is done. */
export async function regenerateReport(c: CliClient, id: number): Promise<Out<Contract['reports.regenerated']>> {
  const { jobId } = await c.call<{ jobId: string }>('reports.regenerate', { id });
  const s = await finishJob(c, jobId);
  if (s.state !== 'done') throw new Error(`regenerate ended ${s.state}: ${s.error}`);
  return c.call('reports.regenerated', { jobId });
}

/** Generates a batch matching proposal and returns it once the job is done. */
export async function proposeMatches<T = Out<Contract['matching.proposal']>>(c: CliClient, input: In<Contract['matching.propose']> = {}): Promise<T> {
  const { jobId } = await c.call<{ jobId: string }>('matching.propose', input);
  const s = await finishJob(c, jobId);
  if (s.state !== 'done') throw new Error(`proposal ended ${s.state}: ${s.error}`);
  return c.call<T>('matching.proposal', { jobId });
}
