import { Badge, Group } from '@mantine/core';
import type { Out } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { formatFen, parseYuan } from '../../../../shared/money';
import { DEAL_STATUS_LABELS, LISTING_STATUS_LABELS, SIDE_LABELS } from '../../../../shared/contract/matchingFields';
import { t } from '../../i18n';

export type Listing = Out<Contract['listings.get']>['listing'];
export type Deal = Out<Contract['deals.get']>['deal'];
export type Product = Out<Contract['catalog.list']>['products'][number];
export type Catalogue = Out<Contract['catalog.list']>;
export type Candidate = Out<Contract['matching.rank']>['candidates'][number];

export const sideLabel = (s: 'supply' | 'demand') => t(SIDE_LABELS[s]);

export function priceText(min: number | null, max: number | null, unit: string): string {
  if (min === null || max === null) return t('面议');
  return min === max ? `${formatFen(min)} ${t('元')}/${unit}` : `${formatFen(min)}–${formatFen(max)} ${t('元')}/${unit}`;
}

export function ListingStatus({ l, today }: { l: Pick<Listing, 'status' | 'windowTo'>; today: string }) {
  if (l.status === 'open' && l.windowTo < today) return <Badge color="gray">{t('已过期')}</Badge>;
  const color = l.status === 'open' ? 'teal' : l.status === 'matched' ? 'blue' : 'gray';
  return <Badge color={color}>{t(LISTING_STATUS_LABELS[l.status])}</Badge>;
}

export function DealStatus({ status }: { status: Deal['status'] }) {
  const color = status === 'open' ? 'orange' : status === 'completed' ? 'teal' : 'gray';
  return <Badge color={color}>{t(DEAL_STATUS_LABELS[status])}</Badge>;
}

export function Certs({ list }: { list: string[] }) {
  if (list.length === 0) return null;
  return (
    <Group gap={4}>
      {list.map((c) => (
        <Badge key={c} size="xs" variant="light" color="green">
          {t(c)}
        </Badge>
      ))}
    </Group>
  );
}

/** Today in local time, as the server counts business days. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Yuan typed by the clerk to fen; '' means none; undefined when it is not an amount (the server names the field). */
export function fenOf(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return parseYuan(text) ?? undefined;
}

export const yuanText = (fen: number | null) => (fen === null ? '' : formatFen(fen, { thousands: false }));

/** Unit names a product offers, or the standard ones for a category-level listing. */
export function unitOptions(product: Product | undefined, base?: string): string[] {
  if (product) return product.units.map((u) => u.name);
  const std: Record<string, string[]> = { g: ['斤', '公斤', '吨'], ml: ['升', '毫升'], head: ['头'], piece: ['件'] };
  return base ? (std[base] ?? []) : ['斤', '公斤', '吨', '头', '升', '毫升', '件'];
}
