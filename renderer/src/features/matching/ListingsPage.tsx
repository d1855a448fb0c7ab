import { useState } from 'react';
import { Button, Group, Modal, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { ImportWizard } from '../../components/ImportWizard';
import { downloadFile } from '../../components/files';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';
import { ListingForm } from './ListingForm';
import { Certs, ListingStatus, priceText, sideLabel, today, type Listing } from './common';

const PAGE = 50;
type Status = 'current' | 'all' | 'open' | 'matched' | 'withdrawn' | 'expired';
type Preview = Out<Contract['listings.importPreview']>;

export function ListingsPage() {
  const { can } = useSession();
  const [side, setSide] = useState<'all' | 'supply' | 'demand'>('all');
  const [kind, setKind] = useState<'all' | 'produce' | 'input'>('all');
  const [status, setStatus] = useState<Status>('current');
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 200);
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const { busy, run } = useAction();
  const filter = { side: side === 'all' ? undefined : side, kind: kind === 'all' ? undefined : kind, status, q };
  const list = useCall('listings.list', { ...filter, offset: (page - 1) * PAGE, limit: PAGE }, true, ['listings', 'deals']);
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const exportFile = async () => {
    const f = await run(() => call('listings.export', { ...filter, format: 'xlsx' }));
    if (f) downloadFile(f);
  };
  return (
    <Page
      title={t('供需挂牌')}
      actions={
        <>
          <Button variant="default" onClick={exportFile} loading={busy}>
            {t('导出')}
          </Button>
          {can('listings.importCommit') && (
            <Button variant="default" onClick={() => setImporting(true)}>
              {t('导入')}
            </Button>
          )}
          {can('listings.save') && <Button onClick={() => setCreating(true)}>{t('新增挂牌')}</Button>}
        </>
      }
    >
      <Group gap="sm" align="end" wrap="wrap">
        <SegmentedControl
          value={side}
          onChange={(v) => reset(setSide)(v as typeof side)}
          data={[
            { value: 'all', label: t('供应和需求') },
            { value: 'supply', label: t('供应') },
            { value: 'demand', label: t('需求') },
          ]}
        />
        <SegmentedControl
          value={kind}
          onChange={(v) => reset(setKind)(v as typeof kind)}
          data={[
            { value: 'all', label: t('全部') },
            { value: 'produce', label: t('农产品') },
            { value: 'input', label: t('农资') },
          ]}
        />
        <Select
          w={150}
          aria-label={t('状态')}
          allowDeselect={false}
          value={status}
          onChange={(v) => reset(setStatus)((v ?? 'current') as Status)}
          data={[
            { value: 'current', label: t('当前有效') },
            { value: 'all', label: t('全部') },
            { value: 'matched', label: t('已全部成交') },
            { value: 'withdrawn', label: t('已撤回') },
            { value: 'expired', label: t('已过期') },
          ]}
        />
        <TextInput w={260} leftSection={<IconSearch size={14} />} aria-label={t('搜索挂牌')} placeholder={t('编号、主体、产品或拼音首字母')} value={text} onChange={(e) => reset(setText)(e.currentTarget.value)} />
      </Group>
      <Loading error={list.error} loading={false} />
      <DataList<Listing>
        records={list.data?.rows}
        total={list.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={list.loading}
        onRowClick={(l) => navigate(`/matching/listings/${l.id}`)}
        columns={[
          { accessor: 'code', title: t('编号') },
          { accessor: 'side', title: t('方向'), render: (l) => sideLabel(l.side) },
          { accessor: 'partyName', title: t('主体') },
          { accessor: 'product', title: t('产品'), render: (l) => `${l.product}${l.grade ? ` · ${l.grade}` : ''}` },
          { accessor: 'remaining', title: t('剩余 / 数量'), textAlign: 'right', render: (l) => `${l.remaining} / ${l.quantity} ${l.unit}` },
          { accessor: 'price', title: t('价格'), render: (l) => priceText(l.priceMinFen, l.priceMaxFen, l.priceUnit) },
          { accessor: 'window', title: t('时间'), noWrap: true, render: (l) => `${l.windowFrom.slice(5)}~${l.windowTo.slice(5)}` },
          { accessor: 'township', title: t('乡镇/地点'), render: (l) => l.township || l.place },
          { accessor: 'certifications', title: t('认证'), render: (l) => <Certs list={l.certifications} /> },
          { accessor: 'status', title: t('状态'), noWrap: true, width: 110, render: (l) => <ListingStatus l={l} today={today()} /> },
        ]}
      />
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新增挂牌')} size="xl">
        <ListingForm side={side === 'demand' ? 'demand' : 'supply'} onDone={() => setCreating(false)} />
      </Modal>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('导入挂牌信息')} size="xl">
        <ImportWizard<Preview['rows'][number], Preview>
          columns={[
            { title: t('方向'), render: (r) => r.side },
            { title: t('主体'), render: (r) => r.party },
            { title: t('产品'), render: (r) => r.product },
            { title: t('数量'), render: (r) => r.quantity },
            { title: t('时间'), render: (r) => r.window },
          ]}
          preview={(u) => call('listings.importPreview', u)}
          commit={(u) => call('listings.importCommit', u)}
          template={
            <Button variant="subtle" onClick={async () => downloadFile(await call('listings.importTemplate', {}))}>
              {t('下载模板')}
            </Button>
          }
          onDone={() => {
            setImporting(false);
            list.reload();
          }}
        />
      </Modal>
    </Page>
  );
}
