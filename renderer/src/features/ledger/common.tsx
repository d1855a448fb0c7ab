import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Menu, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useAction, useCall } from '../../api/hooks';
import { call } from '../../api/client';
import { Loading } from '../../components/Page';
import { downloadFile } from '../../components/files';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { formatFen } from '../../../../shared/money';
import type { Out, In } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';

export type Book = Out<Contract['ledger.books.get']>;
export type Account = Out<Contract['ledger.accounts.list']>[number];
export type Member = Out<Contract['ledger.members']>[number];
export type ReportRequest = In<Contract['ledger.reports.export']>['request'];

/** Money cell text: blank for zero where a ledger leaves it blank, thousands separators otherwise. */
export const money = (fen: number | null | undefined, blankZero = true) => (fen === null || fen === undefined || (blankZero && fen === 0) ? '' : formatFen(fen));
export const periodText = (p: string) => `${p.slice(0, 4)}年${p.slice(5, 7)}月`;
/** "2026-01" -> "2025-12". */
export const previousPeriod = (p: string) => {
  const y = Number(p.slice(0, 4));
  const m = Number(p.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
export const todayIso = () => new Date().toISOString().slice(0, 10);
export const lastDayOf = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return `${p}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};
/** A date for a new entry: today when it falls in the first open period, else that period's last day. */
export const entryDate = (firstOpen: string | null) => (!firstOpen || todayIso().startsWith(firstOpen) ? todayIso() : lastDayOf(firstOpen));

export const STATUS_LABEL = { draft: '待审核', reviewed: '已审核', posted: '已记账' } as const;
export const STATUS_COLOR = { draft: 'yellow', reviewed: 'blue', posted: 'green' } as const;

export function StatusBadge({ status }: { status: keyof typeof STATUS_LABEL }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(STATUS_LABEL[status])}
    </Badge>
  );
}

interface BookData {
  book: Book;
  accounts: Account[];
  members: Member[];
  reload(): void;
}

const BookContext = createContext<BookData | null>(null);

export function useBook(): BookData {
  const b = useContext(BookContext);
  if (!b) throw new Error('useBook outside a book page');
  return b;
}

/** Every period of the books, newest first, for period pickers. */
export function usePeriods(): string[] {
  const { book } = useBook();
  return useMemo(() => {
    const out: string[] = [];
    for (const y of book.years) for (let m = 1; m <= 12; m++) {
      const p = `${y}-${String(m).padStart(2, '0')}`;
      if (p >= book.startPeriod) out.push(p);
    }
    return out.reverse();
  }, [book]);
}

/** The period a bookkeeper is most likely working in: the first open one, else the last. */
export function useWorkingPeriod(): string {
  const { book } = useBook();
  const periods = usePeriods();
  return book.firstOpen ?? periods[0] ?? book.startPeriod;
}

const TABS = [
  { key: 'vouchers', label: '凭证', method: 'ledger.vouchers.list' },
  { key: 'voucher/new', label: '录入凭证', method: 'ledger.vouchers.save' },
  { key: 'reports/trial', label: '账表', method: 'ledger.reports.trial' },
  { key: 'members', label: '成员账户', method: 'ledger.reports.memberSummary' },
  { key: 'txns', label: '成员交易', method: 'ledger.txns.list' },
  { key: 'distribution', label: '盈余分配', method: 'ledger.distribution.preview' },
  { key: 'periods', label: '期末结账', method: 'ledger.periods.list' },
  { key: 'accounts', label: '会计科目', method: 'ledger.accounts.list' },
  { key: 'opening', label: '期初余额', method: 'ledger.opening.list' },
  { key: 'import', label: '导入凭证', method: 'ledger.vouchers.importPreview' },
  { key: 'settings', label: '账套设置', method: 'ledger.books.update' },
] as const;

/** A book page: the cooperative's name, its status, the book's tabs, then the page itself with the book's data at hand. */
export function BookPage({ bookId, tab, title, actions, children }: { bookId: number; tab: string; title: string; actions?: ReactNode; children: ReactNode }) {
  const { can } = useSession();
  const book = useCall('ledger.books.get', { bookId });
  const accounts = useCall('ledger.accounts.list', { bookId });
  const members = useCall('ledger.members', { bookId });
  const value = useMemo<BookData | null>(
    () =>
      book.data && accounts.data && members.data
        ? {
            book: book.data,
            accounts: accounts.data,
            members: members.data,
            reload: () => {
              book.reload();
              accounts.reload();
              members.reload();
            },
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [book.data, accounts.data, members.data],
  );
  const error = book.error ?? accounts.error ?? members.error;
  return (
    <Stack gap="sm" p="md">
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Group gap="xs">
            <Anchor size="sm" href="#/ledger">
              {t('代账工作台')}
            </Anchor>
            <Text size="sm" c="dimmed">
              /
            </Text>
            <Text size="sm" fw={600}>
              {book.data?.coopName ?? ''}
            </Text>
            {book.data?.status === 'setup' && (
              <Badge color="orange" variant="light">
                {t('未启用')}
              </Badge>
            )}
            {book.data?.lastClosed && (
              <Text size="xs" c="dimmed">
                {t('已结账至 {p}', { p: periodText(book.data.lastClosed) })}
              </Text>
            )}
          </Group>
          <Title order={3}>{t(title)}</Title>
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      <Tabs value={tab} onChange={(v) => v && navigate(`/ledger/${bookId}/${v}`)}>
        <Tabs.List>
          {TABS.filter((x) => can(x.method)).map((x) => (
            <Tabs.Tab key={x.key} value={x.key}>
              {t(x.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Loading error={error} loading={!value && !error} />
      {value && <BookContext.Provider value={value}>{children}</BookContext.Provider>}
    </Stack>
  );
}

/** xlsx / PDF / CSV of any report; the server renders them from the same figures as the screen. */
export function ExportMenu({ request, label = '导出' }: { request: ReportRequest; label?: string }) {
  const { busy, run } = useAction();
  const go = async (format: 'xlsx' | 'pdf' | 'csv') => {
    const f = await run(() => call('ledger.reports.export', { request, format }));
    if (f) downloadFile(f);
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="light" leftSection={<IconDownload size={16} />} loading={busy}>
          {t(label)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => go('xlsx')}>{t('Excel（.xlsx）')}</Menu.Item>
        <Menu.Item onClick={() => go('pdf')}>{t('PDF')}</Menu.Item>
        <Menu.Item onClick={() => go('csv')}>{t('CSV')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** Search keys for an account: code, full name and the pinyin initials of every level ("yhck" finds 银行存款's details). */
export function accountKeys(accounts: Account[]): Map<number, string> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const keys = new Map<number, string>();
  for (const a of accounts) {
    const pys: string[] = [];
    for (let cur: Account | undefined = a; cur; cur = cur.parentId !== null ? byId.get(cur.parentId) : undefined) pys.unshift(cur.pyInitials);
    keys.set(a.id, `${a.code} ${a.fullName} ${pys.join('')} ${pys.join(' ')}`.toLowerCase());
  }
  return keys;
}

/** Code prefix, a part of the name, or pinyin initials. */
export function matchesAccount(a: Account, key: string, q: string): boolean {
  const s = q.trim().toLowerCase();
  if (!s) return true;
  if (/^\d+$/.test(s)) return a.code.startsWith(s);
  return key.includes(s);
}
