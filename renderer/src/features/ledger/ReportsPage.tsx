import type { ReactNode } from 'react';
import { Group, SegmentedControl, Select, Switch } from '@mantine/core';
import { navigate, queryParams, usePath } from '../../app/router';
import type { RouteProps } from '../types';
import { BookPage, ExportMenu, periodText, usePeriods, useBook, useWorkingPeriod, type ReportRequest } from './common';
import { TrialReport } from './reports/TrialReport';
import { DetailReport, GeneralReport, JournalReport } from './reports/LedgerReports';
import { BalanceSheetReport, EquityReport, SurplusReport } from './reports/StatementReports';
import { t } from '../../i18n';

export const REPORTS = [
  { key: 'trial', label: '科目余额表' },
  { key: 'general', label: '总账' },
  { key: 'detail', label: '明细账' },
  { key: 'journal', label: '序时账' },
  { key: 'balance-sheet', label: '资产负债表' },
  { key: 'surplus', label: '盈余及盈余分配表' },
  { key: 'equity', label: '成员权益变动表' },
] as const;

export type ReportKey = (typeof REPORTS)[number]['key'];

export interface ReportParams {
  from: string;
  to: string;
  period: string;
  year: number;
  account: number;
  member: number;
  level: number;
  members: boolean;
}

/** Drill-down link into another report of the same book, carrying the parameters. */
export const reportLink = (bookId: number, report: ReportKey, p: Partial<Record<keyof ReportParams, string | number | boolean>>) =>
  `/ledger/${bookId}/reports/${report}?${new URLSearchParams(Object.entries(p).map(([k, v]) => [k, String(v)])).toString()}`;

function Controls({ report, params, set }: { report: ReportKey; params: ReportParams; set(p: Partial<ReportParams>): void }) {
  const { book, accounts, members } = useBook();
  const periods = usePeriods().map((p) => ({ value: p, label: periodText(p) }));
  const years = [...book.years].reverse().map((y) => ({ value: String(y), label: `${y}年` }));
  const ranged = report === 'trial' || report === 'detail' || report === 'journal';
  const yearly = report === 'general' || report === 'surplus' || report === 'equity';
  const account = accounts.find((a) => a.id === params.account);
  return (
    <Group align="end" gap="sm">
      {ranged && (
        <>
          <Select label={t('从')} w={130} data={periods} value={params.from} allowDeselect={false} onChange={(v) => v && set({ from: v, to: v > params.to ? v : params.to })} />
          <Select label={t('至')} w={130} data={periods} value={params.to} allowDeselect={false} onChange={(v) => v && set({ to: v })} />
        </>
      )}
      {report === 'balance-sheet' && <Select label={t('期末')} w={130} data={periods} value={params.period} allowDeselect={false} onChange={(v) => v && set({ period: v })} />}
      {yearly && <Select label={t('年度')} w={110} data={years} value={String(params.year)} allowDeselect={false} onChange={(v) => v && set({ year: Number(v) })} />}
      {(report === 'detail' || report === 'general') && (
        <Select
          label={t('科目')}
          w={280}
          searchable
          clearable={report === 'general'}
          placeholder={report === 'general' ? t('全部一级科目') : t('选择科目')}
          data={accounts.map((a) => ({ value: String(a.id), label: `${a.code} ${a.fullName}` }))}
          value={params.account ? String(params.account) : null}
          onChange={(v) => set({ account: Number(v ?? 0), member: 0 })}
        />
      )}
      {report === 'detail' && account?.memberDim && (
        <Select
          label={t('成员')}
          w={160}
          searchable
          clearable
          placeholder={t('全部成员')}
          data={members.map((m) => ({ value: String(m.id), label: m.name }))}
          value={params.member ? String(params.member) : null}
          onChange={(v) => set({ member: Number(v ?? 0) })}
        />
      )}
      {report === 'trial' && (
        <>
          <Select
            label={t('科目级次')}
            w={110}
            data={[
              { value: '1', label: t('一级') },
              { value: '2', label: t('二级') },
              { value: '0', label: t('全部') },
            ]}
            value={String(params.level)}
            allowDeselect={false}
            onChange={(v) => set({ level: Number(v ?? 0) })}
          />
          <Switch label={t('显示成员明细')} checked={params.members} onChange={(e) => set({ members: e.currentTarget.checked })} mb={6} />
        </>
      )}
    </Group>
  );
}

function requestOf(bookId: number, report: ReportKey, p: ReportParams): ReportRequest | null {
  switch (report) {
    case 'trial':
      return { report: 'trial', bookId, from: p.from, to: p.to, level: p.level, members: p.members };
    case 'general':
      return { report: 'general', bookId, year: p.year, accountId: p.account };
    case 'detail':
      return p.account ? { report: 'detail', bookId, accountId: p.account, memberId: p.member, from: p.from, to: p.to } : null;
    case 'journal':
      return { report: 'journal', bookId, from: p.from, to: p.to };
    case 'balance-sheet':
      return { report: 'balanceSheet', bookId, period: p.period };
    case 'surplus':
      return { report: 'surplus', bookId, year: p.year };
    case 'equity':
      return { report: 'equity', bookId, year: p.year };
  }
}

function Report({ report }: { report: ReportKey }) {
  const { book } = useBook();
  const path = usePath();
  const working = useWorkingPeriod();
  const q = queryParams(path);
  const params: ReportParams = {
    from: q.get('from') ?? working,
    to: q.get('to') ?? working,
    period: q.get('period') ?? working,
    year: Number(q.get('year') ?? working.slice(0, 4)),
    account: Number(q.get('account') ?? 0),
    member: Number(q.get('member') ?? 0),
    level: Number(q.get('level') ?? 1),
    members: q.get('members') === 'true',
  };
  const set = (p: Partial<ReportParams>) => navigate(reportLink(book.id, report, { ...params, ...p }));
  const request = requestOf(book.id, report, params);
  const body: Record<ReportKey, ReactNode> = {
    trial: <TrialReport params={params} />,
    general: <GeneralReport params={params} />,
    detail: <DetailReport params={params} />,
    journal: <JournalReport params={params} />,
    'balance-sheet': <BalanceSheetReport params={params} />,
    surplus: <SurplusReport params={params} />,
    equity: <EquityReport params={params} />,
  };
  return (
    <>
      <Group justify="space-between" align="end">
        <Controls report={report} params={params} set={set} />
        {request && <ExportMenu request={request} />}
      </Group>
      {body[report]}
    </>
  );
}

export function ReportsPage({ params }: RouteProps) {
  const bookId = Number(params.bookId);
  const report = (REPORTS.find((r) => r.key === params.report)?.key ?? 'trial') as ReportKey;
  return (
    <BookPage bookId={bookId} tab="reports/trial" title={REPORTS.find((r) => r.key === report)!.label}>
      <SegmentedControl
        data={REPORTS.map((r) => ({ value: r.key, label: t(r.label) }))}
        value={report}
        onChange={(v) => navigate(`/ledger/${bookId}/reports/${v}`)}
        style={{ alignSelf: 'flex-start' }}
      />
      <Report report={report} />
    </BookPage>
  );
}
