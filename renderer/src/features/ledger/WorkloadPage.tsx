import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { call } from '../../api/client';
import { useAction, useCall } from '../../api/hooks';
import { Loading, Page } from '../../components/Page';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ExportMenu, periodText } from './common';
import { t } from '../../i18n';

function CreateBook({ coop, onDone }: { coop: { coopId: number; coopName: string }; onDone(bookId: number): void }) {
  const year = new Date().getFullYear();
  const form = useForm({ initialValues: { startPeriod: `${year}-01`, voucherKinds: 'general' as 'general' | 'split' } });
  const { busy, run } = useAction();
  const submit = form.onSubmit(async (v) => {
    const b = await run(() => call('ledger.books.create', { coopId: coop.coopId, ...v }), { ok: t('已建账，请录入期初余额'), setErrors: form.setErrors });
    if (b) onDone(b.id);
  });
  return (
    <form onSubmit={submit}>
      <Stack>
        <Text size="sm">{t('为“{name}”建立账套，自动预置《农民专业合作社会计制度》（2021）会计科目。', { name: coop.coopName })}</Text>
        <TextInput label={t('启用期间')} description={t('格式 YYYY-MM，一般为年初 1 月')} autoFocus {...form.getInputProps('startPeriod')} />
        <Select
          label={t('凭证字')}
          allowDeselect={false}
          data={[
            { value: 'general', label: t('记账凭证（记）') },
            { value: 'split', label: t('收款、付款、转账凭证（收/付/转）') },
          ]}
          {...form.getInputProps('voucherKinds')}
        />
        <Button type="submit" loading={busy}>
          {t('建账')}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * The bookkeeper's start page: every cooperative with what is waiting (drafts to review and who made them,
 * reviewed vouchers to post), the last closed period and the periods overdue for closing.
 */
export function WorkloadPage() {
  const { can } = useSession();
  // Refreshes when another desk saves, reviews, posts or closes.
  const q = useCall('ledger.workload', {}, true, ['ledger']);
  const [filter, setFilter] = useState('');
  const [creating, setCreating] = useState<{ coopId: number; coopName: string } | null>(null);
  const rows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = q.data?.rows ?? [];
    const hit = f ? all.filter((r) => r.coopName.includes(f) || r.pyInitials.includes(f)) : all;
    // Most urgent first: overdue closes, then waiting vouchers.
    return [...hit].sort((a, b) => b.overdue - a.overdue || b.drafts + b.reviewed - (a.drafts + a.reviewed) || a.coopName.localeCompare(b.coopName, 'zh-CN'));
  }, [q.data, filter]);
  const totals = (q.data?.rows ?? []).reduce((s, r) => ({ drafts: s.drafts + r.drafts, reviewed: s.reviewed + r.reviewed, overdue: s.overdue + (r.overdue > 0 ? 1 : 0) }), { drafts: 0, reviewed: 0, overdue: 0 });
  return (
    <Page title={t('代账工作台')} actions={can('ledger.reports.consolidated') && <Button variant="light" onClick={() => navigate('/ledger/consolidated')}>{t('汇总科目余额表')}</Button>}>
      <Group>
        <TextInput placeholder={t('按合作社名称或拼音首字母筛选')} w={320} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} autoFocus />
        <Text size="sm">{t('待审核 {a} 张 · 待记账 {b} 张 · 逾期未结账 {c} 家', { a: totals.drafts, b: totals.reviewed, c: totals.overdue })}</Text>
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && q.data.rows.length === 0 && <Text c="dimmed">{t('会员档案中还没有农民专业合作社。')}</Text>}
      {q.data && q.data.rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder data-testid="workload">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('合作社')}</Table.Th>
              <Table.Th>{t('待审核凭证')}</Table.Th>
              <Table.Th>{t('待记账')}</Table.Th>
              <Table.Th>{t('已结账至')}</Table.Th>
              <Table.Th>{t('当前期间')}</Table.Th>
              <Table.Th>{t('逾期未结账')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.coopId}>
                <Table.Td>{r.bookId ? <Anchor href={`#/ledger/${r.bookId}/vouchers`}>{r.coopName}</Anchor> : r.coopName}</Table.Td>
                <Table.Td>
                  {r.drafts > 0 ? (
                    <Group gap={4}>
                      {r.waiting.map((w) => (
                        <Badge key={w.preparer} color="yellow" variant="light">
                          {w.preparer} {w.drafts}
                        </Badge>
                      ))}
                    </Group>
                  ) : (
                    ''
                  )}
                </Table.Td>
                <Table.Td>{r.reviewed || ''}</Table.Td>
                <Table.Td>{r.lastClosed ? periodText(r.lastClosed) : ''}</Table.Td>
                <Table.Td>{r.firstOpen ? periodText(r.firstOpen) : ''}</Table.Td>
                <Table.Td>
                  {r.overdue > 0 && (
                    <Badge color="red" variant="light">
                      {t('{n} 个月', { n: r.overdue })}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.bookStatus === 'none' && can('ledger.books.create') && (
                    <Button size="xs" variant="light" onClick={() => setCreating(r)}>
                      {t('建账')}
                    </Button>
                  )}
                  {r.bookStatus === 'setup' && (
                    <Button size="xs" variant="light" color="orange" onClick={() => navigate(`/ledger/${r.bookId}/opening`)}>
                      {t('录入期初')}
                    </Button>
                  )}
                  {r.bookStatus === 'active' && r.drafts + r.reviewed > 0 && (
                    <Button size="xs" variant="subtle" onClick={() => navigate(`/ledger/${r.bookId}/vouchers`)}>
                      {t('处理凭证')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed">
        {t('月份结束 {n} 天后仍未结账即为逾期（今天 {d}）', { n: q.data?.graceDays ?? 15, d: q.data?.today ?? '' })}
      </Text>
      <Modal opened={creating !== null} onClose={() => setCreating(null)} title={t('建账')}>
        {creating && <CreateBook coop={creating} onDone={(id) => navigate(`/ledger/${id}/opening`)} />}
      </Modal>
    </Page>
  );
}

export function ConsolidatedPage() {
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useCall('ledger.reports.consolidated', { year });
  const money = (f: number) => (f ? (f / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : '');
  return (
    <Page title={t('汇总科目余额表')}>
      <Group justify="space-between" align="end">
        <Select label={t('年度')} w={120} data={Array.from({ length: 8 }, (_, i) => String(new Date().getFullYear() - i))} value={String(year)} onChange={(v) => v && setYear(Number(v))} allowDeselect={false} />
        <ExportMenu request={{ report: 'consolidated', year }} />
      </Group>
      <Loading error={q.error} loading={q.loading && !q.data} />
      {q.data && (
        <>
          <Text size="sm">{t('{y} 年，合作社 {n} 家，按一级科目汇总', { y: q.data.year, n: q.data.books })}</Text>
          <Table striped withTableBorder withColumnBorders fz="sm">
            <Table.Thead>
              <Table.Tr>
                {['科目编码', '科目名称', '年初借方', '年初贷方', '本年借方', '本年贷方', '期末借方', '期末贷方'].map((h) => (
                  <Table.Th key={h}>{t(h)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.rows.map((r) => (
                <Table.Tr key={r.code}>
                  <Table.Td>{r.code}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  {(['openingD', 'openingC', 'periodD', 'periodC', 'closingD', 'closingC'] as const).map((k) => (
                    <Table.Td key={k} ta="right">
                      {money(r[k])}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Page>
  );
}
