import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { call } from '../../api/client';
import type { Me } from '../../app/session';
import { AppError } from '../../../../shared/errors';
import { t } from '../../i18n';

export function LoginPage({ centreName, notice, onDone }: { centreName: string; notice?: string; onDone(me: Me): void }) {
  const form = useForm({ initialValues: { username: '', password: '' } });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call('auth.login', values));
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError('INTERNAL', String(e));
      setError(err.message);
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });
  return (
    <Container size={420} py={80}>
      <Title order={2} ta="center">
        {t('为农服务台')}
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        {centreName}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit}>
          <Stack>
            {notice && <Alert color="yellow">{notice}</Alert>}
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput label={t('用户名')} required autoFocus autoComplete="username" {...form.getInputProps('username')} />
            <PasswordInput label={t('密码')} required autoComplete="current-password" {...form.getInputProps('password')} />
            <Button type="submit" loading={busy}>
              {t('登录')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
