import { Button, MultiSelect, SegmentedControl, Select, Stack, Textarea, TextInput, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';
import { useGeoOptions, useIndustryOptions } from './common';
import type { Union } from './types';

export function UnionForm({ union: u, onSaved }: { union?: Union; onSaved(u: Union): void }) {
  const geo = useGeoOptions();
  const industries = useIndustryOptions();
  const form = useForm({
    initialValues: {
      kind: u?.kind ?? ('regional' as 'regional' | 'industry'),
      level: u?.level ?? ('township' as 'county' | 'township'),
      name: u?.name ?? '',
      industry: u?.industry ?? '',
      establishedOn: u?.establishedOn ?? '',
      notes: u?.notes ?? '',
      townshipIds: (u?.townshipIds ?? []).map(String),
    },
  });
  const { busy, run } = useAction();
  const v = form.values;
  const submit = form.onSubmit(async (x) => {
    const industry = x.kind === 'industry';
    const saved = await run(
      () =>
        call('unions.save', {
          id: u?.id,
          version: u?.version,
          kind: x.kind,
          level: industry ? 'county' : x.level,
          name: x.name,
          industry: industry ? x.industry : '',
          establishedOn: x.establishedOn,
          notes: x.notes,
          townshipIds: !industry && x.level === 'township' ? x.townshipIds.map(Number) : [],
        }),
      { ok: t('已保存'), setErrors: form.setErrors },
    );
    if (saved) onSaved(saved);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Input.Wrapper label={t('类型')}>
          <SegmentedControl
            fullWidth
            data={[
              { value: 'regional', label: t('区域农合联') },
              { value: 'industry', label: t('产业农合联') },
            ]}
            {...form.getInputProps('kind')}
          />
        </Input.Wrapper>
        {v.kind === 'regional' && (
          <Input.Wrapper label={t('层级')}>
            <SegmentedControl
              fullWidth
              data={[
                { value: 'county', label: t('县级') },
                { value: 'township', label: t('乡镇级') },
              ]}
              {...form.getInputProps('level')}
            />
          </Input.Wrapper>
        )}
        <TextInput label={t('名称')} required autoFocus data-autofocus {...form.getInputProps('name')} />
        {v.kind === 'industry' && <Select label={t('产业')} required data={industries} searchable value={v.industry || null} onChange={(x) => form.setFieldValue('industry', x ?? '')} error={form.errors.industry} />}
        {v.kind === 'regional' && v.level === 'township' && (
          <MultiSelect label={t('覆盖的乡镇')} description={t('一个乡镇农合联可覆盖几个乡镇')} data={geo.townships} searchable required {...form.getInputProps('townshipIds')} />
        )}
        <TextInput type="date" label={t('成立日期')} {...form.getInputProps('establishedOn')} />
        <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}
