import { useCallback, useEffect, useState } from 'react';
import { ActionIcon, Anchor, Badge, Divider, Indicator, Popover, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { call } from '../../api/client';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { useSession } from '../../app/session';
import { t } from '../../i18n';

type Reminders = Out<Contract['tasks.reminders']>;
const KIND: Record<Reminders['items'][number]['kind'], { label: string; color: string }> = {
  taskOverdue: { label: '任务逾期', color: 'red' },
  milestoneOverdue: { label: '里程碑逾期', color: 'red' },
  milestoneSoon: { label: '里程碑临近', color: 'orange' },
  taskSoon: { label: '任务临近到期', color: 'orange' },
};
const REFRESH_MS = 5 * 60_000;

function when(days: number): string {
  if (days < 0) return t('已逾期 {n} 天', { n: -days });
  if (days === 0) return t('今天到期');
  return t('还有 {n} 天', { n: days });
}

/** The header bell: overdue tasks and milestones, and those due within the reminder window. */
export function TasksBell() {
  const { can } = useSession();
  const allowed = can('tasks.reminders');
  const [data, setData] = useState<Reminders | null>(null);
  const [opened, setOpened] = useState(false);
  const load = useCallback(() => {
    if (allowed) call('tasks.reminders', {}).then(setData, () => undefined);
  }, [allowed]);
  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    window.addEventListener('focus', load);
    window.addEventListener('hashchange', load);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', load);
      window.removeEventListener('hashchange', load);
    };
  }, [load]);
  if (!allowed) return null;
  const items = data?.items ?? [];
  const urgent = items.filter((i) => i.days < 0).length;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md">
      <Popover.Target>
        <Tooltip label={t('任务提醒')}>
          <Indicator label={items.length} size={16} disabled={items.length === 0} color={urgent > 0 ? 'red' : 'orange'}>
            <ActionIcon variant="subtle" size="lg" aria-label={t('任务提醒（{n} 条）', { n: items.length })} onClick={() => setOpened((o) => !o)} data-testid="tasks-bell">
              <IconBell size={20} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} size="sm">
          {t('任务提醒')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('逾期事项，以及 {n} 天内到期的里程碑和任务', { n: data?.days ?? 0 })}
        </Text>
        <Divider my="xs" />
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('没有需要提醒的事项')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Stack gap="xs">
              {items.map((i) => (
                <div key={`${i.kind}-${i.taskId}-${i.title}-${i.dueOn}`}>
                  <Badge size="xs" color={KIND[i.kind].color} variant="light" mr={6}>
                    {t(KIND[i.kind].label)}
                  </Badge>
                  <Anchor href={`#/tasks/item/${i.taskId}`} size="sm" onClick={() => setOpened(false)}>
                    {i.taskNo}. {i.item}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {i.title} · {i.dueOn} · {when(i.days)}
                    {i.ownerName ? ` · ${i.ownerName}` : ''}
                  </Text>
                </div>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
