import { Anchor, Badge, Group, Progress, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { navigate } from '../../app/router';
import { t } from '../../i18n';
import { StatusBadge, unitNames, type TaskRow } from './common';

export interface TaskGroup {
  key: string;
  title: ReactNode;
  rows: TaskRow[];
  /** Extra text per row, e.g. the unit's role in the by-unit view. */
  note?(row: TaskRow): ReactNode;
}

function dueText(r: TaskRow): string {
  if (r.status === '已完成') return t('{date} 完成', { date: r.completedOn });
  if (r.daysLeft === null) return '';
  if (r.daysLeft < 0) return t('逾期 {n} 天', { n: -r.daysLeft });
  if (r.daysLeft <= 30) return t('剩 {n} 天', { n: r.daysLeft });
  return '';
}

/** The plan's table (序号, 事项, 工作任务, 责任单位, 配合单位) with the tracker's columns, in titled groups. */
export function TaskTable({ groups }: { groups: TaskGroup[] }) {
  const cols = 9;
  return (
    <Table striped highlightOnHover withTableBorder verticalSpacing={6} data-testid="task-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={48}>{t('序号')}</Table.Th>
          <Table.Th w={150}>{t('事项')}</Table.Th>
          <Table.Th>{t('工作任务')}</Table.Th>
          <Table.Th w={140}>{t('责任单位')}</Table.Th>
          <Table.Th w={160}>{t('配合单位')}</Table.Th>
          <Table.Th w={80}>{t('责任人')}</Table.Th>
          <Table.Th w={110}>{t('完成时限')}</Table.Th>
          <Table.Th w={90}>{t('状态')}</Table.Th>
          <Table.Th w={110}>{t('进度')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {groups.map((g) => [
          <Table.Tr key={`g-${g.key}`} bg="var(--mantine-color-gray-1)">
            <Table.Td colSpan={cols}>
              <Group gap="xs">
                <Text fw={600} size="sm">
                  {g.title}
                </Text>
                <Badge variant="outline" size="sm">
                  {g.rows.length}
                </Badge>
              </Group>
            </Table.Td>
          </Table.Tr>,
          ...g.rows.map((r) => (
            <Table.Tr key={`${g.key}-${r.id}`} style={{ cursor: 'pointer' }} onClick={() => navigate(`/tasks/item/${r.id}`)} data-testid={`task-row-${r.no}`}>
              <Table.Td>
                <Anchor href={`#/tasks/item/${r.id}`} onClick={(e) => e.stopPropagation()}>
                  {r.no}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.item}</Text>
                {g.note?.(r)}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {r.text}
                </Text>
                {r.latestReport && (
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {t('最近进展')} {r.latestReport.reportedOn}：{r.latestReport.text}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{unitNames(r.responsible)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{unitNames(r.cooperating)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.ownerName}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.dueOn}</Text>
                <Text size="xs" c={r.daysLeft !== null && r.daysLeft < 0 && r.status !== '已完成' ? 'red' : 'dimmed'}>
                  {dueText(r)}
                </Text>
                {r.nextMilestone && r.status !== '已完成' && (
                  <Tooltip label={r.nextMilestone.title}>
                    <Text size="xs" c={r.lateMilestones > 0 ? 'red' : 'dimmed'}>
                      {t('里程碑')} {r.nextMilestone.dueOn}
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} title={r.status === '暂缓' ? r.holdReason : r.startOverdue ? t('已过开始日期，尚未填报任何进展') : undefined} />
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Progress value={r.progress} w={56} size="sm" aria-label={t('进度')} />
                  <Text size="xs">{r.progress}%</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          )),
        ])}
      </Table.Tbody>
    </Table>
  );
}
