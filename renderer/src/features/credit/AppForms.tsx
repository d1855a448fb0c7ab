import { Button, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { formatFen } from '../../../../shared/money';
import { formatWan } from '../../../../shared/credit';
import { t } from '../../i18n';
import { localToday, moneyError, rateToBp, toFen, type App, type Product } from './common';

/** The steps of an application, each a small form that sends one write. */

interface StepProps {
  app: App;
  onDone(app: App): void;
}

export function SubmitForm({ app, product, onDone }: StepProps & { product: Product | undefined }) {
  const form = useForm({
    initialValues: { submittedOn: localToday(), requested: '', termMonths: (product?.termMinMonths ?? 12) as number | string },
    validate: { requested: moneyError('申请金额') },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(() => call('credit.applications.submit', { id: app.id, version: app.version, submittedOn: v.submittedOn, requestedFen: toFen(v.requested), termMonths: Number(v.termMonths) }), {
      ok: t('已提交银行'),
      setErrors: (e) => form.setErrors({ ...e, requested: e.requestedFen }),
    });
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {product && (
          <Text size="sm" c="dimmed">
            {t('产品额度 {min}–{max}，期限 {a}–{b} 个月', { min: formatWan(product.minFen), max: formatWan(product.maxFen), a: product.termMinMonths, b: product.termMaxMonths })}
          </Text>
        )}
        <TextInput type="date" label={t('提交日期')} required max={localToday()} {...form.getInputProps('submittedOn')} />
        <TextInput label={t('申请金额（元）')} required autoFocus {...form.getInputProps('requested')} />
        <NumberInput label={t('申请期限（月）')} required min={1} max={360} {...form.getInputProps('termMonths')} />
        <Button type="submit" loading={busy}>
          {t('提交银行')}
        </Button>
      </Stack>
    </form>
  );
}

export function DecideForm({ app, onDone }: StepProps) {
  const form = useForm({
    initialValues: { approved: 'yes', decidedOn: localToday(), granted: app.requestedFen ? formatFen(app.requestedFen, { thousands: false }) : '', rate: '', termMonths: (app.termMonths ?? 12) as number | string, note: '' },
    validate: {
      granted: (v, all) => (all.approved === 'yes' ? moneyError('批准金额')(v) : null),
      rate: (v, all) => (all.approved === 'yes' && rateToBp(v) === null ? t('执行年利率应为百分数，如 3.95') : null),
    },
  });
  const { busy, run } = useAction();
  const approved = form.values.approved === 'yes';
  const submit = form.onSubmit(async (v) => {
    const r = await run(
      () =>
        call('credit.applications.decide', {
          id: app.id,
          version: app.version,
          decidedOn: v.decidedOn,
          approved,
          grantedFen: approved ? toFen(v.granted) : null,
          rateBp: approved ? rateToBp(v.rate) : null,
          termMonths: approved ? Number(v.termMonths) : null,
          note: v.note,
        }),
      { ok: t('已登记审批结果'), setErrors: (e) => form.setErrors({ ...e, granted: e.grantedFen, rate: e.rateBp }) },
    );
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <SegmentedControl
          data={[
            { value: 'yes', label: t('银行批准') },
            { value: 'no', label: t('银行未批准') },
          ]}
          {...form.getInputProps('approved')}
        />
        <TextInput type="date" label={t('审批日期')} required max={localToday()} {...form.getInputProps('decidedOn')} />
        {approved && (
          <>
            <TextInput label={t('批准金额（元）')} required autoFocus {...form.getInputProps('granted')} />
            <Group grow>
              <TextInput label={t('执行年利率（%）')} required placeholder="3.95" {...form.getInputProps('rate')} />
              <NumberInput label={t('批准期限（月）')} required min={1} max={360} {...form.getInputProps('termMonths')} />
            </Group>
          </>
        )}
        <Textarea label={approved ? t('审批意见') : t('未批准原因')} required={!approved} {...form.getInputProps('note')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

type Disbursement = App['disbursements'][number];

/** A new disbursement, or the repayment of one (its other fields kept). */
export function DisburseForm({ app, disbursement, onDone }: StepProps & { disbursement: Disbursement | null }) {
  const repaying = disbursement !== null;
  const form = useForm({
    initialValues: {
      disbursedOn: disbursement?.disbursedOn ?? localToday(),
      amount: disbursement?.amountFen ? formatFen(disbursement.amountFen, { thousands: false }) : '',
      dueOn: disbursement?.dueOn ?? '',
      repaidOn: disbursement?.repaidOn || (repaying ? localToday() : ''),
      notes: disbursement?.notes ?? '',
    },
    validate: { amount: moneyError('放款金额'), dueOn: (v) => (v ? null : t('请填写到期日')) },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(
      () =>
        call('credit.disbursements.save', {
          applicationId: app.id,
          id: disbursement?.id,
          version: disbursement?.version,
          disbursedOn: v.disbursedOn,
          amountFen: toFen(v.amount),
          dueOn: v.dueOn,
          repaidOn: v.repaidOn,
          notes: v.notes,
        }),
      { ok: repaying ? t('已登记还款') : t('已登记放款'), setErrors: (e) => form.setErrors({ ...e, amount: e.amountFen }) },
    );
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Group grow>
          <TextInput type="date" label={t('放款日期')} required max={localToday()} {...form.getInputProps('disbursedOn')} />
          <TextInput label={t('放款金额（元）')} required autoFocus={!repaying} {...form.getInputProps('amount')} />
        </Group>
        <Group grow>
          <TextInput type="date" label={t('到期日')} required {...form.getInputProps('dueOn')} />
          <TextInput type="date" label={t('还清日期')} max={localToday()} autoFocus={repaying} {...form.getInputProps('repaidOn')} />
        </Group>
        <TextInput label={t('备注')} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {repaying ? t('登记还款') : t('登记放款')}
        </Button>
      </Stack>
    </form>
  );
}

export function WithdrawForm({ app, onDone }: StepProps) {
  const form = useForm({ initialValues: { withdrawnOn: localToday(), reason: '' }, validate: { reason: (v) => (v.trim() ? null : t('请填写撤回原因')) } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(() => call('credit.applications.withdraw', { id: app.id, version: app.version, ...v }), { ok: t('已撤回'), setErrors: form.setErrors });
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput type="date" label={t('撤回日期')} required max={localToday()} {...form.getInputProps('withdrawnOn')} />
        <TextInput label={t('撤回原因')} required autoFocus {...form.getInputProps('reason')} />
        <Button type="submit" color="orange" loading={busy}>
          {t('撤回申请')}
        </Button>
      </Stack>
    </form>
  );
}

export function EditForm({ app, onDone }: StepProps) {
  const form = useForm({ initialValues: { purpose: app.purpose, industry: app.industry, notes: app.notes } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(() => call('credit.applications.update', { id: app.id, version: app.version, ...v }), { ok: t('已保存'), setErrors: form.setErrors });
    if (r) onDone(r);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('贷款用途')} required autoFocus {...form.getInputProps('purpose')} />
        <TextInput label={t('所属产业')} {...form.getInputProps('industry')} />
        <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}
