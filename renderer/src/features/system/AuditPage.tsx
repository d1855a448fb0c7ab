import { useMemo, useState } from 'react';
import { Alert, Button, Code, Group, Pagination, Select, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { contract } from '../../../../shared/contract';
import { formatTime } from '../../components/files';
import { t } from '../../i18n';

const PAGE = 50;
/** Events that are audited but are not API methods of their own. */
const EXTRA_TITLES: Record<string, string> = { 'auth.loginFailed': '登录失败' };

export function methodTitle(m: string): string {
  return (contract as Record<string, { title: string }>)[m]?.title ?? EXTRA_TITLES[m] ?? m;
}

function summaryText(json: string): string {
  try {
    const s = JSON.parse(json) as Record<string, unknown>;
    return Object.keys(s).length ? JSON.stringify(s) : '';
  } catch {
    return json;
  }
}

export function AuditPage() {
  const [filter, setFilter] = useState({ username: '', method: '', entityId: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const q = useCall('audit.list', { ...filter, offset: (page - 1) * PAGE, limit: PAGE });
  const [verify, setVerify] = useState<{ ok: boolean; checked: number; firstBroken: { id: number; reason: string } | null } | null>(null);
  const { busy, run } = useAction();
  const methods = useMemo(
    () => [...new Set([...Object.keys(contract), ...Object.keys(EXTRA_TITLES)])].map((m) => ({ value: m, label: `${t(methodTitle(m))} (${m})` })),
    [],
  );
  const set = (k: keyof typeof filter) => (v: string) => {
    setFilter((f) => ({ ...f, [k]: v }));
    setPage(1);
  };
  const total = q.data?.total ?? 0;
  return (
    <Page
      title={t('审计日志')}
      actions={
        <Button loading={busy} onClick={async () => setVerify((await run(() => call('audit.verify', {}))) ?? null)}>
          {t('校验日志链')}
        </Button>
      }
    >
      {verify &&
        (verify.ok ? (
          <Alert color="green" title={t('校验通过')}>
            {t('共校验 {n} 条记录，哈希链完整，没有被修改或删除的记录。', { n: verify.checked })}
          </Alert>
        ) : (
          <Alert color="red" title={t('发现断链')}>
            {t('第 {id} 条：{reason}', { id: verify.firstBroken?.id ?? 0, reason: verify.firstBroken?.reason ?? '' })}
          </Alert>
        ))}
      <Group align="end">
        <TextInput label={t('用户')} value={filter.username} onChange={(e) => set('username')(e.currentTarget.value.trim())} w={140} />
        <Select label={t('操作')} data={methods} searchable clearable value={filter.method || null} onChange={(v) => set('method')(v ?? '')} w={280} />
        <TextInput label={t('对象编号')} value={filter.entityId} onChange={(e) => set('entityId')(e.currentTarget.value.trim())} w={110} />
        <TextInput type="date" label={t('开始日期')} value={filter.from} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput type="date" label={t('结束日期')} value={filter.to} onChange={(e) => set('to')(e.currentTarget.value)} />
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <>
          <Text size="sm" c="dimmed">
            {t('共 {n} 条', { n: total })}
          </Text>
          <Table striped fz="sm" data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>#</Table.Th>
                <Table.Th w={170}>{t('时间')}</Table.Th>
                <Table.Th w={100}>{t('用户')}</Table.Th>
                <Table.Th w={200}>{t('操作')}</Table.Th>
                <Table.Th w={140}>{t('对象')}</Table.Th>
                <Table.Th>{t('摘要')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.id}</Table.Td>
                  <Table.Td>{formatTime(r.at)}</Table.Td>
                  <Table.Td>{r.username}</Table.Td>
                  <Table.Td title={r.method}>{t(methodTitle(r.method))}</Table.Td>
                  <Table.Td>
                    {r.entity} {r.entityIds !== '[]' ? r.entityIds : ''}
                  </Table.Td>
                  <Table.Td>
                    <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{summaryText(r.summary)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {total > PAGE && <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />}
        </>
      )}
    </Page>
  );
}
