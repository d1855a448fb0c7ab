import { Alert, Group, Menu, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useCall } from '../../../api/hooks';
import { Loading } from '../../../components/Page';
import { navigate } from '../../../app/router';
import { money, periodText, useBook } from '../common';
import { reportLink, type ReportParams } from '../ReportsPage';
import { t } from '../../../i18n';

interface LineAccount {
  id: number;
  code: string;
  name: string;
}

/**
 * A statement figure that opens the detail ledger of the accounts behind it (a menu when there are
 * several). Negative figures show with a minus sign, as the forms require for e.g. a credit 154.
 */
function Figure({ fen, accounts, from, to, bold }: { fen: number; accounts: LineAccount[]; from: string; to: string; bold?: boolean }) {
  const { book } = useBook();
  const text = money(fen, false);
  if (accounts.length === 0) return <Text size="sm" fw={bold ? 700 : undefined}>{text}</Text>;
  const open = (a: LineAccount) => navigate(reportLink(book.id, 'detail', { account: a.id, from, to }));
  if (accounts.length === 1)
    return (
      <UnstyledButton onClick={() => open(accounts[0]!)} c="blue" fz="sm" fw={bold ? 700 : undefined}>
        {text}
      </UnstyledButton>
    );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton c="blue" fz="sm" fw={bold ? 700 : undefined}>
          {text}
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('查看明细账')}</Menu.Label>
        {accounts.map((a) => (
          <Menu.Item key={a.id} onClick={() => open(a)}>
            {a.code} {a.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function priorYearRange(book: { startPeriod: string }, year: number, yearFrom: string): [string, string] {
  const prior = `${year - 1}-12`;
  if (prior < book.startPeriod) return [yearFrom, yearFrom];
  const start = `${year - 1}-01` < book.startPeriod ? book.startPeriod : `${year - 1}-01`;
  return [start, prior];
}

function Head({ title, formNo, coop, when }: { title: string; formNo: string; coop: string; when: string }) {
  return (
    <Group justify="space-between">
      <Text fw={700} size="lg">
        {t(title)}
      </Text>
      <Text size="sm" c="dimmed">
        {formNo}　{t('编制单位')}：{coop}　{when}　{t('单位：元')}
      </Text>
    </Group>
  );
}

/** 资产负债表 (会农社01表) in the two-column layout of the form. */
export function BalanceSheetReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.balanceSheet', { bookId: book.id, period: params.period });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const from = `${params.period.slice(0, 4)}-01` < book.startPeriod ? book.startPeriod : `${params.period.slice(0, 4)}-01`;
  // The year-opening figure is last year's closing: its vouchers are last year's (or, in the first year,
  // the detail ledger shows the opening balances).
  const [beginFrom, beginTo] = priorYearRange(book, Number(params.period.slice(0, 4)), from);
  const left = d.lines.filter((l) => l.line < 23);
  const right = d.lines.filter((l) => l.line >= 23);
  const cells = (l: (typeof d.lines)[number] | undefined) =>
    l ? (
      <>
        <Table.Td fw={l.total ? 700 : undefined} style={{ paddingLeft: 8 + l.indent * 16 }}>
          {l.item}
        </Table.Td>
        <Table.Td ta="center">{l.line}</Table.Td>
        <Table.Td ta="right" data-testid={`bs-${l.line}`}>
          <Figure fen={l.endFen} accounts={l.accounts} from={from} to={params.period} bold={l.total} />
        </Table.Td>
        <Table.Td ta="right">
          <Figure fen={l.beginFen} accounts={l.accounts} from={beginFrom} to={beginTo} bold={l.total} />
        </Table.Td>
      </>
    ) : (
      <>
        <Table.Td />
        <Table.Td />
        <Table.Td />
        <Table.Td />
      </>
    );
  return (
    <Stack gap="xs">
      <Head title="资产负债表" formNo={d.formNo} coop={d.coopName} when={periodText(d.period)} />
      {d.warnings.map((w) => (
        <Alert key={w} color="orange">
          {w}
        </Alert>
      ))}
      <Table withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('资产')}</Table.Th>
            <Table.Th>{t('行次')}</Table.Th>
            <Table.Th ta="right">{t('期末余额')}</Table.Th>
            <Table.Th ta="right">{t('年初余额')}</Table.Th>
            <Table.Th>{t('负债和所有者权益')}</Table.Th>
            <Table.Th>{t('行次')}</Table.Th>
            <Table.Th ta="right">{t('期末余额')}</Table.Th>
            <Table.Th ta="right">{t('年初余额')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {Array.from({ length: Math.max(left.length, right.length) }, (_, i) => (
            <Table.Tr key={i}>
              {cells(left[i])}
              {cells(right[i])}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** 盈余及盈余分配表 (会农社02表) with this year and last year. */
export function SurplusReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.surplus', { bookId: book.id, year: params.year });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const from = `${d.year}-01` < book.startPeriod ? book.startPeriod : `${d.year}-01`;
  const priorFrom = `${d.year - 1}-01` < book.startPeriod ? book.startPeriod : `${d.year - 1}-01`;
  return (
    <Stack gap="xs">
      <Head title="盈余及盈余分配表" formNo={d.formNo} coop={d.coopName} when={`${d.year}年度`} />
      {d.warnings.map((w) => (
        <Alert key={w} color="orange">
          {w}
        </Alert>
      ))}
      <Table withTableBorder withColumnBorders fz="sm" maw={760}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('项目')}</Table.Th>
            <Table.Th>{t('行次')}</Table.Th>
            <Table.Th ta="right">{t('本年金额')}</Table.Th>
            <Table.Th ta="right">{t('上年金额')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.lines.map((l) => (
            <Table.Tr key={l.line}>
              <Table.Td fw={l.total ? 700 : undefined}>{l.item}</Table.Td>
              <Table.Td ta="center">{l.line}</Table.Td>
              <Table.Td ta="right" data-testid={`sp-${l.line}`}>
                <Figure fen={l.currentFen} accounts={l.accounts} from={from} to={`${d.year}-12`} bold={l.total} />
              </Table.Td>
              <Table.Td ta="right">{l.priorFen === null ? '' : <Figure fen={l.priorFen} accounts={l.accounts} from={priorFrom} to={`${d.year - 1}-12`} bold={l.total} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** 成员权益变动表 (会农社03表). */
export function EquityReport({ params }: { params: ReportParams }) {
  const { book } = useBook();
  const q = useCall('ledger.reports.equity', { bookId: book.id, year: params.year });
  if (!q.data) return <Loading error={q.error} loading={q.loading} />;
  const d = q.data;
  const yearFrom = `${d.year}-01` < book.startPeriod ? book.startPeriod : `${d.year}-01`;
  return (
    <Stack gap="xs">
      <Head title="成员权益变动表" formNo={d.formNo} coop={d.coopName} when={`${d.year}年度`} />
      {d.warnings.map((w) => (
        <Alert key={w} color="red">
          {w}
        </Alert>
      ))}
      <Table withTableBorder withColumnBorders fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('项目')}</Table.Th>
            {d.columns.map((c) => (
              <Table.Th key={c.key} ta="right">
                {t(c.title)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('合计')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.rows.map((r) => (
            <Table.Tr key={r.key} fw={r.group === 'total' ? 700 : undefined}>
              <Table.Td style={{ paddingLeft: r.group === 'total' ? 8 : 24 }}>{r.item}</Table.Td>
              {[...d.columns.map((c) => ({ key: c.key, accounts: c.accounts })), { key: 'total', accounts: d.columns.flatMap((c) => c.accounts) }].map((c) =>
                r.group !== 'total' && !r.cells[c.key] ? (
                  <Table.Td key={c.key} />
                ) : (
                  <Table.Td key={c.key} ta="right">
                    <Figure fen={r.cells[c.key] ?? 0} accounts={c.accounts} from={yearFrom} to={`${d.year}-12`} bold={r.group === 'total'} />
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
