import { Button, Checkbox, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import type { Me } from '../../app/session';
import { t } from '../../i18n';

export function SetupPage({ onDone }: { onDone(me: Me): void }) {
  const form = useForm({
    initialValues: { centreName: '云阳县为农服务中心', username: 'admin', displayName: '', password: '', confirm: '', loadDemo: false },
    validate: {
      displayName: (v) => (v.trim() ? null : t('请填写姓名')),
      password: (v) => (v.length >= 8 ? null : t('密码至少 8 位')),
      confirm: (v, all) => (v === all.password ? null : t('两次输入的密码不一致')),
    },
  });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async ({ confirm: _c, ...values }) => {
    const me = await run(() => call('setup.createAdmin', values), { setErrors: form.setErrors, ok: t('初始化完成') });
    if (me) onDone(me);
  });
  return (
    <Container size={460} py={60}>
      <Title order={2} ta="center">
        {t('为农服务台')}
      </Title>
      <Text c="dimmed" ta="center" mb="lg">
        {t('首次使用：设置服务中心并创建管理员账号')}
      </Text>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit}>
          <Stack>
            <TextInput label={t('服务中心名称')} required {...form.getInputProps('centreName')} />
            <TextInput label={t('管理员用户名')} required {...form.getInputProps('username')} />
            <TextInput label={t('管理员姓名')} required data-autofocus autoFocus {...form.getInputProps('displayName')} />
            <PasswordInput label={t('密码')} required description={t('至少 8 位')} {...form.getInputProps('password')} />
            <PasswordInput label={t('确认密码')} required {...form.getInputProps('confirm')} />
            <Checkbox label={t('载入演示数据（云阳县部分乡镇、各角色的演示用户）')} {...form.getInputProps('loadDemo', { type: 'checkbox' })} />
            <Button type="submit" loading={busy}>
              {t('完成初始化')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
