import { Button, Grid, Group, NumberInput, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { parseMu, formatMu } from '../../../../shared/format/area';
import { t } from '../../i18n';
import { toId, toOpt, useGeoOptions, useSaveWithDuplicateCheck } from './common';
import type { Household } from './types';

export interface HouseholdFormProps {
  household?: Household | undefined;
  /** Prefills for a new record (quick add from a picker). */
  initial?: { name?: string; phone?: string; idNumber?: string } | undefined;
  onSaved(h: Household): void;
  onCancel?(): void;
  compact?: boolean;
}

/** The household form used by the registry pages and by MemberPicker's quick add. */
export function HouseholdForm({ household: h, initial, onSaved, onCancel, compact }: HouseholdFormProps) {
  const geo = useGeoOptions();
  const form = useForm({
    initialValues: {
      name: h?.name ?? initial?.name ?? '',
      idNumber: h?.idNumber ?? initial?.idNumber ?? '',
      phone: h?.phone ?? initial?.phone ?? '',
      townshipId: toOpt(h?.townshipId ?? null),
      villageId: toOpt(h?.villageId ?? null),
      householdSize: h?.householdSize ?? 1,
      land: h ? formatMu(h.landAreaMu100) : '',
      crops: h?.crops ?? ([] as string[]),
      notes: h?.notes ?? '',
    },
    validate: { land: (v) => (parseMu(v) === null ? t('耕地面积应为不超过两位小数的非负数') : null) },
  });
  const { busy, save, dialog } = useSaveWithDuplicateCheck();
  const submit = form.onSubmit(async (v) => {
    const input = {
      id: h?.id,
      version: h?.version,
      name: v.name,
      idNumber: v.idNumber,
      phone: v.phone,
      townshipId: toId(v.townshipId) as number,
      villageId: toId(v.villageId),
      householdSize: Number(v.householdSize) || 1,
      landAreaMu100: parseMu(v.land) ?? 0,
      crops: v.crops,
      notes: v.notes,
    };
    const saved = await save((confirmDuplicate) => call('households.save', { ...input, confirmDuplicate }), {
      ok: h ? t('已保存') : t('已登记农户 {name}', { name: v.name }),
      setErrors: (f) => form.setErrors({ ...f, land: f.landAreaMu100 }),
    });
    if (saved) onSaved(saved);
  });
  const span = compact ? 6 : 4;
  return (
    <form onSubmit={submit} data-testid="household-form">
      <Stack>
        <Grid>
          <Grid.Col span={span}>
            <TextInput label={t('姓名')} required autoFocus data-autofocus {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={span}>
            <TextInput label={t('身份证号')} description={h?.masked ? t('已隐去部分数字；不修改则保留原号码') : undefined} maxLength={18} {...form.getInputProps('idNumber')} />
          </Grid.Col>
          <Grid.Col span={span}>
            <TextInput label={t('联系电话')} description={h?.masked ? t('已隐去部分数字；不修改则保留原号码') : undefined} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={span}>
            <Select
              label={t('乡镇（街道）')}
              required
              searchable
              data={geo.townships}
              {...form.getInputProps('townshipId')}
              onChange={(v) => {
                form.setFieldValue('townshipId', v);
                form.setFieldValue('villageId', null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={span}>
            <Select label={t('村（社区）')} searchable clearable data={geo.villages(form.values.townshipId)} disabled={!form.values.townshipId} {...form.getInputProps('villageId')} />
          </Grid.Col>
          {!compact && (
            <>
              <Grid.Col span={span}>
                <NumberInput label={t('家庭人口')} min={1} max={50} allowDecimal={false} {...form.getInputProps('householdSize')} />
              </Grid.Col>
              <Grid.Col span={span}>
                <TextInput label={t('耕地面积（亩）')} inputMode="decimal" {...form.getInputProps('land')} />
              </Grid.Col>
              <Grid.Col span={8}>
                <TagsInput label={t('主要作物')} description={t('输入后按回车添加')} {...form.getInputProps('crops')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
              </Grid.Col>
            </>
          )}
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
