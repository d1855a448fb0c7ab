import type { Actor } from '../db/store';
import type { Role } from '../../../shared/roles';
import { maskIdNumber, maskPhone } from '../../../shared/format/mask';

/**
 * Who sees farmers' ID numbers and phones whole: the administrator and the front desk, which checks
 * identity cards at intake and calls farmers back. Bookkeepers and managers see them masked
 * (5002**********1234, 138****5678), in lists, details, search results and exports alike.
 * Organisations' contact phones are business contacts and are shown to all staff.
 */
export const WHOLE_PERSONAL_DATA: readonly Role[] = ['admin', 'frontdesk'];

export function seesWhole(role: Actor['role']): boolean {
  return role === 'system' || WHOLE_PERSONAL_DATA.includes(role);
}

export function personalView(role: Actor['role']) {
  const whole = seesWhole(role);
  return {
    masked: !whole,
    id: (v: string | null | undefined) => (whole ? (v ?? '') : maskIdNumber(v)),
    phone: (v: string | null | undefined) => (whole ? (v ?? '') : maskPhone(v)),
  };
}

/** Method access, declared once here and used by the handlers. */
export const STAFF = ['admin', 'bookkeeper', 'frontdesk', 'manager'] as const;
/** Keep the records of organisations, households and cooperative memberships. */
export const RECORD_EDITORS = ['admin', 'frontdesk', 'bookkeeper'] as const;
/** Keep the structure: unions, service sites, the industry list. */
export const STRUCTURE_EDITORS = ['admin', 'manager', 'frontdesk'] as const;
/** Bulk imports write many records at once. */
export const IMPORTERS = ['admin', 'frontdesk'] as const;
