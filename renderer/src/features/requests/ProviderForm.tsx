import { ActionIcon, Button, Grid, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { PROVIDER_KIND_VALUES } from '../../../../shared/contract/requestFields';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';
import { useState } from 'react';
import { kindOptions, mu, parseMu, useSetup, type Provider } from './common';
import { PartyField, type PartyHit } from './PartyField';

interface Values {
  name: string;
  kind: string;
  contactName: string;
  phone: string;
  linkIds: string[];
  cropIds: string[];
  townshipIds: string[];
  capacity: string;
  machines: { name: string; kind: string; count: number }[];
  notes: string;
  active: boolean;
}

/** A provider: what it does (links, crops), where (townships), with what (machines) and how much a day. */
export function ProviderForm({ provider, onDone }: { provider: Provider | null; onDone(): void }) {
  const setup = useSetup();
  const form = useForm<Values>({
    initialValues: {
      name: provider?.name ?? '',
      kind: provider?.kind ?? '农机专业合作社',
      contactName: provider?.contactName ?? '',
      phone: provider?.phone ?? '',
      linkIds: (provider?.linkIds ?? []).map(String),
      cropIds: (provider?.cropIds ?? []).map(String),
      townshipIds: (provider?.townshipIds ?? []).map(String),
      capacity: provider ? mu(provider.capacityMu100) : '',
      machines: provider?.machines ?? [],
      notes: provider?.notes ?? '',
      active: provider?.active ?? true,
    },
  });
  const [org, setOrg] = useState<PartyHit | null>(
    provider?.orgId ? { kind: 'org', id: provider.orgId, name: provider.org, kindLabel: '', orgKind: '', townshipId: null, villageId: null, township: '', village: '', phone: '' } : null,
  );
  const { busy, run } = useAction();
  const pickOrg = (hit: PartyHit | null) => {
    setOrg(hit);
    if (hit && !form.values.name.trim()) form.setFieldValue('name', hit.name);
    if (hit?.phone && !form.values.phone.trim()) form.setFieldValue('phone', hit.phone);
  };
  const submit = form.onSubmit(async (v) => {
    const capacity = v.capacity.trim() === '' ? 0 : parseMu(v.capacity);
    if (capacity === null) return form.setFieldError('capacity', t('日作业能力应为数字，最多两位小数'));
    const body = {
      ...(provider ? { id: provider.id, version: provider.version } : {}),
      name: v.name,
      kind: v.kind as (typeof PROVIDER_KIND_VALUES)[number],
      orgId: org?.id ?? null,
      contactName: v.contactName,
      phone: v.phone,
      linkIds: v.linkIds.map(Number),
      cropIds: v.cropIds.map(Number),
      townshipIds: v.townshipIds.map(Number),
      machines: v.machines.filter((m) => m.name.trim()),
      capacityMu100: capacity,
      notes: v.notes,
      active: v.active,
    };
    if (await run(() => call('providers.save', body), { ok: t('已保存'), setErrors: (f) => form.setErrors({ ...f, capacity: f.capacityMu100 }) })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Grid gap="sm">
          <Grid.Col span={12}>
            <PartyField label={t('会员档案中的主体（可选）')} orgsOnly value={org} onChange={pickOrg} error={form.errors.orgId as string | undefined} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('服务主体名称')} required data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('类型')} required allowDeselect={false} data={kindOptions(PROVIDER_KIND_VALUES)} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput label={t('联系人')} {...form.getInputProps('contactName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput label={t('联系电话')} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('日作业能力（亩）')} description={t('一天能完成的作业量，各环节合计')} inputMode="decimal" {...form.getInputProps('capacity')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <MultiSelect label={t('服务环节')} data={setup.links.map((l) => ({ value: String(l.id), label: l.name }))} {...form.getInputProps('linkIds')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <MultiSelect label={t('服务作物')} searchable data={setup.crops.map((c) => ({ value: String(c.id), label: c.name }))} {...form.getInputProps('cropIds')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <MultiSelect label={t('服务乡镇')} searchable data={setup.townships.map((x) => ({ value: String(x.id), label: x.name }))} {...form.getInputProps('townshipIds')} />
          </Grid.Col>
        </Grid>
        <Stack gap={4}>
          <Group justify="space-between">
            <Text size="sm" fw={500}>
              {t('机械')}
            </Text>
            <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => form.insertListItem('machines', { name: '', kind: '', count: 1 })}>
              {t('添加机械')}
            </Button>
          </Group>
          {form.values.machines.map((_, i) => (
            <Group key={i} gap="xs" align="end" wrap="nowrap">
              <TextInput style={{ flex: 2 }} aria-label={t('机械名称')} placeholder={t('机械名称')} {...form.getInputProps(`machines.${i}.name`)} />
              <TextInput style={{ flex: 1 }} aria-label={t('机械类型')} placeholder={t('如 收割机')} {...form.getInputProps(`machines.${i}.kind`)} />
              <NumberInput w={90} aria-label={t('台数')} min={1} max={999} {...form.getInputProps(`machines.${i}.count`)} />
              <ActionIcon variant="subtle" color="red" aria-label={t('删除机械')} onClick={() => form.removeListItem('machines', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
        </Stack>
        <Textarea label={t('备注')} autosize minRows={1} {...form.getInputProps('notes')} />
        <Switch label={t('在用')} {...form.getInputProps('active', { type: 'checkbox' })} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}
