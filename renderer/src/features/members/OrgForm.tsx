import { Button, Grid, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { parseMu, formatMu } from '../../../../shared/format/area';
import { ORG_KIND_VALUES, DEMO_LEVELS } from '../../../../shared/contract/memberFields';
import { t } from '../../i18n';
import { toId, toOpt, useGeoOptions, useIndustryOptions, useSaveWithDuplicateCheck } from './common';
import type { Org } from './types';

type Kind = (typeof ORG_KIND_VALUES)[number];
type Level = '' | (typeof DEMO_LEVELS)[number];

export function OrgForm({ org: o, onSaved, onCancel }: { org?: Org | undefined; onSaved(o: Org): void; onCancel?(): void }) {
  const geo = useGeoOptions();
  const industries = useIndustryOptions();
  const form = useForm({
    initialValues: {
      kind: (o?.kind ?? '农民专业合作社') as Kind,
      name: o?.name ?? '',
      creditCode: o?.creditCode ?? '',
      legalRep: o?.legalRep ?? '',
      contactName: o?.contactName ?? '',
      contactPhone: o?.contactPhone ?? '',
      townshipId: toOpt(o?.townshipId ?? null),
      villageId: toOpt(o?.villageId ?? null),
      address: o?.address ?? '',
      industries: o?.industries ?? ([] as string[]),
      land: o ? formatMu(o.landAreaMu100) : '',
      memberCount: o?.memberCount ?? 0,
      demoLevel: (o?.demoLevel ?? '') as Level,
      demoYear: (o?.demoYear ?? '') as number | '',
      registeredOn: o?.registeredOn ?? '',
      notes: o?.notes ?? '',
    },
    validate: { land: (v) => (parseMu(v) === null ? t('经营面积应为不超过两位小数的非负数') : null) },
  });
  const { busy, save, dialog } = useSaveWithDuplicateCheck();
  const isCoop = form.values.kind === '农民专业合作社';
  const submit = form.onSubmit(async (v) => {
    const input = {
      id: o?.id,
      version: o?.version,
      kind: v.kind,
      name: v.name,
      creditCode: v.creditCode,
      legalRep: v.legalRep,
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      townshipId: toId(v.townshipId),
      villageId: toId(v.villageId),
      address: v.address,
      industries: v.industries,
      landAreaMu100: parseMu(v.land) ?? 0,
      memberCount: Number(v.memberCount) || 0,
      demoLevel: isCoop ? v.demoLevel : ('' as Level),
      demoYear: isCoop && v.demoLevel && v.demoYear !== '' ? Number(v.demoYear) : null,
      registeredOn: v.registeredOn,
      notes: v.notes,
    };
    const saved = await save((confirmDuplicate) => call('orgs.save', { ...input, confirmDuplicate }), {
      ok: o ? t('已保存') : t('已登记 {name}', { name: v.name }),
      setErrors: (f) => form.setErrors({ ...f, land: f.landAreaMu100 }),
    });
    if (saved) onSaved(saved);
  });
  return (
    <form onSubmit={submit} data-testid="org-form">
      <Stack>
        <Grid>
          <Grid.Col span={4}>
            <Select label={t('主体类型')} required allowDeselect={false} data={ORG_KIND_VALUES.map((k) => ({ value: k, label: t(k) }))} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={8}>
            <TextInput label={t('名称')} required autoFocus data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('统一社会信用代码')} maxLength={18} description={isCoop ? t('合作社以 93 开头') : undefined} {...form.getInputProps('creditCode')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('法定代表人')} {...form.getInputProps('legalRep')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('登记日期')} type="date" {...form.getInputProps('registeredOn')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('联系人')} {...form.getInputProps('contactName')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('联系电话')} {...form.getInputProps('contactPhone')} />
          </Grid.Col>
          <Grid.Col span={4} />
          <Grid.Col span={4}>
            <Select
              label={t('乡镇（街道）')}
              searchable
              clearable
              data={geo.townships}
              {...form.getInputProps('townshipId')}
              onChange={(v) => {
                form.setFieldValue('townshipId', v);
                form.setFieldValue('villageId', null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <Select label={t('村（社区）')} searchable clearable data={geo.villages(form.values.townshipId)} disabled={!form.values.townshipId} {...form.getInputProps('villageId')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('地址')} {...form.getInputProps('address')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <MultiSelect label={t('产业')} data={industries} searchable {...form.getInputProps('industries')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label={t('经营面积（亩）')} inputMode="decimal" {...form.getInputProps('land')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <NumberInput label={t('成员数')} min={0} allowDecimal={false} {...form.getInputProps('memberCount')} />
          </Grid.Col>
          {isCoop && (
            <>
              <Grid.Col span={4}>
                <Select
                  label={t('示范社等级')}
                  clearable
                  data={DEMO_LEVELS.map((l) => ({ value: l, label: t(`${l}示范社`) }))}
                  value={form.values.demoLevel || null}
                  onChange={(v) => form.setFieldValue('demoLevel', (v ?? '') as Level)}
                  error={form.errors.demoLevel}
                />
              </Grid.Col>
              <Grid.Col span={4}>
                <NumberInput label={t('评定年份')} min={1990} max={2100} allowDecimal={false} disabled={!form.values.demoLevel} {...form.getInputProps('demoYear')} />
              </Grid.Col>
            </>
          )}
          <Grid.Col span={12}>
            <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
          </Grid.Col>
        </Grid>
        <Group>
          <Button type="submit" loading={busy}>
            {t('保存')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('取消')}
            </Button>
          )}
        </Group>
      </Stack>
      {dialog}
    </form>
  );
}
