import type { Impls } from './router';
import type { ledgerContract } from '../../shared/contract/ledger';
import type { ledgerReportsContract } from '../../shared/contract/ledger-reports';
import type { ledgerVouchersContract } from '../../shared/contract/ledger-vouchers';
import { AppError } from '../../shared/errors';
import { createBook, updateBook } from '../core/ledger/books';
import { bookYears, firstOpenPeriod, lastClosedPeriod, requireBook } from '../core/ledger/books-read';
import { createAccount, loadAccounts, updateAccount } from '../core/ledger/accounts';
import { listCoopMembers } from '../core/ledger/members';
import { activateBook, commitOpeningImport, listOpening, previewOpeningImport, saveOpening } from '../core/ledger/opening';
import { deleteVoucher, postAll, postVouchers, reverseVoucher, reviewAll, reviewVouchers, saveVoucher, unreviewVouchers } from '../core/ledger/vouchers';
import { getVoucher, listVouchers, recentSummaries } from '../core/ledger/voucher-read';
import { commitVoucherImport, previewVoucherImport } from '../core/ledger/voucher-import';
import { printVouchers } from '../core/ledger/print';
import { closePeriod, listPeriods, reopenPeriod } from '../core/ledger/periods';
import { deleteTxn, memberTxns, saveTxn, txnProducts } from '../core/ledger/member-txns';
import { commitDistribution, planDistribution } from '../core/ledger/distribution';
import { workload } from '../core/ledger/workload';
import { consolidatedTrial, trialBalance } from '../core/ledger/reports/trial';
import { detailLedger, generalLedger, journal } from '../core/ledger/reports/ledgers';
import { balanceSheet, equityStatement, surplusStatement } from '../core/ledger/reports/statements';
import { memberAccount, memberAccountsSummary } from '../core/ledger/reports/member-account';
import { exportReport } from '../core/ledger/reports/sheets';

/** Bookkeepers and the administrator keep the books; managers read and export; the front desk has no access. */
const WRITE = ['admin', 'bookkeeper'] as const;
const READ = ['admin', 'bookkeeper', 'manager'] as const;

function bytesOf(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件是空的', { file: '文件是空的' });
  return bytes;
}

const file = (f: { name: string; mime: string; bytes: Buffer }) => ({ name: f.name, mime: f.mime, base64: f.bytes.toString('base64') });

export const ledgerHandlers: Impls<typeof ledgerContract> = {
  'ledger.workload': { access: READ, handler: (ctx) => workload(ctx.store) },
  'ledger.books.create': { access: WRITE, handler: (ctx, input) => createBook(ctx.store, ctx.actor, input) },
  'ledger.books.get': {
    access: READ,
    handler: (ctx, input) => ({
      ...requireBook(ctx.store, input.bookId),
      years: bookYears(ctx.store, input.bookId),
      firstOpen: firstOpenPeriod(ctx.store, input.bookId),
      lastClosed: lastClosedPeriod(ctx.store, input.bookId),
    }),
  },
  'ledger.books.update': { access: WRITE, handler: (ctx, input) => updateBook(ctx.store, ctx.actor, input) },
  'ledger.members': { access: READ, handler: (ctx, input) => listCoopMembers(ctx.store, requireBook(ctx.store, input.bookId).coopId) },

  'ledger.accounts.list': { access: READ, handler: (ctx, input) => loadAccounts(ctx.store, requireBook(ctx.store, input.bookId).id) },
  'ledger.accounts.create': { access: WRITE, handler: (ctx, input) => createAccount(ctx.store, ctx.actor, input) },
  'ledger.accounts.update': { access: WRITE, handler: (ctx, input) => updateAccount(ctx.store, ctx.actor, input) },

  'ledger.opening.list': { access: READ, handler: (ctx, input) => listOpening(ctx.store, input.bookId) },
  'ledger.opening.save': { access: WRITE, handler: (ctx, input) => saveOpening(ctx.store, ctx.actor, input) },
  'ledger.opening.importPreview': { access: WRITE, handler: (ctx, input) => previewOpeningImport(ctx.store, { ...input, bytes: bytesOf(input.base64) }) },
  'ledger.opening.importCommit': { access: WRITE, handler: (ctx, input) => commitOpeningImport(ctx.store, ctx.actor, { ...input, bytes: bytesOf(input.base64) }) },
  'ledger.opening.activate': { access: WRITE, handler: (ctx, input) => activateBook(ctx.store, ctx.actor, input.bookId) },

  'ledger.periods.list': { access: READ, handler: (ctx, input) => listPeriods(ctx.store, input.bookId, input.year) },
  'ledger.periods.close': { access: WRITE, handler: (ctx, input) => closePeriod(ctx.store, ctx.actor, input) },
  'ledger.periods.reopen': { access: ['admin'], handler: (ctx, input) => reopenPeriod(ctx.store, ctx.actor, input) },

  'ledger.txns.list': { access: READ, handler: (ctx, input) => memberTxns(ctx.store, input.bookId, input.from, input.to, input.memberId) },
  'ledger.txns.save': { access: WRITE, handler: (ctx, input) => saveTxn(ctx.store, ctx.actor, input) },
  'ledger.txns.delete': { access: WRITE, handler: (ctx, input) => deleteTxn(ctx.store, ctx.actor, input) },
  'ledger.txns.products': { access: READ, handler: (ctx, input) => txnProducts(ctx.store, input.bookId) },

  'ledger.distribution.preview': { access: WRITE, handler: (ctx, input) => planDistribution(ctx.store, input) },
  'ledger.distribution.commit': { access: WRITE, handler: (ctx, input) => commitDistribution(ctx.store, ctx.actor, input) },
};

export const ledgerVoucherHandlers: Impls<typeof ledgerVouchersContract> = {
  'ledger.vouchers.list': { access: READ, handler: (ctx, input) => listVouchers(ctx.store, input) },
  'ledger.vouchers.get': { access: READ, handler: (ctx, input) => getVoucher(ctx.store, input.id) },
  'ledger.vouchers.save': { access: WRITE, handler: (ctx, input) => getVoucher(ctx.store, saveVoucher(ctx.store, ctx.actor, input)) },
  'ledger.vouchers.delete': { access: WRITE, handler: (ctx, input) => deleteVoucher(ctx.store, ctx.actor, input) },
  'ledger.vouchers.review': { access: WRITE, handler: (ctx, input) => reviewVouchers(ctx.store, ctx.actor, input) },
  'ledger.vouchers.reviewAll': { access: WRITE, handler: (ctx, input) => reviewAll(ctx.store, ctx.actor, input) },
  'ledger.vouchers.unreview': { access: WRITE, handler: (ctx, input) => unreviewVouchers(ctx.store, ctx.actor, input) },
  'ledger.vouchers.post': { access: WRITE, handler: (ctx, input) => postVouchers(ctx.store, ctx.actor, input) },
  'ledger.vouchers.postAll': { access: WRITE, handler: (ctx, input) => postAll(ctx.store, ctx.actor, input) },
  'ledger.vouchers.reverse': { access: WRITE, handler: (ctx, input) => getVoucher(ctx.store, reverseVoucher(ctx.store, ctx.actor, input)) },
  'ledger.vouchers.print': { access: READ, handler: async (ctx, input) => file(await printVouchers(ctx.store, input)) },
  'ledger.vouchers.summaries': { access: WRITE, handler: (ctx, input) => recentSummaries(ctx.store, input.bookId) },
  'ledger.vouchers.importPreview': { access: WRITE, handler: (ctx, input) => previewVoucherImport(ctx.store, { ...input, bytes: bytesOf(input.base64) }) },
  'ledger.vouchers.importCommit': { access: WRITE, handler: (ctx, input) => commitVoucherImport(ctx.store, ctx.actor, { ...input, bytes: bytesOf(input.base64) }) },
};

export const ledgerReportHandlers: Impls<typeof ledgerReportsContract> = {
  'ledger.reports.trial': { access: READ, handler: (ctx, input) => trialBalance(ctx.store, input) },
  'ledger.reports.general': { access: READ, handler: (ctx, input) => generalLedger(ctx.store, input) },
  'ledger.reports.detail': { access: READ, handler: (ctx, input) => detailLedger(ctx.store, input) },
  'ledger.reports.journal': { access: READ, handler: (ctx, input) => journal(ctx.store, input) },
  'ledger.reports.balanceSheet': { access: READ, handler: (ctx, input) => balanceSheet(ctx.store, input) },
  'ledger.reports.surplus': { access: READ, handler: (ctx, input) => surplusStatement(ctx.store, input) },
  'ledger.reports.equity': { access: READ, handler: (ctx, input) => equityStatement(ctx.store, input) },
  'ledger.reports.memberAccount': { access: READ, handler: (ctx, input) => memberAccount(ctx.store, input) },
  'ledger.reports.memberSummary': { access: READ, handler: (ctx, input) => memberAccountsSummary(ctx.store, input) },
  'ledger.reports.consolidated': { access: READ, handler: (ctx, input) => consolidatedTrial(ctx.store, input.year) },
  'ledger.reports.export': {
    access: READ,
    handler: async (ctx, input) => {
      const out = await exportReport(ctx.store, input.request, input.format);
      // Member accounts carry names and addresses: their exports are personal data and are audited.
      const r = input.request;
      if (r.report === 'memberAccount' || r.report === 'memberSummary')
        ctx.store.write(ctx.actor, 'ledger.reports.export', (audit) => audit.record({ entity: 'ledger_export', ids: [r.bookId], summary: { report: r.report, file: out.name } }));
      return file(out);
    },
  },
};
