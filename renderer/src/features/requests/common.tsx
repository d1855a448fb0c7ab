import { Badge, Tooltip } from '@mantine/core';
import type { Contract } from '../../../../shared/contract';
import type { Out } from '../../../../shared/contract/define';
import { STATUS_LABELS, type RequestStatus } from '../../../../shared/contract/requestFields';
import { useCall } from '../../api/hooks';
import { t } from '../../i18n';

export type Detail = Out<Contract['requests.get']>;
export type QueueRow = Out<Contract['requests.list']>['rows'][number];
export type Catalog = Out<Contract['serviceCatalog.get']>;
export type Provider = Out<Contract['providers.list']>[number];
export type Township = Out<Contract['geo.list']>[number];

export const STATUS_COLORS: Record<RequestStatus, string> = {
  received: 'blue',
  dispatched: 'indigo',
  in_service: 'orange',
  done: 'teal',
  followed_up: 'green',
  cancelled: 'gray',
};

const NO_CLIP = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

export function StatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" styles={NO_CLIP} data-testid="request-status">
      {t(STATUS_LABELS[status])}
    </Badge>
  );
}

export function OverdueBadge({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <Tooltip label={reasons.join('；')} multiline w={260}>
      <Badge color="red" variant="filled" styles={NO_CLIP}>
        {t('逾期')}
      </Badge>
    </Tooltip>
  );
}

/** Hundredths of a mu as the clerk reads them: 12.5, never 12.50 or 1250. */
export function mu(mu100: number): string {
  const neg = mu100 < 0;
  const a = Math.abs(mu100);
  const s = `${Math.trunc(a / 100)}.${String(a % 100).padStart(2, '0')}`.replace(/\.?0+$/, '');
  return `${neg ? '-' : ''}${s}`;
}

/** "12.5" / "12.5亩" -> 1250; null when it is not a number with at most two decimals. */
export function parseMu(text: string): number | null {
  const s = text.trim().replace(/[,，\s亩]/g, '');
  const m = /^(\d+)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const v = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(v) ? v : null;
}

/** The catalogue and the townships, which almost every front desk screen needs. */
export function useSetup() {
  const catalog = useCall('serviceCatalog.get', {}, true, ['serviceCatalog']);
  const geo = useCall('geo.list', {}, true, ['geo']);
  const links = catalog.data?.links ?? [];
  const crops = catalog.data?.crops ?? [];
  const townships = geo.data ?? [];
  return {
    catalog,
    geo,
    links,
    crops,
    townships,
    linkName: (id: number) => links.find((l) => l.id === id)?.name ?? '',
    cropName: (id: number | null) => crops.find((c) => c.id === id)?.name ?? '',
  };
}

export const kindOptions = (values: readonly string[]) => values.map((v) => ({ value: v, label: t(v) }));

/** The desk's calendar day, 'YYYY-MM-DD'. */
export function localToday(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
