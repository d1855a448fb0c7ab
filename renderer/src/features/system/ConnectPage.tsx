import { useEffect, useState } from 'react';
import { Alert, Button, Code, Container, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';

interface ClientState {
  hostUrl: string;
  fingerprint: string;
  connected: boolean;
  error: string;
}

/**
 * Client mode: choose the centre's host, compare its certificate fingerprint with the one the host
 * shows, and trust it (once). Later starts land here only when the host cannot be reached.
 */
export function ConnectPage({ client, onConnected }: { client: ClientState; onConnected(): void }) {
  const [url, setUrl] = useState(client.hostUrl);
  const [probe, setProbe] = useState<{ url: string; fingerprint: string; subject: string } | null>(null);
  const { busy, run } = useAction();

  useEffect(() => {
    if (!client.hostUrl) return;
    // A known host that is down: keep trying quietly so the desk comes back by itself.
    const timer = setInterval(() => {
      void call('client.status', {}).then((s) => s.connected && onConnected(), () => undefined);
    }, 5000);
    return () => clearInterval(timer);
  }, [client.hostUrl, onConnected]);

  const read = async () => setProbe((await run(() => call('client.probe', { url }))) ?? null);
  const trust = async () => {
    if (!probe) return;
    const s = await run(() => call('client.connect', { url: probe.url, fingerprint: probe.fingerprint }), { ok: t('已连接主机') });
    if (s?.connected) onConnected();
  };
  const forget = async () => {
    if (await run(() => call('client.disconnect', {}))) {
      setProbe(null);
      onConnected();
    }
  };

  return (
    <Container size={560} py={60}>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>{t('连接服务中心主机')}</Title>
          {client.hostUrl && !client.connected && (
            <Alert color="red" title={t('无法连接主机')}>
              {client.error || t('主机没有响应')}
              <Text size="sm" mt="xs">
                {t('正在每 5 秒重试一次。本机不会保存或排队任何操作。')}
              </Text>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('本机为客户端：数据都在主机上。请输入主机的地址（在主机的“系统设置 → 多机协同”中可以看到）。')}
          </Text>
          <Group align="end">
            <TextInput style={{ flex: 1 }} label={t('主机地址')} placeholder="192.168.1.10:5731" value={url} onChange={(e) => setUrl(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && read()} autoFocus />
            <Button onClick={read} loading={busy} disabled={!url.trim()}>
              {t('读取证书')}
            </Button>
          </Group>
          {probe && (
            <Stack gap="xs">
              <Text size="sm">{t('主机证书指纹（SHA-256）：')}</Text>
              <Code block data-testid="probe-fingerprint">
                {probe.fingerprint}
              </Code>
              <Alert color="yellow">{t('请与主机屏幕上显示的指纹逐段核对。一致才点“信任并连接”；不一致说明连接的不是本中心的主机。')}</Alert>
              <Button onClick={trust} loading={busy}>
                {t('信任并连接')}
              </Button>
            </Stack>
          )}
          {client.hostUrl && (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('当前主机：{url}', { url: client.hostUrl })}
              </Text>
              <Button variant="subtle" size="xs" color="red" onClick={forget}>
                {t('更换主机')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
