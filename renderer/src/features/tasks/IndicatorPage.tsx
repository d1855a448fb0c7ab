import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, Grid, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { Gauge, LineChart, ProgressBar } from '../../components/charts';
import { useSession } from '../../app/session';
import { formatTime } from '../../components/files';
import { formatPct, periodLabel } from '../../../../shared/tasks';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { BasisBadge, StatusBadge, fmtValue, localToday } from './common';

type Detail = Out<Contract['indicators.get']>;

function TargetsForm({ d, onDone }: { d: Detail; onDone(): void }) {
  const f = d.figure;
  const form = useForm({
    initialValues: {
      name: f.name,
      unit: f.unit,
      decimals: f.decimals,
      notes: f.notes,
      target2024: (f.target2024 ?? '') as number | string,
      target2027: f.target2027 as number | string,
      y2025: (d.yearTargets[1]?.manual ? d.yearTargets[1].value : '') as number | string,
      y2026: (d.yearTargets[2]?.manual ? d.yearTargets[2].value : '') as number | string,
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(
      () =>
        call('indicators.update', {
          id: f.id,
          version: f.version,
          name: v.name,
          unit: v.unit,
          decimals: v.decimals,
          notes: v.notes,
          target2024: v.target2024 === '' ? null : Number(v.target2024),
          target2027: Number(v.target2027),
          yearTargets: [
            { year: 2025, value: v.y2025 === '' ? null : Number(v.y2025) },
            { year: 2026, value: v.y2026 === '' ? null : Number(v.y2026) },
          ],
        }),
      { ok: t('已保存'), setErrors: (e) => form.setErrors({ ...e, y2025: e['yearTargets.0.value'], y2026: e['yearTargets.1.value'] }) },
    );
    if (r) onDone();
  });
  const line = (year: number) => d.yearTargets.find((y) => y.year === year)?.line;
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('指标名称')} required autoFocus {...form.getInputProps('name')} />
        <Group grow>
          <TextInput label={t('计量单位')} required {...form.getInputProps('unit')} />
          <NumberInput label={t('小数位数')} min={0} max={2} {...form.getInputProps('decimals')} />
        </Group>
        <SimpleGrid cols={4}>
          <NumberInput label={t('2024年目标')} min={0} {...form.getInputProps('target2024')} />
          <NumberInput label={t('2025年目标')} min={0} placeholder={t('直线 {v}', { v: line(2025) ?? '—' })} {...form.getInputProps('y2025')} />
          <NumberInput label={t('2026年目标')} min={0} placeholder={t('直线 {v}', { v: line(2026) ?? '—' })} {...form.getInputProps('y2026')} />
          <NumberInput label={t('2027年目标')} required min={0} {...form.getInputProps('target2027')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('2025、2026 年留空则按 2024 与 2027 年目标之间的直线计算。')}
        </Text>
        <Textarea label={t('说明')} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

function ValueForm({ d, onDone }: { d: Detail; onDone(): void }) {
  const f = d.figure;
  const form = useForm({ initialValues: { period: localToday().slice(0, 7), value: '' as number | string, note: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('indicators.setValue', { id: f.id, period: v.period, value: Number(v.value), note: v.note }), { ok: t('已填报'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {f.hasSource && <Alert color="blue">{t('此指标由系统计算。手工填报的数值会替代计算值显示，但必须注明数据来源；计算值仍会保留并同时显示。')}</Alert>}
        <Group grow>
          <TextInput type="month" label={t('所属月份')} required max={localToday().slice(0, 7)} {...form.getInputProps('period')} />
          <NumberInput label={t('数值（{unit}）', { unit: f.unit })} required min={0} decimalScale={f.decimals} autoFocus {...form.getInputProps('value')} />
        </Group>
        <TextInput label={t('数据来源说明')} required={f.hasSource} placeholder={t('如 县金融工作服务中心 11 月统计')} {...form.getInputProps('note')} />
        <Button type="submit" loading={busy}>
          {t('填报')}
        </Button>
      </Stack>
    </form>
  );
}

const BASIS_LABEL: Record<string, string> = { computed: '系统计算', manual: '手工填报', carried: '沿用上期', none: '无数据' };

export function IndicatorPage({ params }: RouteProps) {
  const q = useCall('indicators.get', { id: Number(params.id), months: 12 });
  const { can } = useSession();
  const { busy, run } = useAction();
  const [modal, setModal] = useState<'targets' | 'value' | null>(null);
  const d = q.data;
  const f = d?.figure;
  useEffect(() => setModal(null), [params.id]);
  const done = () => {
    setModal(null);
    q.reload();
  };
  const history = d ? [...d.history].reverse() : [];
  return (
    <Page
      title={f ? t('指标 {no}：{name}', { no: f.no, name: f.name }) : t('指标')}
      actions={
        f && (
          <>
            {can('indicators.setValue') && <Button onClick={() => setModal('value')}>{t('填报数值')}</Button>}
            {can('indicators.update') && (
              <Button variant="default" onClick={() => setModal('targets')}>
                {t('修改目标')}
              </Button>
            )}
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !d} />
      {d && f && (
        <>
          <Grid>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Paper withBorder p="md" h="100%">
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Text size="sm" c="dimmed">
                      {periodLabel(f.period)} · {f.unit}
                    </Text>
                    <BasisBadge f={f} />
                  </Group>
                  <Group justify="space-between" align="end">
                    <Text fz={32} fw={700} data-testid="indicator-current">
                      {fmtValue(f, f.value)}
                    </Text>
                    <Gauge share={f.pctYear} label={t('{year}年目标完成率', { year: f.year })} size={110} />
                  </Group>
                  <ProgressBar value={f.value} max={f.target2027} marker={f.yearTarget !== null && f.year < 2027 ? { value: f.yearTarget, label: t('{year}年', { year: f.year }) } : null} label={f.name} format={(v) => fmtValue(f, v)} />
                  <Text size="sm">
                    {t('{year}年目标', { year: f.year })} {fmtValue(f, f.yearTarget)}（{formatPct(f.pctYear)}）· {t('2027年目标')} {fmtValue(f, f.target2027)}（{formatPct(f.pct2027)}）
                  </Text>
                  <Text size="sm" c="dimmed" data-testid="indicator-how">
                    {f.how}
                  </Text>
                  {f.basis === 'manual' && f.computed !== null && (
                    <Text size="sm">
                      {t('系统计算值')}：{fmtValue(f, f.computed)} {f.unit}
                    </Text>
                  )}
                  {f.basis === 'manual' && can('indicators.withdrawValue') && (
                    <Button size="xs" variant="light" color="orange" w="fit-content" loading={busy} onClick={async () => (await run(() => call('indicators.withdrawValue', { id: f.id, period: f.period }), { ok: t('已撤回') })) && q.reload()}>
                      {t('撤回本月手工值')}
                    </Button>
                  )}
                  {f.route && (
                    <Anchor href={`#${f.route}`} size="sm">
                      {t('查看原始数据')}
                    </Anchor>
                  )}
                </Stack>
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Paper withBorder p="md" h="100%">
                <Title order={5}>{t('近 12 个月')}</Title>
                <LineChart
                  label={t('{name} 月度走势', { name: f.name })}
                  xLabels={history.map((h) => h.period)}
                  values={history.map((h) => h.value)}
                  hollow={history.map((h) => !h.fromSnapshot)}
                  references={[
                    ...(f.yearTarget !== null && f.year < 2027 ? [{ value: f.yearTarget, label: t('{year}年目标', { year: f.year }), color: 'var(--mantine-color-orange-6)' }] : []),
                    { value: f.target2027, label: t('2027年目标') },
                  ]}
                  width={520}
                  height={200}
                  format={(v) => v.toFixed(f.decimals)}
                />
              </Paper>
            </Grid.Col>
          </Grid>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              {t('年度目标')}
            </Title>
            <Group gap="xl">
              {d.yearTargets.map((y) => (
                <div key={y.year}>
                  <Text size="xs" c="dimmed">
                    {y.year} {y.manual ? t('（手工设定）') : y.year > 2024 && y.year < 2027 ? t('（直线）') : ''}
                  </Text>
                  <Text fw={600}>
                    {fmtValue(f, y.value)} {y.value !== null && f.unit}
                  </Text>
                </div>
              ))}
            </Group>
          </Paper>
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Title order={5}>{t('相关任务')}</Title>
              <Anchor href={`#/tasks?indicator=${f.id}`} size="sm">
                {t('在任务台账中查看')}
              </Anchor>
            </Group>
            {d.tasks.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('没有关联的任务')}
              </Text>
            ) : (
              <Stack gap={4}>
                {d.tasks.map((tk) => (
                  <Group key={tk.id} gap="xs" wrap="nowrap">
                    <StatusBadge status={tk.status} />
                    <Anchor href={`#/tasks/item/${tk.id}`} size="sm" lineClamp={1}>
                      {tk.no}. {tk.item}：{tk.text}
                    </Anchor>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Title order={5} mb="xs">
              {t('月度数值')}
            </Title>
            <Table striped data-testid="indicator-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('月份')}</Table.Th>
                  <Table.Th>{t('数值')}</Table.Th>
                  <Table.Th>{t('来源')}</Table.Th>
                  <Table.Th>{t('按当前数据重算')}</Table.Th>
                  <Table.Th>{t('说明')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.history.map((h) => (
                  <Table.Tr key={h.period}>
                    <Table.Td>{h.period}</Table.Td>
                    <Table.Td fw={600}>{fmtValue(f, h.value)}</Table.Td>
                    <Table.Td>
                      {t(BASIS_LABEL[h.basis] ?? h.basis)}
                      {h.fromSnapshot && (
                        <Badge ml={4} size="xs" variant="outline">
                          {t('快照')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td c={h.fromSnapshot && h.recomputed !== h.value ? 'orange' : undefined}>{h.fromSnapshot ? fmtValue(f, h.recomputed) : ''}</Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {h.how}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('手工填报记录')}
              </Title>
              {d.entries.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('没有手工填报')}
                </Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {d.entries.map((e) => (
                      <Table.Tr key={e.id} c={e.withdrawnAt ? 'dimmed' : undefined}>
                        <Table.Td>{e.period}</Table.Td>
                        <Table.Td>{fmtValue(f, e.value)}</Table.Td>
                        <Table.Td>{e.note}</Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {e.enteredBy} {formatTime(e.enteredAt)}
                          </Text>
                          {e.withdrawnAt && (
                            <Text size="xs" c="orange">
                              {t('{who} 于 {at} 撤回', { who: e.withdrawnBy, at: formatTime(e.withdrawnAt) })}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Title order={5} mb="xs">
                {t('月末快照')}
              </Title>
              {d.snapshots.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('还没有快照')}
                </Text>
              ) : (
                <Table>
                  <Table.Tbody>
                    {d.snapshots.map((s) => (
                      <Table.Tr key={s.period}>
                        <Table.Td>
                          <Anchor href={`#/tasks/indicators?period=${s.period}`}>{s.period}</Anchor>
                        </Table.Td>
                        <Table.Td>{fmtValue(f, s.value)}</Table.Td>
                        <Table.Td>
                          <Text size="xs">
                            {s.trigger === 'auto' ? t('自动') : s.takenBy} {formatTime(s.takenAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Paper>
          </SimpleGrid>
          <Modal opened={modal === 'targets'} onClose={() => setModal(null)} title={t('修改指标与目标')} size="lg">
            <TargetsForm d={d} onDone={done} />
          </Modal>
          <Modal opened={modal === 'value'} onClose={() => setModal(null)} title={t('填报数值：{name}', { name: f.name })}>
            <ValueForm d={d} onDone={done} />
          </Modal>
        </>
      )}
    </Page>
  );
}
