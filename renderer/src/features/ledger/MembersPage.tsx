import { useMemo, useState } from 'react';
import { Anchor, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useCall } from '../../api/hooks';
import { Loading } from '../../components/Page';
import { navigate, queryParams, usePath } from '../../app/router';
import { MEMBER_ACCOUNT_TITLES } from '../../../../shared/contract/ledger';
import type { RouteProps } from '../types';
import { BookPage, ExportMenu, money, useBook, useWorkingPeriod } from './common';
import { t } from '../../i18n';

function useYear(): [number, (y: number) => void] {
  const path = usePath();
  const working = useWorkingPeriod();
  const year = Number(queryParams(path).get('year') ?? working.slice(0, 4));
  return [year, (y) => navigate(`${path.split('?')[0]}?year=${y}`)];
}

function YearSelect({ year, onChange }: { year: number; onChange(y: number): void }) {
  const { book } = useBook();
  return <Select label={t('年度')} w={110} data={[...book.years].reverse().map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(v) => v && onChange(Number(v))} allowDeselect={false} />;
}

function Summary() {
  const { book } = useBook();
  const [year, setYear] = useYear();
  const [q, setQ] = useState('');
  const data = useCall('ledger.reports.memberSummary', { bookId: book.id, year });
  const rows = useMemo(() => {
    const s = q.trim().toLowerCase();
    return (data.data ?? []).filter((m) => !s || m.name.includes(s) || m.pyInitials.includes(s) || String(m.memberId) === s);
  }, [data.data, q]);
  return (
    <Stack>
      <Group align="end" justify="space-between">
        <Group align="end">
          <YearSelect year={year} onChange={setYear} />
          <TextInput label={t('成员')} placeholder={t('姓名或拼音首字母')} w={200} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        </Group>
        <ExportMenu request={{ report: 'memberSummary', bookId: book.id, year }} label="导出汇总表" />
      </Group>
      <Loading error={data.error} loading={data.loading && !data.data} />
      <Table striped highlightOnHover withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            {['编号', '成员', '出资额', '公积金份额', '补助量化份额', '捐赠量化份额', '本年交易额', '盈余返还', '剩余盈余分配', '往来余额'].map((h) => (
              <Table.Th key={h} ta={h === '成员' || h === '编号' ? undefined : 'right'}>
                {t(h)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.memberId}>
              <Table.Td>{m.memberId}</Table.Td>
              <Table.Td>
                <Anchor href={`#/ledger/${book.id}/members/${m.memberId}?year=${year}`}>{m.name}</Anchor>
                {m.leftOn && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {t('已退社')}
                  </Text>
                )}
              </Table.Td>
              {[m.capitalFen, m.reserveShareFen, m.subsidyShareFen, m.donationShareFen, m.tradeFen, m.patronageFen, m.remainderFen, m.currentFen].map((v, i) => (
                <Table.Td key={i} ta="right">
                  {money(v)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function MemberAccount({ memberId }: { memberId: number }) {
  const { book } = useBook();
  const [year, setYear] = useYear();
  const q = useCall('ledger.reports.memberAccount', { bookId: book.id, memberId, year });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const stock = ['capitalPoverty', 'capitalOther', 'reserveShare', 'subsidyShare', 'donationShare'] as const;
  return (
    <Stack>
      <Group align="end" justify="space-between">
        <Group align="end">
          <YearSelect year={year} onChange={setYear} />
          <Stack gap={0}>
            <Text fw={700}>{d.member.name}</Text>
            <Text size="sm" c="dimmed">
              {t('住址')}：{d.member.address || '—'}　{t('入社')}：{d.member.joinedOn}
              {d.member.leftOn ? `　${t('退社')}：${d.member.leftOn}` : ''}
            </Text>
          </Stack>
        </Group>
        <Group>
          <Anchor href={`#/ledger/${book.id}/members?year=${year}`}>{t('返回成员列表')}</Anchor>
          <ExportMenu request={{ report: 'memberAccount', bookId: book.id, memberId, year }} />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table withTableBorder withColumnBorders fz="sm" data-testid="member-account">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('编号')}</Table.Th>
              <Table.Th>{t('日期')}</Table.Th>
              <Table.Th>{t('摘要')}</Table.Th>
              {stock.map((k) => (
                <Table.Th key={k} ta="right">
                  {t(MEMBER_ACCOUNT_TITLES[k])}
                </Table.Th>
              ))}
              {d.products.flatMap((p) => [
                <Table.Th key={`q${p.product}`} ta="right">
                  {t('{p}交易量', { p: p.product })}
                  {p.unit ? `（${p.unit}）` : ''}
                </Table.Th>,
                <Table.Th key={`a${p.product}`} ta="right">
                  {t('{p}交易额', { p: p.product })}
                </Table.Th>,
              ])}
              <Table.Th ta="right">{t(MEMBER_ACCOUNT_TITLES.patronage)}</Table.Th>
              <Table.Th ta="right">{t(MEMBER_ACCOUNT_TITLES.remainder)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.rows.map((r, i) => (
              <Table.Tr key={i} fw={r.kind === 'entry' ? undefined : 700}>
                <Table.Td>{r.kind === 'entry' ? r.no : ''}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.date}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.voucherId ? <Anchor href={`#/ledger/${book.id}/voucher/${r.voucherId}`}>{r.summary}</Anchor> : t(r.summary)}</Table.Td>
                {stock.map((k) => (
                  <Table.Td key={k} ta="right">
                    {money(r[k])}
                  </Table.Td>
                ))}
                {d.products.flatMap((p) => [
                  <Table.Td key={`q${p.product}`} ta="right">
                    {r.trade[p.product]?.qtyMilli ? (r.trade[p.product]!.qtyMilli / 1000).toLocaleString('zh-CN') : ''}
                  </Table.Td>,
                  <Table.Td key={`a${p.product}`} ta="right">
                    {money(r.trade[p.product]?.amountFen)}
                  </Table.Td>,
                ])}
                <Table.Td ta="right">{r.kind === 'opening' ? '' : money(r.patronage)}</Table.Td>
                <Table.Td ta="right">{r.kind === 'opening' ? '' : money(r.remainder)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export function MembersPage({ params }: RouteProps) {
  return (
    <BookPage bookId={Number(params.bookId)} tab="members" title="成员账户">
      {params.memberId ? <MemberAccount memberId={Number(params.memberId)} /> : <Summary />}
    </BookPage>
  );
}
