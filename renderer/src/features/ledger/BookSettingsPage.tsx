import { Button, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { RouteProps } from '../types';
import { BookPage, useBook } from './common';
import { t } from '../../i18n';

function Settings() {
  const { book, reload } = useBook();
  const form = useForm({
    initialValues: {
      voucherKinds: book.voucherKinds,
      patronageBasis: book.patronageBasis,
      subsidyQuantify: book.subsidyQuantify,
      reserveQuantify: book.reserveQuantify,
      headName: book.headName,
      cashierName: book.cashierName,
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('ledger.books.update', { id: book.id, version: book.version, ...v }), { ok: t('账套设置已保存'), setErrors: form.setErrors })) reload();
  });
  return (
    <Paper withBorder p="md" maw={640}>
      <form onSubmit={submit}>
        <Stack>
          <Select
            label={t('凭证字')}
            allowDeselect={false}
            data={[
              { value: 'general', label: t('记账凭证（记）') },
              { value: 'split', label: t('收款、付款、转账凭证（收/付/转）') },
            ]}
            {...form.getInputProps('voucherKinds')}
          />
          <Select
            label={t('章程规定的盈余返还依据')}
            allowDeselect={false}
            data={[
              { value: 'amount', label: t('按交易额') },
              { value: 'volume', label: t('按交易量') },
            ]}
            {...form.getInputProps('patronageBasis')}
          />
          <Select
            label={t('财政补助和捐赠形成财产的量化方式')}
            description={t('法律要求平均量化到成员；“平均”按出资比例还是按人数均分，由章程或成员大会决定')}
            allowDeselect={false}
            data={[
              { value: 'capital', label: t('按成员出资比例量化') },
              { value: 'equal', label: t('按成员人数平均量化') },
            ]}
            {...form.getInputProps('subsidyQuantify')}
          />
          <Select
            label={t('公积金量化方式')}
            allowDeselect={false}
            data={[
              { value: 'patronage', label: t('按本年交易量（额）比例') },
              { value: 'capital', label: t('按成员出资比例') },
            ]}
            {...form.getInputProps('reserveQuantify')}
          />
          <TextInput label={t('会计主管（打印凭证签章）')} {...form.getInputProps('headName')} />
          <TextInput label={t('出纳（打印凭证签章）')} {...form.getInputProps('cashierName')} />
          <Button type="submit" loading={busy} w={160}>
            {t('保存')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function BookSettingsPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="settings" title="账套设置">
      <Settings />
    </BookPage>
  );
}
