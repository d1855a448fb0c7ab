import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { ImportWizard } from '../../components/ImportWizard';
import { useSession } from '../../app/session';
import { formatFen, parseYuan } from '../../../../shared/money';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import type { RouteProps } from '../types';
import { BookPage, money, periodText, useBook } from './common';
import { t } from '../../i18n';

type Preview = Out<Contract['ledger.opening.importPreview']>;
interface Cell {
  accountId: number;
  memberId: number;
  debit: string;
  credit: string;
}

const fen = (s: string) => (s.trim() ? parseYuan(s) : 0);
const key = (c: { accountId: number; memberId: number }) => `${c.accountId}:${c.memberId}`;

function OpeningEditor() {
  const { book, accounts, members, reload } = useBook();
  const { can } = useSession();
  const q = useCall('ledger.opening.list', { bookId: book.id });
  const [cells, setCells] = useState<Map<string, Cell>>(new Map());
  const [dirty, setDirty] = useState(false);
  const [importing, setImporting] = useState(false);
  const [map2007, setMap2007] = useState(false);
  const [addMember, setAddMember] = useState<Record<number, string | null>>({});
  const { busy, run } = useAction();
  const editable = book.status === 'setup' && can('ledger.opening.save');

  useEffect(() => {
    if (!q.data) return;
    setCells(new Map(q.data.rows.map((r) => [key(r), { accountId: r.accountId, memberId: r.memberId, debit: r.debitFen ? formatFen(r.debitFen, { thousands: false }) : '', credit: r.creditFen ? formatFen(r.creditFen, { thousands: false }) : '' }])));
    setDirty(false);
  }, [q.data]);

  const leaves = useMemo(() => accounts.filter((a) => a.leaf && a.cls !== 'pnl'), [accounts]);
  const names = useMemo(() => new Map(members.map((m) => [m.id, m.name])), [members]);
  const list = [...cells.values()];
  const totalD = list.reduce((s, c) => s + (fen(c.debit) ?? 0), 0);
  const totalC = list.reduce((s, c) => s + (fen(c.credit) ?? 0), 0);
  const bad = list.some((c) => fen(c.debit) === null || fen(c.credit) === null);

  const put = (c: Cell) => {
    setCells((m) => new Map(m).set(key(c), c));
    setDirty(true);
  };
  const save = async () => {
    const rows = list.filter((c) => (fen(c.debit) ?? 0) !== 0 || (fen(c.credit) ?? 0) !== 0).map((c) => ({ accountId: c.accountId, memberId: c.memberId, debitFen: fen(c.debit) ?? 0, creditFen: fen(c.credit) ?? 0 }));
    if (await run(() => call('ledger.opening.save', { bookId: book.id, rows }), { ok: t('期初余额已保存') })) q.reload();
  };
  const activate = async () => {
    if (await run(() => call('ledger.opening.activate', { bookId: book.id }), { ok: t('账套已启用，可以录入凭证') })) {
      q.reload();
      reload();
    }
  };
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;

  const amountInput = (c: Cell, side: 'debit' | 'credit', label: string) => (
    <TextInput
      size="xs"
      aria-label={label}
      disabled={!editable}
      styles={{ input: { textAlign: 'right' } }}
      value={c[side]}
      error={fen(c[side]) === null ? t('金额格式不对') : undefined}
      onChange={(e) => put({ ...c, [side]: e.currentTarget.value })}
    />
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm">{t('期初余额为启用期间 {p}初的余额。按成员核算的科目（114、221、222、301 等）按成员分别录入。', { p: periodText(book.startPeriod) })}</Text>
        {editable && (
          <Group gap="xs">
            <Button variant="light" onClick={() => setImporting(true)}>
              {t('从文件导入')}
            </Button>
            <Button variant="light" disabled={!dirty || bad} loading={busy} onClick={save}>
              {t('保存期初余额')}
            </Button>
            <Button color="green" disabled={dirty || totalD !== totalC} loading={busy} onClick={activate}>
              {t('试算平衡并启用账套')}
            </Button>
          </Group>
        )}
      </Group>
      {book.status === 'active' && <Alert color="green">{t('账套已启用，期初余额不能再修改。')}</Alert>}
      <Alert color={totalD === totalC ? 'green' : 'red'} data-testid="opening-balance">
        {t('借方合计 {d}，贷方合计 {c}', { d: formatFen(totalD), c: formatFen(totalC) })}
        {totalD !== totalC ? t('，差额 {x}', { x: formatFen(totalD - totalC) }) : t('，平衡')}
      </Alert>
      <Table withTableBorder striped fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('科目')}</Table.Th>
            <Table.Th>{t('成员')}</Table.Th>
            <Table.Th w={160}>{t('期初借方')}</Table.Th>
            <Table.Th w={160}>{t('期初贷方')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leaves.map((a) => {
            if (!a.memberDim) {
              const c = cells.get(`${a.id}:0`) ?? { accountId: a.id, memberId: 0, debit: '', credit: '' };
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.code} {a.fullName}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td>{amountInput(c, 'debit', `${a.code} ${t('期初借方')}`)}</Table.Td>
                  <Table.Td>{amountInput(c, 'credit', `${a.code} ${t('期初贷方')}`)}</Table.Td>
                </Table.Tr>
              );
            }
            const mine = list.filter((c) => c.accountId === a.id);
            return [
              <Table.Tr key={a.id}>
                <Table.Td fw={600}>
                  {a.code} {a.fullName}
                </Table.Td>
                <Table.Td colSpan={3}>
                  {editable && (
                    <Group gap="xs">
                      <Select
                        size="xs"
                        w={180}
                        searchable
                        placeholder={t('添加成员')}
                        data={members.filter((m) => !mine.some((c) => c.memberId === m.id)).map((m) => ({ value: String(m.id), label: m.name }))}
                        value={addMember[a.id] ?? null}
                        onChange={(v) => {
                          if (v) put({ accountId: a.id, memberId: Number(v), debit: '', credit: '' });
                          setAddMember((x) => ({ ...x, [a.id]: null }));
                        }}
                      />
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>,
              ...mine.map((c) => (
                <Table.Tr key={key(c)}>
                  <Table.Td />
                  <Table.Td>{names.get(c.memberId) ?? `#${c.memberId}`}</Table.Td>
                  <Table.Td>{amountInput(c, 'debit', `${a.code} ${names.get(c.memberId)} ${t('期初借方')}`)}</Table.Td>
                  <Table.Td>{amountInput(c, 'credit', `${a.code} ${names.get(c.memberId)} ${t('期初贷方')}`)}</Table.Td>
                </Table.Tr>
              )),
            ];
          })}
        </Table.Tbody>
      </Table>
      <Modal opened={importing} onClose={() => setImporting(false)} title={t('导入期初余额')} size="xl">
        <Stack>
          <Text size="sm">{t('列：科目编码、科目名称、期初借方、期初贷方、成员（按成员核算的科目填写成员姓名或编号）。导入将替换现有期初余额；上级科目的合计行会与明细核对。')}</Text>
          <Checkbox label={t('按 2007 年制度转换科目编码（522、211、141、142）')} checked={map2007} onChange={(e) => setMap2007(e.currentTarget.checked)} />
          <ImportWizard<Preview['rows'][number], Preview>
            columns={[
              { title: t('科目'), render: (r) => `${r.accountCode || r.code} ${r.accountName || r.name}` },
              { title: t('成员'), render: (r) => r.member },
              { title: t('借方'), render: (r) => money(r.debitFen) },
              { title: t('贷方'), render: (r) => money(r.creditFen) },
              { title: t('说明'), render: (r) => r.note },
            ]}
            summary={(p) => <Text size="sm">{t('借方合计 {d}，贷方合计 {c}', { d: formatFen(p.debitFen), c: formatFen(p.creditFen) })}</Text>}
            preview={(u) => call('ledger.opening.importPreview', { ...u, bookId: book.id, map2007 })}
            commit={(u) => call('ledger.opening.importCommit', { ...u, bookId: book.id, map2007 })}
            onDone={() => {
              setImporting(false);
              q.reload();
            }}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}

export function OpeningPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="opening" title="期初余额">
      <OpeningEditor />
    </BookPage>
  );
}
