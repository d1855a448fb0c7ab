import { useState, type ReactNode } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Modal, Paper, Progress, Stack, Table, Text, Textarea, Timeline, Title, Tooltip } from '@mantine/core';
import { IconDownload, IconFlag, IconReport, IconFileCheck } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { downloadFile, formatBytes } from '../../components/files';
import { periodLabel } from '../../../../shared/tasks';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { StatusBadge, unitNames, type TaskDetail } from './common';
import { ReportForm } from './ReportForm';
import { TaskForm } from './TaskForm';
import { MilestonesPanel } from './MilestonesPanel';

type Entry = { key: string; date: string; kind: 'report' | 'milestone' | 'start' | 'due'; node: ReactNode; icon: ReactNode; color: string };

function TaskTimeline({ task }: { task: TaskDetail }) {
  const { run } = useAction();
  const entries: Entry[] = [];
  for (const r of task.reports) {
    entries.push({
      key: `r${r.id}`,
      date: r.reportedOn,
      kind: 'report',
      color: 'blue',
      icon: <IconReport size={12} />,
      node: (
        <Stack gap={4} data-testid="timeline-report">
          <Text size="sm" fw={600}>
            {t('进展填报')} · {periodLabel(r.period)} · {r.reporterName}
            {r.progress !== null ? ` · ${t('进度')} ${r.progress}%` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.text}
          </Text>
          {r.figures.length > 0 && (
            <Group gap="xs">
              {r.figures.map((f) => (
                <Badge key={f.name} variant="outline">
                  {f.name} {f.value}
                  {f.unit}
                </Badge>
              ))}
            </Group>
          )}
          {r.files.map((f) => (
            <Group key={f.id} gap="xs">
              <Button
                size="compact-xs"
                variant="light"
                leftSection={<IconDownload size={12} />}
                onClick={async () => {
                  const file = await run(() => call('tasks.file', { id: f.id }));
                  if (file) downloadFile(file);
                }}
              >
                {f.name}
              </Button>
              <Tooltip label={`SHA-256 ${f.sha256}`}>
                <Text size="xs" c="dimmed" data-testid="evidence-sha">
                  {formatBytes(f.size)} · SHA-256 {f.sha256.slice(0, 12)}…
                </Text>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      ),
    });
  }
  for (const m of task.milestones) {
    entries.push({
      key: `m${m.id}`,
      date: m.doneOn || m.dueOn,
      kind: 'milestone',
      color: m.state === 'done' ? 'green' : m.state === 'late' ? 'red' : 'gray',
      icon: <IconFlag size={12} />,
      node: (
        <Text size="sm">
          {t('里程碑')}：{m.title}（{m.doneOn ? t('{date} 完成，计划 {due}', { date: m.doneOn, due: m.dueOn }) : m.state === 'late' ? t('应于 {due} 完成，已逾期', { due: m.dueOn }) : t('计划 {due}', { due: m.dueOn })}）
        </Text>
      ),
    });
  }
  if (task.startOn) entries.push({ key: 'start', date: task.startOn, kind: 'start', color: 'gray', icon: <IconFileCheck size={12} />, node: <Text size="sm">{t('任务开始')}</Text> });
  if (task.dueOn) entries.push({ key: 'due', date: task.dueOn, kind: 'due', color: task.status === '滞后' ? 'red' : 'gray', icon: <IconFlag size={12} />, node: <Text size="sm">{t('完成时限')}</Text> });
  entries.sort((a, b) => b.date.localeCompare(a.date) || (a.kind === 'report' ? -1 : 1));
  return (
    <Timeline bulletSize={20} lineWidth={2} data-testid="timeline">
      {entries.map((e) => (
        <Timeline.Item key={e.key} bullet={e.icon} color={e.color} title={<Text size="xs" c={e.date > task.today ? 'dimmed' : undefined}>{e.date}{e.date > task.today ? ` · ${t('未来')}` : ''}</Text>}>
          {e.node}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function HoldForm({ task, onDone }: { task: TaskDetail; onDone(): void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const { busy, run } = useAction();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run(() => call('tasks.hold', { id: task.id, version: task.version, reason }), { ok: t('任务已暂缓'), setErrors: (f) => setError(f.reason) })) onDone();
      }}
    >
      <Stack>
        <Textarea label={t('暂缓原因')} required autoFocus value={reason} error={error} onChange={(e) => setReason(e.currentTarget.value)} />
        <Button type="submit" color="yellow" loading={busy}>
          {t('暂缓')}
        </Button>
      </Stack>
    </form>
  );
}

export function TaskPage({ params }: RouteProps) {
  const q = useCall('tasks.get', { id: Number(params.id) });
  const [modal, setModal] = useState<'report' | 'edit' | 'hold' | null>(null);
  const { busy, run } = useAction();
  const task = q.data;
  const done = () => {
    setModal(null);
    q.reload();
  };
  return (
    <Page
      title={task ? t('任务 {no}：{item}', { no: task.no, item: task.item }) : t('任务')}
      actions={
        task && (
          <>
            {task.canReport && (
              <Button leftSection={<IconReport size={16} />} onClick={() => setModal('report')}>
                {t('填报进展')}
              </Button>
            )}
            {task.canEdit && (
              <Button variant="default" onClick={() => setModal('edit')}>
                {t('编辑')}
              </Button>
            )}
            {task.canEdit &&
              (task.status === '暂缓' ? (
                <Button variant="default" loading={busy} onClick={async () => (await run(() => call('tasks.resume', { id: task.id, version: task.version }), { ok: t('已恢复推进') })) && q.reload()}>
                  {t('恢复推进')}
                </Button>
              ) : (
                <Button variant="default" color="yellow" onClick={() => setModal('hold')}>
                  {t('暂缓')}
                </Button>
              ))}
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !task} />
      {task && (
        <>
          {task.status === '暂缓' && (
            <Alert color="yellow" title={t('任务已暂缓')}>
              {task.holdReason}
            </Alert>
          )}
          <Paper withBorder p="md">
            <Grid>
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Stack gap={6}>
                  <Text size="xs" c="dimmed">
                    {task.area} · {task.item}
                    {task.source === 'added' ? ` · ${t('新增任务')}` : ` · ${t('实施方案附件2 第 {no} 项', { no: task.no })}`}
                  </Text>
                  <Text>{task.text}</Text>
                  <Table withRowBorders={false} mt="xs">
                    <Table.Tbody>
                      <Table.Tr>
                        <Table.Th w={100}>{t('责任单位')}</Table.Th>
                        <Table.Td>{unitNames(task.responsible)}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('配合单位')}</Table.Th>
                        <Table.Td>{unitNames(task.cooperating) || '—'}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('中心责任人')}</Table.Th>
                        <Table.Td>{task.ownerName || t('未指定')}</Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('起止日期')}</Table.Th>
                        <Table.Td>
                          {task.startOn || '—'} ～ {task.dueOn}
                        </Table.Td>
                      </Table.Tr>
                      <Table.Tr>
                        <Table.Th>{t('关联指标')}</Table.Th>
                        <Table.Td>
                          <Group gap="xs">
                            {task.indicators.length === 0 && '—'}
                            {task.indicators.map((i) => (
                              <Anchor key={i.id} href={`#/tasks/indicators/${i.id}`} size="sm">
                                {i.no}. {i.name}
                              </Anchor>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    </Table.Tbody>
                  </Table>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Stack gap="xs">
                  <Group>
                    <Text size="sm">{t('状态')}</Text>
                    <StatusBadge status={task.status} />
                  </Group>
                  {task.startOverdue && (
                    <Text size="xs" c="orange">
                      {t('已过开始日期，尚未填报任何进展')}
                    </Text>
                  )}
                  <Text size="sm">
                    {t('进度')} <span data-testid="task-progress">{task.progress}%</span>
                  </Text>
                  <Progress value={task.progress} size="lg" aria-label={t('进度')} />
                  <Text size="xs" c="dimmed">
                    {task.daysLeft !== null && task.status !== '已完成' ? (task.daysLeft < 0 ? t('已逾期 {n} 天', { n: -task.daysLeft }) : t('距完成时限 {n} 天', { n: task.daysLeft })) : ''}
                  </Text>
                </Stack>
              </Grid.Col>
            </Grid>
          </Paper>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Paper withBorder p="sm">
                <Title order={5} mb="sm">
                  {t('进展与里程碑时间线')}
                </Title>
                {task.reports.length === 0 && task.milestones.length === 0 && (
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('还没有填报进展')}
                  </Text>
                )}
                <TaskTimeline task={task} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <MilestonesPanel task={task} onChange={q.reload} />
            </Grid.Col>
          </Grid>
          <Modal opened={modal === 'report'} onClose={() => setModal(null)} title={t('填报进展：任务 {no}', { no: task.no })} size="lg">
            <ReportForm task={task} onDone={done} />
          </Modal>
          <Modal opened={modal === 'edit'} onClose={() => setModal(null)} title={t('编辑任务 {no}', { no: task.no })} size="xl">
            <TaskForm task={task} onDone={done} />
          </Modal>
          <Modal opened={modal === 'hold'} onClose={() => setModal(null)} title={t('暂缓任务 {no}', { no: task.no })}>
            <HoldForm task={task} onDone={done} />
          </Modal>
        </>
      )}
    </Page>
  );
}
