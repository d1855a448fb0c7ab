import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { useSession } from '../../app/session';
import type { RouteProps } from '../types';
import { BookPage, periodText, useBook } from './common';
import { t } from '../../i18n';

function Periods() {
  const { book, reload } = useBook();
  const { can } = useSession();
  const [year, setYear] = useState(Number((book.firstOpen ?? book.startPeriod).slice(0, 4)));
  const q = useCall('ledger.periods.list', { bookId: book.id, year }, true, ['ledger']);
  const { busy, run } = useAction();
  const [reopening, setReopening] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const close = async (period: string) => {
    const r = await run(() => call('ledger.periods.close', { bookId: book.id, period }), {
      ok: period.endsWith('-12') ? t('{p} 已结账，本年盈余已转入盈余分配，已开启下一年度', { p: periodText(period) }) : t('{p} 已结账', { p: periodText(period) }),
    });
    if (r) {
      q.reload();
      reload();
      if (r.nextYearOpened) setYear(r.nextYearOpened);
    }
  };
  const reopen = async () => {
    if (!reopening) return;
    if (await run(() => call('ledger.periods.reopen', { bookId: book.id, period: reopening, reason }), { ok: t('已反结账 {p}', { p: periodText(reopening) }) })) {
      setReopening(null);
      setReason('');
      q.reload();
      reload();
    }
  };
  return (
    <Stack>
      <Group>
        <Select label={t('年度')} w={120} data={book.years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />
      </Group>
      {book.status === 'setup' && <Alert color="orange">{t('账套尚未启用：请先录入期初余额并启用。')}</Alert>}
      <Text size="sm" c="dimmed">
        {t('结账时检查：本期凭证全部记账、181 待处理财产损溢余额为零、试算平衡；自动生成结转损益凭证并锁定本期。12 月结账同时把本年盈余转入盈余分配并开启下一年度。')}
      </Text>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('期间')}</Table.Th>
              <Table.Th>{t('状态')}</Table.Th>
              <Table.Th>{t('待审核')}</Table.Th>
              <Table.Th>{t('待记账')}</Table.Th>
              <Table.Th>{t('已记账')}</Table.Th>
              <Table.Th>{t('结账人')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((p) => (
              <Table.Tr key={p.period}>
                <Table.Td>{periodText(p.period)}</Table.Td>
                <Table.Td>
                  {p.status === 'closed' ? (
                    <Badge color="gray">{t('已结账')}</Badge>
                  ) : p.overdue ? (
                    <Badge color="red" variant="light">
                      {t('逾期未结账')}
                    </Badge>
                  ) : (
                    <Badge color="green" variant="light">
                      {t('未结账')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{p.drafts || ''}</Table.Td>
                <Table.Td>{p.reviewed || ''}</Table.Td>
                <Table.Td>{p.posted || ''}</Table.Td>
                <Table.Td>{p.closedBy}</Table.Td>
                <Table.Td>
                  {p.period === book.firstOpen && can('ledger.periods.close') && book.status === 'active' && (
                    <Button size="xs" loading={busy} onClick={() => close(p.period)}>
                      {p.period.endsWith('-12') ? t('结账（含年末结转）') : t('结账')}
                    </Button>
                  )}
                  {p.period === book.lastClosed && can('ledger.periods.reopen') && (
                    <Button size="xs" variant="light" color="orange" onClick={() => setReopening(p.period)}>
                      {t('反结账')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={reopening !== null} onClose={() => setReopening(null)} title={t('反结账 {p}', { p: reopening ? periodText(reopening) : '' })}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void reopen();
          }}
        >
          <Stack>
            <Text size="sm">{t('反结账后该期间可以补记凭证；再次结账只结转新增的损益。此操作记入审计日志。')}</Text>
            <TextInput label={t('反结账原因')} required autoFocus data-autofocus value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button type="submit" color="orange" loading={busy}>
              {t('确认反结账')}
            </Button>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}

export function PeriodsPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="periods" title="期末结账">
      <Periods />
    </BookPage>
  );
}
