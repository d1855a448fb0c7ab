import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { downloadFile, formatBytes, formatTime, toUpload } from '../../components/files';
import { t } from '../../i18n';
import type { RouteProps } from '../types';

const KIND_LABEL: Record<string, string> = { auto: '自动', manual: '手动', 'pre-migrate': '升级前', 'pre-restore': '恢复前', other: '其他' };

export function BackupPage({ onDataReplaced: onRestored }: RouteProps) {
  const q = useCall('backup.list', {});
  const { busy, run } = useAction();
  const [confirm, setConfirm] = useState<{ name: string } | { file: File } | null>(null);
  const [result, setResult] = useState<string | null>(null);

  const create = async () => {
    const b = await run(() => call('backup.create', {}));
    if (b) {
      setResult(t('已备份到 {name}（{size}）', { name: b.name, size: formatBytes(b.size) }));
      q.reload();
    }
  };
  const restore = async () => {
    if (!confirm) return;
    const r = await run(async () => ('name' in confirm ? call('backup.restoreExisting', { name: confirm.name }) : call('backup.restore', await toUpload(confirm.file))));
    setConfirm(null);
    if (r) {
      setResult(t('已从 {from} 恢复；恢复前的数据另存为 {copy}', { from: r.restoredFrom, copy: r.safetyCopy }));
      q.reload();
      onRestored();
    }
  };
  return (
    <Page title={t('备份与恢复')} actions={<Button onClick={create} loading={busy}>{t('立即备份')}</Button>}>
      {result && (
        <Alert color="green" withCloseButton onClose={() => setResult(null)} data-testid="backup-result">
          {result}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack gap="xs">
          <Title order={5}>{t('从备份文件恢复')}</Title>
          <Text size="sm" c="dimmed">
            {t('恢复前会检查文件的完整性，并把当前数据库另存为“恢复前”备份。')}
          </Text>
          <FileInput w={420} accept=".sqlite,.db" placeholder={t('选择 .sqlite 备份文件')} onChange={(f) => f && setConfirm({ file: f })} value={null} />
        </Stack>
      </Paper>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table striped data-testid="backup-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('文件')}</Table.Th>
              <Table.Th>{t('类型')}</Table.Th>
              <Table.Th>{t('时间')}</Table.Th>
              <Table.Th>{t('大小')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{t(KIND_LABEL[b.kind] ?? b.kind)}</Badge>
                </Table.Td>
                <Table.Td>{formatTime(b.createdAt)}</Table.Td>
                <Table.Td>{formatBytes(b.size)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="end">
                    <Button size="xs" variant="subtle" onClick={async () => { const f = await run(() => call('backup.download', { name: b.name })); if (f) downloadFile(f); }}>
                      {t('下载')}
                    </Button>
                    <Button size="xs" variant="subtle" color="orange" onClick={() => setConfirm({ name: b.name })}>
                      {t('恢复')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={t('确认恢复')}>
        <Stack>
          <Text>
            {t('将用“{name}”替换当前全部数据。当前数据会先另存为备份。确定继续吗？', { name: confirm ? ('name' in confirm ? confirm.name : confirm.file.name) : '' })}
          </Text>
          <Group justify="end">
            <Button variant="default" onClick={() => setConfirm(null)}>
              {t('取消')}
            </Button>
            <Button color="orange" onClick={restore} loading={busy}>
              {t('确认恢复')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}
