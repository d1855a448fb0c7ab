import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, Group, NumberInput, Paper, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { formatTime } from '../../components/files';
import { ROLE_LABELS, type Role } from '../../../../shared/roles';
import { t } from '../../i18n';

/** Host mode and the desks connected to it (admin). */
export function DeskPanel() {
  const q = useCall('host.status', {});
  const sessions = useCall('sessions.list', {});
  const [form, setForm] = useState({ enabled: false, address: '', port: 5731 });
  const { busy, run } = useAction();
  useEffect(() => {
    if (q.data) setForm({ enabled: q.data.enabled, address: q.data.address, port: q.data.port });
  }, [q.data]);
  const apply = async () => {
    if (await run(() => call('host.configure', form), { ok: form.enabled ? t('主机模式已开启') : t('主机模式已关闭') })) q.reload();
  };
  const end = async (id: string) => {
    if (await run(() => call('sessions.end', { id }), { ok: t('已结束该会话') })) sessions.reload();
  };
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={5}>{t('多机协同')}</Title>
        <Text size="sm" c="dimmed">
          {t('一台电脑作为主机保存全部数据，其他电脑（前台、会计、负责人）作为客户端或用浏览器通过局域网访问。不要把数据库文件放在共享文件夹里多人打开，那会损坏数据。')}
        </Text>
        <Loading error={q.error} loading={q.loading && !q.data} />
        {q.data && (
          <>
            <Group align="end">
              <Switch label={t('作为主机')} checked={form.enabled} onChange={(e) => setForm((f) => ({ ...f, enabled: e.currentTarget.checked }))} />
              <Select
                label={t('本机局域网地址')}
                data={[{ value: '', label: t('所有地址') }, ...q.data.addresses.map((a) => ({ value: a, label: a }))]}
                value={form.address}
                onChange={(v) => setForm((f) => ({ ...f, address: v ?? '' }))}
                w={200}
              />
              <NumberInput label={t('端口')} min={1024} max={65535} value={form.port} onChange={(v) => setForm((f) => ({ ...f, port: Number(v) || 5731 }))} w={120} />
              <Button onClick={apply} loading={busy}>
                {t('应用')}
              </Button>
            </Group>
            {q.data.error && <Alert color="red">{q.data.error}</Alert>}
            {q.data.running && (
              <Stack gap={4}>
                <Text size="sm">
                  {t('主机地址：')}
                  <Code>{q.data.url}</Code> · {t('运行自 {time}', { time: formatTime(q.data.startedAt) })}
                </Text>
                <Text size="sm">{t('证书指纹（客户端首次连接时核对）：')}</Text>
                <Code block data-testid="host-fingerprint">
                  {q.data.fingerprint}
                </Code>
              </Stack>
            )}
          </>
        )}
        <Title order={6}>{t('在线桌面（{n}）', { n: sessions.data?.length ?? 0 })}</Title>
        {sessions.data && (
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('用户')}</Table.Th>
                <Table.Th>{t('角色')}</Table.Th>
                <Table.Th>{t('来源')}</Table.Th>
                <Table.Th>{t('登录时间')}</Table.Th>
                <Table.Th>{t('最近活动')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    {s.displayName} {s.current && <Badge size="xs">{t('本机')}</Badge>}
                  </Table.Td>
                  <Table.Td>{t(ROLE_LABELS[s.role as Role] ?? s.role)}</Table.Td>
                  <Table.Td>{s.origin}</Table.Td>
                  <Table.Td>{formatTime(s.createdAt)}</Table.Td>
                  <Table.Td>{formatTime(s.lastSeen)}</Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button size="xs" variant="subtle" color="red" onClick={() => end(s.id)}>
                        {t('结束会话')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
