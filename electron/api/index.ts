import { Router, type Impl } from './router';
import { contract } from '../../shared/contract';
import type { MethodDef } from '../../shared/contract/define';
import { authHandlers } from './auth';
import { adminHandlers } from './admin';
import { deskHandlers } from './desk';
import { membersHandlers } from './members';
import { tasksHandlers } from './tasks';
import { ledgerHandlers, ledgerReportHandlers, ledgerVoucherHandlers } from './ledger';
import { requestsHandlers, serviceSetupHandlers } from './requests';
import { matchingHandlers } from './matching';
import { reportsHandlers } from './reports';
import { creditHandlers, creditLoanHandlers } from './credit';

/** The one place where every method meets its handler and its allowed roles. */
export function createRouter(): Router {
  const impls = {
    ...authHandlers,
    ...adminHandlers,
    ...deskHandlers,
    ...membersHandlers,
    ...tasksHandlers,
    ...ledgerHandlers,
    ...ledgerVoucherHandlers,
    ...ledgerReportHandlers,
    ...requestsHandlers,
    ...serviceSetupHandlers,
    ...matchingHandlers,
    ...reportsHandlers,
    ...creditHandlers,
    ...creditLoanHandlers,
  } satisfies Record<keyof typeof contract, unknown>;
  return new Router(contract, impls as unknown as Record<string, Impl<MethodDef>>);
}
