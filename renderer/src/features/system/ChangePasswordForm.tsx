import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';

export function ChangePasswordForm({ onDone }: { onDone(): void }) {
  const form = useForm({
    initialValues: { oldPassword: '', newPassword: '', confirm: '' },
    validate: {
      newPassword: (v) => (v.length >= 8 ? null : t('密码至少 8 位')),
      confirm: (v, all) => (v === all.newPassword ? null : t('两次输入的密码不一致')),
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async ({ oldPassword, newPassword }) => {
    const r = await run(() => call('auth.changePassword', { oldPassword, newPassword }), { ok: t('密码已修改'), setErrors: form.setErrors });
    if (r) onDone();
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <PasswordInput label={t('原密码')} required autoFocus {...form.getInputProps('oldPassword')} />
        <PasswordInput label={t('新密码')} required description={t('至少 8 位')} {...form.getInputProps('newPassword')} />
        <PasswordInput label={t('确认新密码')} required {...form.getInputProps('confirm')} />
        <Button type="submit" loading={busy}>
          {t('修改密码')}
        </Button>
      </Stack>
    </form>
  );
}
