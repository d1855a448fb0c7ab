import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { navigate } from '../../app/router';
import type { RecordPanelProps } from '../members/panels';
import { periodText } from './common';
import { t } from '../../i18n';

/** On a cooperative's registry page: its books, what waits in them, and the way in. */
export function CoopBooksPanel({ id }: RecordPanelProps) {
  const q = useCall('ledger.workload', {}, true, ['ledger']);
  const row = q.data?.rows.find((r) => r.coopId === id);
  if (!q.data) return null;
  if (!row?.bookId)
    return (
      <Group>
        <Text size="sm" c="dimmed">
          {t('尚未建账')}
        </Text>
        <Button size="xs" variant="light" onClick={() => navigate('/ledger')}>
          {t('去代账工作台建账')}
        </Button>
      </Group>
    );
  return (
    <Group gap="md">
      {row.bookStatus === 'setup' ? (
        <Badge color="orange" variant="light">
          {t('未启用')}
        </Badge>
      ) : (
        <Text size="sm">{row.lastClosed ? t('已结账至 {p}', { p: periodText(row.lastClosed) }) : t('尚未结账')}</Text>
      )}
      {row.drafts > 0 && <Badge color="yellow" variant="light">{t('待审核 {n} 张', { n: row.drafts })}</Badge>}
      {row.overdue > 0 && <Badge color="red" variant="light">{t('逾期未结账 {n} 个月', { n: row.overdue })}</Badge>}
      <Anchor size="sm" href={`#/ledger/${row.bookId}/vouchers`}>
        {t('凭证')}
      </Anchor>
      <Anchor size="sm" href={`#/ledger/${row.bookId}/reports/balance-sheet`}>
        {t('资产负债表')}
      </Anchor>
      <Anchor size="sm" href={`#/ledger/${row.bookId}/members`}>
        {t('成员账户')}
      </Anchor>
    </Group>
  );
}
