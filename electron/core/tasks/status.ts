import type { TaskStatus } from '../../../shared/tasks';

export interface StatusFacts {
  held: boolean;
  progress: number;
  startOn: string;
  dueOn: string;
  reportCount: number;
  milestones: { dueOn: string; doneOn: string }[];
}

/**
 * The plan's status rules, in order of precedence:
 * - 暂缓 only by hand (with a reason), whatever the dates say;
 * - 已完成 when progress has reached 100 %;
 * - 滞后 when the due date has passed, or a milestone is past its date and not done;
 * - 推进中 once anything has happened: a report, some progress, or a milestone done;
 * - 未启动 otherwise, even after the start date: nobody has reported anything yet (the lists flag that case).
 * Dates are compared as 'YYYY-MM-DD' strings; a date equal to today is not yet late.
 */
export function taskStatus(f: StatusFacts, today: string): TaskStatus {
  if (f.held) return '暂缓';
  if (f.progress >= 100) return '已完成';
  if (f.dueOn !== '' && f.dueOn < today) return '滞后';
  if (f.milestones.some((m) => m.doneOn === '' && m.dueOn < today)) return '滞后';
  if (f.progress > 0 || f.reportCount > 0 || f.milestones.some((m) => m.doneOn !== '')) return '推进中';
  return '未启动';
}

/** Past its start date with nothing reported: shown as a warning on 未启动 tasks. */
export function startOverdue(f: StatusFacts, today: string): boolean {
  return taskStatus(f, today) === '未启动' && f.startOn !== '' && f.startOn < today;
}

export type MilestoneState = 'done' | 'late' | 'soon' | 'pending';

export function milestoneState(m: { dueOn: string; doneOn: string }, today: string, soonUntil: string): MilestoneState {
  if (m.doneOn !== '') return 'done';
  if (m.dueOn < today) return 'late';
  if (m.dueOn <= soonUntil) return 'soon';
  return 'pending';
}
