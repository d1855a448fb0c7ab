import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Modal, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Page } from '../../components/Page';
import { DataList } from '../../components/DataList';
import { JobProgress } from '../../components/JobProgress';
import { downloadFile, formatBytes, formatTime } from '../../components/files';
import { navigate } from '../../app/router';
import { t } from '../../i18n';
import type { HistoryRow, Regenerated } from './types';

const PAGE = 30;

function RegenerateResult({ r }: { r: Regenerated }) {
  return (
    <Stack gap="sm" data-testid="regenerate-result">
      {r.matches ? (
        <Alert color="green" title={t('与上报时一致')}>
          {t('按原参数重新生成的内容与上报文件的内容完全相同（内容校验值一致）。')}
        </Alert>
      ) : (
        <Alert color="orange" title={t('与上报时不一致')}>
          {t('重新生成的内容有 {n} 处与上报时不同，见下表。', { n: r.total })}
        </Alert>
      )}
      <Text size="sm">
        {t('上报时数据口径')}：{r.basis}
      </Text>
      <Text size="sm">
        {t('本次数据口径')}：{r.regeneratedBasis}
      </Text>
      <Text size="xs" c="dimmed">
        {t('上报内容校验值')} <Code>{r.contentSha256}</Code>
        <br />
        {t('本次内容校验值')} <Code>{r.regeneratedSha256}</Code>
      </Text>
      {r.differences.length > 0 && (
        <Table fz="sm" withTableBorder striped data-testid="differences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('位置')}</Table.Th>
              <Table.Th>{t('上报时')}</Table.Th>
              <Table.Th>{t('现在')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.differences.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>{d.where}</Table.Td>
                <Table.Td>{d.was}</Table.Td>
                <Table.Td>{d.now}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {r.total > r.differences.length && <Text size="sm">{t('仅列出前 {n} 处。', { n: r.differences.length })}</Text>}
    </Stack>
  );
}

function again(row: HistoryRow): string {
  const q = new URLSearchParams({ key: row.reportKey, period: row.params.period, scope: row.params.scope, unit: row.params.unit, preparer: row.params.preparer, reviewer: row.params.reviewer });
  return `/reports?${q.toString()}`;
}

/** 上报记录: every export with who, when, parameters and checksums; download the original or check it again. */
export function HistoryPage() {
  const [page, setPage] = useState(1);
  const [key, setKey] = useState('');
  const cat = useCall('reports.catalog', {});
  const q = useCall('reports.history', { key, offset: (page - 1) * PAGE, limit: PAGE }, true, ['reports']);
  const [checking, setChecking] = useState<HistoryRow | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<Regenerated | null>(null);
  const { busy, run } = useAction();

  // Regenerating a 500-cooperative batch takes seconds: it runs as a job with progress and cancel.
  const regenerate = async (row: HistoryRow) => {
    setResult(null);
    const started = await run(() => call('reports.regenerate', { id: row.id }));
    if (!started) return;
    setChecking(row);
    setJobId(started.jobId);
  };
  const showResult = async (id: string) => {
    const r = await run(() => call('reports.regenerated', { jobId: id }));
    setJobId(null);
    if (r) setResult(r);
    else setChecking(null);
  };

  return (
    <Page title={t('上报记录')}>
      <Group>
        <Select
          label={t('报表')}
          w={420}
          clearable
          placeholder={t('全部报表')}
          data={(cat.data?.reports ?? []).map((r) => ({ value: r.key, label: r.title }))}
          value={key || null}
          onChange={(v) => {
            setKey(v ?? '');
            setPage(1);
          }}
        />
      </Group>
      <DataList<HistoryRow>
        records={q.data?.rows}
        total={q.data?.total ?? 0}
        page={page}
        pageSize={PAGE}
        onPage={setPage}
        fetching={q.loading}
        columns={[
          { accessor: 'createdAt', title: t('导出时间'), render: (r) => formatTime(r.createdAt), width: 170 },
          { accessor: 'title', title: t('报表'), render: (r) => <Text size="sm">{r.title}</Text> },
          { accessor: 'periodLabel', title: t('报告期'), width: 120 },
          {
            accessor: 'fileName',
            title: t('文件'),
            render: (r) => (
              <Stack gap={0}>
                <Text size="sm">{r.fileName}</Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(r.size)}
                  {r.parts > 0 ? ` · ${t('{n} 个部分', { n: r.parts })}` : ''} · {r.params.unit}
                </Text>
              </Stack>
            ),
          },
          { accessor: 'userName', title: t('导出人'), width: 90 },
          {
            accessor: 'sha256',
            title: t('SHA-256'),
            width: 120,
            render: (r) => (
              <Tooltip label={r.sha256} withinPortal>
                <Badge variant="light" color="gray" tt="none">
                  {r.sha256.slice(0, 12)}
                </Badge>
              </Tooltip>
            ),
          },
          {
            accessor: 'actions',
            title: '',
            width: 300,
            render: (r) => (
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="light" onClick={() => void run(() => call('reports.download', { id: r.id })).then((f) => f && downloadFile(f))}>
                  {t('下载原件')}
                </Button>
                <Button size="compact-sm" variant="light" color="teal" loading={busy && checking?.id === r.id} onClick={() => void regenerate(r)}>
                  {t('重新生成核对')}
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => navigate(again(r))}>
                  {t('再次导出')}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      <JobProgress
        jobId={jobId}
        onDone={(s) => void showResult(s.id)}
        onClose={() => {
          setJobId(null);
          setChecking(null);
        }}
      />
      <Modal opened={checking !== null && result !== null} onClose={() => setChecking(null)} title={checking ? `${checking.title} · ${checking.periodLabel}` : ''} size="xl">
        {result && <RegenerateResult r={result} />}
      </Modal>
    </Page>
  );
}
