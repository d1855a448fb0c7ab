import type { Actor } from '../db/store';

/**
 * Who sees what of credit work. Credit data is personal: ratings, profiles, loan amounts and the
 * documents behind them are for the administrator and the manager (负责人) only, and every view and
 * export of a profile is written to the audit log.
 *
 * The front desk takes loan-assistance applications at the counter: it may open one for a member,
 * upload the documents the checklist asks for, record that the applicant withdrew, and follow each
 * application's status and checklist. It never sees ratings, amounts (requested, granted, disbursed)
 * or the uploaded documents once handed in; those methods are not open to it and the shared lists
 * return amounts as null. Bookkeepers see only the banks' product catalogue (public terms) and the
 * credit villages list (publicly announced).
 */
export const CREDIT_OFFICERS = ['admin', 'manager'] as const;
export const LOAN_DESK = ['admin', 'manager', 'frontdesk'] as const;
export const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;

export function seesAmounts(role: Actor['role']): boolean {
  return role === 'system' || (CREDIT_OFFICERS as readonly string[]).includes(role);
}
