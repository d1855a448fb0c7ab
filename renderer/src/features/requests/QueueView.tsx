import { useState } from 'react';
import { Badge, Group, SegmentedControl, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { DataTableSortStatus } from 'mantine-datatable';
import { PRIORITY_LABELS, REQUEST_KIND_VALUES, REQUEST_STATUS, STATUS_LABELS } from '../../../../shared/contract/requestFields';
import { useCall } from '../../api/hooks';
import { DataList } from '../../components/DataList';
import { Loading } from '../../components/Page';
import { formatTime } from '../../components/files';
import { navigate, queryParams, usePath } from '../../app/router';
import { t } from '../../i18n';
import { OverdueBadge, StatusBadge, kindOptions, mu, useSetup, type QueueRow } from './common';

const PAGE = 50;
const TABS = ['open', 'overdue', ...REQUEST_STATUS, 'all'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<string, string> = { open: '未办结', overdue: '逾期', all: '全部', ...STATUS_LABELS };
type Group = 'township' | 'provider' | 'handler';
const GROUP_LABELS: Record<Group, string> = { township: '按乡镇', provider: '按服务主体', handler: '按经办人' };
const SORTABLE = ['code', 'receivedAt', 'wishedFrom', 'priority', 'township', 'status', 'areaMu100'] as const;
type Sort = (typeof SORTABLE)[number];

/**
 * The queue: tabs by status with counts, filters kept in the address (so going back keeps them), groups
 * by township, provider or handler with counts, and a sortable page of requests. It reloads by itself
 * when another desk changes a request.
 */
export function QueueView({ base, mine = false }: { base: string; mine?: boolean }) {
  const path = usePath();
  const params = queryParams(path);
  const setup = useSetup();
  const providers = useCall('providers.list', {}, true, ['providers']);
  const handlers = useCall('requests.handlers', {});
  const status = (TABS.includes(params.get('status') as Tab) ? params.get('status') : 'open') as Tab;
  const num = (k: string) => (params.get(k) ? Number(params.get(k)) : null);
  const [text, setText] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(text, 250);
  const [page, setPage] = useState(1);
  const [group, setGroup] = useState<Group>('township');
  const [sort, setSort] = useState<DataTableSortStatus<QueueRow>>({ columnAccessor: 'receivedAt', direction: 'desc' });

  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setPage(1);
    const s = next.toString();
    navigate(`${base}${s ? `?${s}` : ''}`);
  };
  const input = {
    status,
    townshipId: num('township'),
    providerId: num('provider'),
    handlerId: mine ? null : num('handler'),
    kind: (params.get('kind') ?? '') as '' | (typeof REQUEST_KIND_VALUES)[number],
    mine,
    q,
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    sort: (SORTABLE.includes(sort.columnAccessor as Sort) ? sort.columnAccessor : 'receivedAt') as Sort,
    dir: sort.direction,
    offset: (page - 1) * PAGE,
    limit: PAGE,
  };
  const list = useCall('requests.list', input, true, ['requests']);
  const counts = list.data?.counts ?? {};
  const groups = list.data ? { township: list.data.byTownship, provider: list.data.byProvider, handler: list.data.byHandler }[group] : [];
  const groupKey = { township: 'township', provider: 'provider', handler: 'handler' }[group];
  const active = num(groupKey);

  return (
    <Stack gap="sm">
      <Tabs value={status} onChange={(v) => set('status', v === 'open' ? null : v)}>
        <Tabs.List>
          {TABS.map((s) => (
            <Tabs.Tab key={s} value={s} color={s === 'overdue' ? 'red' : undefined}>
              {t(TAB_LABELS[s]!)}{' '}
              <Badge size="sm" variant={s === status ? 'filled' : 'light'} color={s === 'overdue' && (counts.overdue ?? 0) > 0 ? 'red' : 'gray'} data-testid={`count-${s}`}>
                {counts[s] ?? 0}
              </Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Group gap="sm" align="end" wrap="wrap">
        <TextInput w={230} leftSection={<IconSearch size={14} />} aria-label={t('查找申请')} placeholder={t('单号、姓名、拼音首字母、电话尾号')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Select w={150} aria-label={t('乡镇')} placeholder={t('全部乡镇')} clearable searchable value={params.get('township')} data={setup.townships.map((x) => ({ value: String(x.id), label: x.name }))} onChange={(v) => set('township', v)} />
        <Select w={200} aria-label={t('服务主体')} placeholder={t('全部服务主体')} clearable searchable value={params.get('provider')} data={(providers.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))} onChange={(v) => set('provider', v)} />
        {!mine && <Select w={130} aria-label={t('经办人')} placeholder={t('全部经办人')} clearable value={params.get('handler')} data={(handlers.data ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))} onChange={(v) => set('handler', v)} />}
        <Select w={160} aria-label={t('服务类别')} placeholder={t('全部类别')} clearable value={params.get('kind')} data={kindOptions(REQUEST_KIND_VALUES)} onChange={(v) => set('kind', v)} />
        <TextInput type="date" w={150} aria-label={t('受理开始日期')} value={params.get('from') ?? ''} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput type="date" w={150} aria-label={t('受理结束日期')} value={params.get('to') ?? ''} onChange={(e) => set('to', e.currentTarget.value)} />
      </Group>
      <Group gap={6} wrap="wrap">
        <SegmentedControl size="xs" value={group} onChange={(v) => setGroup(v as Group)} data={(Object.keys(GROUP_LABELS) as Group[]).filter((g) => !(mine && g === 'handler')).map((g) => ({ value: g, label: t(GROUP_LABELS[g]) }))} />
        {groups.map((g) => (
          <Badge
            key={g.id ?? 'none'}
            component="button"
            variant={active === g.id ? 'filled' : 'light'}
            style={{ cursor: 'pointer' }}
            onClick={() => g.id !== null && set(groupKey, active === g.id ? null : String(g.id))}
          >
            {g.name || t('（未指定）')} {g.count}
          </Badge>
        ))}
      </Group>
      <Loading error={list.error} loading={list.loading && !list.data} />
      <DataList<QueueRow>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        sort={sort}
        onSort={setSort}
        onRowClick={(r) => navigate(`/requests/item/${r.id}`)}
        columns={[
          { accessor: 'code', title: t('单号'), sortable: true, noWrap: true, render: (r) => <Text size="sm" ff="monospace">{r.code}</Text> },
          { accessor: 'party', title: t('农户（主体）') },
          { accessor: 'kind', title: t('类别'), noWrap: true, render: (r) => t(r.kind) },
          { accessor: 'links', title: t('作物·环节'), render: (r) => [r.crop, r.links].filter(Boolean).join('·') },
          { accessor: 'areaMu100', title: t('面积（亩）'), sortable: true, textAlign: 'right', render: (r) => (r.areaMu100 ? mu(r.areaMu100) : '') },
          { accessor: 'township', title: t('乡镇'), sortable: true, render: (r) => [r.township, r.village].filter(Boolean).join(' ') },
          { accessor: 'wishedFrom', title: t('期望日期'), sortable: true, render: (r) => (r.wishedFrom || r.wishedTo ? `${r.wishedFrom.slice(5)}～${r.wishedTo.slice(5)}` : '') },
          { accessor: 'priority', title: t('优先级'), sortable: true, render: (r) => (r.priority > 0 ? <Badge color={r.priority > 1 ? 'red' : 'orange'} variant="light">{t(PRIORITY_LABELS[r.priority]!)}</Badge> : '') },
          {
            accessor: 'status',
            title: t('状态'),
            sortable: true,
            render: (r) => (
              <Group gap={4} wrap="nowrap">
                <StatusBadge status={r.status} />
                <OverdueBadge reasons={r.overdue} />
              </Group>
            ),
          },
          { accessor: 'provider', title: t('服务主体') },
          ...(mine ? [] : [{ accessor: 'handler' as const, title: t('经办人') }]),
          { accessor: 'receivedAt', title: t('受理时间'), sortable: true, noWrap: true, render: (r) => formatTime(r.receivedAt) },
        ]}
      />
    </Stack>
  );
}
