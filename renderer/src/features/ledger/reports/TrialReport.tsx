import { Alert, Anchor, Table, Text } from '@mantine/core';
import { useCall } from '../../../api/hooks';
import { Loading } from '../../../components/Page';
import { money, previousPeriod, useBook } from '../common';
import { reportLink, type ReportParams } from '../ReportsPage';
import { t } from '../../../i18n';

/**
 * 科目余额表; every figure opens the detail ledger of that account (and member): the period columns for the
 * same range, the opening column up to the month before it, the year-to-date and closing columns from
 * the start of the year (the detail ledger starts with the balance brought forward).
 */
export function TrialReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.trial', { bookId: book.id, from: params.from, to: params.to, level: params.level, members: params.members });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const yearStart = `${params.to.slice(0, 4)}-01` < book.startPeriod ? book.startPeriod : `${params.to.slice(0, 4)}-01`;
  const before = params.from > yearStart ? previousPeriod(params.from) : params.from;
  const link = (accountId: number, member: number, text: string, from = params.from, to = params.to) =>
    text ? <Anchor href={`#${reportLink(book.id, 'detail', { account: accountId, member, from, to })}`}>{text}</Anchor> : '';
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
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.openingD), yearStart, before)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.openingC), yearStart, before)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.periodD))}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.periodC))}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.ytdD), yearStart)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.ytdC), yearStart)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.closingD), yearStart)}</Table.Td>
                <Table.Td ta="right">{link(r.accountId, r.memberId, money(r.closingC), yearStart)}</Table.Td>
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
