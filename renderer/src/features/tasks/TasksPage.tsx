import { useMemo, useState } from 'react';
import { Badge, Button, CloseButton, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate, queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import { TASK_STATUSES, type TaskStatus } from '../../../../shared/tasks';
import { t } from '../../i18n';
import { TaskTable, type TaskGroup } from './TaskTable';
import { TaskForm } from './TaskForm';
import type { TaskRow } from './common';

type View = 'area' | 'unit' | 'status' | 'due';
const VIEWS: View[] = ['area', 'unit', 'status', 'due'];
const VIEW_LABELS: Record<View, string> = { area: '按领域', unit: '按责任单位', status: '按状态', due: '逾期与临期' };

function groupsFor(view: View, rows: TaskRow[], areas: string[], unitId: number | undefined): TaskGroup[] {
  if (view === 'status') return TASK_STATUSES.map((s) => ({ key: s, title: t(s), rows: rows.filter((r) => r.status === s) })).filter((g) => g.rows.length > 0);
  if (view === 'due') {
    return [
      { key: 'overdue', title: t('滞后（已过完成时限或里程碑逾期）'), rows: rows.filter((r) => r.attention === 'overdue') },
      { key: 'soon', title: t('30 天内到期（完成时限或下一个里程碑）'), rows: rows.filter((r) => r.attention === 'soon') },
      { key: 'start', title: t('已过开始日期仍未启动'), rows: rows.filter((r) => r.startOverdue) },
    ].filter((g) => g.rows.length > 0);
  }
  if (view === 'unit') {
    const units = new Map<number, { name: string; rows: TaskRow[]; lead: Set<number> }>();
    for (const r of rows) {
      for (const [list, lead] of [[r.responsible, true], [r.cooperating, false]] as const) {
        for (const u of list) {
          const g = units.get(u.id) ?? { name: u.name, rows: [], lead: new Set<number>() };
          g.rows.push(r);
          if (lead) g.lead.add(r.id);
          units.set(u.id, g);
        }
      }
    }
    return [...units.entries()]
      .filter(([id]) => unitId === undefined || id === unitId)
      .sort((a, b) => b[1].lead.size - a[1].lead.size || b[1].rows.length - a[1].rows.length)
      .map(([id, g]) => ({
        key: String(id),
        title: `${g.name}（${t('牵头 {a} 项，配合 {b} 项', { a: g.lead.size, b: g.rows.length - g.lead.size })}）`,
        rows: g.rows.sort((x, y) => x.no - y.no),
        note: (r: TaskRow) => (
          <Badge size="xs" variant="light" color={g.lead.has(r.id) ? 'teal' : 'gray'}>
            {g.lead.has(r.id) ? t('牵头') : t('配合')}
          </Badge>
        ),
      }));
  }
  const order = [...areas, ...new Set(rows.map((r) => r.area).filter((a) => !areas.includes(a)))];
  return order.map((a) => ({ key: a, title: a, rows: rows.filter((r) => r.area === a) })).filter((g) => g.rows.length > 0);
}

function SettingsForm({ onDone }: { onDone(): void }) {
  const q = useCall('tasks.settings', {});
  const [days, setDays] = useState<number | string>('');
  const { busy, run } = useAction();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        if (await run(() => call('tasks.updateSettings', { reminderDays: Number(days || q.data?.reminderDays) }), { ok: t('已保存') })) onDone();
      }}
    >
      <Stack>
        <NumberInput label={t('里程碑和到期提醒提前天数')} min={1} max={90} autoFocus value={days === '' ? (q.data?.reminderDays ?? '') : days} onChange={setDays} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

export function TasksPage() {
  const path = usePath();
  const params = queryParams(path);
  const { can } = useSession();
  const view = (VIEWS.includes(params.get('view') as View) ? params.get('view') : 'area') as View;
  const status = (params.get('status') ?? '') as TaskStatus | '';
  const unitId = Number(params.get('unit')) || undefined;
  const ownerId = Number(params.get('owner')) || undefined;
  const indicatorId = Number(params.get('indicator')) || undefined;
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text, 200);
  const list = useCall('tasks.list', { status, unitId, ownerId, indicatorId, q });
  const opts = useCall('tasks.options', {});
  const [creating, setCreating] = useState(false);
  const [settings, setSettings] = useState(false);

  const setParam = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    const s = next.toString();
    navigate(`/tasks${s ? `?${s}` : ''}`);
  };
  const groups = useMemo(() => (list.data ? groupsFor(view, list.data.rows, list.data.areas, unitId) : []), [list.data, view, unitId]);
  const indicator = opts.data?.indicators.find((i) => i.id === indicatorId);

  return (
    <Page
      title={t('重点任务')}
      actions={
        <>
          {can('tasks.updateSettings') && (
            <Button variant="default" onClick={() => setSettings(true)}>
              {t('提醒设置')}
            </Button>
          )}
          {can('tasks.create') && <Button onClick={() => setCreating(true)}>{t('新增任务')}</Button>}
        </>
      }
    >
      <Group gap="sm" align="end" wrap="wrap">
        <SegmentedControl value={view} onChange={(v) => setParam('view', v === 'area' ? null : v)} data={VIEWS.map((v) => ({ value: v, label: t(VIEW_LABELS[v]) }))} />
        <TextInput w={240} leftSection={<IconSearch size={14} />} placeholder={t('搜索任务、单位（可用拼音首字母）')} aria-label={t('搜索任务')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select w={130} placeholder={t('全部状态')} aria-label={t('状态')} clearable value={status || null} data={TASK_STATUSES.map((s) => ({ value: s, label: t(s) }))} onChange={(v) => setParam('status', v)} />
        <Select
          w={130}
          placeholder={t('全部责任人')}
          aria-label={t('责任人')}
          clearable
          value={ownerId ? String(ownerId) : null}
          data={(opts.data?.owners ?? []).map((o) => ({ value: String(o.id), label: o.name }))}
          onChange={(v) => setParam('owner', v)}
        />
        <Select
          w={200}
          placeholder={t('全部单位')}
          aria-label={t('单位')}
          clearable
          searchable
          value={unitId ? String(unitId) : null}
          data={(opts.data?.units ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
          onChange={(v) => setParam('unit', v)}
        />
        {indicator && (
          <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label={t('取消指标筛选')} onClick={() => setParam('indicator', null)} />}>
            {t('指标')} {indicator.no}：{indicator.name}
          </Badge>
        )}
      </Group>
      <Loading error={list.error} loading={list.loading && !list.data} />
      {list.data && !list.data.seeded && (
        <Text c="dimmed">{t('尚未载入实施方案的任务，请到工作台载入。')}</Text>
      )}
      {list.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('共 {n} 项', { n: list.data.rows.length })}
          </Text>
          {groups.length > 0 ? <TaskTable groups={groups} /> : <Text c="dimmed">{t('没有符合条件的任务')}</Text>}
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新增任务')} size="xl">
        <TaskForm
          onDone={(id) => {
            setCreating(false);
            navigate(`/tasks/item/${id}`);
          }}
        />
      </Modal>
      <Modal opened={settings} onClose={() => setSettings(false)} title={t('提醒设置')}>
        <SettingsForm onDone={() => setSettings(false)} />
      </Modal>
    </Page>
  );
}
