import { Alert, Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { BarChart, Gauge, LineChart, ProgressBar } from '../../components/charts';
import { useSession } from '../../app/session';
import { STATUS_COLORS, formatPct, periodLabel } from '../../../../shared/tasks';
import { t } from '../../i18n';
import { BasisBadge, TaskLink, fmtValue, type Dashboard, type Figure } from './common';

function IndicatorCard({ f }: { f: Figure }) {
  const fmt = (v: number) => fmtValue(f, v);
  return (
    <Card withBorder padding="sm" data-testid={`indicator-${f.no}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="start">
          <Anchor href={`#/tasks/indicators/${f.id}`} size="sm" fw={600} lineClamp={2}>
            {f.no}. {f.name}
          </Anchor>
          <BasisBadge f={f} />
        </Group>
        <Group justify="space-between" align="end" wrap="nowrap">
          <div>
            <Text size="xl" fw={700} data-testid="indicator-value">
              {fmtValue(f, f.value)}
              <Text span size="sm" c="dimmed" ml={4}>
                {f.unit}
              </Text>
            </Text>
            <Text size="xs" c="dimmed">
              {t('{year}年目标', { year: f.year })} {fmtValue(f, f.yearTarget)} · {t('完成')} {formatPct(f.pctYear)}
            </Text>
          </div>
          <Gauge share={f.pctYear} label={t('{year}年目标完成率', { year: f.year })} size={96} />
        </Group>
        <ProgressBar
          value={f.value}
          max={f.target2027}
          marker={f.yearTarget !== null && f.year < 2027 ? { value: f.yearTarget, label: t('{year}年', { year: f.year }) } : null}
          label={t('{name}：2027年目标完成情况', { name: f.name })}
          format={fmt}
        />
        <Text size="xs" c="dimmed">
          {t('2027年目标')} {fmtValue(f, f.target2027)} {f.unit} · {t('完成')} {formatPct(f.pct2027)}
        </Text>
      </Stack>
    </Card>
  );
}

function StatusPanel({ d }: { d: Dashboard }) {
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('任务状态')}</Title>
        <Anchor href="#/tasks" size="sm">
          {t('共 {n} 项任务', { n: d.total })}
        </Anchor>
      </Group>
      <BarChart
        label={t('各状态任务数')}
        format={(v) => String(v)}
        data={d.statusCounts.map((s) => ({ key: s.status, label: t(s.status), value: s.count, color: `var(--mantine-color-${STATUS_COLORS[s.status]}-6)`, href: `#/tasks?view=status&status=${encodeURIComponent(s.status)}` }))}
      />
      <Group gap="xs" mt="xs" data-testid="status-counts">
        {d.statusCounts.map((s) => (
          <Anchor key={s.status} href={`#/tasks?view=status&status=${encodeURIComponent(s.status)}`} size="sm">
            <Badge color={STATUS_COLORS[s.status]} variant="light" data-testid={`count-${s.status}`}>
              {t(s.status)} {s.count}
            </Badge>
          </Anchor>
        ))}
      </Group>
      <Group gap="md" mt="xs">
        <Anchor href="#/tasks?view=due" size="sm">
          {t('30 天内到期 {n} 项', { n: d.dueSoon })}
        </Anchor>
        {d.startOverdue > 0 && (
          <Anchor href="#/tasks?view=due" size="sm" c="orange">
            {t('已过开始日期仍未启动 {n} 项', { n: d.startOverdue })}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}

function OverduePanel({ d }: { d: Dashboard }) {
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('逾期任务')}</Title>
        <Anchor href="#/tasks?view=due" size="sm">
          {t('查看逾期与临期')}
        </Anchor>
      </Group>
      {d.overdue.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('没有逾期任务')}
        </Text>
      ) : (
        <Table striped data-testid="overdue-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('任务')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('责任人')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('逾期')}</Table.Th>
              <Table.Th>{t('原因')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.overdue.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <TaskLink id={o.id} no={o.no}>
                    {o.no}. {o.item}
                  </TaskLink>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{o.ownerName || <Text c="dimmed" size="sm">{t('未指定')}</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('{n} 天', { n: o.lateDays })}</Table.Td>
                <Table.Td>{o.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function ReportsPanel({ d }: { d: Dashboard }) {
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('最新进展')}
      </Title>
      {d.latestReports.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('还没有填报进展')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="latest-reports">
          {d.latestReports.map((r) => (
            <div key={r.id}>
              <Group gap="xs">
                <TaskLink id={r.taskId} no={r.taskNo}>
                  {r.taskNo}. {r.taskItem}
                </TaskLink>
                <Text size="xs" c="dimmed">
                  {r.reportedOn} · {r.reporterName} · {periodLabel(r.period)}
                  {r.progress !== null ? ` · ${t('进度')} ${r.progress}%` : ''}
                  {r.files > 0 ? ` · ${t('{n} 个佐证材料', { n: r.files })}` : ''}
                </Text>
              </Group>
              <Text size="sm" lineClamp={2}>
                {r.text}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function TrendsPanel({ d }: { d: Dashboard }) {
  if (d.trends.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Title order={5} mb="xs">
        {t('计算指标走势（近 12 个月）')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {d.trends.map((tr) => (
          <div key={tr.id}>
            <Anchor href={`#/tasks/indicators/${tr.id}`} size="sm" fw={600}>
              {tr.no}. {tr.name}（{tr.unit}）
            </Anchor>
            <LineChart
              label={t('{name} 月度走势', { name: tr.name })}
              xLabels={tr.points.map((p) => p.period.slice(2))}
              values={tr.points.map((p) => p.value)}
              hollow={tr.points.map((p) => !p.fromSnapshot)}
              references={tr.yearTarget !== null ? [{ value: tr.yearTarget, label: t('{year}年目标', { year: d.year }) }] : []}
              format={(v) => v.toFixed(tr.decimals)}
            />
          </div>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('实心点为已保存的月末快照，空心点为按当前数据计算。')}
      </Text>
    </Paper>
  );
}

export function DashboardPage() {
  const q = useCall('tasks.dashboard', {});
  const { can } = useSession();
  const { busy, run } = useAction();
  const d = q.data;
  return (
    <Page title={t('改革工作台')} actions={d && <Text c="dimmed" size="sm">{t('数据日期 {date}', { date: d.today })}</Text>}>
      <Loading error={q.error} loading={q.loading && !d} />
      {d && !d.seeded && (
        <Alert color="yellow" title={t('尚未载入实施方案')}>
          <Group justify="space-between">
            <Text size="sm">{t('载入《云阳县“三位一体”改革实施方案》的 31 项重点任务和 8 项主要指标，之后可以修改。')}</Text>
            {can('tasks.seedPlan') && (
              <Button loading={busy} onClick={async () => (await run(() => call('tasks.seedPlan', {}), { ok: t('已载入实施方案') })) && q.reload()}>
                {t('载入实施方案')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      {d && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            {d.indicators.map((f) => (
              <IndicatorCard key={f.id} f={f} />
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <StatusPanel d={d} />
            <OverduePanel d={d} />
          </SimpleGrid>
          <ReportsPanel d={d} />
          <TrendsPanel d={d} />
        </>
      )}
    </Page>
  );
}
