import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import { t } from '../../i18n';
import { fenOf, today, yuanText, type Listing } from './common';

export interface DealTerms {
  quantity: string;
  unit: string;
  priceFen: number | null;
  priceUnit: string;
  deliveryDate: string;
}

/**
 * Confirms a match as a deal, starting from the suggested terms. The server checks every hard rule
 * again; its field messages land on the fields here.
 */
export function DealForm({ supply, demand, terms, units, onDone }: { supply: Listing; demand: Listing; terms: DealTerms; units: string[]; onDone(): void }) {
  const events = useCall('matchEvents.list', { limit: 100 });
  const form = useForm({
    initialValues: { quantity: terms.quantity, unit: terms.unit, price: yuanText(terms.priceFen), priceUnit: terms.priceUnit, deliveryDate: terms.deliveryDate, signedOn: today(), eventId: null as string | null, notes: '' },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const priceFen = fenOf(v.price);
    if (priceFen === undefined || priceFen === null) {
      form.setFieldError('price', t('请填写成交价（元，最多两位小数）'));
      return;
    }
    const deal = await run(
      () =>
        call('deals.create', {
          supplyId: supply.id,
          demandId: demand.id,
          quantity: v.quantity,
          unit: v.unit,
          priceFen,
          priceUnit: v.priceUnit,
          deliveryDate: v.deliveryDate,
          signedOn: v.signedOn,
          eventId: v.eventId ? Number(v.eventId) : null,
          notes: v.notes,
        }),
      { ok: t('已确认成交'), setErrors: (f) => form.setErrors({ ...f, price: f.priceFen }) },
    );
    if (deal) {
      onDone();
      navigate(`/matching/deals/${deal.id}`);
    }
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {supply.code} {supply.partyName} → {demand.code} {demand.partyName}：{supply.product}
          {supply.grade ? ` ${supply.grade}` : ''}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput label={t('成交数量')} required autoFocus inputMode="decimal" {...form.getInputProps('quantity')} />
          <Select label={t('单位')} allowDeselect={false} data={units} {...form.getInputProps('unit')} />
          <TextInput label={t('成交价（元）')} required inputMode="decimal" {...form.getInputProps('price')} />
          <Select label={t('价格单位')} allowDeselect={false} data={units} {...form.getInputProps('priceUnit')} />
          <TextInput type="date" label={t('交货日期')} required {...form.getInputProps('deliveryDate')} />
          <TextInput type="date" label={t('签约日期')} required {...form.getInputProps('signedOn')} />
        </SimpleGrid>
        <Select
          label={t('对接活动')}
          description={t('在产销对接活动上签约的，选择该活动')}
          clearable
          searchable
          data={(events.data?.rows ?? []).map((e) => ({ value: String(e.id), label: `${e.date} ${e.name}` }))}
          {...form.getInputProps('eventId')}
        />
        <Textarea label={t('备注')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('确认成交')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
