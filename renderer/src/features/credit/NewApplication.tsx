import { useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { MemberPicker } from '../members/MemberPicker';
import { APPLICANT_KINDS, HOUSEHOLD_LABEL, PRODUCT_KIND_LABELS } from '../../../../shared/credit';
import { t } from '../../i18n';
import type { App } from './common';

export interface ApplicantRef {
  kind: 'org' | 'household';
  id: number;
  name: string;
  kindLabel: string;
  industries?: string[];
}

const ORG_KINDS = APPLICANT_KINDS.filter((k) => k !== HOUSEHOLD_LABEL);

/**
 * 受理金融代办 at the counter: the member, the product (only those its kind may apply for), what the loan is
 * for. Amounts are entered later by the credit officer when the application goes to the bank.
 */
export function NewApplication({ applicant, productId, onDone }: { applicant?: ApplicantRef; productId?: number; onDone(app: App): void }) {
  const [who, setWho] = useState<ApplicantRef | null>(applicant ?? null);
  const products = useCall('credit.products.list', { activeOnly: true });
  const form = useForm({
    initialValues: { productId: productId ? String(productId) : '', purpose: '', industry: '', notes: '' },
    validate: { productId: (v) => (v ? null : t('请选择贷款产品')), purpose: (v) => (v.trim() ? null : t('请填写贷款用途')) },
  });
  const { busy, run } = useAction();
  const fitting = (products.data ?? []).filter((p) => !who || p.applicantKinds.includes(who.kindLabel));
  const chosen = fitting.find((p) => String(p.id) === form.values.productId);
  const submit = form.onSubmit(async (v) => {
    if (!who) return;
    const app = await run(() => call('credit.applications.create', { kind: who.kind, id: who.id, productId: Number(v.productId), purpose: v.purpose, industry: v.industry, notes: v.notes }), {
      ok: t('已受理'),
      setErrors: form.setErrors,
    });
    if (app) onDone(app);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        {who ? (
          <Group gap="xs">
            <Badge variant="light">{t(who.kindLabel)}</Badge>
            <Text fw={500} data-testid="applicant">
              {who.name}
            </Text>
            {!applicant && (
              <Button size="compact-xs" variant="subtle" onClick={() => setWho(null)}>
                {t('重选')}
              </Button>
            )}
          </Group>
        ) : (
          <MemberPicker
            label={t('申请人')}
            required
            autoFocus
            orgKinds={ORG_KINDS}
            onSelect={(h) => setWho({ kind: h.kind, id: h.id, name: h.name, kindLabel: h.kind === 'household' ? HOUSEHOLD_LABEL : h.orgKind })}
          />
        )}
        <Select
          label={t('贷款产品')}
          required
          searchable
          disabled={!who}
          data={fitting.map((p) => ({ value: String(p.id), label: `${p.name}（${p.bank}）` }))}
          nothingFoundMessage={t('没有适合此类申请人的产品')}
          {...form.getInputProps('productId')}
        />
        {chosen && (
          <Alert color="blue" variant="light" p="xs">
            <Text size="sm">
              {t(PRODUCT_KIND_LABELS[chosen.kind])} · {t('所需材料')}：{chosen.documents.join('、') || t('无')}
            </Text>
          </Alert>
        )}
        <TextInput label={t('贷款用途')} required autoFocus={Boolean(applicant)} {...form.getInputProps('purpose')} />
        <Select
          label={t('所属产业')}
          description={t('用于按产业统计；留空则取产品适用产业或会员登记的第一个产业')}
          clearable
          searchable
          data={[...new Set([...(chosen?.industries ?? []), ...(who?.industries ?? [])])]}
          {...form.getInputProps('industry')}
          onChange={(v) => form.setFieldValue('industry', v ?? '')}
        />
        <Textarea label={t('备注')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Button type="submit" loading={busy} disabled={!who}>
          {t('受理')}
        </Button>
      </Stack>
    </form>
  );
}
