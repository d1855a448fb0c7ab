import type { ReactNode } from 'react';
import { Anchor, Badge, Tooltip } from '@mantine/core';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { STATUS_COLORS, formatValue, type TaskStatus } from '../../../../shared/tasks';
import { t } from '../../i18n';

export type TaskRow = Out<Contract['tasks.list']>['rows'][number];
export type TaskDetail = Out<Contract['tasks.get']>;
export type Figure = Out<Contract['indicators.list']>['rows'][number];
export type Dashboard = Out<Contract['tasks.dashboard']>;

/** Badges here hold two to six characters; never cut them to an ellipsis in a narrow cell. */
const NO_CLIP = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function StatusBadge({ status, title }: { status: TaskStatus; title?: string }) {
  const badge = (
    <Badge color={STATUS_COLORS[status]} variant={status === '滞后' ? 'filled' : 'light'} data-testid="task-status" styles={NO_CLIP}>
      {t(status)}
    </Badge>
  );
  return title ? <Tooltip label={title}>{badge}</Tooltip> : badge;
}

const BASIS: Record<Figure['basis'], { label: string; color: string }> = {
  computed: { label: '系统计算', color: 'teal' },
  manual: { label: '手工填报', color: 'blue' },
  carried: { label: '沿用上期', color: 'gray' },
  none: { label: '无数据', color: 'gray' },
};

/** Where an indicator figure comes from: computed, entered, carried forward, and whether it is frozen. */
export function BasisBadge({ f }: { f: Pick<Figure, 'basis' | 'fromSnapshot' | 'snapshotAt' | 'how'> }) {
  const b = BASIS[f.basis];
  return (
    <Tooltip label={f.how} multiline w={360} withinPortal>
      <Badge color={b.color} variant="light" styles={NO_CLIP}>
        {t(b.label)}
        {f.fromSnapshot ? ` · ${t('快照')}` : ''}
      </Badge>
    </Tooltip>
  );
}

export const fmtValue = (f: { decimals: number }, v: number | null) => formatValue(v, f.decimals);

/** Local calendar date (the desk's day), as 'YYYY-MM-DD'. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

export function TaskLink({ id, no, children }: { id: number; no: number; children?: ReactNode }) {
  return <Anchor href={`#/tasks/item/${id}`}>{children ?? t('任务 {no}', { no })}</Anchor>;
}

export const unitNames = (units: { name: string }[]) => units.map((u) => u.name).join('、');
