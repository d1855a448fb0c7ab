import { ActionIcon, Group, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import { useCall } from '../../api/hooks';
import { useBook } from './common';
import type { EditorRow } from './VoucherEditor';
import { t } from '../../i18n';

/** Quantity text with at most three decimals to thousandths; NaN when it is not a quantity. */
export const qtyMilli = (s: string) => {
  if (!s.trim()) return 0;
  const m = /^(-?)(\d+)(?:\.(\d{0,3}))?$/.exec(s.trim());
  return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 1000 + Number((m[3] ?? '').padEnd(3, '0'))) : NaN;
};

/** 交易量 and product for a member line, so the member account shows what was traded (opened with the mouse or Tab). */
export function TradePopover({ row, onChange }: { row: EditorRow; onChange(p: Partial<EditorRow>): void }) {
  const products = useCall('ledger.txns.products', { bookId: useBook().book.id });
  const set = row.product.trim() !== '';
  return (
    <Popover position="bottom-end" width={280} trapFocus withinPortal>
      <Popover.Target>
        <Tooltip label={set ? `${row.product} ${row.qty}${row.unit}` : t('登记成员交易（产品、数量）')}>
          <ActionIcon variant={set ? 'light' : 'subtle'} color={set ? 'green' : 'gray'} aria-label={t('登记成员交易')}>
            <IconPackage size={16} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput size="xs" label={t('产品')} value={row.product} onChange={(e) => onChange({ product: e.currentTarget.value })} list="ledger-products" />
          <datalist id="ledger-products">
            {(products.data ?? []).map((p) => (
              <option key={p.product} value={p.product} />
            ))}
          </datalist>
          <Group grow>
            <TextInput size="xs" label={t('数量')} value={row.qty} onChange={(e) => onChange({ qty: e.currentTarget.value })} error={Number.isNaN(qtyMilli(row.qty)) ? t('最多三位小数') : undefined} />
            <TextInput size="xs" label={t('单位')} value={row.unit} onChange={(e) => onChange({ unit: e.currentTarget.value })} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('交易额取本行金额')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
