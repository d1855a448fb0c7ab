import { useState } from 'react';
import { Anchor, Badge, Button, Group, Menu, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { call } from '../../api/client';
import { notifyOk, useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { downloadFile } from '../../components/files';
import { navigate, queryParams, usePath } from '../../app/router';
import { useSession } from '../../app/session';
import { formatFen, upperAmount } from '../../../../shared/money';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import type { RouteProps } from '../types';
import { BookPage, entryDate, money, StatusBadge, todayIso, useBook } from './common';
import { VoucherEditor, blankRow, type EditorValue } from './VoucherEditor';
import { t } from '../../i18n';

type Voucher = Out<Contract['ledger.vouchers.get']>;

const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

function toEditor(v: Voucher, copy = false): EditorValue {
  const rows = v.lines.map((l) => ({
    ...blankRow(copy ? `订正${monthDay(v.date)}${v.kind}字第${v.number}号凭证` : l.summary),
    accountId: l.accountId,
    memberId: l.memberId,
    debit: l.debitFen ? formatFen(l.debitFen, { thousands: false }) : '',
    credit: l.creditFen ? formatFen(l.creditFen, { thousands: false }) : '',
    product: l.product,
    qty: l.qtyMilli ? String(l.qtyMilli / 1000) : '',
    unit: l.unit,
  }));
  while (rows.length < 4) rows.push(blankRow());
  return copy ? { date: todayIso(), kind: v.kind, attachments: 0, rows } : { id: v.id, version: v.version, date: v.date, kind: v.kind, attachments: v.attachments, rows };
}

export function PrintMenu({ ids, disabled }: { ids: number[]; disabled?: boolean }) {
  const { busy, run } = useAction();
  const print = async (size: 'A4' | 'half') => {
    const f = await run(() => call('ledger.vouchers.print', { ids, size }));
    if (f) downloadFile(f);
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="light" leftSection={<IconPrinter size={16} />} loading={busy} disabled={disabled || ids.length === 0}>
          {t('打印')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => print('A4')}>{t('A4 纸（PDF）')}</Menu.Item>
        <Menu.Item onClick={() => print('half')}>{t('凭证纸 240×140 毫米（PDF）')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Review, posting, reversal and printing of one voucher, as the role and the voucher's state allow. */
function VoucherActions({ v, reload }: { v: Voucher; reload(): void }) {
  const { user, can } = useSession();
  const { book } = useBook();
  const { busy, run } = useAction();
  const [reversing, setReversing] = useState(false);
  const [date, setDate] = useState(entryDate(book.firstOpen));
  const act = async (method: 'ledger.vouchers.review' | 'ledger.vouchers.unreview' | 'ledger.vouchers.post', ok: string) => {
    if (await run(() => call(method, { ids: [v.id] }), { ok })) reload();
  };
  return (
    <Group gap="xs">
      {v.status === 'draft' && can('ledger.vouchers.review') && v.preparerId !== user.id && (
        <Button loading={busy} onClick={() => act('ledger.vouchers.review', t('已审核'))}>
          {t('审核')}
        </Button>
      )}
      {v.status === 'reviewed' && can('ledger.vouchers.unreview') && (v.reviewerId === user.id || user.role === 'admin') && (
        <Button variant="default" loading={busy} onClick={() => act('ledger.vouchers.unreview', t('已取消审核'))}>
          {t('取消审核')}
        </Button>
      )}
      {v.status === 'reviewed' && can('ledger.vouchers.post') && (
        <Button color="green" loading={busy} onClick={() => act('ledger.vouchers.post', t('已记账'))}>
          {t('记账')}
        </Button>
      )}
      {v.status === 'posted' && !v.reversedBy && !v.reverses && (v.source === 'manual' || v.source === 'import' || v.source === 'distribution') && can('ledger.vouchers.reverse') && (
        <>
          <Button variant="light" color="red" onClick={() => setReversing(true)}>
            {t('红字冲销')}
          </Button>
          <Button variant="light" onClick={() => navigate(`/ledger/${book.id}/voucher/new?copy=${v.id}`)}>
            {t('复制为订正凭证')}
          </Button>
        </>
      )}
      <PrintMenu ids={[v.id]} />
      <Modal opened={reversing} onClose={() => setReversing(false)} title={t('红字冲销 {v}', { v: `${v.kind}-${v.number}` })}>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const red = await run(() => call('ledger.vouchers.reverse', { id: v.id, date }), { ok: t('已生成红字冲销凭证，请审核后记账') });
            if (red) {
              setReversing(false);
              navigate(`/ledger/${book.id}/voucher/${red.id}`);
            }
          }}
        >
          <Stack>
            <Text size="sm">{t('将生成一张金额为负数的同科目凭证，注销原凭证；更正后的内容请另做一张订正凭证。')}</Text>
            <TextInput label={t('冲销日期')} value={date} onChange={(e) => setDate(e.currentTarget.value)} autoFocus data-autofocus />
            <Button type="submit" color="red" loading={busy}>
              {t('生成红字凭证')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}

function VoucherView({ v }: { v: Voucher }) {
  const { book } = useBook();
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group>
            <Text fw={700} size="lg">
              {v.kind}字第 {v.number} 号
            </Text>
            <StatusBadge status={v.status} />
            {v.source !== 'manual' && <Badge variant="outline">{t({ import: '导入', reversal: '红字冲销', close: '结转损益', yearend: '年末结转', distribution: '盈余分配', manual: '' }[v.source])}</Badge>}
          </Group>
          <Text>
            {t('日期')}：{v.date}　{t('附件 {n} 张', { n: v.attachments })}
          </Text>
        </Group>
        {v.reverses && (
          <Text size="sm">
            {t('冲销')}：<Anchor href={`#/ledger/${book.id}/voucher/${v.reverses.id}`}>{v.reverses.label}</Anchor>
          </Text>
        )}
        {v.reversedBy && (
          <Text size="sm" c="red">
            {t('已被冲销')}：<Anchor href={`#/ledger/${book.id}/voucher/${v.reversedBy.id}`}>{v.reversedBy.label}</Anchor>
          </Text>
        )}
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('摘要')}</Table.Th>
              <Table.Th>{t('会计科目')}</Table.Th>
              <Table.Th>{t('成员')}</Table.Th>
              <Table.Th ta="right">{t('借方金额')}</Table.Th>
              <Table.Th ta="right">{t('贷方金额')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {v.lines.map((l) => (
              <Table.Tr key={l.lineNo}>
                <Table.Td>{l.summary}</Table.Td>
                <Table.Td>
                  {l.accountCode} {l.accountName}
                </Table.Td>
                <Table.Td>
                  {l.memberName}
                  {l.product && (
                    <Text size="xs" c="dimmed">
                      {l.product} {l.qtyMilli / 1000}
                      {l.unit}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{money(l.debitFen)}</Table.Td>
                <Table.Td ta="right">{money(l.creditFen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Td colSpan={3} fw={600}>
                {t('合计')}：{upperAmount(v.debitTotalFen)}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatFen(v.debitTotalFen)}
              </Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatFen(v.debitTotalFen)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Stack>
    </Paper>
  );
}

function ExistingVoucher({ id }: { id: number }) {
  const { can } = useSession();
  const { book } = useBook();
  const q = useCall('ledger.vouchers.get', { id });
  const [editKey, setEditKey] = useState(0);
  const { busy, run } = useAction();
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const v = q.data;
  const editable = v.status === 'draft' && can('ledger.vouchers.save');
  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>
            {v.kind}-{v.number}
          </Text>
          <StatusBadge status={v.status} />
          <Text size="sm" c="dimmed">
            {t('制单')}：{v.preparerName}　{t('审核')}：{v.reviewerName || '—'}　{t('记账')}：{v.posterName || '—'}
          </Text>
        </Group>
        <Group gap="xs">
          <VoucherActions v={v} reload={q.reload} />
          {editable && (
            <Button
              variant="subtle"
              color="red"
              loading={busy}
              onClick={async () => {
                if (!window.confirm(t('删除这张草稿凭证？之后的凭证号会依次前移。'))) return;
                if (await run(() => call('ledger.vouchers.delete', { id: v.id, version: v.version }), { ok: t('已删除') })) navigate(`/ledger/${book.id}/vouchers`);
              }}
            >
              {t('删除')}
            </Button>
          )}
        </Group>
      </Group>
      {editable ? (
        <VoucherEditor
          key={`${v.version}-${editKey}`}
          initial={toEditor(v)}
          onSaved={() => {
            setEditKey((k) => k + 1);
            q.reload();
          }}
        />
      ) : (
        <VoucherView v={v} />
      )}
    </Stack>
  );
}

function NewVoucher({ copyId }: { copyId: number }) {
  const { book } = useBook();
  const copy = useCall('ledger.vouchers.get', { id: copyId }, copyId > 0);
  if (copyId > 0 && !copy.data) return <Loading error={copy.error} loading={copy.loading} />;
  const date = entryDate(book.firstOpen);
  const initial: EditorValue = copy.data ? toEditor(copy.data, true) : { date, kind: book.voucherKinds === 'general' ? '记' : '转', attachments: 0, rows: [blankRow(), blankRow(), blankRow(), blankRow()] };
  return (
    <Paper withBorder p="md">
      <VoucherEditor
        initial={initial}
        onSaved={(v) => notifyOk(t('已保存 {v}，可继续录入下一张', { v: `${v.kind}-${v.number}` }))}
      />
    </Paper>
  );
}

export function VoucherPage({ params }: RouteProps) {
  const bookId = Number(params.bookId);
  const path = usePath();
  const isNew = params.id === 'new';
  const copyId = Number(queryParams(path).get('copy') ?? 0);
  return (
    <BookPage bookId={bookId} tab={isNew ? 'voucher/new' : 'vouchers'} title={isNew ? '录入凭证' : '凭证'}>
      {isNew ? <NewVoucher key={path} copyId={copyId} /> : <ExistingVoucher id={Number(params.id)} />}
    </BookPage>
  );
}
