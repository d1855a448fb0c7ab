import { useState } from 'react';
import { Badge, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { ROLES, ROLE_LABELS, type Role } from '../../../../shared/roles';
import type { User } from '../../app/session';
import { formatTime } from '../../components/files';
import { t } from '../../i18n';

const roleOptions = () => ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }));

function CreateUser({ onDone }: { onDone(): void }) {
  const form = useForm({ initialValues: { username: '', displayName: '', role: 'frontdesk' as Role, password: '' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    if (await run(() => call('users.create', v), { ok: t('已创建用户 {name}', { name: v.displayName }), setErrors: form.setErrors })) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('用户名')} description={t('登录用，字母或数字')} required autoFocus {...form.getInputProps('username')} />
        <TextInput label={t('姓名')} required {...form.getInputProps('displayName')} />
        <Select label={t('角色')} data={roleOptions()} allowDeselect={false} {...form.getInputProps('role')} />
        <PasswordInput label={t('初始密码')} description={t('至少 8 位；首次登录须修改')} required {...form.getInputProps('password')} />
        <Button type="submit" loading={busy}>
          {t('创建')}
        </Button>
      </Stack>
    </form>
  );
}

function EditUser({ user, onDone }: { user: User; onDone(): void }) {
  const form = useForm({ initialValues: { displayName: user.displayName, role: user.role, active: user.active } });
  const reset = useForm({ initialValues: { password: '' } });
  const { busy, run } = useAction();
  const save = form.onSubmit(async (v) => {
    if (await run(() => call('users.update', { id: user.id, version: user.version, ...v }), { ok: t('已保存'), setErrors: form.setErrors })) onDone();
  });
  const resetPw = reset.onSubmit(async (v) => {
    if (await run(() => call('users.resetPassword', { id: user.id, password: v.password }), { ok: t('密码已重置，用户下次登录须修改'), setErrors: reset.setErrors })) onDone();
  });
  return (
    <Stack>
      <form onSubmit={save}>
        <Stack>
          <TextInput label={t('姓名')} required autoFocus {...form.getInputProps('displayName')} />
          <Select label={t('角色')} data={roleOptions()} allowDeselect={false} {...form.getInputProps('role')} />
          <Switch label={t('启用')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Button type="submit" loading={busy}>
            {t('保存')}
          </Button>
        </Stack>
      </form>
      <form onSubmit={resetPw}>
        <Group align="end">
          <PasswordInput style={{ flex: 1 }} label={t('重置密码')} {...reset.getInputProps('password')} />
          <Button type="submit" variant="light" loading={busy}>
            {t('重置')}
          </Button>
        </Group>
      </form>
      {user.lockedUntil && (
        <Button variant="light" color="orange" onClick={async () => (await run(() => call('users.unlock', { id: user.id }), { ok: t('已解除锁定') })) && onDone()}>
          {t('解除锁定')}
        </Button>
      )}
    </Stack>
  );
}

export function UsersPage() {
  const q = useCall('users.list', {});
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const done = () => {
    setCreating(false);
    setEditing(null);
    q.reload();
  };
  return (
    <Page title={t('用户管理')} actions={<Button onClick={() => setCreating(true)}>{t('新建用户')}</Button>}>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('用户名')}</Table.Th>
              <Table.Th>{t('姓名')}</Table.Th>
              <Table.Th>{t('角色')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
              <Table.Th>{t('创建时间')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.username}</Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>{t(ROLE_LABELS[u.role])}</Table.Td>
                <Table.Td>
                  {!u.active ? <Badge color="gray">{t('已停用')}</Badge> : u.lockedUntil && u.lockedUntil > new Date().toISOString() ? <Badge color="orange">{t('已锁定')}</Badge> : <Badge color="green">{t('启用')}</Badge>}
                  {u.mustChangePassword && (
                    <Badge ml={4} color="yellow" variant="light">
                      {t('待改密码')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{formatTime(u.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setEditing(u)}>
                    {t('编辑')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('新建用户')}>
        <CreateUser onDone={done} />
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('编辑用户 {name}', { name: editing.username }) : ''}>
        {editing && <EditUser user={editing} onDone={done} />}
      </Modal>
    </Page>
  );
}
