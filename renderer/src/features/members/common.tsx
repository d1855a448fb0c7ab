import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Badge, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { call } from '../../api/client';
import { notifyOk, useAction, useCall } from '../../api/hooks';
import { downloadFile } from '../../components/files';
import { AppError } from '../../../../shared/errors';
import { ORG_STATUS_LABELS, HOUSEHOLD_STATUS_LABELS } from '../../../../shared/contract/memberFields';
import type { In } from '../../../../shared/contract/define';
import type { Contract } from '../../../../shared/contract';
import { t } from '../../i18n';

/** Townships and their villages from the settings list, as select options. */
export function useGeoOptions() {
  const q = useCall('geo.list', {});
  return useMemo(() => {
    const list = q.data ?? [];
    return {
      townships: list.map((x) => ({ value: String(x.id), label: x.name })),
      villages: (townshipId: number | null | string) =>
        (list.find((x) => String(x.id) === String(townshipId))?.villages ?? []).map((v) => ({ value: String(v.id), label: v.name })),
    };
  }, [q.data]);
}

export function useIndustryOptions(): string[] {
  const q = useCall('industries.list', {});
  return useMemo(() => (q.data ?? []).map((i) => i.name), [q.data]);
}

const STATUS_COLOR: Record<string, string> = { active: 'green', inactive: 'gray', suspended: 'orange', deregistered: 'gray' };

export function statusLabel(status: string): string {
  return (ORG_STATUS_LABELS as Record<string, string>)[status] ?? (HOUSEHOLD_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status] ?? 'gray'}>
      {t(statusLabel(status))}
    </Badge>
  );
}

export const toId = (v: string | null): number | null => (v ? Number(v) : null);
export const toOpt = (v: number | null): string | null => (v === null ? null : String(v));

/**
 * An in-page yes/no dialog (window.confirm is blocked in some shells); `ask` resolves when the user
 * answers, and `dialog` must be rendered by the page.
 */
export function useConfirm() {
  const [state, setState] = useState<{ title: string; message: ReactNode; confirm: string } | null>(null);
  const resolver = useRef<(ok: boolean) => void>(() => undefined);
  const ask = useCallback(
    (title: string, message: ReactNode, confirm = t('确定')) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setState({ title, message, confirm });
      }),
    [],
  );
  const answer = (ok: boolean) => {
    setState(null);
    resolver.current(ok);
  };
  const dialog = (
    <Modal opened={state !== null} onClose={() => answer(false)} title={state?.title}>
      <Stack>
        <Text size="sm">{state?.message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => answer(false)}>
            {t('取消')}
          </Button>
          <Button color="orange" onClick={() => answer(true)} data-autofocus>
            {state?.confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { ask, dialog };
}

/**
 * Saves a record; when the server warns of a likely duplicate (same name, township and phone), asks
 * the clerk and saves again with their confirmation. Other refusals go to the form as usual.
 */
export function useSaveWithDuplicateCheck() {
  const { busy, run } = useAction();
  const { ask, dialog } = useConfirm();
  const save = useCallback(
    async <T,>(fn: (confirmDuplicate: boolean) => Promise<T>, opts: { ok: string; setErrors(f: Record<string, string>): void }): Promise<T | undefined> => {
      let warning: AppError | null = null;
      const first = await run(
        async () => {
          try {
            return { value: await fn(false) };
          } catch (e) {
            if (e instanceof AppError && e.code === 'DUPLICATE' && e.fields?.confirmDuplicate) {
              warning = e;
              return null;
            }
            throw e;
          }
        },
        { setErrors: opts.setErrors },
      );
      if (first) {
        notifyOk(opts.ok);
        return first.value;
      }
      const w = warning as AppError | null;
      if (!w) return undefined;
      if (!(await ask(t('可能重复'), w.message, t('不是同一个，继续保存')))) return undefined;
      return run(() => fn(true), { ok: opts.ok, setErrors: opts.setErrors });
    },
    [run, ask],
  );
  return { busy, save, dialog };
}

type ExportInput = In<Contract['members.export']>;
type WithoutFormat<T> = T extends unknown ? Omit<T, 'format'> : never;

/** Export of the list as it is filtered now; the server masks and records it. */
export function ExportMenu({ input, label = '导出' }: { input: WithoutFormat<ExportInput>; label?: string }) {
  const { busy, run } = useAction();
  const go = async (format: 'xlsx' | 'csv') => {
    const f = await run(() => call('members.export', { ...input, format } as ExportInput));
    if (f) downloadFile(f);
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy}>
          {t(label)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => go('xlsx')}>{t('导出 Excel（.xlsx）')}</Menu.Item>
        <Menu.Item onClick={() => go('csv')}>{t('导出 CSV')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** A label/value grid for record details. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr max-content 1fr', gap: '6px 16px', alignItems: 'baseline' }}>
      {items.map(([k, v]) => (
        <FactPair key={k} label={k} value={v} />
      ))}
    </div>
  );
}

function FactPair({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {t(label)}
      </Text>
      <Text size="sm">{value === '' || value === null || value === undefined ? '—' : value}</Text>
    </>
  );
}
