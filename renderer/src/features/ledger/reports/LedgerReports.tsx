import { useState } from 'react';
import { Anchor, Pagination, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../../api/hooks';
import { Loading } from '../../../components/Page';
import { money, useBook } from '../common';
import { reportLink, type ReportParams } from '../ReportsPage';
import { t } from '../../../i18n';

const PAGE = 500;

interface LedgerRow {
  kind: 'opening' | 'line' | 'month' | 'year';
  date: string;
  voucherId: number | null;
  voucher: string;
  summary: string;
  memberName: string;
  debitFen: number;
  creditFen: number;
  dir: string;
  balanceFen: number;
}

function LedgerTable({ rows, memberColumn }: { rows: LedgerRow[]; memberColumn: boolean }) {
  const { book } = useBook();
  return (
    <Table striped withTableBorder withColumnBorders fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('日期')}</Table.Th>
          <Table.Th>{t('凭证号')}</Table.Th>
          <Table.Th>{t('摘要')}</Table.Th>
          {memberColumn && <Table.Th>{t('成员')}</Table.Th>}
          <Table.Th ta="right">{t('借方')}</Table.Th>
          <Table.Th ta="right">{t('贷方')}</Table.Th>
          <Table.Th>{t('借或贷')}</Table.Th>
          <Table.Th ta="right">{t('余额')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i} fw={r.kind === 'line' ? undefined : 600} bg={r.kind === 'month' || r.kind === 'year' ? 'var(--mantine-color-gray-light)' : undefined}>
            <Table.Td>{r.date}</Table.Td>
            <Table.Td>{r.voucherId ? <Anchor href={`#/ledger/${book.id}/voucher/${r.voucherId}`}>{r.voucher}</Anchor> : ''}</Table.Td>
            <Table.Td>{t(r.summary)}</Table.Td>
            {memberColumn && <Table.Td>{r.memberName}</Table.Td>}
            <Table.Td ta="right">{r.kind === 'opening' ? '' : money(r.debitFen)}</Table.Td>
            <Table.Td ta="right">{r.kind === 'opening' ? '' : money(r.creditFen)}</Table.Td>
            <Table.Td>{t(r.dir)}</Table.Td>
            <Table.Td ta="right">{money(r.balanceFen, false)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 总账: per account, the year opening and each month's totals, year to date and balance. */
export function GeneralReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.general', { bookId: book.id, year: params.year, accountId: params.account });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  return (
    <Stack>
      {q.data.accounts.map((a) => (
        <Stack key={a.accountId} gap={4}>
          <Title order={5}>
            <Anchor href={`#${reportLink(book.id, 'detail', { account: a.accountId, from: `${params.year}-01`, to: `${params.year}-12` })}`}>
              {a.code} {a.name}
            </Anchor>
          </Title>
          <LedgerTable rows={a.rows} memberColumn={false} />
        </Stack>
      ))}
    </Stack>
  );
}

/** 明细账 with running balance; each line opens its voucher. */
export function DetailReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const [page, setPage] = useState(1);
  const q = useCall('ledger.reports.detail', { bookId: book.id, accountId: params.account, memberId: params.member, from: params.from, to: params.to, offset: (page - 1) * PAGE, limit: PAGE }, params.account > 0);
  if (!params.account) return <Text c="dimmed">{t('请选择科目')}</Text>;
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  return (
    <Stack gap="xs">
      <Text fw={600}>
        {d.account.code} {d.account.name}
        {d.memberName ? `　${t('成员')}：${d.memberName}` : ''}
      </Text>
      <LedgerTable rows={d.rows} memberColumn={d.account.memberDim && !d.memberName} />
      {d.total > PAGE && <Pagination total={Math.ceil(d.total / PAGE)} value={page} onChange={setPage} />}
    </Stack>
  );
}

/** 序时账: posted vouchers in date order with all their lines. */
export function JournalReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const [page, setPage] = useState(1);
  const per = 200;
  const q = useCall('ledger.reports.journal', { bookId: book.id, from: params.from, to: params.to, offset: (page - 1) * per, limit: per });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('已记账凭证 {n} 张，借贷合计 {v}', { n: d.vouchers, v: money(d.totalFen, false) })}</Text>
      <Table striped withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('日期')}</Table.Th>
            <Table.Th>{t('凭证号')}</Table.Th>
            <Table.Th>{t('摘要')}</Table.Th>
            <Table.Th>{t('科目')}</Table.Th>
            <Table.Th>{t('成员')}</Table.Th>
            <Table.Th ta="right">{t('借方')}</Table.Th>
            <Table.Th ta="right">{t('贷方')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.rows.map((r, i) => (
            <Table.Tr key={i}>
              <Table.Td>{r.first ? r.date : ''}</Table.Td>
              <Table.Td>{r.first ? <Anchor href={`#/ledger/${book.id}/voucher/${r.voucherId}`}>{r.voucher}</Anchor> : ''}</Table.Td>
              <Table.Td>{r.summary}</Table.Td>
              <Table.Td>
                {r.accountCode} {r.accountName}
              </Table.Td>
              <Table.Td>{r.memberName}</Table.Td>
              <Table.Td ta="right">{money(r.debitFen)}</Table.Td>
              <Table.Td ta="right">{money(r.creditFen)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {d.vouchers > per && <Pagination total={Math.ceil(d.vouchers / per)} value={page} onChange={setPage} />}
    </Stack>
  );
}
