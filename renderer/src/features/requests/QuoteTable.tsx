import { Alert, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Contract } from '../../../../shared/contract';
import type { In, Out } from '../../../../shared/contract/define';
import { formatFen } from '../../../../shared/money';
import { useCall } from '../../api/hooks';
import { t } from '../../i18n';
import { mu } from './common';

export type Quote = Out<Contract['requests.quote']>;

/** Price, fee, subsidy and what the farmer pays, per link and in total, with the rule that was applied. */
export function QuoteTable({ quote, title }: { quote: Quote; title?: string }) {
  if (quote.lines.length === 0) return null;
  return (
    <Stack gap={4} data-testid="quote">
      {title && (
        <Text size="sm" fw={600}>
          {title}
        </Text>
      )}
      <Table fz="sm" withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('环节')}</Table.Th>
            <Table.Th ta="right">{t('单价（元/亩）')}</Table.Th>
            <Table.Th ta="right">{t('亩次')}</Table.Th>
            <Table.Th ta="right">{t('服务费')}</Table.Th>
            <Table.Th ta="right">{t('补助')}</Table.Th>
            <Table.Th ta="right">{t('农户应付')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {quote.lines.map((l) => (
            <Table.Tr key={l.linkId}>
              <Table.Td>
                {l.link}
                {l.priceSource && (
                  <Text span size="xs" c="dimmed" ml={4}>
                    {t(l.priceSource)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{l.priceFen === null ? '—' : formatFen(l.priceFen)}</Table.Td>
              <Table.Td ta="right">{mu(l.muTimes100)}</Table.Td>
              <Table.Td ta="right">{formatFen(l.feeFen)}</Table.Td>
              <Table.Td ta="right">{formatFen(l.subsidyFen)}</Table.Td>
              <Table.Td ta="right">{formatFen(l.dueFen)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>{t('合计')}</Table.Td>
            <Table.Td />
            <Table.Td ta="right">{mu(quote.muTimes100)}</Table.Td>
            <Table.Td ta="right">{formatFen(quote.feeFen)}</Table.Td>
            <Table.Td ta="right" data-testid="quote-subsidy">
              {formatFen(quote.subsidyFen)}
            </Table.Td>
            <Table.Td ta="right" data-testid="quote-due">
              {formatFen(quote.dueFen)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {quote.subsidyRule}
      </Text>
      {quote.problems.map((p) => (
        <Alert key={p} color="orange" p="xs">
          {p}
        </Alert>
      ))}
    </Stack>
  );
}

/** The intake's live estimate, recomputed by the server (same rule as the records) as the clerk types. */
export function QuotePreview({ input }: { input: In<Contract['requests.quote']> }) {
  const [debounced] = useDebouncedValue(input, 250);
  const ready = (debounced.linkIds?.length ?? 0) > 0 && (debounced.areaMu100 ?? 0) > 0 && debounced.cropId != null;
  const q = useCall('requests.quote', debounced, ready, ['servicePrices', 'subsidyRules']);
  if (!ready || !q.data) return null;
  return <QuoteTable quote={q.data} title={t('费用估算')} />;
}
