import { Alert, Anchor, Table, Text } from '@mantine/core';
import { useCall } from '../../../api/hooks';
import { Loading } from '../../../components/Page';
import { money, useBook } from '../common';
import { reportLink, type ReportParams } from '../ReportsPage';
import { t } from '../../../i18n';

/** 科目余额表; every figure opens the detail ledger of that account (and member) for the same range. */
export function TrialReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.trial', { bookId: book.id, from: params.from, to: params.to, level: params.level, members: params.members });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const link = (accountId: number, member: number, text: string) =>
    text ? <Anchor href={`#${reportLink(book.id, 'detail', { account: accountId, member, from: params.from, to: params.to })}`}>{text}</Anchor> : '';
  return (
    <>
      {!d.balanced && <Alert color="red">{t('试算不平衡，请检查凭证与期初余额')}</Alert>}
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover withTableBorder withColumnBorders fz="sm" data-testid="trial-balance">
          <Table.Thead>
            <Table.Tr>
              <Table.Th rowSpan={2}>{t('科目编码')}</Table.Th>
              <Table.Th rowSpan={2}>{t('科目名称')}</Table.Th>
              <Table.Th colSpan={2} ta="center">{t('期初余额')}</Table.Th>
              <Table.Th colSpan={2} ta="center">{t('本期发生额')}</Table.Th>
              <Table.Th colSpan={2} ta="center">{t('本年累计发生额')}</Table.Th>
              <Table.Th colSpan={2} ta="center">{t('期末余额')}</Table.Th>
            </Table.Tr>
            <Table.Tr>
              {['借方', '贷方', '借方', '贷方', '借方', '贷方', '借方', '贷方'].map((h, i) => (
                <Table.Th key={i} ta="right">
                  {t(h)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.rows.map((r) => (
              <Table.Tr key={`${r.accountId}:${r.memberId}`} fw={r.level === 1 && !r.memberId ? 600 : undefined}>
                <Table.Td>{r.memberId ? '' : r.code}</Table.Td>
                <Table.Td style={{ paddingLeft: 8 + (r.level - 1) * 14 }}>{r.memberId ? <Text size="sm" c="dimmed">{r.name}</Text> : r.name}</Table.Td>
                <Table.Td ta="right">{money(r.openingD)}</Table.Td>
                <Table.Td ta="right">{money(r.openingC)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.periodD))}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.periodC))}</Table.Td>
                <Table.Td ta="right">{money(r.ytdD)}</Table.Td>
                <Table.Td ta="right">{money(r.ytdC)}</Table.Td>
                <Table.Td ta="right">{money(r.closingD)}</Table.Td>
                <Table.Td ta="right">{money(r.closingC)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr fw={700}>
              <Table.Td />
              <Table.Td>{t('合计')}</Table.Td>
              {(['openingD', 'openingC', 'periodD', 'periodC', 'ytdD', 'ytdC', 'closingD', 'closingC'] as const).map((k) => (
                <Table.Td key={k} ta="right">
                  {money(d.totals[k], false)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
