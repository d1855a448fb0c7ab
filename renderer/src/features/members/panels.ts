import type { ComponentType } from 'react';
import { CoopBooksPanel } from '../ledger/CoopBooksPanel';
import { CreditPanel } from '../credit/CreditPanel';

export interface RecordPanelProps {
  kind: 'org' | 'household';
  id: number;
  name: string;
  /** The organisation's kind ('' for households). */
  orgKind: string;
}

/**
 * Panels other capabilities add to a record's detail page: the ledger links a cooperative's books,
 * the front desk a household's service requests, matching its listings. Append one entry each.
 */
export interface RecordPanel {
  key: string;
  title: string;
  kinds: ('org' | 'household')[];
  /** Shown only for these organisation kinds; all when omitted. */
  orgKinds?: string[];
  /** Shown only to roles that may call this method. */
  method?: string;
  component: ComponentType<RecordPanelProps>;
}

export const RECORD_PANELS: RecordPanel[] = [
  { key: 'ledger', title: '统一代账', kinds: ['org'], orgKinds: ['农民专业合作社'], method: 'ledger.workload', component: CoopBooksPanel },
  { key: 'credit', title: '信用服务', kinds: ['org', 'household'], method: 'credit.applications.list', component: CreditPanel },
];
