import { useState } from 'react';
import { Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { formatTime } from '../../components/files';
import { methodTitle } from '../system/AuditPage';
import { t } from '../../i18n';

const FIELD: Record<string, string> = {
  name: '名称',
  kind: '类型',
  idNumber: '身份证号',
  phone: '电话',
  contactPhone: '联系电话',
  contactName: '联系人',
  legalRep: '法定代表人',
  creditCode: '信用代码',
  townshipId: '乡镇',
  villageId: '村',
  township: '乡镇',
  village: '村',
  townships: '覆盖乡镇',
  householdSize: '人口',
  landAreaMu100: '面积（百分之一亩）',
  memberCount: '成员数',
  crops: '作物',
  industries: '产业',
  industry: '产业',
  demoLevel: '示范等级',
  demoYear: '示范年份',
  registeredOn: '登记日期',
  establishedOn: '成立日期',
  openedOn: '开业日期',
  address: '地址',
  notes: '备注',
  status: '状态',
  joinedOn: '加入日期',
  leftOn: '退出日期',
  capitalPovertyFen: '扶贫资产出资（分）',
  capitalOtherFen: '其他出资（分）',
  category: '类别',
  level: '层级',
  operatorName: '运营方',
};

const show = (v: unknown) => (v === '' || v === null || v === undefined ? '空' : Array.isArray(v) ? v.join('、') || '空' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Audit summaries written by the registry, read back as short Chinese sentences. */
export function describeSummary(json: string): string {
  let s: Record<string, unknown>;
  try {
    s = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const parts: string[] = [];
  if (s.import) parts.push(`${t('从文件导入')}“${String(s.import)}”${s.rows !== undefined ? ` ${String(s.rows)} ${t('行')}` : ''}`);
  if (s.coop && s.member) parts.push(`${String(s.member)} → ${String(s.coop)}`);
  if (s.union && s.org) parts.push(`${String(s.org)} → ${String(s.union)}`);
  if (s.created && typeof s.created === 'object') parts.push(t('新建'));
  if (s.deleted) parts.push(t('删除'));
  if (s.joined) parts.push(t('加入'));
  const changes = s.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  if (changes) for (const [k, c] of Object.entries(changes)) parts.push(`${t(FIELD[k] ?? k)}：${show(c.from)} → ${show(c.to)}`);
  const status = s.status as { from: string; to: string } | undefined;
  if (status && typeof status === 'object') parts.push(`${t('状态')}：${status.from} → ${status.to}`);
  return parts.join('；') || (Object.keys(s).length ? JSON.stringify(s) : '');
}

export function HistoryPanel({ entity, id }: { entity: 'org' | 'household' | 'union' | 'site'; id: number }) {
  const [page, setPage] = useState(1);
  const q = useCall('members.history', { entity, id, offset: (page - 1) * 20, limit: 20 });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={5}>{t('变更记录')}</Title>
        <Loading error={q.error} loading={q.loading && !q.data} />
        {q.data && q.data.rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('暂无记录')}
          </Text>
        )}
        {q.data && q.data.rows.length > 0 && (
          <Table fz="sm" data-testid="history">
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td w={170}>{formatTime(r.at)}</Table.Td>
                  <Table.Td w={90}>{r.username}</Table.Td>
                  <Table.Td w={150}>{t(methodTitle(r.method))}</Table.Td>
                  <Table.Td>{describeSummary(r.summary)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {q.data && q.data.total > 20 && <Pagination size="sm" total={Math.ceil(q.data.total / 20)} value={page} onChange={setPage} />}
      </Stack>
    </Paper>
  );
}
