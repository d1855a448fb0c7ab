import { useMemo, useState } from 'react';
import { Badge, Button, Checkbox, Group, Modal, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { useSession } from '../../app/session';
import type { RouteProps } from '../types';
import { accountKeys, BookPage, matchesAccount, useBook, type Account } from './common';
import { t } from '../../i18n';

const CLASS_LABEL = { asset: '资产', liability: '负债', equity: '所有者权益', cost: '成本', pnl: '损益' } as const;

function NewAccount({ parent, onDone }: { parent: Account; onDone(): void }) {
  const { book, accounts } = useBook();
  const used = new Set(accounts.filter((a) => a.parentId === parent.id).map((a) => a.code));
  let n = 1;
  while (used.has(`${parent.code}${String(n).padStart(2, '0')}`)) n++;
  const form = useForm({ initialValues: { code: `${parent.code}${String(n).padStart(2, '0')}`, name: '', memberDim: parent.memberDim, poverty: false } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const ok = await run(() => call('ledger.accounts.create', { bookId: book.id, parentId: parent.id, code: v.code, name: v.name, memberDim: v.memberDim, tag: v.poverty ? 'poverty' : '' }), {
      ok: t('已增设明细科目'),
      setErrors: form.setErrors,
    });
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">
          {t('上级科目')}：{parent.code} {parent.fullName}
        </Text>
        <TextInput label={t('科目编码')} description={t('上级编码加两位数字')} {...form.getInputProps('code')} />
        <TextInput label={t('科目名称')} autoFocus data-autofocus required {...form.getInputProps('name')} />
        <Checkbox label={t('按成员核算（每笔分录须指定成员）')} disabled={parent.memberDim} {...form.getInputProps('memberDim', { type: 'checkbox' })} />
        {parent.code.startsWith('301') && <Checkbox label={t('扶贫项目资产形成的出资')} {...form.getInputProps('poverty', { type: 'checkbox' })} />}
        <Button type="submit" loading={busy}>
          {t('增设')}
        </Button>
      </Stack>
    </form>
  );
}

function EditAccount({ account, onDone }: { account: Account; onDone(): void }) {
  const form = useForm({ initialValues: { name: account.name, memberDim: account.memberDim, active: account.active, poverty: account.tag === 'poverty' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const ok = await run(() => call('ledger.accounts.update', { id: account.id, version: account.version, name: v.name, memberDim: v.memberDim, active: v.active, tag: v.poverty ? 'poverty' : '' }), {
      ok: t('已保存'),
      setErrors: form.setErrors,
    });
    if (ok) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('科目名称')} disabled={account.builtin} autoFocus data-autofocus {...form.getInputProps('name')} />
        <Switch label={t('按成员核算')} {...form.getInputProps('memberDim', { type: 'checkbox' })} />
        <Switch label={t('启用')} {...form.getInputProps('active', { type: 'checkbox' })} />
        {account.code.startsWith('301') && account.parentId !== null && <Checkbox label={t('扶贫项目资产形成的出资')} {...form.getInputProps('poverty', { type: 'checkbox' })} />}
        <Button type="submit" loading={busy}>
          {t('保存')}
        </Button>
      </Stack>
    </form>
  );
}

function Accounts() {
  const { accounts, reload } = useBook();
  const { can } = useSession();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState<Account | null>(null);
  const [editing, setEditing] = useState<Account | null>(null);
  const keys = useMemo(() => accountKeys(accounts), [accounts]);
  const shown = accounts.filter((a) => matchesAccount(a, keys.get(a.id)!, q));
  const done = () => {
    setAdding(null);
    setEditing(null);
    reload();
  };
  return (
    <Stack>
      <TextInput placeholder={t('科目编码、名称或拼音首字母')} w={320} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <Table striped highlightOnHover withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('科目编码')}</Table.Th>
            <Table.Th>{t('科目名称')}</Table.Th>
            <Table.Th>{t('类别')}</Table.Th>
            <Table.Th>{t('余额方向')}</Table.Th>
            <Table.Th>{t('核算')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((a) => (
            <Table.Tr key={a.id} c={a.active ? undefined : 'dimmed'}>
              <Table.Td>{a.code}</Table.Td>
              <Table.Td style={{ paddingLeft: 8 + (a.level - 1) * 16 }}>
                {a.name}
                {!a.active && (
                  <Badge ml={6} color="gray" size="xs">
                    {t('已停用')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t(CLASS_LABEL[a.cls])}</Table.Td>
              <Table.Td>{a.side === 'D' ? t('借') : t('贷')}</Table.Td>
              <Table.Td>
                {a.memberDim && (
                  <Badge variant="light" size="sm">
                    {t('成员')}
                  </Badge>
                )}
                {a.tag === 'poverty' && (
                  <Badge variant="light" color="grape" size="sm">
                    {t('扶贫资产出资')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {can('ledger.accounts.create') && (
                  <Group gap={4}>
                    <Button size="compact-xs" variant="subtle" onClick={() => setAdding(a)}>
                      {t('增设明细')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setEditing(a)}>
                      {t('修改')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={adding !== null} onClose={() => setAdding(null)} title={t('增设明细科目')}>
        {adding && <NewAccount parent={adding} onDone={done} />}
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? `${editing.code} ${editing.fullName}` : ''}>
        {editing && <EditAccount account={editing} onDone={done} />}
      </Modal>
    </Stack>
  );
}

export function AccountsPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="accounts" title="会计科目">
      <Accounts />
    </BookPage>
  );
}
