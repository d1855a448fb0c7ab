import { Alert, Button, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { call } from '../../api/client';
import { useAction } from '../../api/hooks';
import { t } from '../../i18n';

/** Shown when the start-up check found the database damaged: the only way on is a good backup. */
export function RecoveryPage({ reason, latestBackup, onRestored }: { reason: string; latestBackup: string | null; onRestored(): void }) {
  const { busy, run } = useAction();
  const restore = async () => {
    if (!latestBackup) return;
    const r = await run(() => call('backup.restoreExisting', { name: latestBackup }), { ok: t('已从备份恢复') });
    if (r) onRestored();
  };
  return (
    <Container size={560} py={60}>
      <Paper withBorder p="lg">
        <Stack>
          <Title order={3}>{t('数据库检查未通过')}</Title>
          <Alert color="red">{reason}</Alert>
          {latestBackup ? (
            <>
              <Text>{t('最近一份完好的备份：{name}。恢复后，当前损坏的文件会另存为备份，不会被删除。', { name: latestBackup })}</Text>
              <Button onClick={restore} loading={busy}>
                {t('从这份备份恢复')}
              </Button>
            </>
          ) : (
            <Text>{t('数据目录里没有可用的备份。请联系管理员，用备份文件通过命令行恢复：weinong restore 文件 --user 管理员')}</Text>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
