import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { call } from '../api/client';
import { notifyError } from '../api/hooks';
import { downloadFile } from './files';
import { t } from '../i18n';
import type { Out } from '../../../shared/contract/define';
import type { Contract } from '../../../shared/contract';

type Status = Out<Contract['jobs.status']>;

/**
 * Progress of a long job with a cancel button; downloads the file when it is ready, or hands a job
 * without a file to `onDone`. Polls twice a second, which is cheap: the status lives in memory on the server.
 */
export function JobProgress({ jobId, onClose, onDone }: { jobId: string | null; onClose(status: Status | null): void; onDone?(status: Status): void }) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    setStatus(null);
    if (!jobId) return;
    let live = true;
    let finished = false;
    const tick = async () => {
      try {
        const s = await call('jobs.status', { id: jobId });
        if (!live) return;
        setStatus(s);
        if (s.state === 'done' && !finished) {
          finished = true;
          if (s.file) downloadFile(await call('jobs.download', { id: jobId }));
          onDone?.(s);
        }
        if (s.state === 'running') setTimeout(tick, 500);
      } catch (e) {
        if (live) notifyError(e);
      }
    };
    void tick();
    return () => {
      live = false;
    };
    // onDone is read when the job ends; a new callback identity must not restart the polling.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);

  const pct = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;
  return (
    <Modal opened={jobId !== null} onClose={() => onClose(status)} title={status?.title ?? t('正在处理…')} closeOnClickOutside={false}>
      <Stack data-testid="job-progress">
        <Progress value={status?.state === 'done' ? 100 : pct} animated={status?.state === 'running'} />
        <Text size="sm">
          {status?.state === 'done'
            ? status.file
              ? t('已完成：{name}', { name: status.file.name })
              : t('已完成')
            : status?.state === 'cancelled'
              ? t('已取消，没有留下任何结果')
              : t('{done}/{total} {message}', { done: status?.done ?? 0, total: status?.total ?? 0, message: status?.message ?? '' })}
        </Text>
        {status?.state === 'failed' && <Alert color="red">{status.error}</Alert>}
        <Group justify="end">
          {status?.state === 'running' ? (
            <Button variant="default" color="red" onClick={() => jobId && void call('jobs.cancel', { id: jobId }).then(setStatus, notifyError)}>
              {t('取消')}
            </Button>
          ) : (
            <Button onClick={() => onClose(status)}>{t('关闭')}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
