import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, SegmentedControl, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { navigate, queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import { DataList } from '../../components/DataList';
import { Loading, Page } from '../../components/Page';
import { APP_STATUSES, APP_STATUS_LABELS, type AppStatus } from '../../../../shared/credit';
import { t } from '../../i18n';
import { AppStatusBadge, yuan, type AppRow } from './common';
import { NewApplication } from './NewApplication';

const PAGE = 50;

/** 金融代办: every application the centre helps with, by status; the front desk sees no amounts. */
export function ApplicationsPage() {
  const params = queryParams(usePath());
  const { can } = useSession();
  const [status, setStatus] = useState<AppStatus | ''>((params.get('status') as AppStatus | null) ?? '');
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 200);
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useCall('credit.applications.list', { status, q: debounced.trim(), offset: (page - 1) * PAGE, limit: PAGE }, true, ['credit']);
  const counts = list.data?.counts ?? {};
  const hidden = list.data?.rows[0]?.amountsHidden ?? !can('credit.applications.submit');
  return (
    <Page title={t('金融代办')} actions={can('credit.applications.create') && <Button onClick={() => setAdding(true)}>{t('受理申请')}</Button>}>
      <Group justify="space-between">
        <SegmentedControl
          value={status}
          onChange={(v) => {
            setStatus(v as AppStatus | '');
            setPage(1);
          }}
          data={[{ value: '', label: t('全部') }, ...APP_STATUSES.map((s) => ({ value: s, label: `${t(APP_STATUS_LABELS[s])} ${counts[s] ?? 0}` }))]}
        />
        <TextInput
          w={280}
          leftSection={<IconSearch size={16} />}
          placeholder={t('编号、会员名称、拼音首字母、产品')}
          aria-label={t('查询')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
      </Group>
      <Loading error={list.error} loading={false} />
      <DataList<AppRow>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        onRowClick={(r) => navigate(`/credit/applications/${r.id}`)}
        columns={[
          { accessor: 'no', title: t('编号'), noWrap: true, render: (r) => <Anchor href={`#/credit/applications/${r.id}`}>{r.no}</Anchor> },
          { accessor: 'name', title: t('申请人'), render: (r) => `${r.name}（${t(r.kindLabel)}）` },
          { accessor: 'productName', title: t('产品'), render: (r) => `${r.productName} · ${r.bank}` },
          { accessor: 'township', title: t('乡镇（街道）') },
          { accessor: 'status', title: t('状态'), noWrap: true, render: (r) => (
            <Group gap={4} wrap="nowrap">
              <AppStatusBadge status={r.status} />
              {r.overdue && (
                <Badge color="red" variant="filled" size="sm" styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}>
                  {t('逾期')}
                </Badge>
              )}
            </Group>
          ) },
          { accessor: 'docs', title: t('材料'), render: (r) => `${r.docsReceived}/${r.docsRequired}` },
          ...(hidden
            ? []
            : [
                { accessor: 'grantedFen', title: t('批准金额（元）'), textAlign: 'right' as const, noWrap: true, render: (r: AppRow) => yuan(r.grantedFen) },
                { accessor: 'disbursedFen', title: t('已放款（元）'), textAlign: 'right' as const, noWrap: true, render: (r: AppRow) => yuan(r.disbursedFen) },
              ]),
          { accessor: 'createdAt', title: t('受理日期'), noWrap: true, render: (r) => r.createdAt.slice(0, 10) },
        ]}
      />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('受理金融代办')} size="lg">
        {adding && <NewApplication onDone={(a) => navigate(`/credit/applications/${a.id}`)} />}
      </Modal>
    </Page>
  );
}
