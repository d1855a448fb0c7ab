import type { ReportDef } from '../registry';
import { annex1 } from './annex1';
import { annex2 } from './annex2';
import { membersSummary } from './members';
import { ledgerStatements, ledgerSummary } from './ledger';
import { serviceStatistics } from './service';
import { matchingStatistics } from './matching';
import { creditStatistics } from './credit';

/**
 * Every report the centre offers, in the order of the screen. A capability plugs its reports in with one
 * entry each; a capability not yet built has none, so its reports are not offered.
 */
export const REPORT_DEFS: ReportDef[] = [annex1, annex2, membersSummary, ledgerSummary, ledgerStatements, serviceStatistics, matchingStatistics, creditStatistics];
