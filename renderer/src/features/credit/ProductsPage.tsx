import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Table, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { notifyOk, useAction, useCall } from '../../api/hooks';
import { useSession } from '../../app/session';
import { Loading, Page } from '../../components/Page';
import { queryParams, usePath } from '../../app/router';
import { formatFen } from '../../../../shared/money';
import { APPLICANT_KINDS, formatRate, formatWan, GRADES, PRODUCT_KINDS, PRODUCT_KIND_LABELS, type ProductKind } from '../../../../shared/credit';
import { t } from '../../i18n';
import { moneyError, rateToBp, toFen, type Product } from './common';

const pct = (bp: number) => (bp / 100).toFixed(2);

function ProductForm({ product, onDone }: { product: Product | null; onDone(): void }) {
  const form = useForm({
    initialValues: {
      name: product?.name ?? '',
      bank: product?.bank ?? '',
      kind: (product?.kind ?? 'credit') as ProductKind,
      min: product ? formatFen(product.minFen, { thousands: false }) : '',
      max: product ? formatFen(product.maxFen, { thousands: false }) : '',
      termMinMonths: (product?.termMinMonths ?? 12) as number | string,
      termMaxMonths: (product?.termMaxMonths ?? 36) as number | string,
      rateMin: product ? pct(product.rateMinBp) : '',
      rateMax: product ? pct(product.rateMaxBp) : '',
      applicantKinds: product?.applicantKinds ?? [],
      minGrade: product?.minGrade ?? '',
      industries: product?.industries ?? [],
      documents: product?.documents ?? [],
      online: product?.online ?? false,
      active: product?.active ?? true,
      example: product?.example ?? false,
      notes: product?.notes ?? '',
    },
    validate: {
      min: moneyError('最低额度'),
      max: moneyError('最高额度'),
      rateMin: (v) => (rateToBp(v) === null ? t('年利率应为百分数，如 3.85') : null),
      rateMax: (v) => (rateToBp(v) === null ? t('年利率应为百分数，如 3.85') : null),
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const r = await run(
      () =>
        call('credit.products.save', {
          id: product?.id,
          version: product?.version,
          name: v.name,
          bank: v.bank,
          kind: v.kind,
          minFen: toFen(v.min),
          maxFen: toFen(v.max),
          termMinMonths: Number(v.termMinMonths),
          termMaxMonths: Number(v.termMaxMonths),
          rateMinBp: rateToBp(v.rateMin) ?? 0,
          rateMaxBp: rateToBp(v.rateMax) ?? 0,
          applicantKinds: v.applicantKinds as (typeof APPLICANT_KINDS)[number][],
          minGrade: v.minGrade as '',
          industries: v.industries,
          documents: v.documents,
          online: v.online,
          active: v.active,
          example: v.example,
          notes: v.notes,
        }),
      { ok: t('已保存'), setErrors: (e) => form.setErrors({ ...e, min: e.minFen, max: e.maxFen, rateMin: e.rateMinBp, rateMax: e.rateMaxBp }) },
    );
    if (r) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('产品名称')} required autoFocus {...form.getInputProps('name')} />
          <TextInput label={t('银行')} required {...form.getInputProps('bank')} />
          <Select label={t('贷款方式')} allowDeselect={false} data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(PRODUCT_KIND_LABELS[k]) }))} {...form.getInputProps('kind')} />
          <Select label={t('最低信用等级')} data={[{ value: '', label: t('不限') }, ...GRADES.map((g) => ({ value: g, label: t('{g} 及以上', { g }) }))]} {...form.getInputProps('minGrade')} />
          <TextInput label={t('最低额度（元）')} required {...form.getInputProps('min')} />
          <TextInput label={t('最高额度（元）')} required {...form.getInputProps('max')} />
          <NumberInput label={t('最短期限（月）')} required min={1} max={360} {...form.getInputProps('termMinMonths')} />
          <NumberInput label={t('最长期限（月）')} required min={1} max={360} {...form.getInputProps('termMaxMonths')} />
          <TextInput label={t('最低年利率（%）')} required {...form.getInputProps('rateMin')} />
          <TextInput label={t('最高年利率（%）')} required {...form.getInputProps('rateMax')} />
        </SimpleGrid>
        <MultiSelect label={t('申请对象')} required data={APPLICANT_KINDS.map((k) => ({ value: k, label: t(k) }))} {...form.getInputProps('applicantKinds')} />
        <TagsInput label={t('适用产业')} description={t('留空为不限产业；“一业一贷”产品填写对应产业')} {...form.getInputProps('industries')} />
        <TagsInput label={t('所需材料')} description={t('受理时据此生成材料清单；输入后按回车')} {...form.getInputProps('documents')} />
        <Textarea label={t('说明')} autosize minRows={2} {...form.getInputProps('notes')} />
        <Group>
          <Switch label={t('可线上申请')} {...form.getInputProps('online', { type: 'checkbox' })} />
          <Switch label={t('在办')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Switch label={t('示例数据（尚未按银行实际条款核对）')} {...form.getInputProps('example', { type: 'checkbox' })} />
        </Group>
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

/** The partner banks' loan products: terms, who may apply, documents required. */
export function ProductsPage() {
  const q = useCall('credit.products.list', {}, true, ['credit']);
  const focus = Number(queryParams(usePath()).get('id') ?? 0);
  const { can } = useSession();
  const { busy, run } = useAction();
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const done = () => {
    setEditing(null);
    q.reload();
  };
  const examples = (q.data ?? []).filter((p) => p.example).length;
  return (
    <Page
      title={t('贷款产品')}
      actions={
        can('credit.products.save') && (
          <>
            {q.data?.length === 0 && (
              <Button
                variant="default"
                loading={busy}
                onClick={async () => {
                  const r = await run(() => call('credit.products.seedExamples', {}));
                  if (r) {
                    notifyOk(t('已载入 {n} 个产品', { n: r.added }));
                    q.reload();
                  }
                }}
              >
                {t('载入方案所列产品（示例）')}
              </Button>
            )}
            <Button onClick={() => setEditing('new')}>{t('新增产品')}</Button>
          </>
        )
      }
    >
      <Loading error={q.error} loading={q.loading && !q.data} />
      {examples > 0 && (
        <Alert color="yellow" variant="light">
          {t('标有“示例”的产品来自实施方案列举的产品名称，额度、利率等条款为示例，请按合作银行的实际条款修改后取消“示例”标记。')}
        </Alert>
      )}
      {q.data && (
        <Table striped highlightOnHover withTableBorder data-testid="products">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('产品')}</Table.Th>
              <Table.Th>{t('银行')}</Table.Th>
              <Table.Th>{t('方式')}</Table.Th>
              <Table.Th>{t('额度')}</Table.Th>
              <Table.Th>{t('期限')}</Table.Th>
              <Table.Th>{t('年利率')}</Table.Th>
              <Table.Th>{t('申请条件')}</Table.Th>
              <Table.Th>{t('所需材料')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((p) => (
              <Table.Tr key={p.id} bg={p.id === focus ? 'var(--mantine-color-yellow-0)' : undefined}>
                <Table.Td>
                  <Text fw={500} size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {p.name}
                  </Text>
                  <Group gap={4}>
                    {p.example && (
                      <Badge size="xs" color="yellow" variant="light">
                        {t('示例')}
                      </Badge>
                    )}
                    {p.online && (
                      <Badge size="xs" variant="light">
                        {t('线上')}
                      </Badge>
                    )}
                    {!p.active && (
                      <Badge size="xs" color="gray">
                        {t('停办')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{p.bank}</Table.Td>
                <Table.Td>{t(PRODUCT_KIND_LABELS[p.kind])}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatWan(p.minFen)}–{formatWan(p.maxFen)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('{a}–{b} 个月', { a: p.termMinMonths, b: p.termMaxMonths })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatRate(p.rateMinBp)}–{formatRate(p.rateMaxBp)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{p.applicantKinds.map((k) => t(k)).join('、')}</Text>
                  <Text size="xs" c="dimmed">
                    {p.minGrade ? t('信用等级 {g} 及以上', { g: p.minGrade }) : t('不限信用等级')}
                    {p.industries.length > 0 && ` · ${t('限{list}产业', { list: p.industries.join('、') })}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{p.documents.join('、')}</Text>
                </Table.Td>
                <Table.Td>
                  {can('credit.products.save') && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setEditing(p)}>
                      {t('编辑')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('新增产品') : t('编辑产品')} size="xl">
        {editing !== null && <ProductForm product={editing === 'new' ? null : editing} onDone={done} />}
      </Modal>
    </Page>
  );
}
