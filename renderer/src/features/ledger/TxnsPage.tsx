import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { useSession } from '../../app/session';
import { parseYuan } from '../../../../shared/money';
import type { RouteProps } from '../types';
import { BookPage, money, todayIso, useBook, useWorkingPeriod } from './common';
import { Lookup } from './Lookup';
import { t } from '../../i18n';

const milli = (s: string) => {
  const m = /^(\d+)(?:\.(\d{0,3}))?$/.exec(s.trim());
  return m ? Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0')) : null;
};

function TxnForm({ onDone }: { onDone(): void }) {
  const { book, members } = useBook();
  const products = useCall('ledger.txns.products', { bookId: book.id });
  const form = useForm({ initialValues: { memberId: 0, date: todayIso(), product: '', unit: '', qty: '', amount: '', summary: '' } });
  const { busy, run } = useAction();
  const options = useMemo(() => members.map((m) => ({ value: m.id, label: m.name, key: `${m.id} ${m.name} ${m.pyInitials}`.toLowerCase() })), [members]);
  const submit = form.onSubmit(async (v) => {
    const qtyMilli = v.qty.trim() ? milli(v.qty) : 0;
    const amountFen = v.amount.trim() ? parseYuan(v.amount) : 0;
    if (qtyMilli === null) return form.setFieldError('qty', t('数量最多三位小数'));
    if (amountFen === null) return form.setFieldError('amount', t('金额格式不对'));
    const ok = await run(() => call('ledger.txns.save', { bookId: book.id, memberId: v.memberId, date: v.date, product: v.product, unit: v.unit, qtyMilli, amountFen, summary: v.summary }), {
      ok: t('已登记'),
      setErrors: (f) => form.setErrors({ ...f, qty: f.qtyMilli, amount: f.amountFen }),
    });
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Lookup label={t('成员')} size="sm" autoFocus options={options} value={form.values.memberId} onChange={(id) => form.setFieldValue('memberId', id)} error={form.errors.memberId as string | undefined} placeholder={t('姓名或拼音首字母')} />
        <TextInput label={t('交易日期')} {...form.getInputProps('date')} />
        <Group grow>
          <TextInput label={t('产品')} list="txn-products" required {...form.getInputProps('product')} />
          <TextInput label={t('单位')} {...form.getInputProps('unit')} />
        </Group>
        <datalist id="txn-products">
          {(products.data ?? []).map((p) => (
            <option key={p.product} value={p.product} />
          ))}
        </datalist>
        <Group grow>
          <TextInput label={t('交易量')} {...form.getInputProps('qty')} />
          <TextInput label={t('交易额（元）')} {...form.getInputProps('amount')} />
        </Group>
        <TextInput label={t('摘要')} {...form.getInputProps('summary')} />
        <Button type="submit" loading={busy}>
          {t('登记')}
        </Button>
      </Stack>
    </form>
  );
}

/** 成员交易登记: the transactions behind 交易量 / 交易额, from the register and from posted vouchers. */
function Txns() {
  const { book, members } = useBook();
  const { can } = useSession();
  const working = useWorkingPeriod();
  const [year, setYear] = useState(Number(working.slice(0, 4)));
  const [memberId, setMemberId] = useState(0);
  const [adding, setAdding] = useState(false);
  const q = useCall('ledger.txns.list', { bookId: book.id, from: `${year}-01-01`, to: `${year}-12-31`, memberId });
  const { run } = useAction();
  const totals = useMemo(() => {
    const by = new Map<string, { qty: number; amount: number; unit: string }>();
    for (const x of q.data ?? []) {
      const cur = by.get(x.product) ?? { qty: 0, amount: 0, unit: x.unit };
      cur.qty += x.qtyMilli;
      cur.amount += x.amountFen;
      by.set(x.product, cur);
    }
    return [...by.entries()];
  }, [q.data]);
  return (
    <Stack>
      <Group align="end" justify="space-between">
        <Group align="end">
          <Select label={t('年度')} w={110} data={book.years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />
          <Select label={t('成员')} w={180} searchable clearable placeholder={t('全部成员')} data={members.map((m) => ({ value: String(m.id), label: m.name }))} value={memberId ? String(memberId) : null} onChange={(v) => setMemberId(Number(v ?? 0))} />
        </Group>
        {can('ledger.txns.save') && book.status === 'active' && <Button onClick={() => setAdding(true)}>{t('登记交易')}</Button>}
      </Group>
      <Text size="sm">{totals.map(([p, v]) => t('{p}：{q}{u}，{a} 元', { p, q: (v.qty / 1000).toLocaleString('zh-CN'), u: v.unit, a: money(v.amount, false) })).join('；')}</Text>
      <Loading error={q.error} loading={q.loading && !q.data} />
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            {['日期', '成员', '产品', '交易量', '交易额', '摘要', '来源', ''].map((h, i) => (
              <Table.Th key={i}>{h ? t(h) : ''}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data ?? []).map((x) => (
            <Table.Tr key={`${x.source}${x.id}`}>
              <Table.Td>{x.date}</Table.Td>
              <Table.Td>{x.memberName}</Table.Td>
              <Table.Td>{x.product}</Table.Td>
              <Table.Td ta="right">
                {x.qtyMilli ? (x.qtyMilli / 1000).toLocaleString('zh-CN') : ''}
                {x.qtyMilli ? x.unit : ''}
              </Table.Td>
              <Table.Td ta="right">{money(x.amountFen)}</Table.Td>
              <Table.Td>{x.summary}</Table.Td>
              <Table.Td>{x.source === 'voucher' ? <Anchor href={`#/ledger/${book.id}/voucher/${x.voucherId}`}>{x.voucher}</Anchor> : <Badge variant="light">{t('登记')}</Badge>}</Table.Td>
              <Table.Td>
                {x.source === 'register' && can('ledger.txns.delete') && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={async () => {
                      if (window.confirm(t('删除这条交易记录？')) && (await run(() => call('ledger.txns.delete', { id: x.id, version: x.version }), { ok: t('已删除') }))) q.reload();
                    }}
                  >
                    {t('删除')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('登记成员交易')}>
        <TxnForm
          onDone={() => {
            setAdding(false);
            q.reload();
          }}
        />
      </Modal>
    </Stack>
  );
}

export function TxnsPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="txns" title="成员交易">
      <Txns />
    </BookPage>
  );
}
