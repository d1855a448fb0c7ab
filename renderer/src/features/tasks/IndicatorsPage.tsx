import { useState } from 'react';
import { Alert, Anchor, Button, Group, Modal, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { ProgressBar } from '../../components/charts';
import { navigate, queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import { formatPct, periodLabel } from '../../../../shared/tasks';
import { t } from '../../i18n';
import { BasisBadge, fmtValue, localToday } from './common';

function SnapshotForm({ period, onDone }: { period: string; onDone(p: string): void }) {
  const [value, setValue] = useState(period);
  const [error, setError] = useState<string | undefined>();
  const { busy, run } = useAction();
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await run(() => call('indicators.snapshot', { period: value }), { setErrors: (f) => setError(f.period) });
        if (r) onDone(r.period);
      }}
    >
      <Stack>
        <Text size="sm">{t('快照把这个月各项指标的数值、计算说明和目标固定下来，作为上报数；保存后不能修改，以后登记的数据也不会改变它。')}</Text>
        <TextInput type="month" label={t('所属月份')} required autoFocus max={localToday().slice(0, 7)} value={value} error={error} onChange={(e) => setValue(e.currentTarget.value)} />
        <Button type="submit" loading={busy}>
          {t('保存快照')}
        </Button>
      </Stack>
    </form>
  );
}

function NewIndicatorForm({ onDone }: { onDone(id: number): void }) {
  const form = useForm({ initialValues: { name: '', unit: '', decimals: 0, target2024: '' as number | string, target2027: '' as number | string, notes: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(
      () => call('indicators.create', { ...v, target2024: v.target2024 === '' ? null : Number(v.target2024), target2027: Number(v.target2027) }),
      { ok: t('已新增指标'), setErrors: form.setErrors },
    );
    if (r) onDone(r.id);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('指标名称')} required autoFocus {...form.getInputProps('name')} />
        <Group grow>
          <TextInput label={t('计量单位')} required {...form.getInputProps('unit')} />
          <NumberInput label={t('小数位数')} min={0} max={2} {...form.getInputProps('decimals')} />
        </Group>
        <Group grow>
          <NumberInput label={t('2024年目标')} min={0} {...form.getInputProps('target2024')} />
          <NumberInput label={t('2027年目标')} required min={0} {...form.getInputProps('target2027')} />
        </Group>
        <TextInput label={t('说明')} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('新增指标')}
        </Button>
      </Stack>
    </form>
  );
}

/** The plan's annex 1 with the period's figures: frozen ones for months with a snapshot. */
export function IndicatorsPage() {
  const params = queryParams(usePath());
  const period = params.get('period') ?? '';
  const q = useCall('indicators.list', { period });
  const { can } = useSession();
  const [modal, setModal] = useState<'snapshot' | 'new' | null>(null);
  const d = q.data;
  return (
    <Page
      title={t('主要指标')}
      actions={
        <>
          {can('indicators.create') && (
            <Button variant="default" onClick={() => setModal('new')}>
              {t('新增指标')}
            </Button>
          )}
          {can('indicators.snapshot') && <Button onClick={() => setModal('snapshot')}>{t('保存月末快照')}</Button>}
        </>
      }
    >
      <Group align="end">
        <TextInput
          type="month"
          label={t('查看月份')}
          w={200}
          max={localToday().slice(0, 7)}
          value={d?.period ?? period}
          onChange={(e) => e.currentTarget.value && navigate(`/tasks/indicators?period=${e.currentTarget.value}`)}
        />
        {d && !d.current && (
          <Button variant="subtle" onClick={() => navigate('/tasks/indicators')}>
            {t('回到本月')}
          </Button>
        )}
      </Group>
      <Loading error={q.error} loading={q.loading && !d} />
      {d && d.rows.some((r) => r.fromSnapshot) && (
        <Alert color="blue">{t('{p} 的数值来自月末快照（{at} 保存），不随之后登记的数据变化。', { p: periodLabel(d.period), at: d.rows.find((r) => r.fromSnapshot)!.snapshotAt.slice(0, 10) })}</Alert>
      )}
      {d && (
        <Table striped withTableBorder data-testid="indicator-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t('序号')}</Table.Th>
              <Table.Th>{t('指标名称')}</Table.Th>
              <Table.Th>{t('2024年目标')}</Table.Th>
              <Table.Th>{t('{year}年目标', { year: Number(d.period.slice(0, 4)) })}</Table.Th>
              <Table.Th>{t('2027年目标')}</Table.Th>
              <Table.Th>{t('{p}完成', { p: periodLabel(d.period) })}</Table.Th>
              <Table.Th w={220}>{t('完成情况')}</Table.Th>
              <Table.Th>{t('来源')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.rows.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.no}</Table.Td>
                <Table.Td>
                  <Anchor href={`#/tasks/indicators/${f.id}`}>{f.name}</Anchor>
                  {f.taskCount > 0 && (
                    <Anchor href={`#/tasks?indicator=${f.id}`} size="xs" ml="xs">
                      {t('{n} 项任务', { n: f.taskCount })}
                    </Anchor>
                  )}
                </Table.Td>
                <Table.Td>
                  {fmtValue(f, f.target2024)} {f.target2024 !== null && f.unit}
                </Table.Td>
                <Table.Td>
                  {fmtValue(f, f.yearTarget)} {f.yearTarget !== null && f.unit}
                </Table.Td>
                <Table.Td>
                  {fmtValue(f, f.target2027)} {f.unit}
                </Table.Td>
                <Table.Td fw={600}>
                  {fmtValue(f, f.value)} {f.value !== null && f.unit}
                </Table.Td>
                <Table.Td>
                  <ProgressBar value={f.value} max={f.target2027} marker={f.yearTarget !== null && f.year < 2027 ? { value: f.yearTarget, label: t('{year}年', { year: f.year }) } : null} label={f.name} format={(v) => fmtValue(f, v)} height={8} />
                  <Text size="xs" c="dimmed">
                    {t('年度')} {formatPct(f.pctYear)} · 2027 {formatPct(f.pct2027)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <BasisBadge f={f} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={modal === 'snapshot'} onClose={() => setModal(null)} title={t('保存月末快照')}>
        <SnapshotForm
          period={d?.period ?? localToday().slice(0, 7)}
          onDone={(p) => {
            setModal(null);
            navigate(`/tasks/indicators?period=${p}`);
            q.reload();
          }}
        />
      </Modal>
      <Modal opened={modal === 'new'} onClose={() => setModal(null)} title={t('新增指标')}>
        <NewIndicatorForm onDone={(id) => navigate(`/tasks/indicators/${id}`)} />
      </Modal>
    </Page>
  );
}
