import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { STAT_DIMENSIONS, STAT_DIMENSION_LABELS, type StatRow } from '../../../../shared/contract/requestFields';
import { formatFen } from '../../../../shared/money';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { BarChart, ProgressBar } from '../../components/charts';
import { downloadFile } from '../../components/files';
import { useSession } from '../../app/session';
import { t } from '../../i18n';
import { mu } from './common';
import { useGeoOptions } from '../members/common';

type Dimension = (typeof STAT_DIMENSIONS)[number];

function Row({ r, total = false }: { r: StatRow; total?: boolean }) {
  return (
    <Table.Tr fw={total ? 600 : undefined}>
      <Table.Td>{total ? t('合计') : r.label}</Table.Td>
      <Table.Td ta="right">{r.requests}</Table.Td>
      <Table.Td ta="right">{r.done}</Table.Td>
      <Table.Td ta="right">{r.avgDays ?? '—'}</Table.Td>
      <Table.Td ta="right" data-testid={total ? 'total-mutimes' : undefined}>
        {mu(r.muTimes100)}
      </Table.Td>
      <Table.Td ta="right">{formatFen(r.feeFen)}</Table.Td>
      <Table.Td ta="right">{formatFen(r.subsidyFen)}</Table.Td>
      <Table.Td ta="right">{formatFen(r.paidFen)}</Table.Td>
      <Table.Td ta="right">{r.followUps}</Table.Td>
      <Table.Td ta="right">{r.satisfaction ?? '—'}</Table.Td>
    </Table.Tr>
  );
}

/** Service statistics by month, township, crop, link, provider or kind, with indicator 6 and exports. */
export function StatsPage() {
  const { can } = useSession();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<string | null>(String(thisYear));
  const [range, setRange] = useState({ from: `${thisYear}-01-01`, to: `${thisYear}-12-31` });
  const [by, setBy] = useState<Dimension>('month');
  const geo = useGeoOptions();
  const [town, setTown] = useState<string | null>(null);
  const townshipId = town ? Number(town) : undefined;
  const townName = geo.townships.find((x) => x.value === town)?.label ?? '';
  const q = useCall('serviceStats.get', { ...range, by, townshipId }, true, ['requests']);
  const plan = useCall('indicators.list', { period: '' }, can('indicators.list'));
  const six = plan.data?.rows.find((r) => r.no === 6);
  const { busy, run } = useAction();
  const chooseYear = (y: string | null) => {
    setYear(y);
    if (y) setRange({ from: `${y}-01-01`, to: `${y}-12-31` });
  };
  const exportAs = async (which: Dimension | 'all', format: 'xlsx' | 'pdf') => {
    const f = await run(() => call('serviceStats.export', { ...range, by: which, format, townshipId }));
    if (f) downloadFile(f);
  };
  const wan = q.data ? q.data.indicator.wanMuTimes : null;
  return (
    <Page
      title={t('服务统计')}
      actions={
        can('serviceStats.export') && (
          <>
            <Button variant="default" loading={busy} onClick={() => exportAs(by, 'xlsx')}>
              {t('导出本表')}
            </Button>
            <Button variant="default" loading={busy} onClick={() => exportAs(by, 'pdf')}>
              {t('导出 PDF')}
            </Button>
            <Button loading={busy} onClick={() => exportAs('all', 'xlsx')}>
              {t('导出全部维度')}
            </Button>
          </>
        )
      }
    >
      <Group align="end" gap="sm">
        <Select w={110} label={t('年度')} data={Array.from({ length: 10 }, (_, i) => String(thisYear - i))} value={year} onChange={chooseYear} clearable />
        <TextInput type="date" label={t('开始日期')} value={range.from} onChange={(e) => (setYear(null), setRange({ ...range, from: e.currentTarget.value }))} />
        <TextInput type="date" label={t('结束日期')} value={range.to} onChange={(e) => (setYear(null), setRange({ ...range, to: e.currentTarget.value }))} />
        <Select w={150} label={t('范围')} placeholder={t('全县')} data={geo.townships} value={town} onChange={setTown} clearable searchable />
        <SegmentedControl value={by} onChange={(v) => setBy(v as Dimension)} data={STAT_DIMENSIONS.map((d) => ({ value: d, label: t(`按${STAT_DIMENSION_LABELS[d]}`) }))} />
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Paper withBorder p="md">
              <Text size="xs" c="dimmed">
                {t('服务量（亩次）')}
              </Text>
              <Title order={3} data-testid="stats-mutimes">
                {mu(q.data.totals.muTimes100)}
              </Title>
              <Text size="xs" c="dimmed">
                {t('1 个环节在 1 亩地上作业 1 次计 1 亩次')}
              </Text>
            </Paper>
            <Paper withBorder p="md">
              <Text size="xs" c="dimmed">
                {townshipId ? t('{town}服务规模（指标 6 按全县计）', { town: townName }) : t('指标 6：开展农业生产社会化服务规模')}
              </Text>
              <Title order={3} data-testid="indicator-6">
                {wan} {t('万亩次')}
              </Title>
              {six && !townshipId && <ProgressBar value={wan} max={six.target2027} marker={six.yearTarget ? { value: six.yearTarget, label: t('{year} 年目标', { year: six.year }) } : null} label={t('指标 6 完成情况')} />}
              {six && !townshipId && (
                <Text size="xs" c="dimmed">
                  {t('2027 年目标 {n} 万亩次', { n: six.target2027 })}
                </Text>
              )}
            </Paper>
            <Paper withBorder p="md">
              <Text size="xs" c="dimmed">
                {t('受理 / 完成 / 平均办结天数 / 满意度')}
              </Text>
              <Title order={3}>
                {q.data.totals.requests} / {q.data.totals.done} / {q.data.totals.avgDays ?? '—'} / {q.data.totals.satisfaction ?? '—'}
              </Title>
              <Text size="xs" c="dimmed">
                {t('服务费 {fee} 元，补助 {sub} 元', { fee: formatFen(q.data.totals.feeFen), sub: formatFen(q.data.totals.subsidyFen) })}
              </Text>
            </Paper>
          </SimpleGrid>
          {q.data.rows.length > 0 && (
            <Paper withBorder p="md">
              <BarChart label={t('服务量（亩次）')} data={q.data.rows.slice(0, 14).map((r) => ({ key: r.key || 'none', label: r.label, value: r.muTimes100 / 100 }))} />
            </Paper>
          )}
          <Table striped withTableBorder fz="sm" data-testid="stats-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(STAT_DIMENSION_LABELS[by])}</Table.Th>
                <Table.Th ta="right">{t('受理（件）')}</Table.Th>
                <Table.Th ta="right">{t('完成（件）')}</Table.Th>
                <Table.Th ta="right">{t('平均办结天数')}</Table.Th>
                <Table.Th ta="right">{t('服务量（亩次）')}</Table.Th>
                <Table.Th ta="right">{t('服务费（元）')}</Table.Th>
                <Table.Th ta="right">{t('补助（元）')}</Table.Th>
                <Table.Th ta="right">{t('农户实付（元）')}</Table.Th>
                <Table.Th ta="right">{t('回访（件）')}</Table.Th>
                <Table.Th ta="right">{t('平均满意度')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Row key={r.key} r={r} />
              ))}
              <Row r={q.data.totals} total />
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            {t('受理按受理日期、完成和办结天数按完成日期、满意度按回访日期、服务量和金额按作业日期统计；按环节统计时一件申请的每个环节各计一次，合计行按申请计。')}
          </Text>
        </Stack>
      )}
    </Page>
  );
}
