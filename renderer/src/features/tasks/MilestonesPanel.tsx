import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Paper, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconPencil, IconTrash, IconArrowBackUp } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';
import { localToday, type TaskDetail } from './common';

const STATE: Record<TaskDetail['milestones'][number]['state'], { label: string; color: string }> = {
  done: { label: '已完成', color: 'green' },
  late: { label: '已逾期', color: 'red' },
  soon: { label: '30 天内到期', color: 'orange' },
  pending: { label: '未到期', color: 'gray' },
};

/** Milestones with their state; managers add, edit, remove and tick them off here. */
export function MilestonesPanel({ task, onChange }: { task: TaskDetail; onChange(): void }) {
  const { busy, run } = useAction();
  const [editing, setEditing] = useState<number | null>(null);
  const form = useForm({ initialValues: { title: '', dueOn: '' } });
  const version = task.version;
  const save = form.onSubmit(async (v) => {
    const r = await run(() => call('tasks.saveMilestone', { taskId: task.id, version, id: editing ?? undefined, ...v }), { ok: t('已保存'), setErrors: form.setErrors });
    if (r) {
      form.reset();
      setEditing(null);
      onChange();
    }
  });
  const act = async (fn: () => Promise<unknown>) => (await run(fn)) && onChange();
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('里程碑')}
      </Title>
      {task.milestones.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('还没有里程碑')}
        </Text>
      )}
      {task.milestones.length > 0 && (
        <Table data-testid="milestones">
          <Table.Tbody>
            {task.milestones.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td miw={140}>{m.title}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.dueOn}</Table.Td>
                <Table.Td>
                  <Badge color={STATE[m.state].color} variant="light">
                    {t(STATE[m.state].label)}
                  </Badge>
                  {m.doneOn && (
                    <Text size="xs" c="dimmed">
                      {m.doneOn} {m.doneBy}
                    </Text>
                  )}
                </Table.Td>
                {task.canEdit && (
                  <Table.Td w={110}>
                    <Group gap={2} wrap="nowrap">
                      {m.doneOn ? (
                        <Tooltip label={t('改为未完成')}>
                          <ActionIcon variant="subtle" aria-label={t('改为未完成')} loading={busy} onClick={() => act(() => call('tasks.setMilestoneDone', { taskId: task.id, version, id: m.id, doneOn: '' }))}>
                            <IconArrowBackUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : (
                        <Tooltip label={t('标记完成（今天）')}>
                          <ActionIcon variant="subtle" color="green" aria-label={t('标记完成')} loading={busy} onClick={() => act(() => call('tasks.setMilestoneDone', { taskId: task.id, version, id: m.id, doneOn: localToday() }))}>
                            <IconCheck size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('编辑里程碑')}
                        onClick={() => {
                          setEditing(m.id);
                          form.setValues({ title: m.title, dueOn: m.dueOn });
                        }}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('删除里程碑')} loading={busy} onClick={() => act(() => call('tasks.deleteMilestone', { taskId: task.id, version, id: m.id }))}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {task.canEdit && (
        <form onSubmit={save}>
          <Group align="end" mt="xs" wrap="nowrap">
            <TextInput style={{ flex: 1 }} label={editing ? t('修改里程碑') : t('新里程碑')} {...form.getInputProps('title')} />
            <TextInput type="date" label={t('日期')} {...form.getInputProps('dueOn')} />
            <Button type="submit" variant="light" loading={busy}>
              {editing ? t('保存') : t('添加')}
            </Button>
            {editing && (
              <Button
                variant="subtle"
                onClick={() => {
                  setEditing(null);
                  form.reset();
                }}
              >
                {t('取消')}
              </Button>
            )}
          </Group>
        </form>
      )}
    </Paper>
  );
}
