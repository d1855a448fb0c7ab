import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatMu } from '../../../../shared/format/area';
import { t } from '../../i18n';
import { ExportMenu, StatusBadge, toId, useGeoOptions } from './common';
import type { Household } from './types';

const PAGE = 50;
type Sort = 'id' | 'name' | 'land' | 'updated';
const SORT_OF: Record<string, Sort> = { id: 'id', name: 'name', landAreaMu100: 'land', updatedAt: 'updated' };

export function HouseholdListPage() {
  const { can } = useSession();
  const geo = useGeoOptions();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const [filter, setFilter] = useState({ townshipId: null as string | null, villageId: null as string | null, status: '' as '' | 'active' | 'inactive' });
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ columnAccessor: string; direction: 'asc' | 'desc' }>({ columnAccessor: 'id', direction: 'desc' });
  const query = { q: debounced, townshipId: toId(filter.townshipId), villageId: toId(filter.villageId), status: filter.status, sort: SORT_OF[sort.columnAccessor] ?? 'id', desc: sort.direction === 'desc' };
  const list = useCall('households.list', { ...query, offset: (page - 1) * PAGE, limit: PAGE });
  const set = (patch: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  return (
    <Page
      title={t('农户')}
      actions={
        <>
          <ExportMenu input={{ kind: 'households', filter: query }} />
          {can('households.save') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/members/households/new')}>
              {t('登记农户')}
            </Button>
          )}
        </>
      }
    >
      <Group align="end">
        <TextInput
          label={t('查找')}
          placeholder={t('姓名、拼音首字母（如 zs）、电话或身份证号尾号')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={320}
          autoFocus
          data-testid="household-search"
        />
        <Select label={t('乡镇（街道）')} data={geo.townships} value={filter.townshipId} onChange={(v) => set({ townshipId: v, villageId: null })} clearable searchable w={160} />
        <Select label={t('村（社区）')} data={geo.villages(filter.townshipId)} value={filter.villageId} onChange={(v) => set({ villageId: v })} clearable searchable disabled={!filter.townshipId} w={160} />
        <Select
          label={t('状态')}
          data={[
            { value: 'active', label: t('正常') },
            { value: 'inactive', label: t('已停用') },
          ]}
          value={filter.status || null}
          onChange={(v) => set({ status: (v ?? '') as typeof filter.status })}
          clearable
          w={110}
        />
      </Group>
      {list.error && <Loading error={list.error} loading={false} />}
      <DataList<Household>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        sort={sort as never}
        onSort={(s) => setSort(s as typeof sort)}
        onRowClick={(h) => navigate(`/members/households/${h.id}`)}
        columns={[
          { accessor: 'name', title: t('姓名'), sortable: true },
          { accessor: 'idNumber', title: t('身份证号') },
          { accessor: 'phone', title: t('联系电话') },
          { accessor: 'township', title: t('乡镇（街道）'), render: (h) => `${h.township}${h.village ? ` · ${h.village}` : ''}` },
          { accessor: 'householdSize', title: t('人口'), textAlign: 'right' },
          { accessor: 'landAreaMu100', title: t('耕地（亩）'), textAlign: 'right', sortable: true, render: (h) => formatMu(h.landAreaMu100) },
          { accessor: 'status', title: t('状态'), render: (h) => <StatusBadge status={h.status} /> },
        ]}
      />
    </Page>
  );
}
