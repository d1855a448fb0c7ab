import { useEffect } from 'react';
import { Chip, Grid, Group, Input, SegmentedControl, Select, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { CHANNEL_VALUES, PRIORITY_LABELS, PRODUCTION_KIND_VALUES, REQUEST_KIND_VALUES } from '../../../../shared/contract/requestFields';
import { t } from '../../i18n';
import { kindOptions, mu, parseMu, type useSetup } from './common';

/** The form's values: ids as strings for Mantine's selects, the area as typed. Keys match the API's fields. */
export interface FieldValues {
  channel: string;
  kind: string;
  cropId: string | null;
  linkIds: string[];
  areaMu100: string;
  townshipId: string | null;
  villageId: string | null;
  location: string;
  wishedFrom: string;
  wishedTo: string;
  priority: string;
  notes: string;
  contractId: string | null;
  contractPlotId: string | null;
}

export const isProductionKind = (kind: string) => (PRODUCTION_KIND_VALUES as readonly string[]).includes(kind);

const num = (s: string | null) => (s ? Number(s) : null);

/** What the API expects; an area that does not parse is sent as -1 so the server names the field. */
export function toInput(v: FieldValues) {
  const production = isProductionKind(v.kind);
  const area = parseMu(v.areaMu100);
  return {
    channel: v.channel as (typeof CHANNEL_VALUES)[number],
    kind: v.kind as (typeof REQUEST_KIND_VALUES)[number],
    cropId: num(v.cropId),
    linkIds: production ? v.linkIds.map(Number) : [],
    areaMu100: v.areaMu100.trim() === '' ? 0 : (area ?? -1),
    townshipId: num(v.townshipId),
    villageId: num(v.villageId),
    location: v.location,
    wishedFrom: v.wishedFrom,
    wishedTo: v.wishedTo,
    priority: Number(v.priority),
    notes: v.notes,
    contractId: num(v.contractId),
    contractPlotId: num(v.contractPlotId),
  };
}

export function fromDetail(d: { channel: string; kind: string; cropId: number | null; links: { linkId: number }[]; areaMu100: number; townshipId: number | null; villageId: number | null; location: string; wishedFrom: string; wishedTo: string; priority: number; notes: string; contract: { id: number } | null; contractPlotId: number | null }): FieldValues {
  const s = (n: number | null) => (n === null ? null : String(n));
  return {
    channel: d.channel,
    kind: d.kind,
    cropId: s(d.cropId),
    linkIds: d.links.map((l) => String(l.linkId)),
    areaMu100: d.areaMu100 ? mu(d.areaMu100) : '',
    townshipId: s(d.townshipId),
    villageId: s(d.villageId),
    location: d.location,
    wishedFrom: d.wishedFrom,
    wishedTo: d.wishedTo,
    priority: String(d.priority),
    notes: d.notes,
    contractId: s(d.contract?.id ?? null),
    contractPlotId: s(d.contractPlotId),
  };
}

/**
 * Kind, crop, links, area, plot, dates, priority and notes, in the order a clerk asks them. `locked`
 * (a dispatched request) leaves only dates, priority and notes editable.
 */
export function RequestFields({ form, setup, locked = false, contracts }: { form: UseFormReturnType<FieldValues>; setup: ReturnType<typeof useSetup>; locked?: boolean; contracts?: { id: number; code: string; plots: { id: number; label: string; townshipId: number; villageId: number | null; location: string; cropId: number; areaMu100: number }[] }[] }) {
  const v = form.getValues();
  const production = isProductionKind(v.kind);
  const crop = setup.crops.find((c) => String(c.id) === v.cropId);
  const township = setup.townships.find((x) => String(x.id) === v.townshipId);
  const offered = setup.links.filter((l) => l.active && crop?.links.includes(l.id));
  const contract = contracts?.find((c) => String(c.id) === v.contractId);

  // Links the newly chosen crop does not offer are dropped rather than refused at save time.
  useEffect(() => {
    if (!crop) return;
    const keep = v.linkIds.filter((id) => crop.links.includes(Number(id)));
    if (keep.length !== v.linkIds.length) form.setFieldValue('linkIds', keep);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.cropId, crop?.links.join(',')]);

  // 全程托管 means every main link of the crop: tick them, leaving any extra link (烘干) as chosen.
  useEffect(() => {
    if (locked || v.kind !== '生产托管·全程' || !crop) return;
    const core = setup.links.filter((l) => l.core && l.active && crop.links.includes(l.id)).map((l) => String(l.id));
    const next = [...new Set([...v.linkIds, ...core])];
    if (next.length !== v.linkIds.length) form.setFieldValue('linkIds', next);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [v.kind, v.cropId, crop?.links.join(',')]);

  const pickPlot = (id: string | null) => {
    form.setFieldValue('contractPlotId', id);
    const plot = contract?.plots.find((p) => String(p.id) === id);
    if (!plot) return;
    form.setValues({ townshipId: String(plot.townshipId), villageId: plot.villageId ? String(plot.villageId) : null, location: plot.location, cropId: String(plot.cropId), areaMu100: mu(plot.areaMu100) });
  };

  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <Input.Wrapper label={t('受理渠道')}>
          <div>
            <SegmentedControl disabled={locked} data={CHANNEL_VALUES.map((c) => ({ value: c, label: t(c) }))} {...form.getInputProps('channel')} />
          </div>
        </Input.Wrapper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select label={t('服务类别')} required disabled={locked} data={kindOptions(REQUEST_KIND_VALUES)} searchable allowDeselect={false} {...form.getInputProps('kind')} />
      </Grid.Col>
      {contracts && contracts.length > 0 && (
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Group grow align="end">
            <Select label={t('托管合同')} disabled={locked} clearable data={contracts.map((c) => ({ value: String(c.id), label: c.code }))} {...form.getInputProps('contractId')} />
            {contract && <Select label={t('合同地块')} disabled={locked} clearable data={contract.plots.map((p) => ({ value: String(p.id), label: p.label }))} value={v.contractPlotId} onChange={pickPlot} error={form.errors.contractPlotId} />}
          </Group>
        </Grid.Col>
      )}
      {production && (
        <>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Select label={t('作物')} required disabled={locked} searchable data={setup.crops.filter((c) => c.active).map((c) => ({ value: String(c.id), label: c.name }))} {...form.getInputProps('cropId')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('面积（亩）')} required disabled={locked} inputMode="decimal" {...form.getInputProps('areaMu100')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Input.Wrapper label={t('服务环节')} required error={form.errors.linkIds} description={crop ? undefined : t('先选作物，再选该作物提供的环节')}>
              <Chip.Group multiple value={v.linkIds} onChange={(ids) => form.setFieldValue('linkIds', ids)}>
                <Group gap={6} mt={4}>
                  {offered.map((l) => (
                    <Chip key={l.id} value={String(l.id)} disabled={locked}>
                      {l.name}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Input.Wrapper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('地块乡镇')}
              required
              disabled={locked}
              searchable
              data={setup.townships.map((x) => ({ value: String(x.id), label: x.name }))}
              {...form.getInputProps('townshipId')}
              onChange={(id) => {
                form.setFieldValue('townshipId', id);
                form.setFieldValue('villageId', null);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('村（社区）')} disabled={locked} searchable clearable data={(township?.villages ?? []).map((x) => ({ value: String(x.id), label: x.name }))} {...form.getInputProps('villageId')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('地块位置')} disabled={locked} placeholder={t('组、地名')} {...form.getInputProps('location')} />
          </Grid.Col>
        </>
      )}
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <TextInput type="date" label={t('期望开始日期')} {...form.getInputProps('wishedFrom')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <TextInput type="date" label={t('期望结束日期')} {...form.getInputProps('wishedTo')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Input.Wrapper label={t('优先级')}>
          <div>
            <SegmentedControl data={PRIORITY_LABELS.map((p, i) => ({ value: String(i), label: t(p) }))} {...form.getInputProps('priority')} />
          </div>
        </Input.Wrapper>
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea label={t('备注')} autosize minRows={1} maxRows={4} {...form.getInputProps('notes')} />
        {!production && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('非生产类服务（咨询、代办等）不需要作物、环节和面积。')}
          </Text>
        )}
      </Grid.Col>
    </Grid>
  );
}
