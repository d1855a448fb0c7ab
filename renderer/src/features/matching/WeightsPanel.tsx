import { useEffect } from 'react';
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { t } from '../../i18n';

const PARTS = [
  ['fit', '产品与等级'],
  ['quantity', '数量满足'],
  ['window', '时间窗口'],
  ['price', '价格'],
  ['distance', '距离'],
  ['record', '履约记录'],
] as const;

/** The match score's weights and the distance cap; every ranking and proposal uses them from the next request on. */
export function WeightsPanel({ editable }: { editable: boolean }) {
  const q = useCall('matching.getSettings', {}, true, ['matching']);
  const form = useForm({ initialValues: { weights: { fit: 0, quantity: 0, window: 0, price: 0, distance: 0, record: 0 }, maxKm: 80 } });
  const { busy, run } = useAction();
  useEffect(() => {
    if (q.data) form.setValues(q.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.data]);
  const sum = Object.values(form.values.weights).reduce((a, b) => a + (Number(b) || 0), 0);
  return (
    <Paper withBorder p="md">
      <form onSubmit={form.onSubmit(async (v) => void (await run(() => call('matching.saveSettings', v), { ok: t('撮合权重已保存'), setErrors: form.setErrors })))}>
        <Stack>
          <Group justify="space-between">
            <Title order={5}>{t('匹配评分权重')}</Title>
            <Text size="sm" c="dimmed">
              {t('总分 = 各项得分按权重加权平均；权重合计 {n}', { n: sum })}
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            {PARTS.map(([key, label]) => (
              <NumberInput key={key} label={t(label)} min={0} max={100} disabled={!editable} {...form.getInputProps(`weights.${key}`)} />
            ))}
            <NumberInput label={t('距离上限（公里）')} description={t('超过此直线距离，距离得分为 0')} min={5} max={1000} disabled={!editable} {...form.getInputProps('maxKm')} />
          </SimpleGrid>
          {editable && (
            <Button type="submit" loading={busy} w={160}>
              {t('保存权重')}
            </Button>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
