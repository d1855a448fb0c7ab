import { Button, Grid, Group, NumberInput, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { navigate, queryParams, usePath } from '../../app/router';
import { Loading, Page } from '../../components/Page';
import { BarChart } from '../../components/charts';
import { downloadFile } from '../../components/files';
import { formatWan } from '../../../../shared/credit';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';

type Figures = Out<Contract['credit.figures']>;
type Row = Figures['byBank'][number];

function Breakdown({ title, first, rows }: { title: string; first: string; rows: Row[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {t(title)}
      </Title>
      <Table striped fz="sm" data-testid={`by-${title}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t(first)}</Table.Th>
            <Table.Th ta="right">{t('受理')}</Table.Th>
            <Table.Th ta="right">{t('批准')}</Table.Th>
            <Table.Th ta="right">{t('批准金额')}</Table.Th>
            <Table.Th ta="right">{t('放款笔数')}</Table.Th>
            <Table.Th ta="right">{t('放款金额')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={6}>
                <Text size="sm" c="dimmed">
                  {t('没有记录')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>{r.key}</Table.Td>
              <Table.Td ta="right">{r.applications}</Table.Td>
              <Table.Td ta="right">{r.approvals}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatWan(r.grantedFen)}
              </Table.Td>
              <Table.Td ta="right">{r.disbursements}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatWan(r.disbursedFen)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {t(label)}
      </Text>
      <Text fw={700} size="lg" data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The year's loan assistance in figures, and indicator 8 as the tracker reports it. */
export function FiguresPage() {
  const params = queryParams(usePath());
  const year = Number(params.get('year')) || new Date().getFullYear();
  const q = useCall('credit.figures', { year }, true, ['credit']);
  const { busy, run } = useAction();
  const f = q.data;
  return (
    <Page
      title={t('信用统计')}
      actions={
        <>
          <NumberInput w={110} aria-label={t('年度')} min={2000} max={2100} value={year} onChange={(v) => Number(v) >= 2000 && navigate(`/credit/figures?year=${v}`)} />
          <Button leftSection={<IconDownload size={16} />} variant="default" loading={busy} onClick={async () => {
            const file = await run(() => call('credit.figures.export', { year }));
            if (file) downloadFile(file);
          }}>
            {t('导出 Excel')}
          </Button>
        </>
      }
    >
      <Loading error={q.error} loading={q.loading && !f} />
      {f && (
        <>
          <Paper withBorder p="md">
            <Group justify="space-between">
              <Text fw={600}>{t('指标 8：撬动金融机构投入“三位一体”改革信贷资金规模')}</Text>
              <Text fw={700} size="xl" data-testid="credit-indicator">
                {t('{v} 亿元', { v: f.indicator.value.toFixed(4) })}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {f.indicator.how}
            </Text>
          </Paper>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Stat label="受理申请" value={t('{n} 件', { n: f.totals.applications })} />
            <Stat label="银行批准" value={t('{n} 件 / {a}', { n: f.totals.approvals, a: formatWan(f.totals.grantedFen) })} />
            <Stat label="银行未批准" value={t('{n} 件', { n: f.totals.rejections })} />
            <Stat label="放款" value={t('{n} 笔 / {a}', { n: f.totals.disbursements, a: formatWan(f.totals.disbursedFen) })} testId="disbursed-total" />
            <Stat label="未还清余额" value={`${formatWan(f.totals.outstandingFen)}${f.totals.overdue ? ` · ${t('逾期 {n} 笔', { n: f.totals.overdue })}` : ''}`} />
          </SimpleGrid>
          <Grid>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={5} mb="xs">
                  {t('每月放款（万元）')}
                </Title>
                <BarChart label={t('{y} 年每月放款', { y: year })} data={f.byMonth.map((m) => ({ key: m.month, label: `${Number(m.month.slice(5))}${t('月')}`, value: m.disbursedFen / 1_000_000 }))} format={(v) => v.toFixed(0)} />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={5} mb="xs">
                  {t('信用村镇（截至年末或今日）')}
                </Title>
                <Text size="sm">{t('信用村 {n} 个', { n: f.campaigns.villages })}</Text>
                <Text size="sm">{t('信用乡镇 {n} 个', { n: f.campaigns.townships })}</Text>
                <Text size="sm">{t('整村授信 {n} 次', { n: f.campaigns.wholeVillage })}</Text>
                <Text size="sm">{t('授信 {n} 户，授信总额 {a}', { n: f.campaigns.households, a: formatWan(f.campaigns.lineFen) })}</Text>
              </Paper>
            </Grid.Col>
          </Grid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Breakdown title="按银行" first="银行" rows={f.byBank} />
            <Breakdown title="按产品" first="产品" rows={f.byProduct} />
            <Breakdown title="按产业" first="产业" rows={f.byIndustry} />
            <Breakdown title="按乡镇（街道）" first="乡镇（街道）" rows={f.byTownship} />
          </SimpleGrid>
        </>
      )}
    </Page>
  );
}
