import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { downloadFile } from '../../components/files';
import { BarChart } from '../../components/charts';
import { formatFen } from '../../../../shared/money';
import { t } from '../../i18n';

function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz={22} fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

interface GroupRow {
  deals: number;
  quantities: string;
  valueFen: number;
  deliveredValueFen: number;
  brandedValueFen: number;
}

function GroupTable<R extends GroupRow>({ title, head, rows, label }: { title: string; head: string; rows: R[]; label(r: R): ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('本期没有数据')}
        </Text>
      ) : (
        <Table fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{head}</Table.Th>
              <Table.Th ta="right">{t('笔数')}</Table.Th>
              <Table.Th>{t('数量')}</Table.Th>
              <Table.Th ta="right">{t('金额（元）')}</Table.Th>
              <Table.Th ta="right">{t('品牌产品（元）')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                <Table.Td>{label(r)}</Table.Td>
                <Table.Td ta="right">{r.deals}</Table.Td>
                <Table.Td>{r.quantities}</Table.Td>
                <Table.Td ta="right">{formatFen(r.valueFen)}</Table.Td>
                <Table.Td ta="right">{formatFen(r.brandedValueFen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** Deals, quantity and value by product, township, month and event, for the reports and the tracker. */
export function FiguresPage() {
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const q = useCall('matching.figures', { from, to }, true, ['deals', 'matchEvents']);
  const { busy, run } = useAction();
  const f = q.data;
  const exportXlsx = async () => {
    const file = await run(() => call('matching.exportFigures', { from, to }));
    if (file) downloadFile(file);
  };
  return (
    <Page
      title={t('产销对接统计')}
      actions={
        <Button onClick={exportXlsx} loading={busy}>
          {t('导出 Excel')}
        </Button>
      }
    >
      <Group align="end">
        <TextInput type="date" label={t('签约日期自')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('至')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {f && (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }}>
            <Stat label={t('成交笔数')} value={f.totals.deals} hint={t('已完成 {a}，已取消 {b}', { a: f.totals.completed, b: f.totals.cancelled })} />
            <Stat label={t('成交金额（元）')} value={formatFen(f.totals.valueFen)} />
            <Stat label={t('已交货金额（元）')} value={formatFen(f.totals.deliveredValueFen)} />
            <Stat label={t('品牌产品占比')} value={`${(f.totals.brandedShare * 100).toFixed(1)}%`} hint={t('{n} 笔带认证', { n: f.totals.brandedDeals })} />
            <Stat label={t('农资成交（元）')} value={formatFen(f.totals.inputValueFen)} hint={t('{n} 笔', { n: f.totals.inputDeals })} />
            <Stat label={t('对接活动')} value={f.totals.events} hint={t('场')} />
          </SimpleGrid>
          {f.byMonth.length > 0 && (
            <Paper withBorder p="sm">
              <Title order={5}>{t('各月成交金额（万元）')}</Title>
              <BarChart label={t('各月成交金额（万元）')} data={f.byMonth.map((m) => ({ key: m.month, label: m.month.slice(2), value: m.valueFen / 1_000_000 }))} format={(v) => v.toFixed(1)} />
            </Paper>
          )}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <GroupTable title={t('按产品')} head={t('产品')} rows={f.byProduct} label={(r) => `${r.category} / ${r.product}`} />
            <GroupTable title={t('按产地乡镇')} head={t('乡镇')} rows={f.byTownship} label={(r) => r.township} />
            <GroupTable title={t('按月份')} head={t('月份')} rows={f.byMonth} label={(r) => r.month} />
            <GroupTable title={t('按对接活动')} head={t('活动')} rows={f.byEvent} label={(r) => `${r.date} ${r.event}（${t('{n} 个参与方', { n: r.participants })}）`} />
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
