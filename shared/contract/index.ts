import { authContract } from './auth';
import { adminContract } from './admin';
import { deskContract } from './desk';
import { tasksContract } from './tasks';
import { membersContract } from './members';
import { ledgerContract } from './ledger';
import { ledgerVouchersContract } from './ledger-vouchers';
import { ledgerReportsContract } from './ledger-reports';
import { requestsContract } from './requests';
import { serviceSetupContract } from './serviceSetup';
import { matchingContract } from './matching';
import { reportsContract } from './reports';
import { creditContract } from './credit';
import { creditLoansContract } from './credit-loans';

/** Every method of the app; each capability adds its own contract file and spreads it here. */
export const contract = {
  ...authContract,
  ...adminContract,
  ...deskContract,
  ...tasksContract,
  ...membersContract,
  ...ledgerContract,
  ...ledgerVouchersContract,
  ...ledgerReportsContract,
  ...requestsContract,
  ...serviceSetupContract,
  ...matchingContract,
  ...reportsContract,
  ...creditContract,
  ...creditLoansContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
