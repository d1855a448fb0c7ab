import { useState } from 'react';
import { Anchor, Button, Grid, Group, Modal, Paper, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { formatFen, upperAmount } from '../../../../shared/money';
import { t } from '../../i18n';
import type { RouteProps } from '../types';
import { Certs, DealStatus, today, unitOptions, type Deal } from './common';

function DeliveryForm({ deal, units, onDone }: { deal: Deal; units: string[]; onDone(): void }) {
  const form = useForm({ initialValues: { date: today(), quantity: deal.undelivered, unit: deal.unit, note: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('deals.deliver', { id: deal.id, version: deal.version, ...v }), { ok: t('已登记交货'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Group align="end" gap="xs" wrap="wrap">
        <TextInput type="date" label={t('交货日期')} required {...form.getInputProps('date')} />
        <TextInput w={110} label={t('交货数量')} required inputMode="decimal" {...form.getInputProps('quantity')} />
        <Select w={90} label={t('单位')} allowDeselect={false} data={units} {...form.getInputProps('unit')} />
        <TextInput label={t('备注')} placeholder={t('如车牌号、批次')} {...form.getInputProps('note')} />
        <Button type="submit" loading={busy}>
          {t('登记交货')}
        </Button>
      </Group>
    </form>
  );
}

function CancelForm({ deal, onDone }: { deal: Deal; onDone(): void }) {
  const form = useForm({ initialValues: { reason: '' } });
  const { busy, run } = useAction();
  return (
    <form onSubmit={form.onSubmit(async (v) => (await run(() => call('deals.cancel', { id: deal.id, version: deal.version, reason: v.reason }), { ok: t('已取消成交'), setErrors: form.setErrors })) && onDone())}>
      <Stack>
        <Text size="sm">{t('未交货的 {q} {u} 将退回供需双方的挂牌；已交货的部分保留。', { q: deal.undelivered, u: deal.unit })}</Text>
        <TextInput label={t('取消原因')} required autoFocus {...form.getInputProps('reason')} />
        <Button type="submit" color="red" loading={busy}>
          {t('确认取消')}
        </Button>
      </Stack>
    </form>
  );
}

export function DealPage({ params }: RouteProps) {
  const id = Number(params.id);
  const q = useCall('deals.get', { id }, true, ['deals']);
  const cat = useCall('catalog.list', {});
  const { can } = useSession();
  const [cancelling, setCancelling] = useState(false);
  const d = q.data?.deal;
  const units = unitOptions(cat.data?.products.find((p) => p.id === d?.productId));
  return (
    <Page
      title={d ? `${t('成交')} ${d.code} · ${d.product}` : t('成交详情')}
      actions={
        d?.status === 'open' &&
        can('deals.cancel') && (
          <Button variant="default" color="red" onClick={() => setCancelling(true)}>
            {t('取消成交')}
          </Button>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {d && q.data && (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md">
              <Stack gap={6}>
                <Group gap="xs">
                  <DealStatus status={d.status} />
                  <Certs list={d.certifications} />
                </Group>
                <SimpleGrid cols={2} spacing={4} verticalSpacing={4}>
                  <Text size="sm">
                    {t('供方')}：<Anchor href={`#/matching/listings/${d.supplyId}`}>{d.supplyCode}</Anchor> {d.seller}
                  </Text>
                  <Text size="sm">
                    {t('需方')}：<Anchor href={`#/matching/listings/${d.demandId}`}>{d.demandCode}</Anchor> {d.buyer}
                  </Text>
                  <Text size="sm">
                    {t('产品')}：{d.product} {d.grade}
                  </Text>
                  <Text size="sm">{t('产地')}：{d.originTownship || '—'}</Text>
                  <Text size="sm">
                    {t('数量')}：{d.quantity} {d.unit}
                  </Text>
                  <Text size="sm">
                    {t('单价')}：{formatFen(d.priceFen)} {t('元')}/{d.priceUnit}
                  </Text>
                  <Text size="sm" fw={600}>
                    {t('金额')}：¥{formatFen(d.valueFen)}
                  </Text>
                  <Text size="sm">{upperAmount(d.valueFen)}</Text>
                  <Text size="sm">{t('签约日期')}：{d.signedOn}</Text>
                  <Text size="sm">{t('约定交货')}：{d.deliveryDate}</Text>
                  <Text size="sm">
                    {t('对接活动')}：{d.eventId ? <Anchor href={`#/matching/events/${d.eventId}`}>{d.event}</Anchor> : '—'}
                  </Text>
                  <Text size="sm">{t('匹配分')}：{d.score ?? '—'}</Text>
                </SimpleGrid>
                {d.status === 'cancelled' && (
                  <Text size="sm" c="red">
                    {t('已于 {date} 取消：{reason}', { date: d.cancelledOn, reason: d.cancelReason })}
                  </Text>
                )}
                {d.notes && <Text size="sm">{t('备注')}：{d.notes}</Text>}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md">
              <Stack>
                <Group justify="space-between">
                  <Title order={5}>{t('交货')}</Title>
                  <Text size="sm" data-testid="delivery-progress">
                    {t('已交 {a} / {b} {u}，未交 {c} {u}', { a: d.delivered, b: d.quantity, c: d.undelivered, u: d.unit })}
                  </Text>
                </Group>
                <Progress value={(d.deliveredBase / d.quantityBase) * 100} aria-label={t('交货进度')} />
                {q.data.deliveries.length > 0 && (
                  <Table fz="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('日期')}</Table.Th>
                        <Table.Th>{t('数量')}</Table.Th>
                        <Table.Th>{t('金额（元）')}</Table.Th>
                        <Table.Th>{t('备注')}</Table.Th>
                        <Table.Th>{t('登记人')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {q.data.deliveries.map((x) => (
                        <Table.Tr key={x.id}>
                          <Table.Td>{x.date}</Table.Td>
                          <Table.Td>
                            {x.quantity} {d.unit}
                          </Table.Td>
                          <Table.Td>{formatFen(x.valueFen)}</Table.Td>
                          <Table.Td>{x.note}</Table.Td>
                          <Table.Td>{x.createdBy}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
                {d.status === 'open' && can('deals.deliver') && <DeliveryForm key={d.version} deal={d} units={units} onDone={q.reload} />}
              </Stack>
            </Paper>
          </Grid.Col>
        </Grid>
      )}
      <Modal opened={cancelling} onClose={() => setCancelling(false)} title={t('取消成交')}>
        {d && (
          <CancelForm
            deal={d}
            onDone={() => {
              setCancelling(false);
              q.reload();
            }}
          />
        )}
      </Modal>
    </Page>
  );
}
