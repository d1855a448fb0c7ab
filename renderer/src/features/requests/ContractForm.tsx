import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { formatFen, parseYuan } from '../../../../shared/money';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';
import { localToday, mu, parseMu, useSetup } from './common';

export type ContractOut = Out<Contract['serviceContracts.get']>['contract'];
export type Party = { kind: 'household' | 'org'; id: number };

interface Plot {
  id?: number;
  townshipId: string | null;
  villageId: string | null;
  location: string;
  cropId: string | null;
  area: string;
}
interface Price {
  cropId: string | null;
  linkId: string | null;
  price: string;
}

const MODELS = ['全程托管', '多环节托管', '单环节托管'] as const;

/**
 * A 托管 contract: who, the season or year, its plots, and the agreed price per mu for each link and crop.
 * `partyField` is the picker shown when creating; an existing contract keeps its farmer.
 */
export function ContractForm({ contract, party, partyField, onDone }: { contract: ContractOut | null; party: Party | null; partyField?: ReactNode; onDone(id: number): void }) {
  const setup = useSetup();
  const year = new Date().getFullYear();
  const form = useForm({
    initialValues: {
      term: contract?.term ?? ('season' as 'season' | 'year'),
      model: contract?.model ?? ('全程托管' as (typeof MODELS)[number]),
      startsOn: contract?.startsOn ?? `${year}-03-01`,
      endsOn: contract?.endsOn ?? `${year}-09-30`,
      signedOn: contract?.signedOn ?? localToday(),
      notes: contract?.notes ?? '',
      plots: (contract?.plots ?? []).map((p): Plot => ({ id: p.id, townshipId: String(p.townshipId), villageId: p.villageId ? String(p.villageId) : null, location: p.location, cropId: String(p.cropId), area: mu(p.areaMu100) })),
      prices: (contract?.prices ?? []).map((p): Price => ({ cropId: String(p.cropId), linkId: String(p.linkId), price: formatFen(p.priceFen, { thousands: false }) })),
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (!party) return form.setFieldError('party', t('请选择农户或主体'));
    const plots = v.plots.map((p) => ({ ...(p.id ? { id: p.id } : {}), townshipId: Number(p.townshipId), villageId: p.villageId ? Number(p.villageId) : null, location: p.location, cropId: Number(p.cropId), areaMu100: parseMu(p.area) ?? -1 }));
    const prices = v.prices.map((p) => ({ cropId: Number(p.cropId), linkId: Number(p.linkId), priceFen: parseYuan(p.price) ?? -1 }));
    const body = { ...(contract ? { id: contract.id, version: contract.version } : {}), party, term: v.term, model: v.model, startsOn: v.startsOn, endsOn: v.endsOn, signedOn: v.signedOn, notes: v.notes, plots, prices };
    const saved = await run(() => call('serviceContracts.save', body), {
      ok: t('已保存'),
      setErrors: (f) => form.setErrors(Object.fromEntries(Object.entries(f).map(([k, m]) => [k.replace(/\.areaMu100$/, '.area').replace(/\.priceFen$/, '.price'), m]))),
    });
    if (saved) onDone(saved.id);
  });
  const cropOptions = setup.crops.map((c) => ({ value: String(c.id), label: c.name }));
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {partyField}
        {form.errors.party && (
          <Text c="red" size="sm">
            {form.errors.party}
          </Text>
        )}
        <Group grow>
          <Select
            label={t('期限')}
            allowDeselect={false}
            data={[
              { value: 'season', label: t('一季') },
              { value: 'year', label: t('全年') },
            ]}
            {...form.getInputProps('term')}
          />
          <Select label={t('托管方式')} allowDeselect={false} data={MODELS.map((m) => ({ value: m, label: t(m) }))} {...form.getInputProps('model')} />
          <TextInput type="date" label={t('签订日期')} {...form.getInputProps('signedOn')} />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('开始日期')} required {...form.getInputProps('startsOn')} />
          <TextInput type="date" label={t('结束日期')} required {...form.getInputProps('endsOn')} />
        </Group>
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('地块')}
          </Text>
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => form.insertListItem('plots', { townshipId: null, villageId: null, location: '', cropId: null, area: '' })}>
            {t('添加地块')}
          </Button>
        </Group>
        {form.errors.plots && (
          <Text c="red" size="sm">
            {form.errors.plots}
          </Text>
        )}
        {form.values.plots.map((p, i) => {
          const township = setup.townships.find((x) => String(x.id) === p.townshipId);
          return (
            <Group key={i} gap="xs" align="end" wrap="nowrap">
              <Select w={130} aria-label={t('地块乡镇')} placeholder={t('乡镇')} searchable data={setup.townships.map((x) => ({ value: String(x.id), label: x.name }))} {...form.getInputProps(`plots.${i}.townshipId`)} />
              <Select w={120} aria-label={t('地块村')} placeholder={t('村')} clearable data={(township?.villages ?? []).map((x) => ({ value: String(x.id), label: x.name }))} {...form.getInputProps(`plots.${i}.villageId`)} />
              <TextInput style={{ flex: 1 }} aria-label={t('地块位置')} placeholder={t('地块位置')} {...form.getInputProps(`plots.${i}.location`)} />
              <Select w={100} aria-label={t('地块作物')} placeholder={t('作物')} data={cropOptions} {...form.getInputProps(`plots.${i}.cropId`)} />
              <TextInput w={90} aria-label={t('地块面积（亩）')} placeholder={t('亩')} {...form.getInputProps(`plots.${i}.area`)} />
              <ActionIcon variant="subtle" color="red" aria-label={t('删除地块')} onClick={() => form.removeListItem('plots', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Text size="sm" fw={500}>
            {t('约定单价（元/亩）')}
          </Text>
          <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => form.insertListItem('prices', { cropId: form.values.plots[0]?.cropId ?? null, linkId: null, price: '' })}>
            {t('添加单价')}
          </Button>
        </Group>
        {form.errors.prices && (
          <Text c="red" size="sm">
            {form.errors.prices}
          </Text>
        )}
        {form.values.prices.map((p, i) => {
          const crop = setup.crops.find((c) => String(c.id) === p.cropId);
          return (
            <Group key={i} gap="xs" align="end" wrap="nowrap">
              <Select w={120} aria-label={t('单价作物')} placeholder={t('作物')} data={cropOptions} {...form.getInputProps(`prices.${i}.cropId`)} />
              <Select w={120} aria-label={t('单价环节')} placeholder={t('环节')} data={setup.links.filter((l) => crop?.links.includes(l.id)).map((l) => ({ value: String(l.id), label: l.name }))} {...form.getInputProps(`prices.${i}.linkId`)} />
              <TextInput w={120} aria-label={t('约定单价')} placeholder={t('元/亩')} {...form.getInputProps(`prices.${i}.price`)} />
              <ActionIcon variant="subtle" color="red" aria-label={t('删除单价')} onClick={() => form.removeListItem('prices', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Textarea label={t('备注')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存合同')}
        </Button>
      </Stack>
    </form>
  );
}
