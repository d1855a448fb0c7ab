import { IconCalculator } from '@tabler/icons-react';
import type { Section } from '../types';
import { WorkloadPage, ConsolidatedPage } from './WorkloadPage';
import { VouchersPage } from './VouchersPage';
import { VoucherPage } from './VoucherPage';
import { ReportsPage } from './ReportsPage';
import { MembersPage } from './MembersPage';
import { TxnsPage } from './TxnsPage';
import { DistributionPage } from './DistributionPage';
import { PeriodsPage } from './PeriodsPage';
import { AccountsPage } from './AccountsPage';
import { OpeningPage } from './OpeningPage';
import { ImportPage } from './ImportPage';
import { BookSettingsPage } from './BookSettingsPage';

/** 统一代账: the workload board is the way in; a book's pages are reached from it and from its tabs. */
export const ledgerSection: Section = {
  key: 'ledger',
  label: '统一代账',
  icon: IconCalculator,
  routes: [
    { path: '/ledger', title: '代账工作台', method: 'ledger.workload', component: WorkloadPage, nav: true, home: ['bookkeeper'] },
    { path: '/ledger/consolidated', title: '汇总科目余额表', method: 'ledger.reports.consolidated', component: ConsolidatedPage, nav: true },
    { path: '/ledger/:bookId/vouchers', title: '凭证', method: 'ledger.vouchers.list', component: VouchersPage, nav: false },
    { path: '/ledger/:bookId/voucher/:id', title: '凭证', method: 'ledger.vouchers.get', component: VoucherPage, nav: false },
    { path: '/ledger/:bookId/reports/:report', title: '账表', method: 'ledger.reports.trial', component: ReportsPage, nav: false },
    { path: '/ledger/:bookId/members', title: '成员账户', method: 'ledger.reports.memberSummary', component: MembersPage, nav: false },
    { path: '/ledger/:bookId/members/:memberId', title: '成员账户', method: 'ledger.reports.memberAccount', component: MembersPage, nav: false },
    { path: '/ledger/:bookId/txns', title: '成员交易', method: 'ledger.txns.list', component: TxnsPage, nav: false },
    { path: '/ledger/:bookId/distribution', title: '盈余分配', method: 'ledger.distribution.preview', component: DistributionPage, nav: false },
    { path: '/ledger/:bookId/periods', title: '期末结账', method: 'ledger.periods.list', component: PeriodsPage, nav: false },
    { path: '/ledger/:bookId/accounts', title: '会计科目', method: 'ledger.accounts.list', component: AccountsPage, nav: false },
    { path: '/ledger/:bookId/opening', title: '期初余额', method: 'ledger.opening.list', component: OpeningPage, nav: false },
    { path: '/ledger/:bookId/import', title: '导入凭证', method: 'ledger.vouchers.importPreview', component: ImportPage, nav: false },
    { path: '/ledger/:bookId/settings', title: '账套设置', method: 'ledger.books.update', component: BookSettingsPage, nav: false },
  ],
};
