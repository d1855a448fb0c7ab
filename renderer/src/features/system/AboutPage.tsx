import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { formatBytes, formatTime } from '../../components/files';
import { useSession } from '../../app/session';
import { t } from '../../i18n';

const MODE_LABEL: Record<string, string> = { electron: '桌面版', browser: '浏览器模式', host: '主机模式', client: '客户端模式' };

function HostSummary() {
  const h = useCall('host.status', {});
  if (!h.data) return null;
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Title order={5}>{t('多机协同')}</Title>
        {h.data.running ? (
          <Text size="sm" data-testid="host-summary">
            {t('本机是主机：{url}，运行自 {time}，在线桌面 {n} 个', { url: h.data.url, time: formatTime(h.data.startedAt), n: h.data.desks })}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('本机没有作为主机运行；在线桌面 {n} 个', { n: h.data.desks })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

export function AboutPage() {
  const q = useCall('system.info', {});
  const { can } = useSession();
  const { busy, run } = useAction();
  const [update, setUpdate] = useState<{ status: string; message: string; version?: string } | null>(null);
  return (
    <Page title={t('关于与更新')}>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Paper withBorder p="md">
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={160}>{t('版本')}</Table.Th>
                <Table.Td>{q.data.appVersion}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('运行方式')}</Table.Th>
                <Table.Td>{t(MODE_LABEL[q.data.mode] ?? q.data.mode)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('数据目录')}</Table.Th>
                <Table.Td>{q.data.dataDir}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('数据库')}</Table.Th>
                <Table.Td>
                  {formatBytes(q.data.dbBytes)} · {t('结构版本')} {q.data.schemaVersion}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('启动时间')}</Table.Th>
                <Table.Td>{formatTime(q.data.startedAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Node.js</Table.Th>
                <Table.Td>{q.data.node}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {can('host.status') && <HostSummary />}
      {q.data && can('updates.check') && (
        <Paper withBorder p="md">
          <Stack>
            <Title order={5}>{t('软件更新')}</Title>
            <Text size="sm" c="dimmed">
              {q.data.updates.url ? t('更新服务器：{url}', { url: q.data.updates.url }) : t('尚未设置更新服务器地址（系统设置 → 更新地址）')}
            </Text>
            <Group>
              <Button loading={busy} onClick={async () => setUpdate((await run(() => call('updates.check', {}))) ?? null)}>
                {t('检查更新')}
              </Button>
              {update?.status === 'available' && (
                <Button loading={busy} onClick={async () => setUpdate((await run(() => call('updates.download', {}))) ?? null)}>
                  {t('下载更新')}
                </Button>
              )}
              {update?.status === 'downloaded' && (
                <Button color="orange" onClick={() => run(() => call('updates.install', {}))}>
                  {t('重启并安装')}
                </Button>
              )}
            </Group>
            {update && <Alert color={update.status === 'error' ? 'red' : 'blue'}>{update.message}</Alert>}
          </Stack>
        </Paper>
      )}
    </Page>
  );
}
