import { useEffect } from 'react';
import { Button, Grid, NumberInput, Paper, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Page } from '../../components/Page';
import { useSession } from '../../app/session';
import { GeoPanel } from './GeoPanel';
import { DeskPanel } from './DeskPanel';
import { setLang, t, useLang, type Lang } from '../../i18n';

function CentreSettings() {
  const q = useCall('settings.get', {});
  const form = useForm({
    initialValues: { centreName: '', county: '', backupKeep: 14, updateUrl: '', loginMaxFailures: 5, loginLockMinutes: 15, sessionIdleMinutes: 480 },
  });
  const { busy, run } = useAction();
  useEffect(() => {
    if (q.data) {
      form.setValues(q.data);
      form.resetDirty(q.data);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q.data]);
  const submit = form.onSubmit(async (v) => {
    await run(() => call('settings.update', v), { ok: t('设置已保存'), setErrors: form.setErrors });
  });
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Stack>
          <Title order={5}>{t('服务中心')}</Title>
          <Grid>
            <Grid.Col span={6}>
              <TextInput label={t('服务中心名称')} {...form.getInputProps('centreName')} />
            </Grid.Col>
            <Grid.Col span={6}>
              <TextInput label={t('所在区县')} {...form.getInputProps('county')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <NumberInput label={t('连续失败锁定次数')} min={3} max={20} {...form.getInputProps('loginMaxFailures')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <NumberInput label={t('锁定分钟数')} min={1} {...form.getInputProps('loginLockMinutes')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <NumberInput label={t('空闲自动退出分钟数')} min={5} {...form.getInputProps('sessionIdleMinutes')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <NumberInput label={t('自动备份保留份数')} min={1} max={365} {...form.getInputProps('backupKeep')} />
            </Grid.Col>
            <Grid.Col span={8}>
              <TextInput label={t('更新地址')} description={t('县内网更新服务器，如 http://10.0.0.5/weinong/；留空则不检查更新')} {...form.getInputProps('updateUrl')} />
            </Grid.Col>
          </Grid>
          <Button type="submit" loading={busy} w={160}>
            {t('保存设置')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

export function SettingsPage() {
  const { can } = useSession();
  const lang = useLang();
  return (
    <Page title={t('系统设置')}>
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={5}>{t('界面语言')}</Title>
          <SegmentedControl
            w={240}
            value={lang}
            onChange={(v) => setLang(v as Lang)}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Stack>
      </Paper>
      {can('settings.update') && <CentreSettings />}
      <GeoPanel editable={can('geo.saveTownship')} />
      {can('host.configure') && <DeskPanel />}
    </Page>
  );
}
