import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import type { RouteProps } from '../types';
import { BookPage, StatusBadge, periodText, usePeriods, useBook, useWorkingPeriod } from './common';
import { PrintMenu } from './VoucherPage';
import { t } from '../../i18n';

const PAGE = 50;

function VoucherList() {
  const { book } = useBook();
  const { can } = useSession();
  const periods = usePeriods();
  const working = useWorkingPeriod();
  const [filter, setFilter] = useState({ from: working, to: working, status: '' as '' | 'draft' | 'reviewed' | 'posted', q: '' });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const q = useCall('ledger.vouchers.list', { bookId: book.id, ...filter, offset: (page - 1) * PAGE, limit: PAGE }, true, ['ledger']);
  const { busy, run } = useAction();
  const set = (p: Partial<typeof filter>) => {
    setFilter((f) => ({ ...f, ...p }));
    setPage(1);
    setSelected([]);
  };
  const rows = q.data?.rows ?? [];
  const chosen = rows.filter((r) => selected.includes(r.id));
  const batch = async (method: 'ledger.vouchers.review' | 'ledger.vouchers.post', ok: string) => {
    if (await run(() => call(method, { ids: chosen.map((r) => r.id) }), { ok })) {
      setSelected([]);
      q.reload();
    }
  };
  const periodData = periods.map((p) => ({ value: p, label: periodText(p) }));
  return (
    <>
      <Group align="end" gap="sm">
        <Select label={t('从')} w={130} data={periodData} value={filter.from} onChange={(v) => v && set({ from: v, to: v > filter.to ? v : filter.to })} allowDeselect={false} />
        <Select label={t('至')} w={130} data={periodData} value={filter.to} onChange={(v) => v && set({ to: v })} allowDeselect={false} />
        <Select
          label={t('状态')}
          w={120}
          data={[
            { value: '', label: t('全部') },
            { value: 'draft', label: t('待审核') },
            { value: 'reviewed', label: t('已审核') },
            { value: 'posted', label: t('已记账') },
          ]}
          value={filter.status}
          onChange={(v) => set({ status: (v ?? '') as typeof filter.status })}
          allowDeselect={false}
        />
        <TextInput label={t('摘要')} w={200} value={filter.q} onChange={(e) => set({ q: e.currentTarget.value })} />
        <Group gap="xs" ml="auto">
          {can('ledger.vouchers.review') && (
            <Button variant="light" disabled={!chosen.some((r) => r.status === 'draft')} loading={busy} onClick={() => batch('ledger.vouchers.review', t('已审核所选凭证'))}>
              {t('审核所选')}
            </Button>
          )}
          {can('ledger.vouchers.post') && (
            <Button variant="light" color="green" disabled={!chosen.some((r) => r.status === 'reviewed')} loading={busy} onClick={() => batch('ledger.vouchers.post', t('已记账所选凭证'))}>
              {t('记账所选')}
            </Button>
          )}
          <PrintMenu ids={chosen.map((r) => r.id)} />
          {can('ledger.vouchers.save') && <Button onClick={() => navigate(`/ledger/${book.id}/voucher/new`)}>{t('录入凭证')}</Button>}
        </Group>
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label={t('全选')}
                checked={rows.length > 0 && chosen.length === rows.length}
                indeterminate={chosen.length > 0 && chosen.length < rows.length}
                onChange={(e) => setSelected(e.currentTarget.checked ? rows.map((r) => r.id) : [])}
              />
            </Table.Th>
            <Table.Th>{t('日期')}</Table.Th>
            <Table.Th>{t('凭证号')}</Table.Th>
            <Table.Th>{t('摘要')}</Table.Th>
            <Table.Th ta="right">{t('金额')}</Table.Th>
            <Table.Th>{t('状态')}</Table.Th>
            <Table.Th>{t('制单')}</Table.Th>
            <Table.Th>{t('审核')}</Table.Th>
            <Table.Th>{t('记账')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t('选择 {v}', { v: `${r.kind}-${r.number}` })}
                  checked={selected.includes(r.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected((s) => (on ? [...s, r.id] : s.filter((x) => x !== r.id)));
                  }}
                />
              </Table.Td>
              <Table.Td>{r.date}</Table.Td>
              <Table.Td>
                <Anchor href={`#/ledger/${book.id}/voucher/${r.id}`}>
                  {r.kind}-{r.number}
                </Anchor>
              </Table.Td>
              <Table.Td>{r.summary}</Table.Td>
              <Table.Td ta="right" c={r.debitTotalFen < 0 ? 'red' : undefined}>
                {formatFen(r.debitTotalFen)}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>{r.preparerName}</Table.Td>
              <Table.Td>{r.reviewerName}</Table.Td>
              <Table.Td>{r.posterName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.data && q.data.rows.length === 0 && <Text c="dimmed">{t('没有凭证')}</Text>}
      {q.data && q.data.total > PAGE && <Pagination total={Math.ceil(q.data.total / PAGE)} value={page} onChange={setPage} />}
    </>
  );
}

export function VouchersPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="vouchers" title="凭证">
      <VoucherList />
    </BookPage>
  );
}
