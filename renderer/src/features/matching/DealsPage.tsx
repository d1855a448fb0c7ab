import { useState } from 'react';
import { Group, SegmentedControl, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { navigate } from '../../app/router';
import { formatFen } from '../../../../shared/money';
import { t } from '../../i18n';
import { DealStatus, type Deal } from './common';

const PAGE = 50;

export function DealsPage() {
  const [status, setStatus] = useState<'open' | 'completed' | 'cancelled' | 'all'>('all');
  const [kind, setKind] = useState<string>('all');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const list = useCall('deals.list', { status, kind: kind === 'all' ? undefined : (kind as 'produce'), q, from, to, offset: (page - 1) * PAGE, limit: PAGE }, true, ['deals']);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  return (
    <Page title={t('成交与交货')}>
      <Group gap="sm" align="end" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(v) => reset(setStatus)(v as typeof status)}
          data={[
            { value: 'all', label: t('全部') },
            { value: 'open', label: t('履约中') },
            { value: 'completed', label: t('已完成') },
            { value: 'cancelled', label: t('已取消') },
          ]}
        />
        <Select
          w={120}
          aria-label={t('类型')}
          allowDeselect={false}
          value={kind}
          onChange={(v) => reset(setKind)(v ?? 'all')}
          data={[
            { value: 'all', label: t('全部类型') },
            { value: 'produce', label: t('农产品') },
            { value: 'input', label: t('农资') },
          ]}
        />
        <TextInput w={240} leftSection={<IconSearch size={14} />} aria-label={t('搜索成交')} placeholder={t('编号、供需方、产品或拼音首字母')} value={text} onChange={(e) => reset(setText)(e.currentTarget.value)} />
        <TextInput type="date" label={t('签约自')} value={from} onChange={(e) => reset(setFrom)(e.currentTarget.value)} />
        <TextInput type="date" label={t('签约至')} value={to} onChange={(e) => reset(setTo)(e.currentTarget.value)} />
      </Group>
      <Loading error={list.error} loading={false} />
      <DataList<Deal>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        onRowClick={(d) => navigate(`/matching/deals/${d.id}`)}
        columns={[
          { accessor: 'code', title: t('编号') },
          { accessor: 'signedOn', title: t('签约日期') },
          { accessor: 'seller', title: t('供方') },
          { accessor: 'buyer', title: t('需方') },
          { accessor: 'product', title: t('产品'), render: (d) => `${d.product}${d.grade ? ` ${d.grade}` : ''}` },
          { accessor: 'quantity', title: t('数量'), textAlign: 'right', render: (d) => `${d.quantity} ${d.unit}` },
          { accessor: 'delivered', title: t('已交货'), textAlign: 'right', render: (d) => `${d.delivered} ${d.unit}` },
          { accessor: 'valueFen', title: t('金额（元）'), textAlign: 'right', render: (d) => formatFen(d.valueFen) },
          { accessor: 'event', title: t('活动'), render: (d) => <Text size="sm" truncate maw={160}>{d.event}</Text> },
          { accessor: 'status', title: t('状态'), render: (d) => <DealStatus status={d.status} /> },
        ]}
      />
    </Page>
  );
}
