import { useState } from 'react';
import { Badge, Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ORG_KIND_VALUES, DEMO_LEVELS, ORG_STATUS, ORG_STATUS_LABELS } from '../../../../shared/contract/memberFields';
import { t } from '../../i18n';
import { queryParams, usePath } from '../../app/router';
import { ExportMenu, StatusBadge, toId, useGeoOptions, useIndustryOptions } from './common';
import type { Org } from './types';

const PAGE = 50;
type Sort = 'id' | 'name' | 'members' | 'updated';
const SORT_OF: Record<string, Sort> = { id: 'id', name: 'name', memberCount: 'members', updatedAt: 'updated' };

export function OrgListPage() {
  const { can } = useSession();
  const geo = useGeoOptions();
  const industries = useIndustryOptions();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  // Links from the indicators open a filtered list (#/members/orgs?kind=农民专业合作社&demo=any).
  const asked = queryParams(usePath());
  const [f, setF] = useState({
    kind: asked.get('kind') ?? '',
    townshipId: null as string | null,
    industry: '',
    status: asked.get('status') ?? '',
    demoLevel: asked.get('demo') ?? '',
  });
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ columnAccessor: string; direction: 'asc' | 'desc' }>({ columnAccessor: 'id', direction: 'desc' });
  const query = {
    q: debounced,
    kind: f.kind as (typeof ORG_KIND_VALUES)[number] | '',
    townshipId: toId(f.townshipId),
    industry: f.industry,
    status: f.status as (typeof ORG_STATUS)[number] | '',
    demoLevel: f.demoLevel as '' | 'any' | (typeof DEMO_LEVELS)[number],
    sort: SORT_OF[sort.columnAccessor] ?? 'id',
    desc: sort.direction === 'desc',
  };
  const list = useCall('orgs.list', { ...query, offset: (page - 1) * PAGE, limit: PAGE });
  const set = (patch: Partial<typeof f>) => {
    setF((x) => ({ ...x, ...patch }));
    setPage(1);
  };
  return (
    <Page
      title={t('经营主体')}
      actions={
        <>
          <ExportMenu input={{ kind: 'orgs', filter: query }} />
          {can('orgs.save') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('/members/orgs/new')}>
              {t('登记主体')}
            </Button>
          )}
        </>
      }
    >
      <Group align="end">
        <TextInput
          label={t('查找')}
          placeholder={t('名称、拼音首字母、信用代码或电话')}
          leftSection={<IconSearch size={16} />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={280}
          autoFocus
          data-testid="org-search"
        />
        <Select label={t('主体类型')} data={ORG_KIND_VALUES.map((k) => ({ value: k, label: t(k) }))} value={f.kind || null} onChange={(v) => set({ kind: v ?? '' })} clearable w={170} />
        <Select label={t('乡镇（街道）')} data={geo.townships} value={f.townshipId} onChange={(v) => set({ townshipId: v })} clearable searchable w={150} />
        <Select label={t('产业')} data={industries} value={f.industry || null} onChange={(v) => set({ industry: v ?? '' })} clearable searchable w={120} />
        <Select label={t('状态')} data={ORG_STATUS.map((s) => ({ value: s, label: t(ORG_STATUS_LABELS[s]) }))} value={f.status || null} onChange={(v) => set({ status: v ?? '' })} clearable w={100} />
        <Select
          label={t('示范社')}
          data={[{ value: 'any', label: t('各级示范社') }, ...DEMO_LEVELS.map((l) => ({ value: l, label: t(`${l}示范社`) }))]}
          value={f.demoLevel || null}
          onChange={(v) => set({ demoLevel: v ?? '' })}
          clearable
          w={140}
        />
      </Group>
      {list.error && <Loading error={list.error} loading={false} />}
      <DataList<Org>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        sort={sort as never}
        onSort={(s) => setSort(s as typeof sort)}
        onRowClick={(o) => navigate(`/members/orgs/${o.id}`)}
        columns={[
          { accessor: 'name', title: t('名称'), sortable: true },
          { accessor: 'kind', title: t('类型'), render: (o) => t(o.kind) },
          { accessor: 'creditCode', title: t('统一社会信用代码') },
          { accessor: 'township', title: t('乡镇（街道）') },
          { accessor: 'industries', title: t('产业'), render: (o) => o.industries.join('、') },
          { accessor: 'memberCount', title: t('成员数'), textAlign: 'right', sortable: true },
          { accessor: 'demoLevel', title: t('示范社'), render: (o) => (o.demoLevel ? <Badge variant="light" color="yellow">{t(`${o.demoLevel}示范社`)} {o.demoYear}</Badge> : '') },
          { accessor: 'status', title: t('状态'), render: (o) => <StatusBadge status={o.status} /> },
        ]}
      />
    </Page>
  );
}
