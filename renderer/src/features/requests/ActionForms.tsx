import { Autocomplete, Button, Group, Rating, Select, Stack, Text, TextInput, Textarea, Input } from '@mantine/core';
import { useForm } from '@mantine/form';
import { formatFen, parseYuan } from '../../../../shared/money';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { t } from '../../i18n';
import { useState } from 'react';
import { localToday, mu, parseMu, useSetup, type Detail } from './common';
import { RequestFields, fromDetail, toInput, type FieldValues } from './RequestFields';

type RecordRow = Detail['records'][number];

/**
 * One visit's work on one link. Defaults: the first link not yet done on the whole area, today, and
 * the area still to do; the machine list is the provider's.
 */
export function RecordForm({ request, record, onDone }: { request: Detail; record?: RecordRow; onDone(): void }) {
  const providers = useCall('providers.list', {});
  const provider = providers.data?.find((p) => p.id === request.provider?.id);
  const next = request.progress.find((p) => p.doneMu100 < p.plannedMu100) ?? request.progress[0];
  const form = useForm({
    initialValues: {
      linkId: String(record?.linkId ?? next?.linkId ?? ''),
      doneOn: record?.doneOn ?? localToday(),
      areaMu100: mu(record?.areaMu100 ?? (Math.max(0, (next?.plannedMu100 ?? 0) - (next?.doneMu100 ?? 0)) || request.areaMu100)),
      operator: record?.operator ?? '',
      machine: record?.machine ?? '',
      paidFen: record ? formatFen(record.paidFen, { thousands: false }) : '0',
      notes: record?.notes ?? '',
    },
  });
  const { busy, run } = useAction();
  const done = request.status === 'done' || request.status === 'followed_up';
  const submit = form.onSubmit(async (v) => {
    const area = parseMu(v.areaMu100);
    const paid = parseYuan(v.paidFen || '0');
    if (area === null) return form.setFieldError('areaMu100', t('面积应为数字，最多两位小数'));
    if (paid === null) return form.setFieldError('paidFen', t('金额应为数字，最多两位小数'));
    const body = { linkId: Number(v.linkId), doneOn: v.doneOn, areaMu100: area, operator: v.operator, machine: v.machine, paidFen: paid, notes: v.notes };
    const ok = record
      ? await run(() => call('requests.updateRecord', { id: record.id, version: record.version, ...body }), { ok: t('已保存'), setErrors: form.setErrors })
      : await run(() => call('requests.addRecord', { requestId: request.id, ...body }), { ok: t('已登记服务记录'), setErrors: form.setErrors });
    if (ok) onDone();
  });
  const price = request.links.find((l) => String(l.linkId) === form.values.linkId)?.priceFen ?? null;
  const area = parseMu(form.values.areaMu100);
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Group grow>
          <Select label={t('环节')} required disabled={done} allowDeselect={false} data={request.links.map((l) => ({ value: String(l.linkId), label: l.name }))} {...form.getInputProps('linkId')} />
          <TextInput type="date" label={t('作业日期')} required disabled={done} {...form.getInputProps('doneOn')} />
          <TextInput label={t('作业面积（亩）')} required disabled={done} data-autofocus inputMode="decimal" {...form.getInputProps('areaMu100')} />
        </Group>
        <Group grow>
          <Autocomplete label={t('机手（作业人）')} disabled={done} data={provider?.contactName ? [provider.contactName] : []} {...form.getInputProps('operator')} />
          <Autocomplete label={t('机械')} disabled={done} data={[...new Set((provider?.machines ?? []).map((m) => m.name))]} {...form.getInputProps('machine')} />
          <TextInput label={t('农户实付（元）')} inputMode="decimal" {...form.getInputProps('paidFen')} />
        </Group>
        {price !== null && area !== null && area > 0 && (
          <Text size="sm" c="dimmed">
            {t('按 {price} 元/亩，服务费约 {fee} 元；补助按规则自动计算，保存后显示。', { price: formatFen(price), fee: formatFen(Math.floor((price * area + 50) / 100)) })}
          </Text>
        )}
        <TextInput label={t('备注')} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {record ? t('保存') : t('登记')}
        </Button>
      </Stack>
    </form>
  );
}

export function FollowUpForm({ request, onDone }: { request: Detail; onDone(): void }) {
  const form = useForm({ initialValues: { satisfaction: 5, comment: '', complaint: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('requests.followUp', { id: request.id, version: request.version, ...v }), { ok: t('已记录回访'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Input.Wrapper label={t('满意度（1-5 分）')} error={form.errors.satisfaction}>
          <Rating count={5} size="lg" aria-label={t('满意度')} {...form.getInputProps('satisfaction')} />
        </Input.Wrapper>
        <Textarea label={t('回访意见')} data-autofocus autosize minRows={2} {...form.getInputProps('comment')} />
        <Textarea label={t('投诉内容')} description={t('有投诉时填写，将跟踪到处理完毕')} autosize minRows={1} {...form.getInputProps('complaint')} />
        <Button type="submit" loading={busy}>
          {t('完成回访')}
        </Button>
      </Stack>
    </form>
  );
}

/** A short text and a button, for cancel reasons, complaints and their resolutions. */
export function TextForm({ label, button, required = true, onSubmit }: { label: string; button: string; required?: boolean; onSubmit(text: string): Promise<unknown> }) {
  const form = useForm({ initialValues: { text: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    await run(() => onSubmit(v.text), { setErrors: (f) => form.setFieldError('text', Object.values(f)[0] ?? '') });
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Textarea label={label} required={required} data-autofocus autosize minRows={2} {...form.getInputProps('text')} />
        <Button type="submit" loading={busy}>
          {button}
        </Button>
      </Stack>
    </form>
  );
}

/** Edits a request: everything before dispatch, afterwards dates, priority, notes and the handler. */
export function EditForm({ request, onDone }: { request: Detail; onDone(): void }) {
  const setup = useSetup();
  const handlers = useCall('requests.handlers', {});
  const form = useForm<FieldValues>({ initialValues: fromDetail(request) });
  const [handlerId, setHandlerId] = useState<string | null>(request.handlerId ? String(request.handlerId) : null);
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const body = { ...toInput(v), id: request.id, version: request.version, party: { kind: request.party.kind, id: request.party.id }, handlerId: handlerId ? Number(handlerId) : null };
    if (await run(() => call('requests.update', body), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <RequestFields form={form} setup={setup} locked={request.status !== 'received'} />
        <Select label={t('经办人')} data={(handlers.data ?? []).map((h) => ({ value: String(h.id), label: h.displayName }))} clearable value={handlerId} onChange={setHandlerId} error={form.errors.handlerId} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}
