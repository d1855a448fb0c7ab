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

/** Areas are hundredths of a mu; the registry's helpers turn them into text (12.5) and back. */
export { formatMu as mu, parseMu } from '../../../../shared/format/area';

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
